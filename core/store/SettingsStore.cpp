// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/SettingsStore.h"

#include "core/store/Sql.h"
#include "core/store/Store.h"

#include <iterator>

namespace motcua {

namespace {

struct Setting {
    SettingsStore::Key key;
    const char *name;
    const char *defaultValue;  // UTF-8
};

// Every setting of the unit: its name in the table and its default, in the order of SettingsStore::Key.
constexpr Setting kSettings[] = {
    {SettingsStore::Key::WorkingHours, "working_hours", "07:00-11:30,13:30-17:00"},
    {SettingsStore::Key::ParentAgency, "unit.parent_agency", "UBND tỉnh Quảng Ninh"},
    {SettingsStore::Key::CenterName, "unit.center_name", "Bộ phận Một cửa"},
    {SettingsStore::Key::PlaceName, "unit.place_name", "Quảng Ninh"},
    {SettingsStore::Key::LookupUrl, "unit.lookup_url", "https://dichvucong.quangninh.gov.vn/tra-cuu?ma="},
};

constexpr bool inKeyOrder()
{
    for (std::size_t i = 0; i < std::size(kSettings); ++i) {
        if (static_cast<std::size_t>(kSettings[i].key) != i)
            return false;
    }
    return true;
}
static_assert(inKeyOrder(), "kSettings lists every key in the order of SettingsStore::Key");

const Setting &settingOf(SettingsStore::Key key)
{
    return kSettings[static_cast<std::size_t>(key)];
}

}  // namespace

QString SettingsStore::name(Key key)
{
    return QString::fromLatin1(settingOf(key).name);
}

std::optional<SettingsStore::Key> SettingsStore::keyNamed(const QString &name)
{
    for (const Setting &s : kSettings) {
        if (name == QLatin1String(s.name))
            return s.key;
    }
    return std::nullopt;
}

QString SettingsStore::defaultValue(Key key)
{
    return QString::fromUtf8(settingOf(key).defaultValue);
}

Result<std::optional<QString>> SettingsStore::stored(Key key) const
{
    return stored(m_store.connection(), key);
}

Result<std::optional<QString>> SettingsStore::stored(const QSqlDatabase &db, Key key)
{
    auto v = sql::scalar(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {name(key)});
    if (!v)
        return v.error();
    if (!v->isValid())
        return std::optional<QString>();
    return std::optional<QString>(v->toString());
}

Result<QString> SettingsStore::value(Key key) const
{
    auto v = stored(key);
    if (!v)
        return v.error();
    return *v && !(*v)->isEmpty() ? **v : defaultValue(key);
}

Result<void> SettingsStore::set(const QSqlDatabase &db, Key key, const QString &value)
{
    auto q = value.isEmpty() ? sql::run(db, QStringLiteral("DELETE FROM settings WHERE key = ?"), {name(key)})
                             : sql::run(db,
                                        QStringLiteral("INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) "
                                                       "DO UPDATE SET value = excluded.value"),
                                        {name(key), value});
    if (!q)
        return q.error();
    return {};
}

}  // namespace motcua
