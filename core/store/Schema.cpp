// SPDX-License-Identifier: GPL-3.0-or-later
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

Migration step1MetaAndAudit()
{
    return {1,
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
            }};
}

Migration step2OfficersAndSettings()
{
    return {2,
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
            }};
}

Migration step3WorkingCalendar()
{
    return {3,
            "working calendar: official and generated days off, make-up working days",
            {
                // kind: 'off' (no work on a weekday) or 'work' (a weekend day declared a working day).
                // source: 'official' (published, imported or pulled from the center) or 'generated' (computed from
                // the lunar calendar for a year with no published table; replaced when official data arrives).
                QStringLiteral("CREATE TABLE calendar_days ("
                               " day TEXT PRIMARY KEY,"
                               " kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),"
                               " name TEXT NOT NULL DEFAULT '',"
                               " source TEXT NOT NULL CHECK (source IN ('official', 'generated')),"
                               " year INTEGER NOT NULL) WITHOUT ROWID"),
                QStringLiteral("CREATE INDEX calendar_days_year ON calendar_days(year)"),
                QStringLiteral("CREATE TABLE calendar_years ("
                               " year INTEGER PRIMARY KEY,"
                               " source TEXT NOT NULL CHECK (source IN ('official', 'generated')),"
                               " imported_at TEXT NOT NULL,"
                               " origin TEXT NOT NULL DEFAULT '')"),
            }};
}

Migration step4ProcedureCatalog()
{
    return {4,
            "procedure catalog: versioned snapshots",
            {
                QStringLiteral("CREATE TABLE catalog_versions ("
                               " version INTEGER PRIMARY KEY,"
                               " imported_at TEXT NOT NULL,"
                               " origin TEXT NOT NULL DEFAULT '',"
                               " sha256 TEXT NOT NULL,"
                               " procedure_count INTEGER NOT NULL)"),
                // One row per procedure per snapshot; `doc` is the procedure as imported (extra fields kept).
                QStringLiteral("CREATE TABLE procedures ("
                               " version INTEGER NOT NULL REFERENCES catalog_versions(version),"
                               " code TEXT NOT NULL,"
                               " name TEXT NOT NULL,"
                               " name_folded TEXT NOT NULL,"
                               " field TEXT NOT NULL DEFAULT '',"
                               " level TEXT NOT NULL DEFAULT '',"
                               " agency TEXT NOT NULL DEFAULT '',"
                               " processing_kind TEXT NOT NULL,"
                               " processing_days INTEGER NOT NULL,"
                               " fee_vnd INTEGER NOT NULL DEFAULT 0,"
                               " doc TEXT NOT NULL,"
                               " PRIMARY KEY (version, code)) WITHOUT ROWID"),
            }};
}

Migration step5Dossiers()
{
    return {5,
            "dossier events, outbox, dossier view, code blocks",
            {
                // Immutable events; the dossier is a fold over them (core/dossier). server_seq is the center's
                // sequence number of an event pulled from its feed; an own event is at the center once it has left the
                // outbox (sync).
                QStringLiteral("CREATE TABLE events ("
                               " event_id TEXT PRIMARY KEY,"
                               " dossier_id TEXT NOT NULL,"
                               " counter_id TEXT NOT NULL,"
                               " officer TEXT NOT NULL,"
                               " hlc TEXT NOT NULL,"
                               " type TEXT NOT NULL,"
                               " schema_version INTEGER NOT NULL,"
                               " catalog_version INTEGER NOT NULL,"
                               " parents TEXT NOT NULL,"
                               " payload TEXT NOT NULL,"
                               " recorded_at TEXT NOT NULL,"
                               " server_seq INTEGER) WITHOUT ROWID"),
                QStringLiteral("CREATE INDEX events_dossier ON events(dossier_id, hlc)"),
                // Written in the same transaction as the event; cleared only after the center answered.
                QStringLiteral("CREATE TABLE outbox ("
                               " seq INTEGER PRIMARY KEY,"
                               " event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),"
                               " attempts INTEGER NOT NULL DEFAULT 0,"
                               " last_error TEXT NOT NULL DEFAULT '',"
                               " quarantined INTEGER NOT NULL DEFAULT 0)"),
                // The rebuildable view for listing and search (one row per dossier).
                QStringLiteral("CREATE TABLE dossiers ("
                               " id INTEGER PRIMARY KEY,"  // stable rowid for the full-text index
                               " dossier_id TEXT NOT NULL UNIQUE,"
                               " code TEXT NOT NULL,"
                               " procedure_code TEXT NOT NULL,"
                               " procedure_name TEXT NOT NULL,"
                               " catalog_version INTEGER NOT NULL,"
                               " applicant_name TEXT NOT NULL,"
                               " applicant_folded TEXT NOT NULL,"
                               " id_number TEXT NOT NULL DEFAULT '',"
                               " phone TEXT NOT NULL DEFAULT '',"
                               " status TEXT NOT NULL,"
                               " received_at TEXT NOT NULL,"
                               " due_at TEXT NOT NULL DEFAULT '',"
                               " finished_at TEXT NOT NULL DEFAULT '',"
                               " timeliness TEXT NOT NULL DEFAULT '',"
                               " conflict INTEGER NOT NULL DEFAULT 0,"
                               " receiving_counter TEXT NOT NULL,"
                               " event_count INTEGER NOT NULL,"
                               " last_hlc TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX dossiers_code ON dossiers(code)"),
                QStringLiteral("CREATE INDEX dossiers_id_number ON dossiers(id_number)"),
                QStringLiteral("CREATE INDEX dossiers_phone ON dossiers(phone)"),
                QStringLiteral("CREATE INDEX dossiers_received ON dossiers(received_at)"),
                QStringLiteral("CREATE INDEX dossiers_status_due ON dossiers(status, due_at)"),
                // Name-word search without diacritics: the folded applicant name, rowid = dossiers.id. Every word an
                // officer types is a prefix; prefix indexes up to 7 letters (the longest Vietnamese syllable) keep
                // those queries lazy instead of merging whole doclists (14 ms -> 2 ms p95 over a million names).
                QStringLiteral("CREATE VIRTUAL TABLE dossiers_fts USING fts5("
                               " applicant_folded, tokenize='unicode61', prefix='1 2 3 4 5 6 7')"),
                // Ranges of the NNNN part of dossier codes this counter may issue, per agency and day
                // (docs/dossier-codes.md).
                QStringLiteral("CREATE TABLE code_blocks ("
                               " agency_id TEXT NOT NULL,"
                               " day TEXT NOT NULL,"
                               " first INTEGER NOT NULL,"
                               " last INTEGER NOT NULL,"
                               " next INTEGER NOT NULL,"
                               " origin TEXT NOT NULL,"
                               " PRIMARY KEY (agency_id, day, first)) WITHOUT ROWID"),
            }};
}

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> steps = {
        step1MetaAndAudit(), step2OfficersAndSettings(), step3WorkingCalendar(), step4ProcedureCatalog(),
        step5Dossiers(),
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
    return {QStringLiteral("dossiers"),   QStringLiteral("events"),           QStringLiteral("outbox"),
            QStringLiteral("procedures"), QStringLiteral("catalog_versions"), QStringLiteral("calendar_days"),
            QStringLiteral("officers"),   QStringLiteral("audit_log")};
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
                e.message =
                    Tr::tr("Could not upgrade the data file to schema version %1: %2").arg(step.version).arg(e.message);
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
