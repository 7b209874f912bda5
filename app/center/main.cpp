// SPDX-License-Identifier: GPL-3.0-or-later
// motcua-center: the provincial center's sync service and its admin commands. This file only wires.
#include "app/center/Center.h"
#include "app/common/Translations.h"
#include "sync/Protocol.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::center)
};
}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("motcua-center"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOTCUA_VERSION));
    motcua::app::installTranslations(motcua::app::systemLanguage());

    using namespace motcua::center;
    Registry registry(QStringLiteral("motcua-center"), 41);  // summaries in column 42 of --help, as before
    registerServeCommand(registry);
    registerStatusCommands(registry);
    registerUnitCommands(registry);
    registerOfficerCommands(registry);
    registerDocumentCommands(registry);
    registerBackupCommands(registry);

    motcua::app::Console console(QStringLiteral("motcua-center"), false);
    const auto invocation =
        parseInvocation(QCoreApplication::arguments().mid(1), qEnvironmentVariable("MOTCUA_CENTER_CONFIG"));
    if (!invocation)
        return console.fail(invocation.error());
    switch (invocation->request) {
    case Invocation::Request::Usage:
    case Invocation::Request::Help:
        console.out() << help(registry, invocation->rest) << Qt::flush;
        return invocation->request == Invocation::Request::Usage ? ExitBadInput : ExitOk;
    case Invocation::Request::Version:
        console.out() << QStringLiteral("motcua-center ") << QCoreApplication::applicationVersion()
                      << QStringLiteral(" (protocol ") << motcua::sync::apiPrefix() << QStringLiteral(")") << Qt::endl;
        return ExitOk;
    case Invocation::Request::Run:
        break;
    }
    configureLogging(*invocation);
    auto config = loadConfig(invocation->configPath);
    if (!config)
        return console.fail(config.error());
    Context ctx(*config, invocation->json);
    if (const auto code = registry.run(ctx, invocation->rest))
        return *code;
    return ctx.badInput(
        Tr::tr("Unknown command '%1'. Run motcua-center --help.").arg(invocation->rest.join(QLatin1Char(' '))));
}
