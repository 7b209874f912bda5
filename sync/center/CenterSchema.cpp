// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterSchema.h"

#include "core/dossier/Uuid7.h"
#include "core/store/Sql.h"
#include "sync/Log.h"
#include "sync/center/CenterDatabase.h"

#include <QCoreApplication>
#include <QStringList>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::CenterStore)
};

// The tables of version 1 for units, counters, officers and documents.
QStringList registryTablesV1()
{
    return {
        QStringLiteral("CREATE TABLE center_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE units ("
                       " unit_id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " agency_id TEXT NOT NULL,"
                       " slots INTEGER NOT NULL,"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE counters ("
                       " counter_id TEXT PRIMARY KEY,"
                       " unit_id TEXT NOT NULL REFERENCES units(unit_id),"
                       " name TEXT NOT NULL,"
                       " slot INTEGER NOT NULL,"
                       " secret_hash TEXT NOT NULL DEFAULT '',"
                       " enroll_hash TEXT NOT NULL DEFAULT '',"
                       " enroll_expires TEXT NOT NULL DEFAULT '',"
                       " enrolled_at TEXT NOT NULL DEFAULT '',"
                       " revoked INTEGER NOT NULL DEFAULT 0,"
                       " last_contact TEXT NOT NULL DEFAULT '',"
                       " pulled_seq {bigint} NOT NULL DEFAULT 0,"
                       " created_at TEXT NOT NULL,"
                       " UNIQUE (unit_id, slot))"),
        QStringLiteral("CREATE INDEX counters_enroll ON counters(enroll_hash)"),
        QStringLiteral("CREATE TABLE officers ("
                       " login TEXT PRIMARY KEY,"
                       " full_name TEXT NOT NULL,"
                       " role TEXT NOT NULL,"
                       " unit_id TEXT NOT NULL REFERENCES units(unit_id),"
                       " password_hash TEXT NOT NULL,"
                       " disabled INTEGER NOT NULL DEFAULT 0,"
                       " version {bigint} NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE documents ("
                       " kind TEXT NOT NULL,"  // catalog | calendar
                       " version INTEGER NOT NULL,"
                       " imported_at TEXT NOT NULL,"
                       " body TEXT NOT NULL,"
                       " PRIMARY KEY (kind, version))"),
    };
}

// The tables of version 1 for events, dossiers, subscriptions and alarms.
QStringList eventTablesV1()
{
    return {
        // The one row whose lock orders ingest (docs/center-store.md, "The seq rule").
        QStringLiteral("CREATE TABLE seq (id INTEGER PRIMARY KEY, value {bigint} NOT NULL)"),
        QStringLiteral("INSERT INTO seq(id, value) VALUES (1, 0)"),
        QStringLiteral("CREATE TABLE events ("
                       " server_seq {bigint} PRIMARY KEY,"
                       " event_id TEXT NOT NULL UNIQUE,"
                       " dossier_id TEXT NOT NULL,"
                       " unit_id TEXT NOT NULL,"
                       " counter_id TEXT NOT NULL,"
                       " content_hash TEXT NOT NULL,"
                       " body TEXT NOT NULL,"
                       " stored_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX events_unit_seq ON events(unit_id, server_seq)"),
        QStringLiteral("CREATE INDEX events_dossier_seq ON events(dossier_id, server_seq)"),
        QStringLiteral("CREATE TABLE dossiers ("
                       " dossier_id TEXT PRIMARY KEY,"
                       " unit_id TEXT NOT NULL,"
                       " code TEXT NOT NULL DEFAULT '',"
                       " id_number TEXT NOT NULL DEFAULT '',"
                       " applicant_name TEXT NOT NULL DEFAULT '',"
                       " procedure_code TEXT NOT NULL DEFAULT '',"
                       " status TEXT NOT NULL DEFAULT '',"
                       " received_at TEXT NOT NULL DEFAULT '',"
                       " due_at TEXT NOT NULL DEFAULT '',"
                       " conflict INTEGER NOT NULL DEFAULT 0,"
                       " event_count INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX dossiers_code ON dossiers(code)"),
        QStringLiteral("CREATE INDEX dossiers_id_number ON dossiers(id_number)"),
        QStringLiteral("CREATE TABLE subscriptions ("
                       " counter_id TEXT NOT NULL,"
                       " dossier_id TEXT NOT NULL,"
                       " created_at TEXT NOT NULL,"
                       " PRIMARY KEY (counter_id, dossier_id))"),
        QStringLiteral("CREATE INDEX subscriptions_dossier ON subscriptions(dossier_id)"),
        QStringLiteral("CREATE TABLE alarms ("
                       " id {id},"
                       " raised_at TEXT NOT NULL,"
                       " counter_id TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " detail TEXT NOT NULL)"),
    };
}

// The DDL of schema version 1, for both backends ({id}: an auto-numbered key; {bigint}: 64-bit integer).
QStringList schemaV1(bool postgres)
{
    QStringList statements = registryTablesV1() + eventTablesV1();
    for (QString &s : statements) {
        s.replace(QLatin1String("{bigint}"), QLatin1String("BIGINT"));
        s.replace(QLatin1String("{id}"),
                  postgres ? QLatin1String("BIGSERIAL PRIMARY KEY") : QLatin1String("INTEGER PRIMARY KEY"));
    }
    return statements;
}

// Version 1 to 2. The events table loses content_hash: a pushed event is compared with the stored one by its
// canonical bytes, which the hash was taken of (SHA-256 in hex, 64 bytes of every row, computed for every event).
// On SQLite the table is rebuilt with server_seq as its rowid (INTEGER PRIMARY KEY): declared BIGINT it was a
// separate unique index next to a hidden rowid, one more B-tree written for every event.
QStringList upgradeToV2(bool postgres)
{
    if (postgres)
        return {QStringLiteral("ALTER TABLE events DROP COLUMN content_hash")};
    return {
        QStringLiteral("CREATE TABLE events_v2 ("
                       " server_seq INTEGER PRIMARY KEY,"
                       " event_id TEXT NOT NULL UNIQUE,"
                       " dossier_id TEXT NOT NULL,"
                       " unit_id TEXT NOT NULL,"
                       " counter_id TEXT NOT NULL,"
                       " body TEXT NOT NULL,"
                       " stored_at TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO events_v2(server_seq, event_id, dossier_id, unit_id, counter_id, body, stored_at) "
                       "SELECT server_seq, event_id, dossier_id, unit_id, counter_id, body, stored_at FROM events "
                       "ORDER BY server_seq"),
        QStringLiteral("DROP TABLE events"),  // and its indexes
        QStringLiteral("ALTER TABLE events_v2 RENAME TO events"),
        QStringLiteral("CREATE INDEX events_unit_seq ON events(unit_id, server_seq)"),
        QStringLiteral("CREATE INDEX events_dossier_seq ON events(dossier_id, server_seq)"),
    };
}

// Version 2 to 3. On PostgreSQL the identifier columns compare byte by byte (COLLATE "C"), as SQLite compares all
// text: they hold ASCII ids and codes, never words to sort for a reader, but in the database's default collation
// (a locale's, such as vi_VN.UTF-8 or C.UTF-8) every comparison in their indexes went through the locale's rules.
// Inserting a W5's worth of events (108,000) took 2.6 s that way and 1.5 s with "C". Every column of a join or a
// foreign key changes together, in one statement per table; the tables are not rewritten, their indexes are rebuilt.
// Nothing changes on SQLite.
QStringList upgradeToV3(bool postgres)
{
    if (!postgres)
        return {};
    const QList<std::pair<QString, QStringList>> columns = {
        {QStringLiteral("units"), {QStringLiteral("unit_id")}},
        {QStringLiteral("counters"), {QStringLiteral("counter_id"), QStringLiteral("unit_id")}},
        {QStringLiteral("officers"), {QStringLiteral("login"), QStringLiteral("unit_id")}},
        {QStringLiteral("events"),
         {QStringLiteral("event_id"), QStringLiteral("dossier_id"), QStringLiteral("unit_id"),
          QStringLiteral("counter_id")}},
        {QStringLiteral("dossiers"),
         {QStringLiteral("dossier_id"), QStringLiteral("unit_id"), QStringLiteral("code"),
          QStringLiteral("id_number")}},
        {QStringLiteral("subscriptions"), {QStringLiteral("counter_id"), QStringLiteral("dossier_id")}},
        {QStringLiteral("alarms"), {QStringLiteral("counter_id")}},
    };
    QStringList steps;
    for (const auto &[table, names] : columns) {
        QStringList changes;
        for (const QString &name : names)
            changes << QStringLiteral("ALTER COLUMN %1 TYPE TEXT COLLATE \"C\"").arg(name);
        steps << QStringLiteral("ALTER TABLE %1 %2").arg(table, changes.join(QStringLiteral(", ")));
    }
    return steps;
}

// Version 3 to 4. On PostgreSQL the events' primary key becomes (unit_id, server_seq), the index every feed page
// walks, instead of server_seq alone: no query looks events up by server_seq without their unit, and the sequence
// row's lock (docs/center-store.md, "The seq rule") already gives each event its own number, so the key on server_seq
// alone was a fourth index written for every event for nothing. A model of W5's inserts (COPY of 108,000 events in
// groups of 4,000) took a sixth less of the server's CPU with three indexes than with four. The new key is built while
// the old index still serves the feed; the table is not rewritten. Nothing changes on SQLite, where server_seq is the
// rowid and costs no index of its own.
QStringList upgradeToV4(bool postgres)
{
    if (!postgres)
        return {};
    // One transaction: no other session sees the table without its key. The new index takes the key's own name,
    // so that PostgreSQL need not rename it (and say so on every new database).
    return {
        QStringLiteral("ALTER TABLE events DROP CONSTRAINT events_pkey"),
        QStringLiteral("CREATE UNIQUE INDEX events_pkey ON events(unit_id, server_seq)"),
        QStringLiteral("ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey"),
        QStringLiteral("DROP INDEX events_unit_seq"),
    };
}

// The steps from version `from` to the current one (an empty database counts as version 0).
QStringList upgradeFrom(int from, bool postgres)
{
    QStringList steps;
    if (from < 1)
        steps += schemaV1(postgres);
    if (from < 2)
        steps += upgradeToV2(postgres);
    if (from < 3)
        steps += upgradeToV3(postgres);
    if (from < 4)
        steps += upgradeToV4(postgres);
    return steps;
}

// The schema version, or 0 for an empty database.
Result<int> currentVersion(const QSqlDatabase &db, bool postgres)
{
    auto exists = sql::scalar(db, postgres ? QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                                            "WHERE table_schema = current_schema() AND "
                                                            "table_name = 'center_meta'")
                                           : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                                            "'table' AND name = 'center_meta'"));
    if (!exists)
        return exists.error();
    if (exists->toInt() == 0)
        return 0;
    auto version = sql::scalar(db, QStringLiteral("SELECT value FROM center_meta WHERE key = 'schema_version'"));
    if (!version)
        return version.error();
    return std::max(1, version->toInt());
}

// Refuses a SQLite file that holds tables of another program.
Result<void> checkEmptySqlite(const QSqlDatabase &db, const QString &path)
{
    auto tables = sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!tables)
        return tables.error();
    if (tables->toInt() > 0)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("%1 is a database of another program, not a MotCua center database. It has not "
                                "been changed.")
                             .arg(path));
    return {};
}

// The center's first rows of center_meta, in a new database.
Result<void> insertMeta(const QSqlDatabase &db)
{
    for (const auto &[key, value] :
         {std::pair{QStringLiteral("schema_version"), QString::number(CenterSchema::kVersion)},
          std::pair{QStringLiteral("epoch"), CenterSchema::newEpochId()},
          std::pair{QStringLiteral("created_at"), CenterDatabase::nowText()}}) {
        if (auto r = sql::run(db, QStringLiteral("INSERT INTO center_meta(key, value) VALUES(?, ?)"), {key, value}); !r)
            return r.error();
    }
    return {};
}

// Inside the migration's transaction: the steps from `from` (read again on PostgreSQL, under a lock that one
// process holds at a time) to the current version.
Result<void> upgrade(const CenterDatabase &center, const QSqlDatabase &db, int from)
{
    const bool postgres = center.isPostgres();
    if (postgres) {
        if (auto r = sql::run(db, QStringLiteral("SELECT pg_advisory_xact_lock(4242001)")); !r)
            return r.error();
        auto again = currentVersion(db, postgres);
        if (!again)
            return again.error();
        from = *again;
        if (from >= CenterSchema::kVersion)
            return {};
    }
    for (const QString &statement : upgradeFrom(from, postgres)) {
        if (auto r = sql::run(db, statement); !r)
            return r.error();
    }
    if (from == 0) {
        if (auto r = insertMeta(db); !r)
            return r;
        qCInfo(lcCenterStore) << "Created the center schema" << CenterSchema::kVersion << "on" << center.backendName();
        return {};
    }
    if (auto r = sql::run(db, QStringLiteral("UPDATE center_meta SET value = ? WHERE key = 'schema_version'"),
                          {QString::number(CenterSchema::kVersion)});
        !r)
        return r.error();
    qCInfo(lcCenterStore) << "Upgraded the center schema from" << from << "to" << CenterSchema::kVersion << "on"
                          << center.backendName();
    return {};
}

}  // namespace

QString CenterSchema::newEpochId()
{
    return createUuid7();
}

Result<void> CenterSchema::migrate(const CenterDatabase &center)
{
    auto opened = center.threadConnection();
    if (!opened)
        return opened.error();
    auto version = currentVersion(*opened, center.isPostgres());
    if (!version)
        return version.error();
    if (*version > kVersion)
        return makeError(ErrorCode::NewerSchema,
                         Tr::tr("The center's database was written by a newer MotCua (schema %1; this program "
                                "knows up to %2). Install the newer version.")
                             .arg(*version)
                             .arg(kVersion));
    if (*version == kVersion)
        return {};
    if (*version == 0 && !center.isPostgres()) {
        if (auto r = checkEmptySqlite(*opened, center.config().path); !r)
            return r;
    }
    return center.write([&](const QSqlDatabase &db) { return upgrade(center, db, *version); });
}

}  // namespace motcua::sync
