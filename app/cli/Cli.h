#pragma once

#include "core/Result.h"
#include "core/store/AuditLog.h"
#include "core/store/Store.h"

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

namespace motcua::cli {

// 0 success; 1 the operation failed (store damaged or in use, tampered log…); 2 bad input (usage, arguments,
// input files). Errors are one line on stderr.
enum Exit : int { ExitOk = 0, ExitFailure = 1, ExitBadInput = 2 };

// Options of one command: "--name" (flag) or "--name=VALUE" / "--name VALUE" (valued), plus positionals.
class Args final {
public:
    struct Spec {
        QString name;  // without the dashes
        bool takesValue = false;
    };

    static Result<Args> parse(const QStringList &raw, const QList<Spec> &specs, int minPositional, int maxPositional);

    [[nodiscard]] bool has(const QString &name) const { return m_values.contains(name); }
    [[nodiscard]] QString value(const QString &name) const { return m_values.value(name); }
    [[nodiscard]] const QStringList &positional() const { return m_positional; }

private:
    QHash<QString, QString> m_values;
    QStringList m_positional;
};

class Context final {
public:
    Context(QString dbPath, bool json);
    ~Context();
    Q_DISABLE_COPY_MOVE(Context)

    [[nodiscard]] bool json() const { return m_json; }
    [[nodiscard]] QString dbPath() const { return m_dbPath; }
    QTextStream &out() { return m_out; }

    // Opens the store on first use. On failure prints the error and returns nullptr; exitCode() tells the code.
    Store *store(const StoreOptions &options = {});
    // The store with the embedded defaults in place: a store without a catalog or a calendar gets the demo
    // catalog and the shipped official days off (what a new counter starts with).
    Store *seededStore();
    Actor actor();

    // Prints `error` as one line on stderr (plus the newest backup for a damaged store); returns the exit code.
    int fail(const Error &error);
    int badInput(const QString &message);
    [[nodiscard]] int exitCode() const { return m_exitCode; }

    void printJson(const QJsonObject &object);

private:
    QString m_dbPath;
    bool m_json = false;
    int m_exitCode = ExitOk;
    bool m_seeded = false;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<Store> m_store;
};

struct Command {
    QStringList words;  // e.g. {"audit", "verify"}
    QString synopsis;   // arguments after the words, e.g. "--out FILE"
    QString summary;    // one translated line
    std::function<int(Context &, const QStringList &args)> run;
};

class Registry final {
public:
    void add(Command command);
    // The command whose words start `args` (longest match), and how many words it took.
    [[nodiscard]] std::optional<std::pair<const Command *, int>> find(const QStringList &args) const;
    [[nodiscard]] QString help() const;

private:
    std::vector<Command> m_commands;
};

// One function per command group (one file each under commands/).
void registerStoreCommands(Registry &registry);     // commands/StoreCommands.cpp
void registerCalendarCommands(Registry &registry);  // commands/CalendarCommands.cpp
void registerCatalogCommands(Registry &registry);   // commands/CatalogCommands.cpp
void registerCitizenCommands(Registry &registry);   // commands/CitizenCommands.cpp
void registerDossierCommands(Registry &registry);   // commands/DossierCommands.cpp
void registerSyncCommands(Registry &registry);      // commands/SyncCommands.cpp
void registerPrintCommands(Registry &registry);     // commands/PrintCommands.cpp (GUI builds only)

}  // namespace motcua::cli
