// motcua-cli: the counter's domain and store without the GUI. This file only wires.
#include "app/cli/Cli.h"
#include "app/common/Translations.h"
#include "core/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#ifdef MOTCUA_WITH_PRINT
#include <QGuiApplication>
#endif
#include <QLoggingCategory>

#include <cstdio>

#include <unistd.h>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli)
};
}  // namespace

int main(int argc, char *argv[])
{
    // Printing renders with Qt Gui on the offscreen platform; everything else needs Qt Core only.
    bool printing = false;
    for (int i = 1; i < argc; ++i)
        printing = printing || qstrcmp(argv[i], "print") == 0;
#ifdef MOTCUA_WITH_PRINT
    if (printing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (printing && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // Qt Gui wants a private runtime folder; give it one instead of a warning on stderr.
        const QString runtime = QDir::temp().filePath(QStringLiteral("motcua-runtime-%1").arg(getuid()));
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
    }
    std::unique_ptr<QCoreApplication> application =
        printing ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
#else
    Q_UNUSED(printing)
    auto application = std::make_unique<QCoreApplication>(argc, argv);
#endif
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
    registerSyncCommands(registry);
#ifdef MOTCUA_WITH_PRINT
    registerPrintCommands(registry);
#endif

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
