// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/print/Form01.h"

#include <QString>

namespace motcua::ui {

// The counter PC's own settings (QSettings, per machine and user): one table of keys and defaults. The unit's
// settings (working hours, agency names) live in the store instead, shared by every counter of the unit.
class AppSettings final {
public:
    enum class PrintMode { Preview, Direct };

    static QString language();  // "vi" (default) or "en"; applies at the next start
    static void setLanguage(const QString &language);
    static int idleLockMinutes();  // 0: never lock
    static void setIdleLockMinutes(int minutes);
    static PrintMode printMode();  // preview first (default) or straight to the printer
    static void setPrintMode(PrintMode mode);
    // Per form ("01" … "07"): the printer's name (empty: the system default) and the paper.
    static QString printerFor(const QString &form);
    static void setPrinterFor(const QString &form, const QString &printer);
    static print::Paper paperFor(const QString &form);
    static void setPaperFor(const QString &form, print::Paper paper);
    // The login of the officer who signed in last on this PC (filled in on the login page).
    static QString lastLogin();
    static void setLastLogin(const QString &login);
    // Procedures this counter received most, most recent first (for the procedure picker).
    static QStringList recentProcedures();
    static void noteProcedureUsed(const QString &code);

    static QStringList forms()
    {
        return {QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("03"), QStringLiteral("04"),
                QStringLiteral("05"), QStringLiteral("06"), QStringLiteral("07")};
    }
    static QString paperName(print::Paper paper);  // "a4", "a5", "receipt80"
    static print::Paper paperFromName(const QString &name);

private:
    AppSettings() = delete;
};

}  // namespace motcua::ui
