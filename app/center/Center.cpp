// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/center/Center.h"

#include "core/Paths.h"
#include "sync/center/CenterStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>

namespace motcua::center {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::center)
};
}  // namespace

Context::Context(sync::CenterConfig config, bool json) :
    app::Console(QStringLiteral("motcua-center"), json), m_config(std::move(config))
{
}

Context::~Context() = default;

Result<sync::CenterStore *> Context::store()
{
    if (!m_store) {
        auto s = sync::CenterStore::open(m_config.database);
        if (!s)
            return s.error();
        m_store = std::move(s.value());
    }
    return m_store.get();
}

Result<sync::CenterStore *> Context::storeForCommandWithoutArguments(const QStringList &arguments)
{
    if (auto args = Args::parse(arguments, {}, 0, 0); !args)
        return args.error();
    return store();
}

Result<Invocation> parseInvocation(QStringList args, const QString &configFromEnvironment)
{
    Invocation inv;
    inv.configPath = configFromEnvironment;
    if (args.isEmpty()) {
        inv.request = Invocation::Request::Usage;
        return inv;
    }
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        inv.request = Invocation::Request::Help;
        args.removeAll(QStringLiteral("--help"));
        args.removeAll(QStringLiteral("-h"));
    } else if (args == QStringList{QStringLiteral("--version")}) {
        inv.request = Invocation::Request::Version;
        return inv;
    }
    for (qsizetype i = 0; i < args.size();) {
        if (args.at(i) == QLatin1String("--config") && i + 1 < args.size()) {
            inv.configPath = args.at(i + 1);
            args.remove(i, 2);
        } else if (args.at(i) == QLatin1String("--config")) {
            if (inv.request != Invocation::Request::Help)
                return makeError(ErrorCode::InvalidInput, Tr::tr("Option --config needs a value."));
            args.remove(i);
        } else if (args.at(i) == QLatin1String("--json")) {
            inv.json = true;
            args.remove(i);
        } else if (args.at(i) == QLatin1String("--verbose")) {
            inv.verbose = true;
            args.remove(i);
        } else {
            ++i;
        }
    }
    inv.rest = args;
    return inv;
}

Result<sync::CenterConfig> loadConfig(const QString &path)
{
    if (path.isEmpty())
        return sync::defaultCenterConfig(QDir(paths::dataDirectory()).filePath(QStringLiteral("center")), kLocalPort);
    return sync::loadCenterConfig(path);
}

void configureLogging(const Invocation &invocation)
{
    const bool serving = !invocation.rest.isEmpty() && invocation.rest.first() == QLatin1String("serve");
    if (!invocation.verbose && !serving)
        QLoggingCategory::setFilterRules(QStringLiteral("motcua.*.info=false"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("motcua.*.info=true"));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));
}

QString help(const Registry &registry, const QStringList &rest)
{
    const QString footer =
        Tr::tr("Without --config (or MOTCUA_CENTER_CONFIG) the embedded default is used: a SQLite center in the\n"
               "MotCua data folder, plain HTTP on 127.0.0.1:%1.")
            .arg(kLocalPort) +
        QLatin1Char('\n');
    return registry.help(rest, Tr::tr("Usage: motcua-center [--config FILE] [--json] [--verbose] COMMAND"), footer);
}

}  // namespace motcua::center
