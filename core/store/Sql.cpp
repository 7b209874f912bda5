// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Sql.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

#include <sqlite3.h>

#include <atomic>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace motcua::sql {

namespace {
std::atomic<int> s_failAt{0};
std::atomic<int> s_executed{0};
std::atomic<int> s_failCode{static_cast<int>(ErrorCode::Io)};

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::Store)
};

// SQLite primary result codes (sqlite3.h); Qt reports the native code as text.
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADb = 26,
};
// Extended result codes: a UNIQUE or PRIMARY KEY constraint failed.
constexpr int kSqliteConstraintPrimaryKey = 1555;
constexpr int kSqliteConstraintUnique = 2067;

// Qt binds a null QString as SQL NULL. No column of ours means NULL by an empty text, so text is always bound as
// text; an invalid QVariant() is the way to bind NULL.
QVariant bindable(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QString(QLatin1String(""));
    return value;
}

Error injectedError(ErrorCode code, const QString &what)
{
    switch (code) {
    case ErrorCode::DiskFull:
        return makeError(code, Tr::tr("The disk is full, so nothing was saved. Free some space and try again."),
                         QStringLiteral("injected fault"));
    default:
        return makeError(code, Tr::tr("Could not %1: the database reported an input/output error.").arg(what),
                         QStringLiteral("injected fault"));
    }
}
}  // namespace

void FaultInjector::failAt(int statementIndex, ErrorCode code)
{
    s_failCode = static_cast<int>(code);
    s_executed = 0;
    s_failAt = statementIndex;
}

void FaultInjector::disarm()
{
    s_failAt = 0;
    s_executed = 0;
}

int FaultInjector::executedCount()
{
    return s_executed;
}

bool FaultInjector::armed()
{
    return s_failAt > 0;
}

Error FaultInjector::injected(ErrorCode code, const QString &what)
{
    return injectedError(code, what);
}

bool FaultInjector::shouldFail(ErrorCode *code)
{
    const int n = ++s_executed;
    if (s_failAt > 0 && n == s_failAt) {
        *code = static_cast<ErrorCode>(s_failCode.load());
        return true;
    }
    return false;
}

Error errorFrom(const QSqlError &error, const QString &what)
{
    const QString detail = error.text();
    const QString state = error.nativeErrorCode();
    if (state.size() == 5) {
        // A PostgreSQL SQLSTATE (the center's production database); SQLite's codes are at most 4 digits.
        if (state.startsWith(QLatin1String("53")))
            return makeError(ErrorCode::DiskFull,
                             Tr::tr("Could not %1: the database server is out of disk or memory.").arg(what), detail);
        if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")))
            return makeError(ErrorCode::Io,
                             Tr::tr("Could not %1: the connection to the database server was lost.").arg(what), detail);
        if (state == QLatin1String("40001") || state == QLatin1String("40P01") || state == QLatin1String("55P03"))
            return makeError(ErrorCode::Busy,
                             Tr::tr("Could not %1: the database is busy. Try again in a moment.").arg(what), detail);
        if (state == QLatin1String("23505"))
            return makeError(ErrorCode::Conflict, Tr::tr("Could not %1: the record exists already.").arg(what), detail);
        return makeError(ErrorCode::Database, Tr::tr("Could not %1: database error.").arg(what), detail);
    }
    bool isNumber = false;
    const int extended = state.toInt(&isNumber);
    if (isNumber && (extended == kSqliteConstraintUnique || extended == kSqliteConstraintPrimaryKey))
        return makeError(ErrorCode::Conflict, Tr::tr("Could not %1: the record exists already.").arg(what), detail);
    const int native = extended & 0xff;
    switch (isNumber ? native : -1) {
    case SqliteFull:
        return makeError(ErrorCode::DiskFull,
                         Tr::tr("The disk is full, so nothing was saved. Free some space and try again."), detail);
    case SqliteReadOnly:
    case SqliteCantOpen:
        return makeError(ErrorCode::ReadOnly,
                         Tr::tr("Could not %1: the data file or its folder cannot be written. Check the folder's "
                                "permissions and free space.")
                             .arg(what),
                         detail);
    case SqliteBusy:
    case SqliteLocked:
        return makeError(ErrorCode::Busy,
                         Tr::tr("Could not %1: the data file is busy. Try again in a moment.").arg(what), detail);
    case SqliteCorrupt:
    case SqliteNotADb:
        return makeError(ErrorCode::Corrupt, Tr::tr("Could not %1: the data file is damaged.").arg(what), detail);
    case SqliteIoErr:
        return makeError(ErrorCode::Io, Tr::tr("Could not %1: the disk reported a read or write error.").arg(what),
                         detail);
    default:
        return makeError(ErrorCode::Database, Tr::tr("Could not %1: database error.").arg(what), detail);
    }
}

namespace {
// A failed statement in the log. A key that exists already is an answer its caller expects and handles (the center
// inserts pushed events without looking them up first), so it is logged for debugging only.
void logFailure(const Error &mapped, const QSqlError &error, const QString &statement = {})
{
    if (mapped.code == ErrorCode::Conflict)
        qCDebug(lcStore) << "SQL found an existing key:" << statement << error.text();
    else
        qCWarning(lcStore) << "SQL failed:" << statement << error.text();
}
}  // namespace

Result<void> exec(QSqlQuery &query, const QString &what)
{
    ErrorCode injected{};
    if (FaultInjector::shouldFail(&injected))
        return injectedError(injected, what);
    if (!query.exec()) {
        Error mapped = errorFrom(query.lastError(), what);
        logFailure(mapped, query.lastError(), query.lastQuery());
        return mapped;
    }
    return {};
}

namespace {
// connection name -> statement text -> prepared query. Each connection is used by one thread only; the mutex guards
// the map itself (a worker thread and the owner thread may add or drop connections at the same time).
QMutex s_cacheMutex;
std::unordered_map<QString, std::unordered_map<QString, std::unique_ptr<QSqlQuery>>> s_cache;

// The same for statements run through SQLite's own API (insertRows, selectText): connection name -> statement text.
struct NativeStatement {
    sqlite3 *handle = nullptr;  // the connection it was prepared on
    sqlite3_stmt *statement = nullptr;
    bool busy = false;  // in use further up this thread's stack (a row callback running the same statement)
};
std::unordered_map<QString, std::unordered_map<QString, NativeStatement>> s_native;

// A statement from s_native, reset and unbound again when done; a fresh one, finalized when done, while the kept one
// is busy.
class KeptStatement final {
public:
    KeptStatement() = default;
    ~KeptStatement()
    {
        if (!m_statement)
            return;
        if (!m_kept) {
            sqlite3_finalize(m_statement);
            return;
        }
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        QMutexLocker lock(&s_cacheMutex);
        m_kept->busy = false;
    }
    KeptStatement(const KeptStatement &) = delete;
    KeptStatement &operator=(const KeptStatement &) = delete;

    // SQLITE_OK or the error of preparing `sql`.
    int prepare(const QSqlDatabase &db, sqlite3 *handle, const QString &sql)
    {
        QMutexLocker lock(&s_cacheMutex);
        NativeStatement &entry = s_native[db.connectionName()][sql];
        if (entry.statement && entry.handle != handle) {
            // The connection was opened again under the same name.
            sqlite3_finalize(entry.statement);
            entry = {};
        }
        if (entry.statement && !entry.busy) {
            entry.busy = true;
            m_kept = &entry;
            m_statement = entry.statement;
            return SQLITE_OK;
        }
        const QByteArray text8 = sql.toUtf8();
        sqlite3_stmt *prepared = nullptr;
        const int rc = sqlite3_prepare_v3(handle, text8.constData(), int(text8.size()), SQLITE_PREPARE_PERSISTENT,
                                          &prepared, nullptr);
        if (rc != SQLITE_OK)
            return rc;
        m_statement = prepared;
        if (!entry.statement) {
            entry = {handle, prepared, true};
            m_kept = &entry;
        }
        return SQLITE_OK;
    }
    [[nodiscard]] sqlite3_stmt *get() const { return m_statement; }

private:
    NativeStatement *m_kept = nullptr;  // stable: unordered_map nodes do not move
    sqlite3_stmt *m_statement = nullptr;
};
}  // namespace

namespace {

// SQLite's driver reads the rows of a forward-only query as they are stepped through, without keeping them. Qt's
// PostgreSQL driver instead makes one result per row, and leaves the statement unfinished on the connection after
// the last row (finish() does not read libpq's end of results), so that libpq takes no other command on it (the
// center's libpq paths, sync/center/CenterSql.h); there every query's rows are fetched in one result when it runs. The
// store's queries read a bounded number of rows (feed pages, look-ups by key).
bool forwardOnly(const QSqlDatabase &db)
{
    return db.driverName() != QLatin1String("QPSQL");
}

template <typename Binds> Result<QSqlQuery *> runCached(const QSqlDatabase &db, const QString &sql, const Binds &binds)
{
    QSqlQuery *query = nullptr;
    {
        QMutexLocker lock(&s_cacheMutex);
        auto &perConnection = s_cache[db.connectionName()];
        auto it = perConnection.find(sql);
        if (it == perConnection.end()) {
            auto fresh = std::make_unique<QSqlQuery>(db);
            fresh->setForwardOnly(forwardOnly(db));
            if (!fresh->prepare(sql)) {
                qCWarning(lcStore) << "SQL prepare failed:" << sql << fresh->lastError().text();
                return errorFrom(fresh->lastError(), Tr::tr("prepare a database statement"));
            }
            it = perConnection.emplace(sql, std::move(fresh)).first;
        }
        query = it->second.get();
    }
    int i = 0;
    for (const QVariant &value : binds)
        query->bindValue(i++, bindable(value));
    if (auto r = exec(*query, Tr::tr("access the data file")); !r)
        return r.error();
    return query;
}

}  // namespace

Result<QSqlQuery *> cached(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds)
{
    return runCached(db, sql, binds);
}

Result<QSqlQuery *> cached(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    return runCached(db, sql, binds);
}

namespace {
// The driver's own connection handle, when the driver registered it under `typeName` (Qt's drivers use the C
// library's name for it), or nullptr.
template <typename Handle> Handle *driverHandle(const QSqlDatabase &db, const char *typeName)
{
    if (!db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), typeName) != 0)
        return nullptr;
    return *static_cast<Handle *const *>(handle.constData());
}
}  // namespace

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    return driverHandle<sqlite3>(db, "sqlite3*");
}

namespace {

Error sqliteError(sqlite3 *handle, int code, const QString &what)
{
    // The extended code tells a UNIQUE constraint from the others.
    const int extended = sqlite3_extended_errcode(handle);
    const QSqlError error(QString(), QString::fromUtf8(sqlite3_errmsg(handle)), QSqlError::StatementError,
                          QString::number((extended & 0xff) == (code & 0xff) ? extended : code));
    Error mapped = errorFrom(error, what);
    logFailure(mapped, error);
    return mapped;
}

// `bytesAsText`: a QByteArray is UTF-8 text (insertRows) rather than a blob.
int bindSqlite(sqlite3_stmt *statement, int index, const QVariant &value, std::vector<QByteArray> &keep,
               bool bytesAsText = false)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return sqlite3_bind_null(statement, index);
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QByteArray: {
        keep.push_back(value.toByteArray());
        if (bytesAsText)
            return sqlite3_bind_text(statement, index, keep.back().constData(), int(keep.back().size()), SQLITE_STATIC);
        return sqlite3_bind_blob(statement, index, keep.back().constData(), int(keep.back().size()), SQLITE_STATIC);
    }
    default:
        if (value.isNull() && value.typeId() != QMetaType::QString)
            return sqlite3_bind_null(statement, index);
        keep.push_back(value.toString().toUtf8());
        return sqlite3_bind_text(statement, index, keep.back().constData(), int(keep.back().size()), SQLITE_STATIC);
    }
}

}  // namespace

Result<void> insertRows(const QSqlDatabase &db, const QString &head, int width, const QVariantList &values)
{
    const QString what = Tr::tr("save to the data file");
    const qsizetype rows = values.size() / width;
    const QString one = QLatin1Char('(') + QStringLiteral("?,").repeated(width - 1) + QStringLiteral("?)");
    sqlite3 *const handle = sqliteHandle(db);
    qsizetype done = 0;
    for (const int chunk : {64, 16, 4, 1}) {
        if (rows - done < chunk)
            continue;
        QString text = head + QStringLiteral(" VALUES ") + one;
        for (int i = 1; i < chunk; ++i)
            text += QLatin1Char(',') + one;
        if (!handle) {
            while (rows - done >= chunk) {
                QVariantList binds = values.mid(done * width, qsizetype(chunk) * width);
                for (QVariant &v : binds) {
                    if (v.typeId() == QMetaType::QByteArray)
                        v = QString::fromUtf8(v.toByteArray());
                }
                auto q = cached(db, text, binds);
                if (!q)
                    return q.error();
                done += chunk;
            }
            continue;
        }
        KeptStatement statement;
        if (const int rc = statement.prepare(db, handle, text); rc != SQLITE_OK)
            return sqliteError(handle, rc, what);
        sqlite3_stmt *const prepared = statement.get();
        std::vector<QByteArray> keep;
        keep.reserve(size_t(chunk) * size_t(width));
        while (rows - done >= chunk) {
            ErrorCode injected{};
            if (FaultInjector::shouldFail(&injected))
                return injectedError(injected, what);
            keep.clear();
            const qsizetype first = done * width;
            for (int i = 0; i < chunk * width; ++i) {
                if (const int rc = bindSqlite(prepared, i + 1, values.at(first + i), keep, true); rc != SQLITE_OK)
                    return sqliteError(handle, rc, what);
            }
            const int rc = sqlite3_step(prepared);
            sqlite3_reset(prepared);
            if (rc != SQLITE_DONE)
                return sqliteError(handle, rc, what);
            done += chunk;
        }
    }
    return {};
}

namespace {

// `head` + " (?, …, ?)" with kInPiece placeholders: one statement text for every piece of runIn() and selectIn().
QString inStatement(const QString &head)
{
    return head + QStringLiteral(" (") + QStringLiteral("?,").repeated(kInPiece - 1) + QStringLiteral("?)");
}

// The kInPiece values from `at`, the last piece padded by repeating its last value (which changes nothing for IN).
QVariantList inPiece(const QStringList &values, qsizetype at)
{
    QVariantList binds;
    binds.reserve(kInPiece);
    for (qsizetype i = at; i < at + kInPiece; ++i)
        binds.append(values.at(std::min(i, values.size() - 1)));
    return binds;
}

}  // namespace

Result<void> runIn(const QSqlDatabase &db, const QString &head, const QStringList &values,
                   const std::function<void(const QSqlQuery &)> &row)
{
    const QString text = inStatement(head);
    for (qsizetype at = 0; at < values.size(); at += kInPiece) {
        const QVariantList binds = inPiece(values, at);
        auto q = cached(db, text, binds);
        if (!q)
            return q.error();
        if (row) {
            while ((*q)->next())
                row(**q);
        }
        (*q)->finish();
    }
    return {};
}

void TextRow::setViews(QList<QByteArrayView> values)
{
    m_views = std::move(values);
    m_viewing = true;
}

QByteArrayView TextRow::text(int column) const
{
    if (m_viewing)
        return m_views.value(column);
    if (!m_statement)
        return m_values.value(column);
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_statement, column));
}

qint64 TextRow::integer(int column) const
{
    if (m_viewing)
        return m_views.value(column).toLongLong();
    if (!m_statement)
        return m_values.value(column).toLongLong();
    return sqlite3_column_int64(m_statement, column);
}

Result<void> selectText(const QSqlDatabase &db, const QString &sql, const QVariantList &binds,
                        const std::function<void(const TextRow &)> &row)
{
    sqlite3 *const handle = sqliteHandle(db);
    TextRow current;
    if (!handle) {
        // Prepared once per connection (on PostgreSQL a prepare is a round trip of its own).
        auto q = cached(db, sql, binds);
        if (!q)
            return q.error();
        const int columns = (*q)->record().count();
        while ((*q)->next()) {
            current.m_values.clear();
            for (int i = 0; i < columns; ++i)
                current.m_values.append((*q)->value(i).toString().toUtf8());
            row(current);
        }
        (*q)->finish();
        return {};
    }
    const QString what = Tr::tr("access the data file");
    ErrorCode injected{};
    if (FaultInjector::shouldFail(&injected))
        return injectedError(injected, what);
    KeptStatement statement;
    if (const int rc = statement.prepare(db, handle, sql); rc != SQLITE_OK)
        return sqliteError(handle, rc, Tr::tr("prepare a database statement"));
    sqlite3_stmt *const prepared = statement.get();
    std::vector<QByteArray> keep;
    keep.reserve(size_t(binds.size()));
    for (qsizetype i = 0; i < binds.size(); ++i) {
        if (const int rc = bindSqlite(prepared, int(i + 1), binds.at(i), keep); rc != SQLITE_OK)
            return sqliteError(handle, rc, what);
    }
    current.m_statement = prepared;
    for (;;) {
        const int rc = sqlite3_step(prepared);
        if (rc == SQLITE_DONE)
            return {};
        if (rc != SQLITE_ROW)
            return sqliteError(handle, rc, what);
        row(current);
    }
}

Result<void> selectIn(const QSqlDatabase &db, const QString &head, const QStringList &values,
                      const std::function<void(const TextRow &)> &row)
{
    const QString text = inStatement(head);
    for (qsizetype at = 0; at < values.size(); at += kInPiece) {
        const QVariantList binds = inPiece(values, at);
        if (auto r = selectText(db, text, binds, row); !r)
            return r;
    }
    return {};
}

void releaseCache(const QString &connectionName)
{
    QMutexLocker lock(&s_cacheMutex);
    s_cache.erase(connectionName);
    if (auto it = s_native.find(connectionName); it != s_native.end()) {
        for (auto &[text, entry] : it->second)
            sqlite3_finalize(entry.statement);
        s_native.erase(it);
    }
}

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(db);
    query.setForwardOnly(forwardOnly(db));
    if (binds.isEmpty() && db.driverName() == QLatin1String("QPSQL")) {
        // PostgreSQL cannot prepare DDL and some utility statements; without bindings there is nothing to prepare.
        ErrorCode injected{};
        if (FaultInjector::shouldFail(&injected))
            return injectedError(injected, Tr::tr("access the data file"));
        if (!query.exec(sql)) {
            qCWarning(lcStore) << "SQL failed:" << sql << query.lastError().text();
            return errorFrom(query.lastError(), Tr::tr("access the data file"));
        }
        return query;
    }
    if (!query.prepare(sql)) {
        qCWarning(lcStore) << "SQL prepare failed:" << sql << query.lastError().text();
        return errorFrom(query.lastError(), Tr::tr("prepare a database statement"));
    }
    for (const QVariant &value : binds)
        query.addBindValue(bindable(value));
    if (auto r = exec(query, Tr::tr("access the data file")); !r)
        return r.error();
    return query;
}

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds)
{
    return run(db, sql, QVariantList(binds));
}

Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds)
{
    auto query = run(db, sql, binds);
    if (!query)
        return query.error();
    if (!query->next())
        return QVariant();
    return query->value(0);
}

Result<QVariant> cachedScalar(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds)
{
    auto query = cached(db, sql, binds);
    if (!query)
        return query.error();
    QVariant value;
    if ((*query)->next())
        value = (*query)->value(0);
    (*query)->finish();
    return value;
}

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db)) {}

Transaction::~Transaction()
{
    rollback();
}

bool isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

Result<void> Transaction::begin()
{
    if (isPostgres(m_db)) {
        // PostgreSQL (the center) locks rows as it goes; its driver runs BEGIN itself (it cannot be prepared).
        ErrorCode injected{};
        if (FaultInjector::shouldFail(&injected))
            return injectedError(injected, QStringLiteral("BEGIN"));
        if (!m_db.transaction())
            return errorFrom(m_db.lastError(), QStringLiteral("BEGIN"));
        m_open = true;
        return {};
    }
    // SQLite: take the write lock up front.
    auto r = run(m_db, QStringLiteral("BEGIN IMMEDIATE"));
    if (!r)
        return r.error();
    m_open = true;
    return {};
}

Result<void> Transaction::commit()
{
    if (isPostgres(m_db)) {
        ErrorCode injected{};
        if (FaultInjector::shouldFail(&injected)) {
            rollback();
            return injectedError(injected, QStringLiteral("COMMIT"));
        }
        if (!m_db.commit()) {
            const Error e = errorFrom(m_db.lastError(), QStringLiteral("COMMIT"));
            rollback();
            return e;
        }
        m_open = false;
        return {};
    }
    auto r = run(m_db, QStringLiteral("COMMIT"));
    if (!r) {
        rollback();
        return r.error();
    }
    m_open = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (isPostgres(m_db)) {
        QSqlDatabase db = m_db;
        if (!db.rollback())
            qCDebug(lcStore) << "ROLLBACK:" << db.lastError().text();
        return;
    }
    // Not through the fault injector: a rollback must always be attempted. SQLite may already have rolled
    // back by itself (after SQLITE_FULL, for one), so a failure here is expected and harmless.
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCDebug(lcStore) << "ROLLBACK:" << query.lastError().text();
}

}  // namespace motcua::sql
