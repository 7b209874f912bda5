// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>

namespace motcua {

// Officers' passwords are kept only as Argon2id hashes (libsodium's crypto_pwhash_str, the self-describing
// "$argon2id$v=19$m=…,t=…,p=…$salt$hash" text). The center creates them; counters receive them by sync and
// check logins offline.
//
// Cost: libsodium's "interactive" limits (64 MiB, 2 passes) — about a tenth of a second on an old office PC,
// which is what one login may cost, and far too slow for guessing a stolen hash.
Result<QString> hashPassword(const QString &password);
// True when `password` matches `hash`. A malformed hash never matches.
bool verifyPassword(const QString &hash, const QString &password);
// True when `hash` was made with weaker limits than hashPassword() uses now (rehash at the next login).
bool passwordNeedsRehash(const QString &hash);

}  // namespace motcua
