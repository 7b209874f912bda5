// SPDX-License-Identifier: GPL-3.0-or-later
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

// Printing renders with Qt Gui on the offscreen platform; everything else needs Qt Core only.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
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
    if (printing)
        return std::make_unique<QGuiApplication>(argc, argv);
#else
    Q_UNUSED(printing)
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

}  // namespace

int main(int argc, char *argv[])
{
    const auto application = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("motcua-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOTCUA_VERSION));
    motcua::app::installTranslations(motcua::app::systemLanguage());
    // Errors reach the user as one line each; the modules' log lines only with --verbose.
    if (!QCoreApplication::arguments().contains(QStringLiteral("--verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("motcua.*.info=false\nmotcua.*.warning=false"));

    using namespace motcua::cli;
    Registry registry(QStringLiteral("motcua-cli"));
    registerStoreCommands(registry);
    registerCatalogCommands(registry);
    registerCalendarCommands(registry);
    registerCitizenCommands(registry);
    registerDossierCommands(registry);
    registerSyncCommands(registry);
#ifdef MOTCUA_WITH_PRINT
    registerPrintCommands(registry);
#endif

    const auto invocation = parseInvocation(QCoreApplication::arguments().mid(1), motcua::paths::defaultStorePath());
    if (!invocation)
        return motcua::app::Console(QStringLiteral("motcua-cli"), false).fail(invocation.error());
    if (invocation->request == Invocation::Request::Help) {
        QTextStream(stdout) << help(registry, invocation->rest);
        return ExitOk;
    }
    if (invocation->request == Invocation::Request::Version) {
        QTextStream(stdout) << QStringLiteral("motcua-cli ") << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    Context ctx(invocation->dbPath, invocation->json);
    if (const auto code = registry.run(ctx, invocation->rest))
        return *code;
    return ctx.badInput(
        Tr::tr("unknown command '%1'; see motcua-cli --help").arg(invocation->rest.join(QLatin1Char(' '))));
}
