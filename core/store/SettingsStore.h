// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace motcua {

class Store;

// The unit's settings kept in the store (table settings), as opposed to one computer's preferences (ui/AppSettings):
// typed keys, each named and given its default once, in the table in SettingsStore.cpp.
class SettingsStore final {
public:
    enum class Key {
        WorkingHours,  // "working_hours": the unit's working hours, as WorkingCalendar::parseWorkingHours() reads them
        ParentAgency,  // "unit.parent_agency": the agency over the unit, in the header of the forms
        CenterName,    // "unit.center_name": the center in the forms (when unset, the forms use the unit's name)
        PlaceName,     // "unit.place_name": the place of "…, ngày …" in the forms
        LookupUrl,     // "unit.lookup_url": where the QR code of a receipt points, the dossier code appended
    };

    explicit SettingsStore(const Store &store) : m_store(store) {}

    // The key's name in the table.
    static QString name(Key key);
    // The key named `name`, if any.
    static std::optional<Key> keyNamed(const QString &name);
    // The value in force while the unit has set none.
    static QString defaultValue(Key key);

    // The value the unit set; nothing when it keeps the default.
    [[nodiscard]] Result<std::optional<QString>> stored(Key key) const;
    static Result<std::optional<QString>> stored(const QSqlDatabase &db, Key key);
    // The value in force: the one the unit set unless that is empty, else the default.
    [[nodiscard]] Result<QString> value(Key key) const;

    // Inside the caller's write transaction: sets `key` to `value`; an empty value removes the key (the default is
    // in force again).
    static Result<void> set(const QSqlDatabase &db, Key key, const QString &value);

private:
    const Store &m_store;
};

}  // namespace motcua
