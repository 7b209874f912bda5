// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/calendar/ProcessingTime.h"
#include "core/dossier/Dossier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// The interface's words for domain values, translated.
namespace motcua::ui::texts {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::ui::texts)
};

QString processing(const ProcessingTime &t);
QString status(const QString &statusName);  // "received" -> "Received"
QString status(DossierStatus status);
QString event(EventType type);
QString timeliness(Timeliness t);
QString returnMethod(const QString &method);
QString moment(const QDateTime &utc);  // "25/03/2026 09:30", Vietnam time
QString money(qint64 vnd);             // "50.000 ₫"

}  // namespace motcua::ui::texts
