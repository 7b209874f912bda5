// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/calendar/Holidays.h"
#include "core/calendar/WorkingCalendar.h"
#include "core/store/AuditLog.h"
#include "core/store/SettingsStore.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace motcua {

class Store;

struct CalendarImport {
    QList<int> years;  // the years the file held, ascending
    int daysOff = 0;
    int workdays = 0;
};

// The working calendar in the store (tables calendar_days and calendar_years, setting "working_hours").
// The core cannot reach the program's embedded resources, so callers pass the bytes of the shipped file.
class CalendarStore final {
public:
    // Imports a "motcua-calendar/1" file as official data: every year it holds replaces what the store had for
    // that year (official or generated rows); other years stay. One transaction, with the audit entry
    // "calendar.import". Nothing is written when the file has any problem.
    static Result<CalendarImport> importJson(const Store &store, const QByteArray &json, const Actor &actor,
                                             const QString &origin);

    // A store with no calendar yet (calendar_years empty) gets `shippedJson` (the official days the program
    // ships with). Returns true when it seeded the store now, false when the store had a calendar already.
    static Result<bool> ensureSeeded(const Store &store, const QByteArray &shippedJson,
                                     const Actor &actor = Actor{QStringLiteral("system"),
                                                                QStringLiteral("standalone")});

    // Writes the generated days of `year` when the store has nothing for that year (so that they can be seen and
    // shared); returns true when it wrote them. An import of the year replaces them.
    static Result<bool> storeGeneratedYear(const Store &store, int year, const Actor &actor);

    // The unit's calendar: the stored years, generated days for the others, and the working hours of the
    // setting "working_hours" (default 07:00-11:30,13:30-17:00).
    static Result<WorkingCalendar> load(const Store &store);

    static QString workingHoursKey() { return SettingsStore::name(SettingsStore::Key::WorkingHours); }

private:
    CalendarStore() = delete;
};

}  // namespace motcua
