// motcua-cli: the counter's domain and store without the GUI. This file only wires.
#include "app/cli/Cli.h"
#include "app/common/Translations.h"
#include "core/Paths.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli)
};
}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("motcua-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOTCUA_VERSION));
    motcua::app::installTranslations(motcua::app::systemLanguage());
    // Errors reach the user as one line each; the modules' log lines only with --verbose.
    if (!QCoreApplication::arguments().contains(QStringLiteral("--verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("motcua.*.info=false\nmotcua.*.warning=false"));

    using namespace motcua::cli;
    Registry registry;
    registerStoreCommands(registry);
    registerCatalogCommands(registry);
    registerCalendarCommands(registry);
    registerCitizenCommands(registry);
    registerDossierCommands(registry);

    // Global options may stand anywhere; everything else belongs to the command.
    QStringList rest;
    QString dbPath = motcua::paths::defaultStorePath();
    bool json = false;
    const QStringList all = QCoreApplication::arguments().mid(1);
    QTextStream err(stderr);
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString &a = all.at(i);
        if (a == QStringLiteral("--json") &&
            rest.mid(0, 2) == QStringList{QStringLiteral("dossier"), QStringLiteral("event")} && i + 1 < all.size() &&
            !all.at(i + 1).startsWith(QStringLiteral("--"))) {
            // `dossier event CODE TYPE --json FILE`: here --json names the event's payload file. JSON output for
            // that command is asked for before the command words: motcua-cli --json dossier event …
            rest << a << all.at(++i);
        } else if (a == QStringLiteral("--json")) {
            json = true;
        } else if (a == QStringLiteral("--verbose")) {
            continue;
        } else if (a == QStringLiteral("--db")) {
            if (i + 1 >= all.size()) {
                err << QStringLiteral("motcua-cli: ") << Tr::tr("option --db needs a value") << Qt::endl;
                return ExitBadInput;
            }
            dbPath = all.at(++i);
        } else if (a.startsWith(QStringLiteral("--db="))) {
            dbPath = a.mid(5);
        } else if (a == QStringLiteral("--help") || a == QStringLiteral("-h")) {
            QTextStream(stdout) << registry.help();
            return ExitOk;
        } else if (a == QStringLiteral("--version")) {
            QTextStream(stdout) << QStringLiteral("motcua-cli ") << QCoreApplication::applicationVersion() << Qt::endl;
            return ExitOk;
        } else {
            rest.append(a);
        }
    }
    if (rest.isEmpty()) {
        err << QStringLiteral("motcua-cli: ") << Tr::tr("no command given; see motcua-cli --help") << Qt::endl;
        return ExitBadInput;
    }
    if (dbPath.trimmed().isEmpty()) {
        err << QStringLiteral("motcua-cli: ") << Tr::tr("option --db needs a value") << Qt::endl;
        return ExitBadInput;
    }
    const auto found = registry.find(rest);
    if (!found) {
        err << QStringLiteral("motcua-cli: ")
            << Tr::tr("unknown command '%1'; see motcua-cli --help").arg(rest.join(QLatin1Char(' '))) << Qt::endl;
        return ExitBadInput;
    }
    Context ctx(dbPath, json);
    return found->first->run(ctx, rest.mid(found->second));
}
