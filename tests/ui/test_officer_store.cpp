// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "core/Clock.h"
#include "core/officer/OfficerStore.h"
#include "core/officer/PasswordHash.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

using namespace motcua;
using motcua::test::TempDir;

namespace {

OfficerRecord officer(const QString &login, const QString &hash)
{
    return {login,
            QStringLiteral("Nguyễn Thị Lan"),
            QStringLiteral("officer"),
            QStringLiteral("000.00.04.H49"),
            hash,
            false,
            QDateTime(QDate(2026, 3, 1), QTime(1, 0), QTimeZone::utc())};
}

}  // namespace

TEST_CASE("Officers log in offline, and five wrong passwords lock the account for 15 minutes", "[officer]")
{
    TempDir dir;
    auto store = Store::open(dir.file(QStringLiteral("c.sqlite")));
    REQUIRE(store.ok());
    auto hash = hashPassword(QStringLiteral("dungroi1"));
    REQUIRE(hash.ok());
    OfficerStore officers(**store);
    REQUIRE(officers.add(officer(QStringLiteral("lan"), *hash)).ok());
    CHECK(officers.add(officer(QStringLiteral("lan"), *hash)).error().code == ErrorCode::Conflict);
    OfficerRecord bad = officer(QStringLiteral("x"), *hash);
    bad.role = QStringLiteral("boss");
    CHECK(officers.add(bad).error().code == ErrorCode::InvalidInput);

    QDateTime now(QDate(2026, 3, 2), QTime(2, 0), QTimeZone::utc());
    ScopedClockOverride clock([&now] { return now; });
    auto ok = officers.login(QStringLiteral("lan"), QStringLiteral("dungroi1"));
    REQUIRE(ok.ok());
    CHECK(ok->outcome == LoginOutcome::Ok);
    CHECK(ok->officer.fullName == QStringLiteral("Nguyễn Thị Lan"));
    CHECK(officers.login(QStringLiteral("ai"), QStringLiteral("x"))->outcome == LoginOutcome::Unknown);

    for (int i = 1; i <= 4; ++i) {
        auto wrong = officers.login(QStringLiteral("lan"), QStringLiteral("sai"));
        REQUIRE(wrong.ok());
        CHECK(wrong->outcome == LoginOutcome::WrongPassword);
        CHECK(wrong->attemptsLeft == 5 - i);
    }
    auto locked = officers.login(QStringLiteral("lan"), QStringLiteral("sai"));
    REQUIRE(locked.ok());
    CHECK(locked->outcome == LoginOutcome::Locked);
    CHECK(locked->lockedUntil == now.addSecs(15 * 60));
    now = now.addSecs(14 * 60);
    CHECK(officers.login(QStringLiteral("lan"), QStringLiteral("dungroi1"))->outcome == LoginOutcome::Locked);

    // A sync of the officer (new name) keeps the local lock.
    OfficerRecord renamed = officer(QStringLiteral("lan"), *hash);
    renamed.fullName = QStringLiteral("Nguyễn Thị Lan Anh");
    REQUIRE((*store)->write([&](const QSqlDatabase &db) { return OfficerStore::upsert(db, renamed); }).ok());
    CHECK(officers.login(QStringLiteral("lan"), QStringLiteral("dungroi1"))->outcome == LoginOutcome::Locked);

    now = now.addSecs(2 * 60);
    auto after = officers.login(QStringLiteral("lan"), QStringLiteral("dungroi1"));
    REQUIRE(after.ok());
    CHECK(after->outcome == LoginOutcome::Ok);
    CHECK(after->officer.fullName == QStringLiteral("Nguyễn Thị Lan Anh"));
    // The count starts again after a good login.
    CHECK(officers.login(QStringLiteral("lan"), QStringLiteral("sai"))->attemptsLeft == 4);

    // A disabled officer cannot sign in.
    renamed.disabled = true;
    REQUIRE((*store)->write([&](const QSqlDatabase &db) { return OfficerStore::upsert(db, renamed); }).ok());
    CHECK(officers.login(QStringLiteral("lan"), QStringLiteral("dungroi1"))->outcome == LoginOutcome::Disabled);
    auto all = officers.list();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 1);
    CHECK(all->first().disabled);
}
