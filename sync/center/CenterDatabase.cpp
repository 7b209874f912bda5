// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterDatabase.h"

#include "core/Clock.h"
#include "core/store/Sql.h"
#include "core/store/ThreadConnections.h"
#include "core/store/WalCheckpointer.h"
#include "sync/Log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <atomic>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::CenterStore)
};

std::atomic<int> s_instance{0};

}  // namespace

CenterDatabase::CenterDatabase(CenterDbConfig config) :
    m_config(std::move(config)), m_connectionPrefix(QStringLiteral("motcua-center-%1-").arg(++s_instance))
{
}

CenterDatabase::~CenterDatabase()
{
    QSet<QString> names;
    {
        const QMutexLocker lock(&m_namesMutex);
        names = std::exchange(m_names, {});
    }
    for (const QString &name : std::as_const(names))
        threadConnections::close(name);
}

Result<std::unique_ptr<CenterDatabase>> CenterDatabase::open(const CenterDbConfig &config)
{
    if (config.backend == CenterDbConfig::Backend::Sqlite) {
        if (config.path.isEmpty())
            return makeError(ErrorCode::InvalidInput, Tr::tr("No database file is configured for the center."));
        const QFileInfo info(config.path);
        if (!QDir().mkpath(info.absolutePath()))
            return makeError(ErrorCode::ReadOnly,
                             Tr::tr("Cannot create the folder %1 for the center's database.").arg(info.absolutePath()));
    }
    std::unique_ptr<CenterDatabase> db(new CenterDatabase(config));
    // The log is copied into the database by a thread of its own (docs/center-store.md, "Checkpoints").
    if (config.backend == CenterDbConfig::Backend::Sqlite)
        db->m_checkpointer =
            std::make_unique<sql::WalCheckpointer>(config.path, qint64(256) << 20, qint64(1) << 30, 4 << 20, 1000);
    if (auto c = db->threadConnection(); !c)
        return c.error();
    return db;
}

QString CenterDatabase::backendName() const
{
    return isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

QString CenterDatabase::nowText()
{
    return Clock::now().toUTC().toString(Qt::ISODateWithMs);
}

QDateTime CenterDatabase::fromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QString CenterDatabase::threadConnectionName() const
{
    return m_connectionPrefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()));
}

Result<QSqlDatabase> CenterDatabase::openConnection(const QString &name) const
{
    QSqlDatabase db =
        QSqlDatabase::addDatabase(isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    {
        const QMutexLocker lock(&m_namesMutex);
        m_names.insert(name);
    }
    threadConnections::closeAtThreadEnd(name);
    if (auto r = isPostgres() ? setUpPostgres(db) : setUpSqlite(db); !r)
        return r.error();
    return db;
}

Result<void> CenterDatabase::setUpPostgres(const QSqlDatabase &connection) const
{
    QSqlDatabase db = connection;
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
    // Custom plans, no bitmap scans (docs/center-store.md, "PostgreSQL settings").
    for (const char *setting : {"SET plan_cache_mode = force_custom_plan", "SET enable_bitmapscan = off"}) {
        if (auto r = sql::run(db, QString::fromLatin1(setting)); !r)
            return r.error();
    }
    return {};
}

Result<void> CenterDatabase::setUpSqlite(const QSqlDatabase &connection) const
{
    QSqlDatabase db = connection;
    db.setDatabaseName(m_config.path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    if (!db.open())
        return sql::errorFrom(db.lastError(), Tr::tr("open the center's database"));
    // Pages of 16 KiB (in a new database), a page cache of 32 MiB, mmap, the statement journal in memory: why in
    // docs/center-store.md, "SQLite settings". The log must come after the page size is set.
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
    return {};
}

Result<QSqlDatabase> CenterDatabase::threadConnection() const
{
    const QString name = threadConnectionName();
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

QSqlDatabase CenterDatabase::connection() const
{
    auto db = threadConnection();
    if (!db) {
        qCWarning(lcCenterStore) << "Could not open a connection:" << db.error().message;
        return QSqlDatabase::database(threadConnectionName(), false);
    }
    return *db;
}

void CenterDatabase::releaseThreadConnection() const
{
    const QString name = threadConnectionName();
    {
        const QMutexLocker lock(&m_namesMutex);
        m_names.remove(name);
    }
    threadConnections::close(name);
}

std::unique_lock<QMutex> CenterDatabase::writeTurn() const
{
    // SQLite has one writer at a time; the threads of this process queue on a mutex rather than in SQLite's busy
    // handler (docs/center-store.md, "Writing in turn"). PostgreSQL needs no turn.
    std::unique_lock<QMutex> turn(m_sqliteWriteMutex, std::defer_lock);
    if (!isPostgres())
        turn.lock();
    return turn;
}

Result<void> CenterDatabase::write(const std::function<Result<void>(const QSqlDatabase &)> &work) const
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

Result<void> CenterDatabase::writeOne(const QString &statement, const QVariantList &binds) const
{
    auto db = threadConnection();
    if (!db)
        return db.error();
    // In turn with write(); one statement needs no transaction of its own on either backend.
    const auto turn = writeTurn();
    auto q = sql::cached(*db, statement, binds);
    if (!q)
        return q.error();
    return {};
}

Result<void> CenterDatabase::backupTo(const QString &file) const
{
    if (isPostgres())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("With PostgreSQL, back up with pg_dump or pg_basebackup (docs/deployment.md)."));
    auto db = threadConnection();
    if (!db)
        return db.error();
    // VACUUM INTO writes a consistent copy while the center goes on storing pushes (it reads one snapshot).
    auto r = sql::run(*db, QStringLiteral("VACUUM INTO ?"), {QFileInfo(file).absoluteFilePath()});
    if (!r)
        return makeError(r.error().code, Tr::tr("The backup failed: %1").arg(r.error().message), r.error().detail);
    return {};
}

}  // namespace motcua::sync
