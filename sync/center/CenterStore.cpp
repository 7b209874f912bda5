#include "sync/center/CenterStore.h"

#include "core/Clock.h"
#include "core/CrashPoint.h"
#include "core/Log.h"
#include "core/dossier/CanonicalJson.h"
#include "core/dossier/Dossier.h"
#include "core/dossier/Uuid7.h"
#include "core/store/Sql.h"
#include "core/store/WalCheckpointer.h"
#include "core/store/WalSync.h"
#include "sync/Log.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>

Q_LOGGING_CATEGORY(lcCenterStore, "motcua.center.store")

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::CenterStore)
};

constexpr int kSchemaVersion = 4;

QString nowText()
{
    return Clock::now().toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

// SHA-256 through OpenSSL, which uses the CPU's SHA extensions where there are any: enrollment codes and counter
// secrets, one hash per authenticated request. (It was chosen when the center also hashed every event it stored, which
// schema 2 ended; QCryptographicHash remains the fallback.)
QString sha256Hex(const QByteArray &bytes)
{
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!sha256 || EVP_Digest(bytes.constData(), size_t(bytes.size()), digest, &size, sha256, nullptr) != 1)
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return QString::fromLatin1(QByteArray::fromRawData(reinterpret_cast<const char *>(digest), int(size)).toHex());
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

// Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud over the phone is not mistyped.
constexpr char kCodeAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

QString randomCode()
{
    QString code;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(kCodeAlphabet[QRandomGenerator::system()->bounded(32)]);
    }
    return code;
}

// An enrollment code as typed: upper-cased, dashes and spaces dropped, easily confused letters mapped.
QString normalizeCode(const QString &typed)
{
    QString out;
    for (QChar c : typed.toUpper()) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        if (c == QLatin1Char('O'))
            c = QLatin1Char('0');
        else if (c == QLatin1Char('I') || c == QLatin1Char('L'))
            c = QLatin1Char('1');
        out += c;
    }
    return out;
}

QString randomSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString newEpochId()
{
    return createUuid7();
}

// The DDL of one schema version, for both backends ({id}: an auto-numbered key; {bigint}: 64-bit integer).
QStringList schemaV1(bool postgres)
{
    QStringList statements = {
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
        // The one row whose lock orders ingest (see the class comment).
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
// row's lock (see CenterStore) already gives each event its own number, so the key on server_seq alone was a fourth
// index written for every event for nothing. A model of W5's inserts (COPY of 108,000 events in groups of 4,000)
// took a sixth less of the server's CPU with three indexes than with four. The new key is built while the old index
// still serves the feed; the table is not rewritten. Nothing changes on SQLite, where server_seq is the rowid
// and costs no index of its own.
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

std::atomic<int> s_instance{0};

}  // namespace

CenterStore::CenterStore(CenterDbConfig config) :
    m_config(std::move(config)), m_connectionPrefix(QStringLiteral("motcua-center-%1-").arg(++s_instance))
{
}

CenterStore::~CenterStore()
{
    if (m_writer) {
        {
            QMutexLocker stop(&m_ingestMutex);
            m_writerStopping = true;
            m_ingestArrived.wakeAll();
        }
        m_writer->wait();
    }
    if (m_syncer) {
        {
            QMutexLocker stop(&m_ingestMutex);
            m_syncerStopping = true;
            m_syncWanted.wakeAll();
        }
        m_syncer->wait();
    }
    QMutexLocker lock(&m_connectionsMutex);
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        sql::releaseCache(it.key());
        // Only its own thread may touch a connection; those of finished pool threads are just removed (the driver
        // closes them as it goes).
        if (it.value() == QThread::currentThread()) {
            QSqlDatabase db = QSqlDatabase::database(it.key(), false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(it.key());
    }
}

QString CenterStore::backendName() const
{
    return isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

Result<std::unique_ptr<CenterStore>> CenterStore::open(const CenterDbConfig &config)
{
    if (config.backend == CenterDbConfig::Backend::Sqlite) {
        if (config.path.isEmpty())
            return makeError(ErrorCode::InvalidInput, Tr::tr("No database file is configured for the center."));
        const QFileInfo info(config.path);
        if (!QDir().mkpath(info.absolutePath()))
            return makeError(ErrorCode::ReadOnly,
                             Tr::tr("Cannot create the folder %1 for the center's database.").arg(info.absolutePath()));
    }
    std::unique_ptr<CenterStore> store(new CenterStore(config));
    // The log is copied into the database by a thread of its own, not inside the commit of whichever push crossed
    // the threshold: in the first quiet second once it holds 4 MiB, and during a burst of pushes only once it holds
    // 256 MiB, so that a burst is not slowed by copying and the pages it rewrites again and again (the right edges
    // of the event indexes, the sequence row) are copied once. Past 1 GiB (the thread falling behind) a commit copies
    // it itself.
    if (config.backend == CenterDbConfig::Backend::Sqlite)
        store->m_checkpointer =
            std::make_unique<sql::WalCheckpointer>(config.path, qint64(256) << 20, qint64(1) << 30, 4 << 20, 1000);
    if (auto db = store->threadConnection(); !db)
        return db.error();
    if (auto r = store->migrate(); !r)
        return r.error();
    // What a process that ended without closing left in the log sits in the system's cache until written back. It
    // is served from now on (feed, look-ups), so it is put on disk first: a power cut soon after a crash must not
    // take back events that counters have since pulled.
    if (config.backend == CenterDbConfig::Backend::Sqlite && sql::WalSync::supported() &&
        QFileInfo::exists(config.path + QStringLiteral("-wal"))) {
        if (auto synced = sql::WalSync(config.path).sync(); !synced)
            qCWarning(lcCenterStore).noquote()
                << "Could not sync the database log at start:" << synced.error().message << synced.error().detail;
    }
    return store;
}

Result<QSqlDatabase> CenterStore::openConnection(const QString &name) const
{
    const bool pg = isPostgres();
    QSqlDatabase db = QSqlDatabase::addDatabase(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    {
        QMutexLocker lock(&m_connectionsMutex);
        m_connections.insert(name, QThread::currentThread());
    }
    if (pg) {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setDatabaseName(m_config.name);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setConnectOptions(QStringLiteral("connect_timeout=%1").arg(m_config.connectTimeoutSeconds));
        if (!db.open())
            return makeError(ErrorCode::Io,
                             Tr::tr("Cannot connect to the PostgreSQL database %1 on %2:%3: %4")
                                 .arg(m_config.name, m_config.host)
                                 .arg(m_config.port)
                                 .arg(db.lastError().databaseText().trimmed()),
                             db.lastError().text());
        // Plan every statement with its values and the tables as they are now. A generic plan is made once per
        // prepared statement and kept; one made while the tables were small scans them whole, and the center would
        // then read the whole event table for every push until the next restart.
        if (auto r = sql::run(db, QStringLiteral("SET plan_cache_mode = force_custom_plan")); !r)
            return r.error();
        // The feed reads a unit's events in server_seq order up to a LIMIT; the index on (unit_id, server_seq)
        // gives them in that order, so the scan stops after one page. With statistics that lag behind a fast-growing
        // table (before autovacuum's next ANALYZE, or after a restore) the planner takes a bitmap scan instead,
        // which reads and sorts every remaining event of the unit for each page. Nothing here needs bitmap scans.
        if (auto r = sql::run(db, QStringLiteral("SET enable_bitmapscan = off")); !r)
            return r.error();
        return db;
    }
    db.setDatabaseName(m_config.path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    if (!db.open())
        return sql::errorFrom(db.lastError(), Tr::tr("open the center's database"));
    // Pages of 16 KiB in a new database (an existing one keeps its size; the log must come after the size is set):
    // events arrive from all counters at once, so each group inserts at dozens of places in the event id and dossier
    // indexes, and bigger pages mean fewer levels to descend and fewer pages to split. In paired W5 runs the center
    // used 8 % less CPU than with SQLite's 4 KiB.
    // A group commit writes a few thousand events with their index entries in one transaction: a page cache of
    // 32 MiB per connection keeps them from spilling to the WAL before the commit, and reads of pages the
    // connection has not cached come from the OS's cache through mmap, without a copy. A multi-row insert keeps the
    // pages it changes in a statement journal (to undo just that statement); temp_store=MEMORY keeps that journal in
    // memory, where by default it spilled past 64 KiB to a file in the temporary directory on every push.
    for (const char *pragma :
         {"PRAGMA page_size=16384", "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
          "PRAGMA cache_size=-32768", "PRAGMA mmap_size=1073741824", "PRAGMA temp_store=MEMORY"}) {
        if (auto r = sql::run(db, QString::fromLatin1(pragma)); !r)
            return r.error();
    }
    if (m_checkpointer) {
        if (auto r = m_checkpointer->attach(db); !r)
            return r.error();
    }
    return db;
}

Result<QSqlDatabase> CenterStore::threadConnection() const
{
    const QString name = m_connectionPrefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()));
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        // A PostgreSQL connection can drop (server restart, failover): open it again, without the statements
        // prepared on the old one.
        db = QSqlDatabase();
        sql::releaseCache(name);
        QSqlDatabase::removeDatabase(name);
    }
    return openConnection(name);
}

QSqlDatabase CenterStore::connection() const
{
    auto db = threadConnection();
    if (!db) {
        qCWarning(lcCenterStore) << "Could not open a connection:" << db.error().message;
        return QSqlDatabase::database(
            m_connectionPrefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread())), false);
    }
    return *db;
}

void CenterStore::releaseThreadConnection() const
{
    const QString name = m_connectionPrefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()));
    {
        QMutexLocker lock(&m_connectionsMutex);
        if (!m_connections.remove(name))
            return;
    }
    sql::releaseCache(name);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

std::unique_lock<QMutex> CenterStore::writeTurn() const
{
    // SQLite has one writer at a time. Its busy handler makes a writer that finds the lock taken sleep for up to
    // 100 ms before it looks again, so under load the lock sat free while handlers slept. The threads of this
    // process queue on a mutex instead and take the lock the moment it is released; other processes (an admin
    // command) still meet the busy timeout. PostgreSQL needs no turn.
    std::unique_lock<QMutex> turn(m_sqliteWriteMutex, std::defer_lock);
    if (!isPostgres())
        turn.lock();
    return turn;
}

Result<void> CenterStore::write(const std::function<Result<void>(const QSqlDatabase &)> &work) const
{
    auto db = threadConnection();
    if (!db)
        return db.error();
    const auto turn = writeTurn();
    sql::Transaction txn(*db);
    if (auto r = txn.begin(); !r)
        return r;
    if (auto r = work(*db); !r)
        return r;
    return txn.commit();
}

Result<void> CenterStore::writeOne(const QString &statement, const QVariantList &binds) const
{
    auto db = threadConnection();
    if (!db)
        return db.error();
    // In turn with write(): on its own, a statement met SQLite's busy handler whenever the writer thread held the
    // lock, and slept in steps of up to 100 ms (a counter's hello waited behind the others' pushes). One statement
    // needs no transaction of its own on either backend.
    const auto turn = writeTurn();
    auto q = sql::cached(*db, statement, binds);
    if (!q)
        return q.error();
    return {};
}

Result<void> CenterStore::migrate()
{
    auto opened = threadConnection();
    if (!opened)
        return opened.error();
    const QSqlDatabase db = *opened;
    // The schema version, or 0 for an empty database.
    const auto currentVersion = [this](const QSqlDatabase &c) -> Result<int> {
        auto exists = sql::scalar(c, isPostgres() ? QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                                                   "WHERE table_schema = current_schema() AND "
                                                                   "table_name = 'center_meta'")
                                                  : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                                                   "'table' AND name = 'center_meta'"));
        if (!exists)
            return exists.error();
        if (exists->toInt() == 0)
            return 0;
        auto version = sql::scalar(c, QStringLiteral("SELECT value FROM center_meta WHERE key = 'schema_version'"));
        if (!version)
            return version.error();
        return std::max(1, version->toInt());
    };
    auto version = currentVersion(db);
    if (!version)
        return version.error();
    if (*version > kSchemaVersion)
        return makeError(ErrorCode::NewerSchema,
                         Tr::tr("The center's database was written by a newer MotCua (schema %1; this program "
                                "knows up to %2). Install the newer version.")
                             .arg(*version)
                             .arg(kSchemaVersion));
    if (*version == kSchemaVersion)
        return {};
    if (*version == 0 && !isPostgres()) {
        auto tables = sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
        if (!tables)
            return tables.error();
        if (tables->toInt() > 0)
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("%1 is a database of another program, not a MotCua center database. It has not "
                                    "been changed.")
                                 .arg(m_config.path));
    }
    // Several center processes may start together on one PostgreSQL database: only one creates or upgrades the
    // schema, the others find it done.
    return write([&](const QSqlDatabase &w) -> Result<void> {
        int from = *version;
        if (isPostgres()) {
            if (auto r = sql::run(w, QStringLiteral("SELECT pg_advisory_xact_lock(4242001)")); !r)
                return r.error();
            auto again = currentVersion(w);
            if (!again)
                return again.error();
            from = *again;
            if (from >= kSchemaVersion)
                return {};
        }
        for (const QString &statement : upgradeFrom(from, isPostgres())) {
            if (auto r = sql::run(w, statement); !r)
                return r.error();
        }
        if (from == 0) {
            for (const auto &[key, value] :
                 {std::pair{QStringLiteral("schema_version"), QString::number(kSchemaVersion)},
                  std::pair{QStringLiteral("epoch"), newEpochId()},
                  std::pair{QStringLiteral("created_at"), nowText()}}) {
                if (auto r =
                        sql::run(w, QStringLiteral("INSERT INTO center_meta(key, value) VALUES(?, ?)"), {key, value});
                    !r)
                    return r.error();
            }
            qCInfo(lcCenterStore) << "Created the center schema" << kSchemaVersion << "on" << backendName();
            return {};
        }
        if (auto r = sql::run(w, QStringLiteral("UPDATE center_meta SET value = ? WHERE key = 'schema_version'"),
                              {QString::number(kSchemaVersion)});
            !r)
            return r.error();
        qCInfo(lcCenterStore) << "Upgraded the center schema from" << from << "to" << kSchemaVersion << "on"
                              << backendName();
        return {};
    });
}

Result<QString> CenterStore::epoch() const
{
    auto v = sql::cachedScalar(connection(), QStringLiteral("SELECT value FROM center_meta WHERE key = 'epoch'"));
    if (!v)
        return v.error();
    return v->toString();
}

Result<QString> CenterStore::startNewEpoch()
{
    const QString fresh = newEpochId();
    auto r = write([&](const QSqlDatabase &db) -> Result<void> {
        auto u = sql::run(db, QStringLiteral("UPDATE center_meta SET value = ? WHERE key = 'epoch'"), {fresh});
        if (!u)
            return u.error();
        return {};
    });
    if (!r)
        return r.error();
    return fresh;
}

// ---- units, counters, enrollment ------------------------------------------------------------------------------

Result<void> CenterStore::addUnit(const UnitRecord &unit)
{
    if (unit.unitId.trimmed().isEmpty() || unit.name.trimmed().isEmpty() || unit.agencyId.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("A unit needs an id, a name and an agency id."));
    if (unit.slots < 1 || unit.slots > 99)
        return makeError(ErrorCode::InvalidInput, Tr::tr("Slots must be between 1 and 99 (got %1).").arg(unit.slots));
    return write([&](const QSqlDatabase &db) -> Result<void> {
        auto existing = sql::scalar(db, QStringLiteral("SELECT count(*) FROM units WHERE unit_id = ?"), {unit.unitId});
        if (!existing)
            return existing.error();
        if (existing->toInt() > 0)
            return makeError(ErrorCode::Conflict, Tr::tr("The unit %1 exists already.").arg(unit.unitId));
        auto r = sql::run(
            db,
            QStringLiteral("INSERT INTO units(unit_id, name, agency_id, slots, created_at) "
                           "VALUES(?, ?, ?, ?, ?)"),
            {unit.unitId.trimmed(), unit.name.trimmed(), unit.agencyId.trimmed().toUpper(), unit.slots, nowText()});
        if (!r)
            return r.error();
        return {};
    });
}

Result<QList<UnitRecord>> CenterStore::units() const
{
    auto q =
        sql::run(connection(), QStringLiteral("SELECT unit_id, name, agency_id, slots FROM units ORDER BY unit_id"));
    if (!q)
        return q.error();
    QList<UnitRecord> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toInt()});
    return out;
}

Result<UnitRecord> CenterStore::unit(const QString &unitId) const
{
    auto q = sql::run(connection(),
                      QStringLiteral("SELECT unit_id, name, agency_id, slots FROM units WHERE unit_id = ?"), {unitId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, Tr::tr("There is no unit %1. Add it with: unit add").arg(unitId));
    return UnitRecord{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toInt()};
}

Result<NewCounter> CenterStore::addCounter(const QString &unitId, const QString &name, int validHours)
{
    if (validHours < 1 || validHours > 24 * 30)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("An enrollment code may be valid for 1 to 720 hours (got %1).").arg(validHours));
    auto u = unit(unitId);
    if (!u)
        return u.error();
    NewCounter out;
    out.unitId = unitId;
    out.enrollmentCode = randomCode();
    out.expiresAt = Clock::now().toUTC().addSecs(qint64(validHours) * 3600);
    auto r = write([&](const QSqlDatabase &db) -> Result<void> {
        // Slots of revoked counters are never handed out again: codes they issued stay theirs.
        auto used = sql::run(db, QStringLiteral("SELECT slot FROM counters WHERE unit_id = ?"), {unitId});
        if (!used)
            return used.error();
        QSet<int> taken;
        while (used->next())
            taken.insert(used->value(0).toInt());
        for (int s = 1; s <= u->slots; ++s) {
            if (!taken.contains(s)) {
                out.slot = s;
                break;
            }
        }
        if (out.slot == 0)
            return makeError(ErrorCode::Exhausted,
                             Tr::tr("All %1 dossier-code slots of unit %2 are taken. Raise the unit's slots first.")
                                 .arg(u->slots)
                                 .arg(unitId));
        out.counterId = QStringLiteral("%1-Q%2").arg(unitId).arg(out.slot, 2, 10, QLatin1Char('0'));
        auto ins = sql::run(db,
                            QStringLiteral("INSERT INTO counters(counter_id, unit_id, name, slot, enroll_hash, "
                                           "enroll_expires, created_at) VALUES(?, ?, ?, ?, ?, ?, ?)"),
                            {out.counterId, unitId, name.trimmed().isEmpty() ? out.counterId : name.trimmed(), out.slot,
                             sha256Hex(normalizeCode(out.enrollmentCode).toLatin1()),
                             out.expiresAt.toString(Qt::ISODateWithMs), nowText()});
        if (!ins)
            return ins.error();
        return {};
    });
    if (!r)
        return r.error();
    return out;
}

Result<void> CenterStore::revokeCounter(const QString &counterId)
{
    return write([&](const QSqlDatabase &db) -> Result<void> {
        auto q = sql::run(db,
                          QStringLiteral("UPDATE counters SET revoked = 1, secret_hash = '', enroll_hash = '' "
                                         "WHERE counter_id = ?"),
                          {counterId});
        if (!q)
            return q.error();
        if (q->numRowsAffected() == 0)
            return makeError(ErrorCode::NotFound, Tr::tr("There is no counter %1.").arg(counterId));
        return {};
    });
}

Result<Enrollment> CenterStore::enroll(const QString &code)
{
    const QString normalized = normalizeCode(code);
    if (normalized.size() != 12)
        return makeError(ErrorCode::NotFound, Tr::tr("The enrollment code is not valid."));
    Enrollment out;
    out.secret = randomSecret();
    QString unitId;
    auto r = write([&](const QSqlDatabase &db) -> Result<void> {
        auto q = sql::run(db,
                          QStringLiteral("SELECT counter_id, unit_id, slot, enroll_expires, revoked FROM counters "
                                         "WHERE enroll_hash = ?"),
                          {sha256Hex(normalized.toLatin1())});
        if (!q)
            return q.error();
        if (!q->next() || q->value(4).toInt() != 0)
            return makeError(ErrorCode::NotFound, Tr::tr("The enrollment code is not valid: mistyped, used already, "
                                                         "or revoked."));
        if (fromText(q->value(3).toString()) < Clock::now())
            return makeError(ErrorCode::NotFound, Tr::tr("The enrollment code has expired. Ask for a new one."));
        out.counterId = q->value(0).toString();
        unitId = q->value(1).toString();
        out.slot = q->value(2).toInt();
        // One use only: the code's hash is wiped in the same transaction that hands out the secret.
        auto u = sql::run(db,
                          QStringLiteral("UPDATE counters SET enroll_hash = '', secret_hash = ?, enrolled_at = ?, "
                                         "last_contact = ? WHERE counter_id = ?"),
                          {sha256Hex(out.secret.toLatin1()), nowText(), nowText(), out.counterId});
        if (!u)
            return u.error();
        return {};
    });
    if (!r)
        return r.error();
    auto u = unit(unitId);
    if (!u)
        return u.error();
    out.unit = *u;
    auto e = epoch();
    if (!e)
        return e.error();
    out.epoch = *e;
    return out;
}

Result<CounterAuth> CenterStore::authenticate(const QByteArray &authorization) const
{
    static const QByteArray prefix = "Bearer ";
    if (!authorization.startsWith(prefix))
        return makeError(ErrorCode::NotFound, Tr::tr("No credential was sent."));
    const QByteArray credential = authorization.mid(prefix.size()).trimmed();
    const qsizetype dot = credential.lastIndexOf('.');
    if (dot <= 0 || dot == credential.size() - 1 || credential.size() > 512)
        return makeError(ErrorCode::NotFound, Tr::tr("The credential is malformed."));
    const QString counterId = QString::fromUtf8(credential.left(dot));
    const QByteArray secret = credential.mid(dot + 1);
    auto q = sql::cached(connection(),
                         QStringLiteral("SELECT unit_id, secret_hash, revoked FROM counters WHERE counter_id = ?"),
                         {counterId});
    if (!q)
        return q.error();
    const bool found = (*q)->next();
    const QString unitId = found ? (*q)->value(0).toString() : QString();
    const QByteArray stored = found ? (*q)->value(1).toString().toLatin1() : QByteArray();
    const bool revoked = found && (*q)->value(2).toInt() != 0;
    (*q)->finish();
    if (!found)
        return makeError(ErrorCode::NotFound, Tr::tr("Unknown counter."));
    if (revoked)
        return makeError(ErrorCode::Conflict, Tr::tr("This counter has been revoked by the provincial center."));
    if (stored.isEmpty() || !constantTimeEquals(stored, sha256Hex(secret).toLatin1()))
        return makeError(ErrorCode::NotFound, Tr::tr("Wrong credential."));
    return CounterAuth{counterId, unitId};
}

Result<void> CenterStore::touch(const QString &counterId) const
{
    return writeOne(QStringLiteral("UPDATE counters SET last_contact = ? WHERE counter_id = ?"),
                    {nowText(), counterId});
}

// ---- officers ---------------------------------------------------------------------------------------------------

namespace {
Result<qint64> nextOfficerVersion(const QSqlDatabase &db)
{
    auto v = sql::scalar(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM officers"));
    if (!v)
        return v.error();
    return v->toLongLong();
}
}  // namespace

Result<void> CenterStore::addOfficer(const OfficerEntry &officer)
{
    static const QStringList roles = {QStringLiteral("officer"), QStringLiteral("supervisor"), QStringLiteral("admin")};
    if (officer.login.trimmed().isEmpty() || officer.fullName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("An officer needs a login and a full name."));
    if (!roles.contains(officer.role))
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Unknown role '%1' (expected officer, supervisor or admin).").arg(officer.role));
    if (auto u = unit(officer.unitId); !u)
        return u.error();
    return write([&](const QSqlDatabase &db) -> Result<void> {
        auto existing =
            sql::scalar(db, QStringLiteral("SELECT count(*) FROM officers WHERE login = ?"), {officer.login});
        if (!existing)
            return existing.error();
        if (existing->toInt() > 0)
            return makeError(ErrorCode::Conflict, Tr::tr("The officer %1 exists already.").arg(officer.login));
        auto version = nextOfficerVersion(db);
        if (!version)
            return version.error();
        auto r = sql::run(db,
                          QStringLiteral("INSERT INTO officers(login, full_name, role, unit_id, password_hash, "
                                         "disabled, version, updated_at) VALUES(?, ?, ?, ?, ?, 0, ?, ?)"),
                          {officer.login.trimmed(), officer.fullName.trimmed(), officer.role, officer.unitId,
                           officer.passwordHash, *version, nowText()});
        if (!r)
            return r.error();
        return {};
    });
}

Result<void> CenterStore::setOfficerDisabled(const QString &login, bool disabled)
{
    return write([&](const QSqlDatabase &db) -> Result<void> {
        auto version = nextOfficerVersion(db);
        if (!version)
            return version.error();
        auto r = sql::run(db,
                          QStringLiteral("UPDATE officers SET disabled = ?, version = ?, updated_at = ? "
                                         "WHERE login = ?"),
                          {disabled ? 1 : 0, *version, nowText(), login});
        if (!r)
            return r.error();
        if (r->numRowsAffected() == 0)
            return makeError(ErrorCode::NotFound, Tr::tr("There is no officer %1.").arg(login));
        return {};
    });
}

Result<void> CenterStore::setOfficerPassword(const QString &login, const QString &passwordHash)
{
    return write([&](const QSqlDatabase &db) -> Result<void> {
        auto version = nextOfficerVersion(db);
        if (!version)
            return version.error();
        auto r = sql::run(db,
                          QStringLiteral("UPDATE officers SET password_hash = ?, version = ?, updated_at = ? "
                                         "WHERE login = ?"),
                          {passwordHash, *version, nowText(), login});
        if (!r)
            return r.error();
        if (r->numRowsAffected() == 0)
            return makeError(ErrorCode::NotFound, Tr::tr("There is no officer %1.").arg(login));
        return {};
    });
}

Result<QList<OfficerEntry>> CenterStore::officers(const QString &unitId, qint64 afterVersion) const
{
    auto q = sql::run(connection(),
                      QStringLiteral("SELECT login, full_name, role, unit_id, password_hash, disabled, version, "
                                     "updated_at FROM officers WHERE (? = '' OR unit_id = ?) AND version > ? "
                                     "ORDER BY version"),
                      {unitId, unitId, afterVersion});
    if (!q)
        return q.error();
    QList<OfficerEntry> out;
    while (q->next()) {
        OfficerEntry o;
        o.login = q->value(0).toString();
        o.fullName = q->value(1).toString();
        o.role = q->value(2).toString();
        o.unitId = q->value(3).toString();
        o.passwordHash = q->value(4).toString();
        o.disabled = q->value(5).toInt() != 0;
        o.version = q->value(6).toLongLong();
        o.updatedAt = fromText(q->value(7).toString());
        out.append(o);
    }
    return out;
}

// ---- catalog and calendar -------------------------------------------------------------------------------------

namespace {
Result<int> importDocument(const CenterStore &store, const QString &kind, const QByteArray &document)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(document, &error);
    if (doc.isNull())
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("The file is not valid JSON (%1 at byte %2).").arg(error.errorString()).arg(error.offset));
    int version = 0;
    auto r = store.write([&](const QSqlDatabase &db) -> Result<void> {
        auto v = sql::scalar(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM documents WHERE kind = ?"),
                             {kind});
        if (!v)
            return v.error();
        version = v->toInt();
        auto ins =
            sql::run(db, QStringLiteral("INSERT INTO documents(kind, version, imported_at, body) VALUES(?, ?, ?, ?)"),
                     {kind, version, nowText(), QString::fromUtf8(doc.toJson(QJsonDocument::Compact))});
        if (!ins)
            return ins.error();
        return {};
    });
    if (!r)
        return r.error();
    return version;
}

Result<CenterStore::Document> latestDocument(const QSqlDatabase &db, const QString &kind)
{
    auto q = sql::run(
        db, QStringLiteral("SELECT version, body FROM documents WHERE kind = ? ORDER BY version DESC LIMIT 1"), {kind});
    if (!q)
        return q.error();
    if (!q->next())
        return CenterStore::Document{};
    return CenterStore::Document{q->value(0).toInt(), q->value(1).toString().toUtf8()};
}
}  // namespace

Result<int> CenterStore::importCatalog(const QByteArray &document)
{
    return importDocument(*this, QStringLiteral("catalog"), document);
}

Result<int> CenterStore::importCalendar(const QByteArray &document)
{
    return importDocument(*this, QStringLiteral("calendar"), document);
}

Result<CenterStore::Document> CenterStore::latestCatalog() const
{
    return latestDocument(connection(), QStringLiteral("catalog"));
}

Result<CenterStore::Document> CenterStore::latestCalendar() const
{
    return latestDocument(connection(), QStringLiteral("calendar"));
}

// ---- events -----------------------------------------------------------------------------------------------------

namespace {

// The center's view of a folded dossier, in the order of kDossierViewColumns.
const QString kDossierViewColumns = QStringLiteral(
    "code, id_number, applicant_name, procedure_code, status, received_at, due_at, conflict, event_count");
constexpr int kDossierViewWidth = 9;

void appendDossierView(QVariantList &out, const DossierState &state)
{
    out << state.code << state.applicant.value(QLatin1String("id_number")).toString()
        << state.applicant.value(QLatin1String("full_name")).toString() << state.procedureCode
        << dossierStatusName(state.status)
        << (state.receivedAt.isValid() ? json::isoUtcMs(state.receivedAt) : QString())
        << (state.dueAt.isValid() ? json::isoUtcMs(state.dueAt) : QString()) << (state.conflict ? 1 : 0)
        << state.eventCount;
}

}  // namespace

// One push waiting to be stored: prepared by its handler's thread, written by whichever thread leads the next
// group commit.
struct CenterStore::IngestJob {
    struct Incoming {
        const Event *event;
        QByteArray body;  // the canonical bytes
    };
    const CounterAuth *counter = nullptr;
    QList<Incoming> incoming;
    QStringList eventIds;
    QStringList dossierIds;
    // The dossiers this push creates, folded from the push's own events before any lock: what the center stores
    // for a dossier it did not know (its view columns, formatted), so the fold stays out of the writer's work.
    struct Folded {
        qsizetype events = 0;
        QVariantList view;
    };
    QHash<QString, Folded> folded;
    QList<PushOutcome> outcomes;
    QList<std::pair<QString, QString>> alarms;  // kind, detail: raised after the batch committed
    std::optional<Error> error;
    bool done = false;
};

void CenterStore::prepareJob(IngestJob &job, const CounterAuth &counter, const QList<Event> &events,
                             const QList<QByteArray> &canonical)
{
    // Everything that needs no lock is done before taking it: the canonical bytes and their hashes.
    job.counter = &counter;
    job.incoming.reserve(events.size());
    QHash<QString, QList<Event>> byDossier;
    const bool given = canonical.size() == events.size();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &e = events.at(i);
        const QByteArray bytes = given ? canonical.at(i) : e.canonicalBytes();
        job.incoming.append({&e, bytes});
        job.eventIds.append(e.eventId);
        auto it = byDossier.find(e.dossierId);
        if (it == byDossier.end()) {
            job.dossierIds.append(e.dossierId);
            it = byDossier.insert(e.dossierId, {});
        }
        it->append(e);
    }
    // Only a dossier whose creating event is in this push can be new to the center; the others are folded again
    // from storage in the transaction, so folding them here would be wasted.
    for (auto it = byDossier.cbegin(); it != byDossier.cend(); ++it) {
        const bool creates = std::any_of(it->cbegin(), it->cend(), [](const Event &e) {
            return e.type == EventType::Received || e.type == EventType::Refused;
        });
        if (creates) {
            IngestJob::Folded folded{it->size(), {}};
            folded.view.reserve(kDossierViewWidth);
            appendDossierView(folded.view, foldDossier(*it));
            job.folded.insert(it.key(), std::move(folded));
        }
    }
}

Result<QList<PushOutcome>> CenterStore::finishJob(IngestJob &job) const
{
    if (job.error)
        return *job.error;
    for (const auto &[kind, detail] : std::as_const(job.alarms)) {
        qCWarning(lcCenterStore).noquote() << "ALARM" << kind << job.counter->counterId << detail;
        if (auto a = raiseAlarm(job.counter->counterId, kind, detail); !a)
            qCWarning(lcCenterStore) << "Could not record the alarm:" << a.error().message;
    }
    return job.outcomes;
}

CenterStore::Arrival::Arrival(CenterStore &store) : m_store(store)
{
    m_store.m_readingTurns.acquire();
    QMutexLocker lock(&m_store.m_ingestMutex);
    ++m_store.m_ingestAnnounced;
}

CenterStore::Arrival::~Arrival()
{
    if (m_pending) {
        QMutexLocker lock(&m_store.m_ingestMutex);
        arrived();
    }
}

void CenterStore::Arrival::arrived()
{
    if (!m_pending)
        return;
    m_pending = false;
    m_store.m_readingTurns.release();
    --m_store.m_ingestAnnounced;
    m_store.m_ingestArrived.wakeAll();
}

Result<QList<PushOutcome>> CenterStore::ingest(const CounterAuth &counter, const QList<Event> &events,
                                               const QList<QByteArray> &canonical, Arrival *arrival)
{
    IngestJob job;
    prepareJob(job, counter, events, canonical);

    // Group commit: pushes queue for the writer thread, which stores all that are waiting in one transaction, with
    // one sync to disk, then wakes their threads. A lone push is written at once.
    {
        QMutexLocker lock(&m_ingestMutex);
        if (m_syncFailure)
            return *m_syncFailure;
        if (!m_writer) {
            m_writer.reset(QThread::create([this] { writeQueued(); }));
            m_writer->setObjectName(QStringLiteral("ingest-writer"));
            m_writer->start();
        }
        m_ingestQueue.append(&job);
        m_ingestQueuedEvents += job.incoming.size();
        if (arrival)
            arrival->arrived();
        m_ingestArrived.wakeAll();
        while (!job.done)
            m_ingestDone.wait(&m_ingestMutex);
    }
    if (!job.error)
        crashPoint("center.ingest.after_commit");  // stored; the counter has no answer yet
    return finishJob(job);
}

// The writer thread: one connection writes every group, so the pages it wrote last stay in its cache. (With each
// group written by whichever handler thread came first, each connection read back from the log the index pages
// the others had changed: 8,000 of W1's 22,700 reads of the log.)
void CenterStore::writeQueued()
{
    const bool deferred = deferSyncs();
    QMutexLocker lock(&m_ingestMutex);
    for (;;) {
        while (m_ingestQueue.isEmpty() && !m_writerStopping)
            m_ingestArrived.wait(&m_ingestMutex);
        if (m_ingestQueue.isEmpty())
            break;  // stopping
        // A moment for the pushes being read on other threads (see Arrival).
        const QDeadlineTimer delay(m_config.commitDelayMs);
        while (m_ingestAnnounced > 0 && m_ingestQueuedEvents < kGroupCommitEvents && !m_writerStopping &&
               !delay.hasExpired())
            m_ingestArrived.wait(&m_ingestMutex, delay);
        QList<IngestJob *> batch;
        qsizetype events = 0;
        while (!m_ingestQueue.isEmpty() &&
               (batch.isEmpty() || events + m_ingestQueue.first()->incoming.size() <= kGroupCommitEvents)) {
            events += m_ingestQueue.first()->incoming.size();
            batch.append(m_ingestQueue.takeFirst());
        }
        m_ingestQueuedEvents -= events;
        if (m_syncFailure) {
            // After a failed sync nothing more is stored: a later sync could succeed without the lost pages.
            for (IngestJob *job : std::as_const(batch)) {
                job->error = *m_syncFailure;
                job->done = true;
            }
            m_ingestDone.wakeAll();
            continue;
        }
        lock.unlock();
        const qint64 committed = writeIngestBatch(batch);
        ++m_groupCommits;
        lock.relock();
        if (deferred) {
            // Answered once the syncer has the log on disk; this thread goes on with the next group meanwhile.
            m_syncQueue.append({batch, committed});
            ++m_syncPending;
            m_syncWanted.wakeAll();
            continue;
        }
        for (IngestJob *done : std::as_const(batch))
            done->done = true;
        m_ingestDone.wakeAll();
    }
    // The connection stays open until the last group is synced: closing the last one deletes the log.
    while (m_syncPending > 0)
        m_ingestDone.wait(&m_ingestMutex);
    lock.unlock();
    releaseThreadConnection();
}

bool CenterStore::deferSyncs()
{
    if (isPostgres() || !sql::WalSync::supported())
        return false;
    auto db = threadConnection();
    if (!db)
        return false;
    // The order matters: commits before the switch synced themselves, and the first sync below covers any commit of
    // another connection; so the seq read after it is on disk.
    if (auto r = sql::run(*db, QStringLiteral("PRAGMA synchronous=NORMAL")); !r)
        return false;
    auto walSync = std::make_unique<sql::WalSync>(m_config.path);
    auto synced = walSync->sync();
    auto seq = synced ? sql::scalar(*db, QStringLiteral("SELECT value FROM seq WHERE id = 1"))
                      : Result<QVariant>(synced.error());
    if (!seq) {
        qCWarning(lcCenterStore).noquote() << "Each commit syncs itself:" << seq.error().message << seq.error().detail;
        if (auto r = sql::run(*db, QStringLiteral("PRAGMA synchronous=FULL")); !r) {
            // Commits would then be answered before they are on disk: store nothing.
            qCCritical(lcCenterStore).noquote()
                << "Could not set synchronous=FULL again; storing no pushes:" << r.error().message;
            QMutexLocker lock(&m_ingestMutex);
            m_syncFailure = r.error();
        }
        return false;
    }
    m_walSync = std::move(walSync);
    qint64 unset = -1;
    m_durableSeq.compare_exchange_strong(unset, seq->toLongLong());
    m_syncer.reset(QThread::create([this] { syncQueued(); }));
    m_syncer->setObjectName(QStringLiteral("ingest-syncer"));
    m_syncer->start();
    return true;
}

// The syncer thread: one sync to disk for every group committed since the last, then their pushes are answered.
void CenterStore::syncQueued()
{
    QMutexLocker lock(&m_ingestMutex);
    for (;;) {
        while (m_syncQueue.isEmpty() && !m_syncerStopping)
            m_syncWanted.wait(&m_ingestMutex);
        if (m_syncQueue.isEmpty())
            break;  // stopping, and every group answered
        const QList<CommittedGroup> groups = std::exchange(m_syncQueue, {});
        const std::function<Result<void>()> before = m_beforeSync;
        const std::optional<Error> failedBefore = m_syncFailure;
        lock.unlock();
        // Once a sync failed, none is trusted again: on Linux the next fsync succeeds even though the pages the
        // failed one could not write are gone from the cache.
        Result<void> synced = failedBefore ? Result<void>(*failedBefore) : Result<void>();
        if (synced && before)
            synced = before();
        if (synced) {
            synced = m_walSync->sync();
            ++m_deferredSyncs;
        }
        qint64 newest = 0;
        for (const CommittedGroup &group : groups)
            newest = std::max(newest, group.seq);
        if (synced) {
            markDurable(newest);
        } else {
            // Whether the log reached the disk is unknown (after a failed fsync the system may have dropped the
            // pages): the pushes fail, the counters keep their events and send them again, and this process stores
            // nothing more. A restart reads the log back from disk.
            if (!failedBefore)
                qCCritical(lcCenterStore).noquote()
                    << "Could not sync the database log to disk; storing no more pushes until the center is "
                       "restarted, after the disk has been checked:"
                    << synced.error().message << synced.error().detail;
        }
        lock.relock();
        if (!synced && !m_syncFailure)
            m_syncFailure = synced.error();
        for (const CommittedGroup &group : groups) {
            for (IngestJob *job : group.jobs) {
                if (!synced && !job->error)
                    job->error = synced.error();
                job->done = true;
            }
        }
        m_syncPending -= groups.size();
        m_ingestDone.wakeAll();
    }
}

void CenterStore::markDurable(qint64 seq)
{
    qint64 current = m_durableSeq.load();
    while (current >= 0 && current < seq && !m_durableSeq.compare_exchange_weak(current, seq)) {
    }
}

void CenterStore::setBeforeSyncForTests(std::function<Result<void>()> hook)
{
    QMutexLocker lock(&m_ingestMutex);
    m_beforeSync = std::move(hook);
}

QList<Result<QList<PushOutcome>>> CenterStore::ingestTogether(const QList<PushRequest> &pushes)
{
    {
        QMutexLocker lock(&m_ingestMutex);
        if (m_syncFailure) {
            QList<Result<QList<PushOutcome>>> refused;
            for (qsizetype i = 0; i < pushes.size(); ++i)
                refused.append(*m_syncFailure);
            return refused;
        }
    }
    std::vector<IngestJob> jobs(size_t(pushes.size()));
    QList<IngestJob *> batch;
    for (qsizetype i = 0; i < pushes.size(); ++i) {
        prepareJob(jobs[size_t(i)], pushes.at(i).counter, pushes.at(i).events, pushes.at(i).canonical);
        batch.append(&jobs[size_t(i)]);
    }
    // This thread's connection syncs its commits itself, and with them the log the writer thread left unsynced.
    markDurable(writeIngestBatch(batch));
    QList<Result<QList<PushOutcome>>> results;
    for (IngestJob &job : jobs)
        results.append(finishJob(job));
    return results;
}

qint64 CenterStore::writeIngestBatch(const QList<IngestJob *> &batch) const
{
    qint64 committed = 0;
    const auto writeJobs = [this, &committed](const QList<IngestJob *> &jobs, bool lookUp) -> Result<void> {
        auto db = threadConnection();
        if (!db)
            return db.error();
        const auto turn = writeTurn();
        sql::Transaction txn(*db);
        // Take the sequence row's lock first and hold it until commit (see the class comment). On PostgreSQL the
        // BEGIN goes with it, and the last statements with the COMMIT: six round trips to the server instead of nine.
        auto seqNow = txn.beginWith(isPostgres() ? QStringLiteral("SELECT value FROM seq WHERE id = 1 FOR UPDATE")
                                                 : QStringLiteral("SELECT value FROM seq WHERE id = 1"));
        if (!seqNow)
            return seqNow.error();
        qint64 seq = seqNow->toLongLong();
        const qint64 firstSeq = seq;
        const QString now = nowText();
        QStringList contacted;
        if (auto r = ingestInto(*db, now, &seq, jobs, lookUp, &contacted); !r)
            return r;
        crashPoint("center.ingest.mid_batch");  // events inserted, nothing committed
        // The counters of a group (up to every counter of the province) in statements of sql::kInPiece, padded by
        // repeating the last one.
        static const QString contactText =
            QStringLiteral("UPDATE counters SET last_contact = ? WHERE counter_id IN (") +
            QStringLiteral("?, ").repeated(sql::kInPiece - 1) + QStringLiteral("?)");
        QList<sql::Transaction::Statement> last;
        for (qsizetype at = 0; at < contacted.size(); at += sql::kInPiece) {
            QVariantList binds{now};
            for (qsizetype i = at; i < at + sql::kInPiece; ++i)
                binds << contacted.at(std::min(i, contacted.size() - 1));
            last.append({contactText, binds});
        }
        if (seq != firstSeq)
            last.append({QStringLiteral("UPDATE seq SET value = ? WHERE id = 1"), {seq}});
        if (auto c = txn.commitAfter(last); !c)
            return c;
        committed = std::max(committed, seq);
        return {};
    };
    // Pushed events are nearly always new to the center, and so are the dossiers whose creating events they carry,
    // so a group is written without looking those up: the unique indexes find the rare one stored already (a push
    // sent again after a lost answer), and fail the insert. The group is then written again with the look-ups,
    // which tell duplicates from conflicts, and so are the next few groups. (The look-ups were an eighth to a fifth
    // of the writer's time on PostgreSQL.)
    int lookUpLeft = m_lookUpGroups.load();
    while (lookUpLeft > 0 && !m_lookUpGroups.compare_exchange_weak(lookUpLeft, lookUpLeft - 1)) {
    }
    const bool lookUp = lookUpLeft > 0;
    auto r = writeJobs(batch, lookUp);
    if (!r && !lookUp && r.error().code == ErrorCode::Conflict) {
        ++m_lookUpRetries;
        m_lookUpGroups.store(kLookUpGroupsAfterConflict);
        r = writeJobs(batch, true);
    }
    if (!r && batch.size() > 1) {
        // One push's failure must not fail the others that shared its transaction: each is tried alone.
        for (IngestJob *job : batch) {
            if (auto alone = writeJobs({job}, true); !alone)
                job->error = alone.error();
        }
        return committed;
    }
    if (!r) {
        for (IngestJob *job : batch)
            job->error = r.error();
    }
    return committed;
}

Result<void> CenterStore::ingestInto(const QSqlDatabase &db, const QString &now, qint64 *seq,
                                     const QList<IngestJob *> &jobs, bool lookUp, QStringList *contacted) const
{
    // The jobs are handled in order as if one after the other, with one look-up and one set of inserts for all.
    // Without the look-up, a dossier whose creating event is in its push is taken for new as well: one the center
    // has already fails the insert on its primary key in the same way.
    QStringList eventIds;
    QStringList dossierIds;
    for (IngestJob *job : jobs) {
        job->outcomes.clear();
        job->alarms.clear();
        eventIds += job->eventIds;
        if (lookUp) {
            dossierIds += job->dossierIds;
            continue;
        }
        for (const QString &dossierId : std::as_const(job->dossierIds)) {
            if (!job->folded.contains(dossierId))
                dossierIds.append(dossierId);
        }
    }
    if (jobs.size() > 1)
        dossierIds.removeDuplicates();

    // What the center has of these events already, and which of these dossiers it knows (and whose they are).
    QHash<QString, std::pair<qint64, QByteArray>> stored;  // event id -> server_seq, canonical bytes
    if (lookUp) {
        auto known = sql::selectIn(
            db, QStringLiteral("SELECT event_id, server_seq, body FROM events WHERE event_id IN"), eventIds,
            [&](const sql::TextRow &row) {
                stored.insert(QString::fromUtf8(row.text(0)), {row.integer(1), row.text(2).toByteArray()});
            });
        if (!known)
            return known;
    }
    QHash<QString, QString> owners;  // dossier id -> unit id, for dossiers the center has
    auto owned = sql::selectIn(db, QStringLiteral("SELECT dossier_id, unit_id FROM dossiers WHERE dossier_id IN"),
                               dossierIds, [&](const sql::TextRow &row) {
                                   owners.insert(QString::fromUtf8(row.text(0)), QString::fromUtf8(row.text(1)));
                               });
    if (!owned)
        return owned;

    QVariantList eventRows;
    eventRows.reserve(eventIds.size() * 7);
    QHash<QString, QList<Event>> newDossiers;  // dossiers first seen in these pushes, with their events in order
    QStringList newDossierOrder;
    QHash<QString, const IngestJob *> creators;  // new dossier -> the push that brought it
    QSet<QString> touchedKnown;                  // dossiers the center had: folded again from the stored events
    for (IngestJob *job : jobs) {
        const CounterAuth &counter = *job->counter;
        if (!contacted->contains(counter.counterId))
            contacted->append(counter.counterId);
        for (const IngestJob::Incoming &in : std::as_const(job->incoming)) {
            const Event &e = *in.event;
            PushOutcome out;
            out.eventId = e.eventId;
            if (auto it = stored.constFind(e.eventId); it != stored.cend()) {
                if (it->second == in.body) {
                    out.status = PushStatus::Duplicate;
                    out.serverSeq = it->first;
                } else {
                    out.status = PushStatus::Rejected;
                    out.reason = QStringLiteral("conflict: event %1 exists with different content").arg(e.eventId);
                    job->alarms.append({QStringLiteral("event_conflict"),
                                        QStringLiteral("event %1 pushed again with different content").arg(e.eventId)});
                }
                job->outcomes.append(out);
                continue;
            }
            // The dossier belongs to the unit that received it; a counter of another unit that writes to it
            // (a result returned elsewhere) is subscribed to it.
            QString unitId = owners.value(e.dossierId);
            if (unitId.isEmpty()) {
                unitId = counter.unitId;
                owners.insert(e.dossierId, unitId);
                newDossiers.insert(e.dossierId, {});
                newDossierOrder.append(e.dossierId);
                creators.insert(e.dossierId, job);
            }
            if (unitId != counter.unitId) {
                auto sub = sql::cached(
                    db,
                    isPostgres() ? QStringLiteral("INSERT INTO subscriptions(counter_id, dossier_id, created_at) "
                                                  "VALUES(?, ?, ?) ON CONFLICT DO NOTHING")
                                 : QStringLiteral("INSERT OR IGNORE INTO subscriptions(counter_id, dossier_id, "
                                                  "created_at) VALUES(?, ?, ?)"),
                    {counter.counterId, e.dossierId, now});
                if (!sub)
                    return sub.error();
            }
            ++*seq;
            eventRows << *seq << e.eventId << e.dossierId << unitId << e.counterId << in.body << now;
            stored.insert(e.eventId, {*seq, in.body});  // the same id again in these pushes is a duplicate
            if (auto it = newDossiers.find(e.dossierId); it != newDossiers.end())
                it->append(e);
            else
                touchedKnown.insert(e.dossierId);
            out.status = PushStatus::Accepted;
            out.serverSeq = *seq;
            job->outcomes.append(out);
        }
    }

    // New dossiers go in with their folded view; their events are all in these pushes, in order.
    QVariantList dossierRows;
    dossierRows.reserve(newDossierOrder.size() * (2 + kDossierViewWidth));
    for (const QString &dossierId : std::as_const(newDossierOrder)) {
        dossierRows << dossierId << owners.value(dossierId);
        const QList<Event> &accepted = newDossiers[dossierId];
        // Folded beforehand when every event of it in the push that brought it was accepted and no other push of
        // the group added to it; otherwise folded here from what was accepted.
        const auto pre = creators.value(dossierId)->folded.constFind(dossierId);
        if (pre != creators.value(dossierId)->folded.cend() && pre->events == accepted.size())
            dossierRows += pre->view;
        else
            appendDossierView(dossierRows, foldDossier(accepted));
    }
    if (auto d = sql::insertRows(
            db, QStringLiteral("INSERT INTO dossiers(dossier_id, unit_id, ") + kDossierViewColumns + QLatin1Char(')'),
            2 + kDossierViewWidth, dossierRows);
        !d)
        return d;
    if (auto ins = sql::insertRows(db,
                                   QStringLiteral("INSERT INTO events(server_seq, event_id, dossier_id, unit_id, "
                                                  "counter_id, body, stored_at)"),
                                   7, eventRows);
        !ins)
        return ins;
    return refreshDossiers(db, touchedKnown);
}

Result<void> CenterStore::refreshDossiers(const QSqlDatabase &db, const QSet<QString> &dossierIds) const
{
    for (const QString &dossierId : dossierIds) {
        auto q = sql::cached(db, QStringLiteral("SELECT body FROM events WHERE dossier_id = ? ORDER BY server_seq"),
                             {dossierId});
        if (!q)
            return q.error();
        QList<Event> events;
        while ((*q)->next()) {
            auto e = Event::fromJson(QJsonDocument::fromJson((*q)->value(0).toString().toUtf8()).object());
            if (e)
                events.append(*e);
        }
        (*q)->finish();
        QVariantList values;
        appendDossierView(values, foldDossier(events));
        values << dossierId;
        static const QString update = QStringLiteral("UPDATE dossiers SET (") + kDossierViewColumns +
                                      QStringLiteral(") = (") + QStringLiteral("?, ").repeated(kDossierViewWidth - 1) +
                                      QStringLiteral("?) WHERE dossier_id = ?");
        auto u = sql::cached(db, update, values);
        if (!u)
            return u.error();
    }
    return {};
}

Result<qint64> CenterStore::highWater() const
{
    auto v = sql::cachedScalar(connection(), QStringLiteral("SELECT value FROM seq WHERE id = 1"));
    if (!v)
        return v.error();
    // With deferred syncs, events committed but not yet on disk are left for the next page (see Arrival).
    const qint64 durable = m_durableSeq.load();
    return durable >= 0 ? std::min(v->toLongLong(), durable) : v->toLongLong();
}

Result<FeedPage> CenterStore::feed(const CounterAuth &counter, qint64 after, int limit, bool includeOwn) const
{
    const QSqlDatabase db = connection();
    FeedPage page;
    auto high = highWater();
    if (!high)
        return high.error();
    page.highWater = *high;
    if (after > page.highWater)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The cursor %1 is beyond the end of the feed (%2).").arg(after).arg(page.highWater));
    // Rows above the high-water mark read first cannot exist: seq and its row commit together, in order.
    // Each branch is ordered and limited on its own, so a page reads at most limit + 1 rows of each (an index range
    // scan) instead of every remaining event of the unit. A counter's own events are left out unless it asks for
    // them (a counter restored from a backup does): it has them, and they were half of what a busy counter pulled.
    auto q = sql::cached(
        db,
        QStringLiteral("SELECT server_seq, body FROM ("
                       " SELECT server_seq, body FROM ("
                       "  SELECT server_seq, body FROM events WHERE unit_id = ? AND server_seq > ? "
                       "   AND server_seq <= ? AND (? = 1 OR counter_id <> ?) ORDER BY server_seq LIMIT ?"
                       " ) AS unit_events"
                       " UNION ALL"
                       " SELECT server_seq, body FROM ("
                       "  SELECT e.server_seq, e.body FROM subscriptions s JOIN events e "
                       "   ON e.dossier_id = s.dossier_id WHERE s.counter_id = ? AND e.unit_id <> ? "
                       "   AND e.server_seq > ? AND e.server_seq <= ? AND (? = 1 OR e.counter_id <> ?) "
                       "   ORDER BY e.server_seq LIMIT ?"
                       " ) AS subscribed_events"
                       ") AS scope ORDER BY server_seq LIMIT ?"),
        {counter.unitId, after, page.highWater, includeOwn ? 1 : 0, counter.counterId, limit + 1, counter.counterId,
         counter.unitId, after, page.highWater, includeOwn ? 1 : 0, counter.counterId, limit + 1, limit + 1});
    if (!q)
        return q.error();
    QByteArray out = "[";
    page.lastSeq = after;
    while ((*q)->next()) {
        if (page.count == limit) {
            page.more = true;
            break;
        }
        const qint64 seq = (*q)->value(0).toLongLong();
        if (page.count > 0)
            out += ',';
        out += "{\"seq\":" + QByteArray::number(seq) + ",\"event\":" + (*q)->value(1).toString().toUtf8() + '}';
        page.lastSeq = seq;
        ++page.count;
    }
    (*q)->finish();
    out += ']';
    page.eventsJson = out;
    // Nothing more in scope up to the high-water mark: the counter may skip straight to it.
    if (!page.more)
        page.lastSeq = page.highWater;
    auto pulled = writeOne(QStringLiteral("UPDATE counters SET pulled_seq = ?, last_contact = ? WHERE counter_id = ? "
                                          "AND pulled_seq < ?"),
                           {after, nowText(), counter.counterId, after});
    if (!pulled)
        return pulled.error();
    return page;
}

Result<QByteArray> CenterStore::lookupAndSubscribe(const CounterAuth &counter, const QString &code,
                                                   const QString &idNumber)
{
    QByteArray out;
    auto r = write([&](const QSqlDatabase &db) -> Result<void> {
        auto q = code.isEmpty()
                     ? sql::run(db,
                                QStringLiteral("SELECT dossier_id FROM dossiers WHERE id_number = ? ORDER BY "
                                               "received_at DESC LIMIT 20"),
                                {idNumber})
                     : sql::run(db, QStringLiteral("SELECT dossier_id FROM dossiers WHERE code = ?"), {code});
        if (!q)
            return q.error();
        QStringList ids;
        while (q->next())
            ids << q->value(0).toString();
        if (ids.isEmpty())
            return makeError(ErrorCode::NotFound, Tr::tr("The center has no such dossier."));
        out = "[";
        bool first = true;
        for (const QString &id : std::as_const(ids)) {
            auto sub = sql::run(db,
                                isPostgres() ? QStringLiteral("INSERT INTO subscriptions(counter_id, dossier_id, "
                                                              "created_at) VALUES(?, ?, ?) ON CONFLICT DO NOTHING")
                                             : QStringLiteral("INSERT OR IGNORE INTO subscriptions(counter_id, "
                                                              "dossier_id, created_at) VALUES(?, ?, ?)"),
                                {counter.counterId, id, nowText()});
            if (!sub)
                return sub.error();
            auto ev = sql::run(db,
                               QStringLiteral("SELECT server_seq, body FROM events WHERE dossier_id = ? "
                                              "ORDER BY server_seq"),
                               {id});
            if (!ev)
                return ev.error();
            while (ev->next()) {
                if (!first)
                    out += ',';
                first = false;
                out += "{\"seq\":" + QByteArray::number(ev->value(0).toLongLong()) +
                       ",\"event\":" + ev->value(1).toString().toUtf8() + '}';
            }
        }
        out += ']';
        return {};
    });
    if (!r)
        return r.error();
    return out;
}

Result<void> CenterStore::raiseAlarm(const QString &counterId, const QString &kind, const QString &detail) const
{
    return write([&](const QSqlDatabase &db) -> Result<void> {
        auto r =
            sql::run(db, QStringLiteral("INSERT INTO alarms(raised_at, counter_id, kind, detail) VALUES(?, ?, ?, ?)"),
                     {nowText(), counterId, kind, detail});
        if (!r)
            return r.error();
        return {};
    });
}

Result<CenterStatus> CenterStore::status() const
{
    const QSqlDatabase db = connection();
    CenterStatus s;
    s.backend = backendName();
    s.schemaVersion = kSchemaVersion;
    auto e = epoch();
    if (!e)
        return e.error();
    s.epoch = *e;
    auto high = highWater();
    if (!high)
        return high.error();
    s.highWater = *high;
    for (const auto &[sqlText, target] : {std::pair{QStringLiteral("SELECT count(*) FROM events"), &s.events},
                                          std::pair{QStringLiteral("SELECT count(*) FROM dossiers"), &s.dossiers}}) {
        auto v = sql::scalar(db, sqlText);
        if (!v)
            return v.error();
        *target = v->toLongLong();
    }
    auto alarms = sql::scalar(db, QStringLiteral("SELECT count(*) FROM alarms"));
    if (!alarms)
        return alarms.error();
    s.alarms = alarms->toInt();
    auto catalog = latestCatalog();
    if (!catalog)
        return catalog.error();
    s.catalogVersion = catalog->version;
    auto q = sql::run(db, QStringLiteral("SELECT c.counter_id, c.unit_id, c.name, c.slot, c.enrolled_at, c.revoked, "
                                         "c.last_contact, (SELECT count(*) FROM events e WHERE e.unit_id = c.unit_id "
                                         "AND e.server_seq > c.pulled_seq) FROM counters c ORDER BY c.counter_id"));
    if (!q)
        return q.error();
    while (q->next()) {
        CounterStatus c;
        c.counterId = q->value(0).toString();
        c.unitId = q->value(1).toString();
        c.name = q->value(2).toString();
        c.slot = q->value(3).toInt();
        c.enrolled = !q->value(4).toString().isEmpty();
        c.revoked = q->value(5).toInt() != 0;
        c.lastContact = fromText(q->value(6).toString());
        c.backlog = q->value(7).toLongLong();
        s.counters.append(c);
    }
    return s;
}

}  // namespace motcua::sync
