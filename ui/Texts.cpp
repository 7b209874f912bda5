// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Texts.h"

#include "core/Clock.h"

#include <QLocale>

namespace motcua::ui::texts {

QString processing(const ProcessingTime &t)
{
    switch (t.kind) {
    case ProcessingKind::WorkingDays:
        return Tr::tr("%n working day(s)", nullptr, t.days);
    case ProcessingKind::CalendarDays:
        return Tr::tr("%n day(s)", nullptr, t.days);
    case ProcessingKind::SameDay15h:
        return Tr::tr("the same day (from 15:00: the next working day)");
    }
    return {};
}

QString status(const QString &statusName)
{
    DossierStatus s = DossierStatus::None;
    if (!dossierStatusFromName(statusName, &s))
        return statusName;
    return status(s);
}

QString status(DossierStatus s)
{
    switch (s) {
    case DossierStatus::None:
        return Tr::tr("Incomplete");
    case DossierStatus::Received:
        return Tr::tr("Received");
    case DossierStatus::Refused:
        return Tr::tr("Refused");
    case DossierStatus::WaitingSupplement:
        return Tr::tr("Waiting for supplement");
    case DossierStatus::Transferred:
        return Tr::tr("Transferred");
    case DossierStatus::Processing:
        return Tr::tr("Processing");
    case DossierStatus::ResultReady:
        return Tr::tr("Result ready");
    case DossierStatus::Returned:
        return Tr::tr("Returned");
    case DossierStatus::Stopped:
        return Tr::tr("Stopped");
    case DossierStatus::Withdrawn:
        return Tr::tr("Withdrawn");
    }
    return {};
}

QString event(EventType type)
{
    switch (type) {
    case EventType::Received:
        return Tr::tr("Received");
    case EventType::Refused:
        return Tr::tr("Refused");
    case EventType::SupplementRequested:
        return Tr::tr("Supplement requested");
    case EventType::Supplemented:
        return Tr::tr("Supplemented");
    case EventType::Transferred:
        return Tr::tr("Transferred to the agency");
    case EventType::ProcessingStep:
        return Tr::tr("Processing step");
    case EventType::Extended:
        return Tr::tr("Apology and new date");
    case EventType::Stopped:
        return Tr::tr("Stopped");
    case EventType::Withdrawn:
        return Tr::tr("Withdrawn");
    case EventType::ResultReady:
        return Tr::tr("Result ready");
    case EventType::Returned:
        return Tr::tr("Result returned");
    case EventType::Note:
        return Tr::tr("Note");
    case EventType::Fee:
        return Tr::tr("Fee");
    case EventType::Attachment:
        return Tr::tr("Attachment");
    case EventType::Reprinted:
        return Tr::tr("Form reprinted");
    case EventType::ConflictResolved:
        return Tr::tr("Conflict resolved");
    }
    return {};
}

QString timeliness(Timeliness t)
{
    switch (t) {
    case Timeliness::Pending:
        return Tr::tr("in progress");
    case Timeliness::Early:
        return Tr::tr("early");
    case Timeliness::OnTime:
        return Tr::tr("on time");
    case Timeliness::Late:
        return Tr::tr("late");
    }
    return {};
}

QString returnMethod(const QString &method)
{
    if (method == QStringLiteral("post"))
        return Tr::tr("by post");
    if (method == QStringLiteral("online"))
        return Tr::tr("online");
    return Tr::tr("at the counter");
}

QString moment(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toTimeZone(vietnamTimeZone()).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

QString money(qint64 vnd)
{
    return QLocale(QLocale::Vietnamese, QLocale::Vietnam).toString(vnd) + QStringLiteral(" ₫");
}

}  // namespace motcua::ui::texts
