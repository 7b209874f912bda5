// SPDX-License-Identifier: GPL-3.0-or-later
// The counter's credential in the OS keychain, against a real Secret Service: ctest runs this program inside
// tests/support/with-keyring.sh (a private D-Bus session with its own unlocked GNOME Keyring).

#include "ProcessFixtures.h"
#include "TestSupport.h"

#include "sync/client/Credentials.h"

#include <catch2/catch.hpp>

#include <QDirIterator>
#include <QFile>

using namespace motcua;
using namespace motcua::test;

namespace {

// True when `needle` occurs in any file under `dir`.
bool anyFileContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            return true;
    }
    return false;
}

}  // namespace

TEST_CASE("Credentials are kept in the real Secret Service: saved, read back, replaced and removed", "[sync][keychain]")
{
    REQUIRE(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"));
    sync::KeychainCredentials keychain(QStringLiteral("motcua-test"));
    INFO(keychain.describe().toStdString());
    auto usable = keychain.probe();
    INFO((usable ? QString() : usable.error().message).toStdString());
    REQUIRE(usable.ok());

    const QString a = QStringLiteral("H49.01-Q01");
    const QString b = QStringLiteral("H49.02-Q01");
    auto missing = keychain.load(a);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);

    REQUIRE(keychain.save(a, QStringLiteral("secret-of-a-1")).ok());
    REQUIRE(keychain.save(b, QStringLiteral("secret-of-b")).ok());
    CHECK(keychain.load(a).value() == QStringLiteral("secret-of-a-1"));
    CHECK(keychain.load(b).value() == QStringLiteral("secret-of-b"));

    // Enrolled again: the new secret replaces the old one.
    REQUIRE(keychain.save(a, QStringLiteral("secret-of-a-2")).ok());
    CHECK(keychain.load(a).value() == QStringLiteral("secret-of-a-2"));

    // Another program's service name does not see them.
    sync::KeychainCredentials other(QStringLiteral("motcua-test-other"));
    CHECK(other.load(a).error().code == ErrorCode::NotFound);

    REQUIRE(keychain.remove(a).ok());
    CHECK(keychain.load(a).error().code == ErrorCode::NotFound);
    CHECK(keychain.load(b).value() == QStringLiteral("secret-of-b"));
    REQUIRE(keychain.remove(b).ok());
}

TEST_CASE("A counter enrolled with the keychain syncs over TLS, and its secret is in no file of its own",
          "[sync][keychain][processes]")
{
    Province p(/*allowPlaintextCredentials=*/false);
    p.start();
    CounterProc counter(p, QStringLiteral("counter"));
    counter.enroll();
    REQUIRE(counter.receive().exitCode == 0);
    const QJsonObject round = counter.syncNow();
    CHECK(round.value(QStringLiteral("pushed")).toInt() == 1);
    CHECK(p.centerEvents() == 1);

    // The secret the center issued is in the keychain (the default service), not next to the store.
    CHECK_FALSE(QFile::exists(counter.db + QStringLiteral(".credentials")));
    sync::KeychainCredentials keychain;
    auto secret = keychain.load(QStringLiteral("H49.01-Q01"));
    INFO((secret ? QString() : secret.error().message).toStdString());
    REQUIRE(secret.ok());
    REQUIRE(secret->size() >= 16);
    CHECK_FALSE(anyFileContains(p.dir.path(), secret->toUtf8()));

    // Without the credential the counter says what is wrong and what to do, and keeps its data.
    REQUIRE(keychain.remove(QStringLiteral("H49.01-Q01")).ok());
    REQUIRE(counter.receive().exitCode == 0);
    auto r = counter.cli({QStringLiteral("sync"), QStringLiteral("now")});
    CHECK(r.exitCode != 0);
    CHECK_FALSE(r.err.trimmed().isEmpty());
    CHECK(counter.count("events") == 2);
}

TEST_CASE("With no Secret Service on the session, enrollment is refused before the one-time code is spent",
          "[sync][keychain][processes]")
{
    Province p(/*allowPlaintextCredentials=*/false);
    p.start();
    CounterProc counter(p, QStringLiteral("counter"));
    const QString code = p.newCode();
    // A session bus with nobody answering for org.freedesktop.secrets: the counter's environment points
    // D-Bus at an address where no bus listens.
    auto refused = runCli({QStringLiteral("--db"), counter.db, QStringLiteral("sync"), QStringLiteral("enroll"),
                           p.url(), code, QStringLiteral("--ca"), p.dir.file(QStringLiteral("ca.pem"))},
                          {},
                          p.counterEnv + QStringList{QStringLiteral("DBUS_SESSION_BUS_ADDRESS=unix:path=") +
                                                     p.dir.file(QStringLiteral("no-bus"))});
    CHECK(refused.exitCode != 0);
    CHECK(refused.err.contains(QStringLiteral("keychain"), Qt::CaseInsensitive));
    // The code still works once the keychain is there.
    auto enrolled = counter.cli({QStringLiteral("sync"), QStringLiteral("enroll"), p.url(), code,
                                 QStringLiteral("--ca"), p.dir.file(QStringLiteral("ca.pem"))});
    INFO(enrolled.err.toStdString());
    CHECK(enrolled.exitCode == 0);
}
