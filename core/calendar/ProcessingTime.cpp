// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/calendar/ProcessingTime.h"

namespace motcua {

QString processingKindName(ProcessingKind kind)
{
    switch (kind) {
    case ProcessingKind::WorkingDays:
        return QStringLiteral("working_days");
    case ProcessingKind::CalendarDays:
        return QStringLiteral("calendar_days");
    case ProcessingKind::SameDay15h:
        return QStringLiteral("same_day_15h");
    }
    return {};
}

bool processingKindFromName(const QString &name, ProcessingKind *kind)
{
    for (ProcessingKind k : {ProcessingKind::WorkingDays, ProcessingKind::CalendarDays, ProcessingKind::SameDay15h}) {
        if (processingKindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

}  // namespace motcua
