// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/common/Args.h"
#include "app/common/CommandTable.h"
#include "app/common/Console.h"
#include "core/Result.h"
#include "core/store/AuditLog.h"
#include "core/store/Store.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace motcua::cli {

using app::ExitBadInput;
using app::ExitFailure;
using app::ExitOk;
using Args = app::Args;

// The context of one motcua-cli run: the data file (opened on first use) and the output.
class Context final : public app::Console {
public:
    Context(QString dbPath, bool json);
    ~Context() override;
    Q_DISABLE_COPY_MOVE(Context)

    [[nodiscard]] QString dbPath() const { return m_dbPath; }

    // Opens the store on first use. On failure prints the error and returns nullptr; exitCode() tells the code.
    Store *store(const StoreOptions &options = {});
    // The store with the embedded defaults in place: a store without a catalog or a calendar gets the demo
    // catalog and the shipped official days off (what a new counter starts with).
    Store *seededStore();
    Actor actor();

    // Prints `error` as one line on stderr (plus the newest backup for a damaged store); returns the exit code.
    int fail(const Error &error) override;

private:
    QString m_dbPath;
    bool m_seeded = false;
    std::unique_ptr<Store> m_store;
};

using Command = app::Command<Context>;
using Registry = app::CommandTable<Context>;

// What precedes the command: --db, --json, --verbose, --help, --version may stand anywhere.
struct Invocation {
    enum class Request { Run, Help, Version };
    Request request = Request::Run;
    QString dbPath;
    bool json = false;
    QStringList rest;  // the command words and their arguments
};
// Separates the global options from the command; the error is a usage error.
Result<Invocation> parseInvocation(const QStringList &arguments, const QString &defaultDbPath);
// motcua-cli --help, or the --help of the command that `rest` names.
QString help(const Registry &registry, const QStringList &rest);

// One function per command group (one file each under commands/).
void registerStoreCommands(Registry &registry);     // commands/StoreCommands.cpp
void registerCalendarCommands(Registry &registry);  // commands/CalendarCommands.cpp
void registerCatalogCommands(Registry &registry);   // commands/CatalogCommands.cpp
void registerCitizenCommands(Registry &registry);   // commands/CitizenCommands.cpp
void registerDossierCommands(Registry &registry);   // commands/DossierCommands.cpp
void registerSyncCommands(Registry &registry);      // commands/SyncCommands.cpp
void registerPrintCommands(Registry &registry);     // commands/PrintCommands.cpp (GUI builds only)

}  // namespace motcua::cli
