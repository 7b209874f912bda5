// SPDX-License-Identifier: GPL-3.0-or-later
#include "RawDb.h"
#include "TestSupport.h"

#include "core/store/AuditLog.h"
#include "core/store/Store.h"

#include <QSqlQuery>

using namespace motcua;
using motcua::test::TempDir;

namespace {

QString makeLog(const TempDir &dir, int entries)
{
    const QString path = dir.file(QStringLiteral("counter.sqlite"));
    auto store = Store::open(path);
    REQUIRE(store.ok());
    for (int i = 1; i <= entries; ++i) {
        auto r = (*store)->write([&](const QSqlDatabase &db) -> Result<void> {
            auto a = AuditLog::append(db, {QStringLiteral("lan.nt"), QStringLiteral("counter-7")},
                                      {QStringLiteral("dossier.receive"),
                                       QStringLiteral("000.00.04.H49-260302-%1").arg(i, 4, 10, QLatin1Char('0')),
                                       QStringLiteral("{\"n\":%1}").arg(i)});
            if (!a)
                return a.error();
            return {};
        });
        REQUIRE(r.ok());
    }
    return path;
}

// Tampering happens behind the program's back: with the triggers dropped, as someone with the sqlite3 tool would.
void tamper(const QString &path, const QStringList &statements)
{
    test::withRawDb(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("DROP TRIGGER audit_log_append_only_update")));
        REQUIRE(q.exec(QStringLiteral("DROP TRIGGER audit_log_append_only_delete")));
        for (const QString &s : statements)
            REQUIRE(q.exec(s));
    });
}

AuditVerification verify(const QString &path)
{
    auto store = Store::open(path);
    REQUIRE(store.ok());
    auto v = AuditLog::verify((*store)->connection());
    REQUIRE(v.ok());
    return *v;
}

}  // namespace

TEST_CASE("An untouched audit log verifies", "[audit]")
{
    TempDir dir;
    const QString path = makeLog(dir, 10);
    const auto v = verify(path);
    CHECK(v.intact);
    CHECK(v.entries == 10);
    CHECK(v.problem.isEmpty());
}

TEST_CASE("The audit log refuses UPDATE and DELETE through SQLite", "[audit]")
{
    TempDir dir;
    const QString path = makeLog(dir, 3);
    auto store = Store::open(path);
    REQUIRE(store.ok());
    QSqlQuery q((*store)->connection());
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE audit_log SET officer = 'x' WHERE seq = 2")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 2")));
}

TEST_CASE("Tampering with the audit log is detected", "[audit][tamper]")
{
    TempDir dir;
    const QString path = makeLog(dir, 10);

    SECTION("an edited field")
    {
        tamper(path, {QStringLiteral("UPDATE audit_log SET officer = 'someone.else' WHERE seq = 4")});
        const auto v = verify(path);
        CHECK_FALSE(v.intact);
        CHECK(v.firstBadSeq == 4);
        CHECK(v.problem.contains(QStringLiteral("altered")));
    }
    SECTION("an edited field with its own hash recomputed is caught by the next link")
    {
        // Changing the hash of entry 4 breaks entry 5's prev_hash.
        // (The first two hex digits are replaced by others: a hash that already began with "ab" would otherwise stay
        // as it was, one run in 256.)
        tamper(path, {QStringLiteral("UPDATE audit_log SET hash = CASE WHEN substr(hash, 1, 2) = 'ab' THEN 'cd' "
                                     "ELSE 'ab' END || substr(hash, 3) WHERE seq = 4")});
        const auto v = verify(path);
        CHECK_FALSE(v.intact);
        CHECK(v.firstBadSeq == 4);
    }
    SECTION("a deleted row in the middle")
    {
        tamper(path, {QStringLiteral("DELETE FROM audit_log WHERE seq = 6")});
        const auto v = verify(path);
        CHECK_FALSE(v.intact);
        CHECK(v.firstBadSeq == 6);
        CHECK(v.problem.contains(QStringLiteral("missing")));
    }
    SECTION("the newest row deleted")
    {
        tamper(path, {QStringLiteral("DELETE FROM audit_log WHERE seq = 10")});
        const auto v = verify(path);
        CHECK_FALSE(v.intact);
        CHECK(v.problem.contains(QStringLiteral("removed")));
    }
    SECTION("two rows swapped")
    {
        tamper(path, {QStringLiteral("UPDATE audit_log SET seq = 100 WHERE seq = 2"),
                      QStringLiteral("UPDATE audit_log SET seq = 2 WHERE seq = 3"),
                      QStringLiteral("UPDATE audit_log SET seq = 3 WHERE seq = 100")});
        const auto v = verify(path);
        CHECK_FALSE(v.intact);
        CHECK(v.firstBadSeq == 2);
    }
}
