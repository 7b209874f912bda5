// motcua-center: the provincial center's sync service. This file only wires.
#include "app/common/Translations.h"
#include "sync/Protocol.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("motcua-center"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOTCUA_VERSION));
    motcua::app::installTranslations(motcua::app::systemLanguage());

    const QStringList args = QCoreApplication::arguments().mid(1);
    QTextStream out(stdout);
    if (args == QStringList{QStringLiteral("--version")}) {
        out << QStringLiteral("motcua-center ") << QCoreApplication::applicationVersion()
            << QStringLiteral(" (protocol ") << motcua::sync::apiPrefix() << QStringLiteral(")") << Qt::endl;
        return 0;
    }
    QTextStream err(stderr);
    err << QCoreApplication::translate(
               "motcua::center", "Usage: motcua-center --version\n"
                                 "The sync service (serve, init, unit, counter, officer, catalog, calendar, status) "
                                 "is not part of this build yet.")
        << Qt::endl;
    return args.isEmpty() || args == QStringList{QStringLiteral("--help")} ? 0 : 2;
}
