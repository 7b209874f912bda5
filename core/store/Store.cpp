// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Store.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "core/Log.h"
#include "core/store/Backups.h"
#include "core/store/PrivateFiles.h"
#include "core/store/Schema.h"
#include "core/store/Sql.h"
#include "core/store/ThreadConnections.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <QSqlDriver>

#include <sqlite3.h>

#include <atomic>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::Store)
};

std::atomic<quint64> s_storeCounter{0};

// The 16-byte header every SQLite 3 database starts with.
bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArrayLiteral("SQLite format 3\0");
}

}  // namespace

Store::Store(QString path) :
    m_path(std::move(path)),
    m_connectionPrefix(QStringLiteral("motcua-store-%1-").arg(++s_storeCounter)),
    m_ownerThread(QThread::currentThread())
{
}

Store::~Store()
{
    // A background integrity check reads through its own connection: let it finish before they all close.
    cancelIntegrityCheck();
    m_integrityCheck.waitForFinished();
    QMutexLocker lock(&m_connectionsMutex);
    for (const QString &name : std::as_const(m_connections))
        threadConnections::close(name);
    m_connections.clear();
}

int Store::programSchemaVersion()
{
    return schema::latestVersion();
}

QString Store::backupDirectoryFor(const QString &storePath)
{
    return QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("backups"));
}

QString Store::lockFilePathFor(const QString &storePath)
{
    return QFileInfo(storePath).absoluteFilePath() + QStringLiteral(".lock");
}

Result<std::unique_ptr<Store>> Store::open(const QString &path, const StoreOptions &options)
{
    if (path.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("No data file was given."));
    const QFileInfo info(path);
    if (info.isDir())
        return makeError(ErrorCode::InvalidInput, Tr::tr("%1 is a folder, not a data file.").arg(path));

    const bool exists = info.exists() && info.size() > 0;
    if (!exists && !options.create)
        return makeError(ErrorCode::NotFound, Tr::tr("There is no data file at %1.").arg(path));

    const QDir dir = info.absoluteDir();
    if (!dir.exists() && !privateFiles::makeFolder(dir.absolutePath()))
        return makeError(ErrorCode::ReadOnly,
                         Tr::tr("Could not create the folder %1 for the data file.").arg(dir.absolutePath()));

    std::unique_ptr<Store> store(new Store(info.absoluteFilePath()));

    // One process owns a store: a second program on the same file is told who has it.
    store->m_lock = std::make_unique<QLockFile>(lockFilePathFor(store->m_path));
    store->m_lock->setStaleLockTime(0);  // never stale by age; a lock of a dead process is stale
    if (!store->m_lock->tryLock(0)) {
        if (store->m_lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host;
            QString app;
            if (store->m_lock->getLockInfo(&pid, &host, &app)) {
                return makeError(ErrorCode::InUse, Tr::tr("The data file %1 is already in use by PID %2 (%3 on %4). "
                                                          "Close that program first.")
                                                       .arg(store->m_path)
                                                       .arg(pid)
                                                       .arg(app.isEmpty() ? Tr::tr("unknown program") : app, host));
            }
            return makeError(ErrorCode::InUse,
                             Tr::tr("The data file %1 is already in use by another program.").arg(store->m_path));
        }
        return makeError(ErrorCode::ReadOnly, Tr::tr("Could not lock the data file %1: its folder cannot be written. "
                                                     "Check the folder's permissions and free space.")
                                                  .arg(store->m_path));
    }

    if (exists && !hasSqliteHeader(store->m_path)) {
        return makeError(ErrorCode::Corrupt,
                         Tr::tr("The data file %1 is damaged: it is not a SQLite database. It has not been changed.")
                             .arg(store->m_path));
    }

    // Personal data: the file, and the log and shared-memory files SQLite gives the file's mode, are the owner's only.
    if (auto r = exists ? privateFiles::restrict(store->m_path) : privateFiles::makeFile(store->m_path); !r)
        return r.error();
    for (const char *suffix : {"-wal", "-shm"}) {
        if (auto r = privateFiles::restrict(store->m_path + QLatin1String(suffix)); !r)
            return r.error();
    }

    store->m_maxPageCount = options.maxPageCount;
    if (auto r = store->initialize(options); !r)
        return r.error();
    return store;
}

Result<void> Store::initialize(const StoreOptions &options)
{
    auto dbResult = openConnection(m_connectionPrefix + QStringLiteral("main"));
    if (!dbResult)
        return dbResult.error();
    const QSqlDatabase db = *dbResult;

    // Read-only checks first: a store we must refuse is left exactly as it was.
    auto appId = sql::scalar(db, QStringLiteral("PRAGMA application_id"));
    auto version = schema::version(db);
    if (!appId || !version) {
        const Error e = !appId ? appId.error() : version.error();
        if (e.code == ErrorCode::Corrupt)
            return makeError(
                ErrorCode::Corrupt,
                Tr::tr("The data file %1 is damaged and cannot be read. It has not been changed.").arg(m_path),
                e.detail);
        return e;
    }
    if (auto r = checkOwnership(db, appId->toInt(), *version); !r)
        return r;

    const int target = options.targetSchemaVersion < 0 ? schema::latestVersion() : options.targetSchemaVersion;
    // Only a store that is used as it is may be checked in the background; one about to be migrated or
    // created is checked first, so nothing is ever written into a damaged file.
    const bool deferCheck =
        options.integrityCheck == IntegrityCheck::InBackground && *version > 0 && *version == target;
    if (!deferCheck) {
        if (auto r = quickCheck(db); !r)
            return r;
        m_integrity = QStringLiteral("ok");
    }

    if (auto r = applyPragmas(db); !r)
        return r;

    if (*version == 0) {
        if (auto r = sql::run(db, QStringLiteral("PRAGMA application_id = %1").arg(schema::kApplicationId)); !r)
            return r.error();
    }

    if (*version > 0 && *version < target) {
        // Keep the file as it was before an upgrade, next to the daily backups.
        auto pre = Backups::take(*this, Backups::preMigrationPath(m_path, *version));
        if (!pre)
            return pre.error();
    }
    if (auto r = schema::migrate(db, target); !r)
        return r;
    auto migrated = schema::version(db);
    if (!migrated)
        return migrated.error();
    m_schemaVersion = *migrated;

    if (auto r = ensureStoreId(); !r)
        return r;
    if (deferCheck)
        startIntegrityCheck();
    qCInfo(lcStore) << "Opened store" << m_path << "schema" << m_schemaVersion
                    << (deferCheck ? "(integrity check in the background)" : "");
    return {};
}

// Without our application id a file is ours only when it is empty (a new store); any other database — with tables
// of its own, or a schema version but another id — belongs to another program. A newer schema is refused too.
Result<void> Store::checkOwnership(const QSqlDatabase &db, int appIdValue, int version) const
{
    bool foreign = appIdValue != 0 && appIdValue != schema::kApplicationId;
    if (appIdValue == 0) {
        auto tables = sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
        if (!tables)
            return tables.error();
        foreign = tables->toInt() > 0 || version > 0;
    }
    if (foreign)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("%1 is a SQLite database of another program, not a MotCua data file. It has not been "
                                "changed.")
                             .arg(m_path));
    if (version > schema::latestVersion())
        return makeError(ErrorCode::NewerSchema,
                         Tr::tr("The data file %1 was written by a newer version of MotCua (schema %2; this program "
                                "knows up to %3). Install the newer version. The file has not been changed.")
                             .arg(m_path)
                             .arg(version)
                             .arg(schema::latestVersion()));
    return {};
}

Result<void> Store::ensureStoreId()
{
    auto id = meta(QStringLiteral("store_id"));
    if (!id)
        return id.error();
    if (!id->isEmpty()) {
        m_storeId = *id;
        return {};
    }
    const QString newId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = write([&](const QSqlDatabase &conn) -> Result<void> {
        if (auto s = setMeta(conn, QStringLiteral("store_id"), newId); !s)
            return s;
        return setMeta(conn, QStringLiteral("created_at"), Clock::now().toString(Qt::ISODateWithMs));
    });
    if (!r)
        return r;
    m_storeId = newId;
    return {};
}

void Store::startIntegrityCheck()
{
    m_integrityPending = true;
    m_integrity = QStringLiteral("checking");
    m_integrityCheck = async::run([this] { finishIntegrity(runIntegrityCheck()); });
}

// On the check's own thread, through its own connection, which cancelIntegrityCheck() may interrupt.
Result<void> Store::runIntegrityCheck()
{
    const QSqlDatabase db = connection();
    {
        QMutexLocker lock(&m_integrityMutex);
        if (m_integrityCancelled)
            return {};
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_checkingHandle = *static_cast<sqlite3 *const *>(handle.constData());
    }
    Result<void> outcome = quickCheck(db);
    QMutexLocker lock(&m_integrityMutex);
    m_checkingHandle = nullptr;
    return outcome;
}

Result<void> Store::quickCheck(const QSqlDatabase &db) const
{
    auto check = sql::run(db, QStringLiteral("PRAGMA quick_check"));
    if (!check) {
        return makeError(ErrorCode::Corrupt,
                         Tr::tr("The data file %1 is damaged and cannot be read. It has not been changed.").arg(m_path),
                         check.error().detail);
    }
    QStringList problems;
    while (check->next())
        problems << check->value(0).toString();
    if (problems != QStringList{QStringLiteral("ok")}) {
        return makeError(ErrorCode::Corrupt,
                         Tr::tr("The data file %1 is damaged (integrity check: %2). It has not been changed.")
                             .arg(m_path, problems.mid(0, 3).join(QStringLiteral("; "))),
                         problems.join(QLatin1Char('\n')));
    }
    return {};
}

void Store::finishIntegrity(const Result<void> &outcome)
{
    QMutexLocker lock(&m_integrityMutex);
    m_integrityPending = false;
    if (m_integrityCancelled) {
        m_integrityError = Error{ErrorCode::Busy,
                                 Tr::tr("The integrity check of %1 was stopped: the program is "
                                        "closing. Nothing was saved.")
                                     .arg(m_path),
                                 {}};
        m_integrity = QStringLiteral("not checked");
    } else if (outcome) {
        m_integrity = QStringLiteral("ok");
    } else {
        m_integrityError = outcome.error();
        m_integrity = outcome.error().message;
        qCWarning(lcStore) << "Integrity check failed:" << outcome.error().detail;
    }
    m_integrityKnown.wakeAll();
}

Result<void> Store::waitForIntegrity() const
{
    QMutexLocker lock(&m_integrityMutex);
    while (m_integrityPending)
        m_integrityKnown.wait(&m_integrityMutex);
    if (m_integrityError)
        return *m_integrityError;
    return {};
}

void Store::cancelIntegrityCheck()
{
    QMutexLocker lock(&m_integrityMutex);
    if (!m_integrityPending)
        return;
    m_integrityCancelled = true;
    if (m_checkingHandle)
        sqlite3_interrupt(static_cast<sqlite3 *>(m_checkingHandle));
}

bool Store::integrityPending() const
{
    QMutexLocker lock(&m_integrityMutex);
    return m_integrityPending;
}

Result<QSqlDatabase> Store::openConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    {
        QMutexLocker lock(&m_connectionsMutex);
        m_connections.insert(name);
    }
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return sql::errorFrom(db.lastError(), Tr::tr("open the data file"));
    if (m_schemaVersion > 0) {
        if (auto r = applyPragmas(db); !r)
            return r.error();
    }
    return db;
}

Result<void> Store::applyPragmas(const QSqlDatabase &db) const
{
    // WAL with synchronous=FULL: while the counter is offline this file is the record. A statement that changes many
    // rows inside a transaction keeps the pages it changed in a statement journal; with temp_store=MEMORY that
    // journal stays in memory instead of spilling to a file in the temporary directory past 64 KiB.
    auto mode = sql::scalar(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!mode)
        return mode.error();
    if (mode->toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return makeError(
            ErrorCode::Io,
            Tr::tr("The data file %1 cannot use write-ahead logging (journal mode %2).").arg(m_path, mode->toString()));
    for (const QString &pragma :
         {QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA foreign_keys = ON"),
          QStringLiteral("PRAGMA busy_timeout = 5000"), QStringLiteral("PRAGMA temp_store = MEMORY")}) {
        if (auto r = sql::run(db, pragma); !r)
            return r.error();
    }
    if (m_maxPageCount > 0) {
        if (auto r = sql::run(db, QStringLiteral("PRAGMA max_page_count = %1").arg(m_maxPageCount)); !r)
            return r.error();
    }
    return {};
}

QSqlDatabase Store::connection() const
{
    const QString name =
        m_connectionPrefix + (QThread::currentThread() == m_ownerThread
                                  ? QStringLiteral("main")
                                  : QString::number(reinterpret_cast<quintptr>(QThread::currentThread())));
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    // The main thread ends after the program's last store has closed all its connections.
    const QCoreApplication *app = QCoreApplication::instance();
    const bool mainThread = app && QThread::currentThread() == app->thread();
    if (QThread::currentThread() != m_ownerThread && !mainThread)
        threadConnections::closeAtThreadEnd(name);
    auto db = openConnection(name);
    if (!db) {
        qCWarning(lcStore) << "Could not open a connection for this thread:" << db.error().detail;
        return QSqlDatabase::database(name, false);
    }
    return *db;
}

Result<void> Store::write(const std::function<Result<void>(const QSqlDatabase &)> &work, Durability durability) const
{
    if (auto r = waitForIntegrity(); !r)
        return r;
    const QSqlDatabase db = connection();
    // synchronous is the connection's setting: NORMAL for this transaction only, FULL again however it ends. Set
    // through SQLite directly (it cannot fail once the connection is open, and is no statement of the store's).
    struct Relaxed {
        sqlite3 *handle = nullptr;
        explicit Relaxed(sqlite3 *h) : handle(h)
        {
            if (handle)
                sqlite3_exec(handle, "PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr);
        }
        ~Relaxed()
        {
            if (handle)
                sqlite3_exec(handle, "PRAGMA synchronous = FULL", nullptr, nullptr, nullptr);
        }
        Relaxed(const Relaxed &) = delete;
        Relaxed &operator=(const Relaxed &) = delete;
    };
    const Relaxed relaxed(durability == Durability::Replayable ? sql::sqliteHandle(db) : nullptr);
    sql::Transaction txn(db);
    if (auto r = txn.begin(); !r)
        return r;
    if (auto r = work(db); !r)
        return r;  // the Transaction rolls back
    return txn.commit();
}

Result<QString> Store::meta(const QString &key) const
{
    auto v = sql::scalar(connection(), QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    if (!v)
        return v.error();
    return v->toString();
}

Result<void> Store::setMeta(const QSqlDatabase &db, const QString &key, const QString &value) const
{
    auto r = sql::run(db,
                      QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                      {key, value});
    if (!r)
        return r.error();
    return {};
}

Result<StoreStatus> Store::status() const
{
    StoreStatus s;
    s.path = m_path;
    s.storeId = m_storeId;
    s.schemaVersion = m_schemaVersion;
    s.programSchemaVersion = schema::latestVersion();
    {
        QMutexLocker lock(&m_integrityMutex);
        s.integrity = m_integrity;
    }
    s.fileBytes = QFileInfo(m_path).size();
    const QSqlDatabase db = connection();
    for (const QString &table : schema::countedTables()) {
        // Table names come from the schema module, never from input.
        auto n = sql::scalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        if (!n)
            return n.error();
        s.counts.append({table, n->toLongLong()});
    }
    if (const auto newest = Backups::newest(m_path)) {
        s.lastBackupAt = newest->takenAt;
        s.lastBackupPath = newest->path;
    }
    return s;
}

}  // namespace motcua
