#include "core/store/Schema.h"

#include "core/Log.h"
#include "core/store/Sql.h"

#include <QCoreApplication>

#include <vector>

namespace motcua::schema {

namespace {

struct Migration {
    int version;
    const char *description;
    QStringList statements;
};

// Released steps are frozen: a later change of the schema is a new step, never an edit of an old one.
const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> steps = {
        {1,
         "store metadata and the hash-chained audit log",
         {
             QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
             QStringLiteral("CREATE TABLE audit_log ("
                            " seq INTEGER PRIMARY KEY,"
                            " at TEXT NOT NULL,"
                            " officer TEXT NOT NULL,"
                            " counter_id TEXT NOT NULL,"
                            " action TEXT NOT NULL,"
                            " subject TEXT NOT NULL DEFAULT '',"
                            " detail TEXT NOT NULL DEFAULT '',"
                            " prev_hash TEXT NOT NULL,"
                            " hash TEXT NOT NULL)"),
             QStringLiteral("CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log"
                            " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
             QStringLiteral("CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log"
                            " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
         }},
        {2,
         "officers and unit settings",
         {
             QStringLiteral("CREATE TABLE officers ("
                            " login TEXT PRIMARY KEY,"
                            " full_name TEXT NOT NULL,"
                            " role TEXT NOT NULL DEFAULT 'officer',"
                            " unit_id TEXT NOT NULL DEFAULT '',"
                            " password_hash TEXT NOT NULL DEFAULT '',"
                            " disabled INTEGER NOT NULL DEFAULT 0,"
                            " failed_logins INTEGER NOT NULL DEFAULT 0,"
                            " locked_until TEXT,"
                            " updated_at TEXT NOT NULL) WITHOUT ROWID"),
             QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
         }},
    };
    return steps;
}

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::Store)
};

}  // namespace

int latestVersion()
{
    return migrations().back().version;
}

QStringList countedTables()
{
    return {QStringLiteral("audit_log"), QStringLiteral("officers")};
}

Result<int> version(const QSqlDatabase &db)
{
    auto v = sql::scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!v)
        return v.error();
    return v->toInt();
}

Result<void> migrate(const QSqlDatabase &db, int targetVersion)
{
    auto current = version(db);
    if (!current)
        return current.error();
    for (const Migration &step : migrations()) {
        if (step.version <= *current || step.version > targetVersion)
            continue;
        qCInfo(lcStore) << "Migrating store to schema" << step.version << "-" << step.description;
        sql::Transaction txn(db);
        if (auto r = txn.begin(); !r)
            return r.error();
        for (const QString &statement : step.statements) {
            if (auto r = sql::run(db, statement); !r) {
                Error e = r.error();
                e.message = Tr::tr("Could not upgrade the data file to schema version %1: %2")
                                .arg(step.version)
                                .arg(e.message);
                return e;
            }
        }
        // PRAGMA does not take bound parameters; the version is an integer from the table above.
        if (auto r = sql::run(db, QStringLiteral("PRAGMA user_version = %1").arg(step.version)); !r)
            return r.error();
        if (auto r = txn.commit(); !r)
            return r.error();
    }
    return {};
}

}  // namespace motcua::schema
