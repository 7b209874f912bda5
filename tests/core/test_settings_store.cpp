// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "core/calendar/WorkingCalendar.h"
#include "core/store/SettingsStore.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

using namespace motcua;
using namespace motcua::test;

using Key = SettingsStore::Key;

TEST_CASE("The unit's settings are typed keys with one name and one default each", "[store][settings]")
{
    const QList<Key> keys = {Key::WorkingHours, Key::ParentAgency, Key::CenterName, Key::PlaceName, Key::LookupUrl};
    QStringList names;
    for (Key key : keys) {
        names << SettingsStore::name(key);
        CHECK(SettingsStore::keyNamed(SettingsStore::name(key)) == key);
        CHECK_FALSE(SettingsStore::defaultValue(key).isEmpty());
    }
    CHECK(names == QStringList{QStringLiteral("working_hours"), QStringLiteral("unit.parent_agency"),
                               QStringLiteral("unit.center_name"), QStringLiteral("unit.place_name"),
                               QStringLiteral("unit.lookup_url")});
    CHECK_FALSE(SettingsStore::keyNamed(QStringLiteral("unit.unknown")));
    auto hours = WorkingCalendar::parseWorkingHours(SettingsStore::defaultValue(Key::WorkingHours));
    REQUIRE(hours.ok());
    CHECK(*hours == WorkingCalendar::defaultWorkingHours());
    CHECK(SettingsStore::defaultValue(Key::PlaceName) == QStringLiteral("Quảng Ninh"));
}

TEST_CASE("A setting is stored, read back, and removed by an empty value", "[store][settings]")
{
    TempDir dir;
    auto opened = Store::open(dir.file(QStringLiteral("c.sqlite")));
    REQUIRE(opened.ok());
    const Store &store = **opened;
    const SettingsStore settings(store);

    auto unset = settings.stored(Key::PlaceName);
    REQUIRE(unset.ok());
    CHECK_FALSE(*unset);
    auto value = settings.value(Key::PlaceName);
    REQUIRE(value.ok());
    CHECK(*value == SettingsStore::defaultValue(Key::PlaceName));

    auto set = [&](const QString &v) {
        return store.write([&](const QSqlDatabase &db) { return SettingsStore::set(db, Key::PlaceName, v); });
    };
    REQUIRE(set(QStringLiteral("Hạ Long")).ok());
    CHECK(settings.stored(Key::PlaceName)->value_or(QString()) == QStringLiteral("Hạ Long"));
    CHECK(*settings.value(Key::PlaceName) == QStringLiteral("Hạ Long"));
    REQUIRE(set(QStringLiteral("Cẩm Phả")).ok());
    CHECK(*settings.value(Key::PlaceName) == QStringLiteral("Cẩm Phả"));
    CHECK_FALSE(*settings.stored(Key::CenterName));  // other keys untouched

    REQUIRE(set(QString()).ok());
    CHECK_FALSE(*settings.stored(Key::PlaceName));
    CHECK(*settings.value(Key::PlaceName) == SettingsStore::defaultValue(Key::PlaceName));

    SECTION("a failed read is an error, not a default")
    {
        sql::FaultInjector::failAt(1);
        auto failed = settings.value(Key::PlaceName);
        sql::FaultInjector::disarm();
        CHECK_FALSE(failed.ok());
    }
}
