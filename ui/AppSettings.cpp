// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AppSettings.h"

#include <QSettings>

namespace motcua::ui {

namespace {

// Every key and its default, in one place.
const QString kLanguage = QStringLiteral("ui/language");
const QString kIdleLock = QStringLiteral("ui/idleLockMinutes");
constexpr int kIdleLockDefault = 10;
const QString kPrintMode = QStringLiteral("print/mode");
const QString kLastLogin = QStringLiteral("ui/lastLogin");
const QString kRecent = QStringLiteral("receive/recentProcedures");
constexpr int kRecentKept = 12;

QString printerKey(const QString &form)
{
    return QStringLiteral("print/form%1/printer").arg(form);
}

QString paperKey(const QString &form)
{
    return QStringLiteral("print/form%1/paper").arg(form);
}

}  // namespace

QString AppSettings::language()
{
    const QString l = QSettings().value(kLanguage, QStringLiteral("vi")).toString();
    return l == QStringLiteral("en") ? l : QStringLiteral("vi");
}

void AppSettings::setLanguage(const QString &language)
{
    QSettings().setValue(kLanguage, language);
}

int AppSettings::idleLockMinutes()
{
    return qBound(0, QSettings().value(kIdleLock, kIdleLockDefault).toInt(), 240);
}

void AppSettings::setIdleLockMinutes(int minutes)
{
    QSettings().setValue(kIdleLock, minutes);
}

AppSettings::PrintMode AppSettings::printMode()
{
    return QSettings().value(kPrintMode).toString() == QStringLiteral("direct") ? PrintMode::Direct
                                                                                : PrintMode::Preview;
}

void AppSettings::setPrintMode(PrintMode mode)
{
    QSettings().setValue(kPrintMode, mode == PrintMode::Direct ? QStringLiteral("direct") : QStringLiteral("preview"));
}

QString AppSettings::printerFor(const QString &form)
{
    return QSettings().value(printerKey(form)).toString();
}

void AppSettings::setPrinterFor(const QString &form, const QString &printer)
{
    QSettings().setValue(printerKey(form), printer);
}

print::Paper AppSettings::paperFor(const QString &form)
{
    return paperFromName(QSettings().value(paperKey(form), QStringLiteral("a4")).toString());
}

void AppSettings::setPaperFor(const QString &form, print::Paper paper)
{
    QSettings().setValue(paperKey(form), paperName(paper));
}

QString AppSettings::lastLogin()
{
    return QSettings().value(kLastLogin).toString();
}

void AppSettings::setLastLogin(const QString &login)
{
    QSettings().setValue(kLastLogin, login);
}

QStringList AppSettings::recentProcedures()
{
    return QSettings().value(kRecent).toStringList();
}

void AppSettings::noteProcedureUsed(const QString &code)
{
    QStringList recent = recentProcedures();
    recent.removeAll(code);
    recent.prepend(code);
    while (recent.size() > kRecentKept)
        recent.removeLast();
    QSettings().setValue(kRecent, recent);
}

QString AppSettings::paperName(print::Paper paper)
{
    switch (paper) {
    case print::Paper::A4:
        return QStringLiteral("a4");
    case print::Paper::A5:
        return QStringLiteral("a5");
    case print::Paper::Receipt80:
        return QStringLiteral("receipt80");
    }
    return QStringLiteral("a4");
}

print::Paper AppSettings::paperFromName(const QString &name)
{
    if (name == QStringLiteral("a5"))
        return print::Paper::A5;
    if (name == QStringLiteral("receipt80"))
        return print::Paper::Receipt80;
    return print::Paper::A4;
}

}  // namespace motcua::ui
