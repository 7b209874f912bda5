// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/common/Args.h"
#include "app/common/CommandTable.h"
#include "app/common/Console.h"
#include "core/Result.h"
#include "sync/center/CenterConfig.h"

#include <QStringList>

#include <memory>

namespace motcua::sync {
class CenterStore;
}

namespace motcua::center {

using app::ExitBadInput;
using app::ExitFailure;
using app::ExitOk;
using Args = app::Args;

// Without --config: plain HTTP on this loopback port.
constexpr quint16 kLocalPort = 8480;

// The context of one motcua-center run: the configuration, the database (opened on first use) and the output.
class Context final : public app::Console {
public:
    Context(sync::CenterConfig config, bool json);
    ~Context() override;
    Q_DISABLE_COPY_MOVE(Context)

    [[nodiscard]] const sync::CenterConfig &config() const { return m_config; }
    Result<sync::CenterStore *> store();
    // The store, for a command that takes no arguments: a usage error when `arguments` holds any.
    Result<sync::CenterStore *> storeForCommandWithoutArguments(const QStringList &arguments);

private:
    sync::CenterConfig m_config;
    std::unique_ptr<sync::CenterStore> m_store;
};

using Command = app::Command<Context>;
using Registry = app::CommandTable<Context>;

// What precedes the command: --config FILE, --json, --verbose may stand anywhere; --help anywhere, --version alone.
struct Invocation {
    enum class Request { Run, Usage, Help, Version };
    Request request = Request::Run;
    QString configPath;  // empty: the embedded default
    bool json = false;
    bool verbose = false;
    QStringList rest;  // the command words and their arguments
};
// Separates the global options from the command; the error is a usage error.
Result<Invocation> parseInvocation(QStringList arguments, const QString &configFromEnvironment);
// The configuration at `path`, or the embedded default when `path` is empty.
Result<sync::CenterConfig> loadConfig(const QString &path);
// The service logs one line per request at info level; admin commands stay quiet unless --verbose.
void configureLogging(const Invocation &invocation);
// motcua-center --help, or the --help of the command that `rest` names; ends with a line break.
QString help(const Registry &registry, const QStringList &rest);

// One function per command group (one file each under commands/).
void registerServeCommand(Registry &registry);      // commands/ServeCommand.cpp
void registerStatusCommands(Registry &registry);    // commands/StatusCommands.cpp
void registerUnitCommands(Registry &registry);      // commands/UnitCommands.cpp
void registerOfficerCommands(Registry &registry);   // commands/OfficerCommands.cpp
void registerDocumentCommands(Registry &registry);  // commands/DocumentCommands.cpp
void registerBackupCommands(Registry &registry);    // commands/BackupCommands.cpp

}  // namespace motcua::center
