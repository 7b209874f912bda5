// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace motcua::app {

QString systemLanguage()
{
    return QLocale::system().language() == QLocale::Vietnamese ? QStringLiteral("vi") : QStringLiteral("en");
}

bool installTranslations(const QString &language)
{
    if (language != QStringLiteral("vi"))
        return true;
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(QStringLiteral(":/i18n/motcua_vi.qm"))) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    QLocale::setDefault(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    return true;
}

}  // namespace motcua::app
