// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace motcua {

// How long a procedure takes by law (DESIGN.md, "Working calendar").
enum class ProcessingKind {
    WorkingDays,   // N working days of 8 working hours, counted through the unit's working hours
    CalendarDays,  // N calendar days; a due date on a day off moves to the next working day, same time
    SameDay15h,    // received before 15:00: due at closing time that day; from 15:00: closing time next working day
};

struct ProcessingTime {
    ProcessingKind kind = ProcessingKind::WorkingDays;
    int days = 0;

    friend bool operator==(const ProcessingTime &, const ProcessingTime &) = default;
};

// The catalog's words for the kinds: "working_days", "calendar_days", "same_day_15h".
QString processingKindName(ProcessingKind kind);
// False when `name` is none of those words.
bool processingKindFromName(const QString &name, ProcessingKind *kind);

}  // namespace motcua
