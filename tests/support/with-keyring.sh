#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command in a private D-Bus session with its own GNOME Keyring, unlocked, in a temporary home, so that
# QtKeychain talks to a real Secret Service without touching anyone's keyring. Everything is removed afterwards.
#   with-keyring.sh COMMAND [ARGUMENT...]
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-keyring.sh: $tool is missing (packages dbus and gnome-keyring)" >&2
        exit 1
    fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/motcua-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home/.local/share" "$tmp/home/.config" "$tmp/run"
chmod 700 "$tmp/run"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/home/.local/share" \
    XDG_CONFIG_HOME="$tmp/home/.config"
unset GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
# The daemon creates the login keyring with a throwaway password and unlocks it; it ends with the session bus.
status=0
dbus-run-session -- sh -c '
    printf "motcua-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
    exec "$@"' with-keyring "$@" || status=$?
exit "$status"
