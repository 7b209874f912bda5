// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterSql.h"

#include "sync/Log.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <vector>

namespace motcua::sync::centersql {

namespace {

// The messages of core's store (the same words, and so the same translations).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::Store)
};

struct PgResultDeleter {
    void operator()(PGresult *result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

// The error of a libpq command as the driver would report it (SQLSTATE as the native code), so that sql::errorFrom()
// maps it the same way; a connection lost on the way, which has no SQLSTATE, reads as class 08.
Error postgresError(PGconn *conn, const PGresult *result, const QString &what)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    QString code = QString::fromLatin1(state ? state : "");
    if (code.isEmpty() && PQstatus(conn) != CONNECTION_OK)
        code = QStringLiteral("08006");
    const char *message = result && *PQresultErrorMessage(result) ? PQresultErrorMessage(result) : PQerrorMessage(conn);
    const QSqlError error(QString(), QString::fromUtf8(message).trimmed(), QSqlError::StatementError, code);
    Error mapped = sql::errorFrom(error, what);
    // A key that exists already is an answer the center expects (it inserts pushed events without looking them up).
    if (mapped.code == ErrorCode::Conflict)
        qCDebug(lcCenterStore) << "SQL found an existing key:" << error.text();
    else
        qCWarning(lcCenterStore) << "SQL failed:" << error.text();
    return mapped;
}

// Reads what is left of a command's results, so that the connection takes the next one.
void drainResults(PGconn *conn)
{
    while (PGresult *left = PQgetResult(conn))
        PQclear(left);
}

// `bytes` escaped for COPY's text format, whose only special bytes are the backslash and the row and column
// separators.
void appendCopyText(QByteArray &out, QByteArrayView bytes)
{
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        const char *escape = c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : nullptr;
        if (!escape)
            continue;
        out.append(bytes.sliced(plainFrom, i - plainFrom));
        out.append(escape);
        plainFrom = i + 1;
    }
    out.append(bytes.sliced(plainFrom));
}

// A value as libpq's text form, bound as sql::insertRows() binds on SQLite: an invalid QVariant is NULL (nullopt), a
// null QString empty text, a QByteArray UTF-8 text.
std::optional<QByteArray> valueText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return std::nullopt;
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return QByteArray::number(value.toLongLong());
    case QMetaType::Double:
        return QByteArray::number(value.toDouble(), 'g', 17);
    case QMetaType::QByteArray:
        return value.toByteArray();
    case QMetaType::QString:
        return value.toString().toUtf8();
    default:
        if (value.isNull())
            return std::nullopt;
        return value.toString().toUtf8();
    }
}

// One value in COPY's text format.
void appendCopyValue(QByteArray &out, const QVariant &value)
{
    const std::optional<QByteArray> text = valueText(value);
    if (!text)
        out.append("\\N");
    else
        appendCopyText(out, *text);
}

constexpr QLatin1StringView kInsertInto("INSERT INTO ");

// insertRows() on PostgreSQL: "INSERT INTO t(a, b)" becomes "COPY t(a, b) FROM STDIN", and the rows are sent in
// pieces of about 256 KiB.
Result<void> copyRows(PGconn *conn, const QString &head, int width, const QVariantList &values, const QString &what)
{
    const QByteArray command = "COPY " + QStringView(head).sliced(kInsertInto.size()).toUtf8() + " FROM STDIN";
    {
        PgResult started(PQexec(conn, command.constData()));
        if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
            Error error = postgresError(conn, started.get(), what);
            drainResults(conn);
            return error;
        }
    }
    constexpr qsizetype kPiece = 256 * 1024;
    QByteArray buffer;
    buffer.reserve(kPiece + 4096);
    const qsizetype count = values.size() / width * width;
    bool sent = true;
    for (qsizetype i = 0; i < count && sent; ++i) {
        appendCopyValue(buffer, values.at(i));
        buffer.append((i + 1) % width == 0 ? '\n' : '\t');
        if (buffer.size() >= kPiece || i + 1 == count) {
            sent = PQputCopyData(conn, buffer.constData(), int(buffer.size())) == 1;
            buffer.clear();
        }
    }
    // A failed send ends the COPY with an error, so that the server stores none of its rows.
    if (PQputCopyEnd(conn, sent ? nullptr : "the rows could not be sent") != 1) {
        Error error = postgresError(conn, nullptr, what);
        drainResults(conn);
        return error;
    }
    PgResult finished(PQgetResult(conn));
    const bool ok = PQresultStatus(finished.get()) == PGRES_COMMAND_OK;
    Error error = ok ? Error{} : postgresError(conn, finished.get(), what);
    finished.reset();
    drainResults(conn);
    if (!ok)
        return error;
    return {};
}

// An array literal of the distinct `values`: every element quoted, with its quotes and backslashes escaped. (It is
// the value of one parameter, not SQL text.)
QByteArray arrayLiteral(const QStringList &values)
{
    QByteArray array = "{";
    QSet<QString> seen;
    seen.reserve(values.size());
    for (const QString &value : values) {
        if (seen.contains(value))
            continue;
        seen.insert(value);
        if (array.size() > 1)
            array += ',';
        array += '"';
        for (const char c : value.toUtf8()) {
            if (c == '"' || c == '\\')
                array += '\\';
            array += c;
        }
        array += '"';
    }
    array += '}';
    return array;
}

// A value of a libpq result as the driver would give it: integers as integers, the rest as text.
QVariant postgresValue(const PGresult *result, int row, int column)
{
    if (PQgetisnull(result, row, column))
        return {};
    const char *const text = PQgetvalue(result, row, column);
    constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23;
    switch (PQftype(result, column)) {
    case kInt8:
    case kInt2:
    case kInt4:
        return QVariant(QByteArray(text).toLongLong());
    default:
        return QVariant(QString::fromUtf8(text));
    }
}

// `statement` with its `?` placeholders numbered as PostgreSQL's $1, $2, … (no value goes into the text).
QByteArray numberedPlaceholders(const QString &statement)
{
    QByteArray out;
    int next = 0;
    for (const char c : statement.toUtf8()) {
        if (c == '?')
            out += '$' + QByteArray::number(++next);
        else
            out += c;
    }
    return out;
}

// Queues `statement` in the pipeline, its values as text parameters.
bool sendStatement(PGconn *conn, const Transaction::Statement &statement)
{
    const QByteArray text = numberedPlaceholders(statement.sql);
    std::vector<std::optional<QByteArray>> kept;
    kept.reserve(size_t(statement.binds.size()));
    std::vector<const char *> params;
    for (const QVariant &value : statement.binds) {
        kept.push_back(valueText(value));
        params.push_back(kept.back() ? kept.back()->constData() : nullptr);
    }
    return PQsendQueryParams(conn, text.constData(), int(params.size()), nullptr, params.data(), nullptr, nullptr, 0) ==
           1;
}

// The results of a pipeline of `commands` commands and its sync point: the first error met, if any. `committed`
// tells whether the last command answered COMMIT (a failed transaction answers ROLLBACK).
std::optional<Error> readPipeline(PGconn *conn, qsizetype commands, const QString &what, bool *committed)
{
    std::optional<Error> failure;
    *committed = false;
    for (qsizetype i = 0; i < commands; ++i) {
        PgResult result(PQgetResult(conn));
        if (!result) {
            if (!failure)
                failure = postgresError(conn, nullptr, what);
            break;
        }
        const ExecStatusType status = PQresultStatus(result.get());
        const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
        if (!ok && status != PGRES_PIPELINE_ABORTED && !failure)
            failure = postgresError(conn, result.get(), what);
        if (ok && i == commands - 1)
            *committed = qstrcmp(PQcmdStatus(result.get()), "COMMIT") == 0;
        result.reset();
        drainResults(conn);  // the end of this command's results
    }
    // Up to the sync point, which ends the pipeline.
    for (PgResult result(PQgetResult(conn)); result; result.reset(PQgetResult(conn))) {
        if (PQresultStatus(result.get()) == PGRES_PIPELINE_SYNC)
            break;
    }
    if (PQexitPipelineMode(conn) != 1 && !failure)
        failure = postgresError(conn, nullptr, what);
    return failure;
}

}  // namespace

pg_conn *postgresHandle(const QSqlDatabase &db)
{
    if (!db.driver() || !sql::isPostgres(db))
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0)
        return nullptr;
    PGconn *const conn = *static_cast<PGconn *const *>(handle.constData());
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return nullptr;
    const PGTransactionStatusType state = PQtransactionStatus(conn);
    return state == PQTRANS_IDLE || state == PQTRANS_INTRANS ? conn : nullptr;
}

Result<void> insertRows(const QSqlDatabase &db, const QString &head, int width, const QVariantList &values)
{
    PGconn *const conn = postgresHandle(db);
    if (!conn || !head.startsWith(kInsertInto))
        return sql::insertRows(db, head, width, values);
    if (values.size() < width)
        return {};
    const QString what = Tr::tr("save to the data file");
    ErrorCode injected{};
    if (sql::FaultInjector::shouldFail(&injected))
        return sql::FaultInjector::injected(injected, what);
    return copyRows(conn, head, width, values, what);
}

Result<void> selectIn(const QSqlDatabase &db, const QString &head, const QStringList &values,
                      const std::function<void(const sql::TextRow &)> &row)
{
    static const QLatin1String in(" IN");
    PGconn *const conn = postgresHandle(db);
    if (!conn || !head.endsWith(in))
        return sql::selectIn(db, head, values, row);
    if (values.isEmpty())
        return {};
    const QString what = Tr::tr("access the data file");
    ErrorCode injected{};
    if (sql::FaultInjector::shouldFail(&injected))
        return sql::FaultInjector::injected(injected, what);
    // One index look-up per key, whatever the planner would make of a long list against a small or a large table:
    // the keys are joined to the statement laterally, and OFFSET 0 keeps it from being flattened into a join it could
    // run as a scan of the whole table. Each key once, as IN has it.
    const QByteArray command = "SELECT motcua_found.* FROM unnest($1::text[]) AS motcua_keys(key) CROSS JOIN "
                               "LATERAL (" +
                               QStringView(head).chopped(in.size()).toUtf8() +
                               " = motcua_keys.key OFFSET 0) AS motcua_found";
    const QByteArray array = arrayLiteral(values);
    const char *params[] = {array.constData()};
    PgResult result(PQexecParams(conn, command.constData(), 1, nullptr, params, nullptr, nullptr, 0));
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
        Error error = postgresError(conn, result.get(), what);
        result.reset();
        drainResults(conn);
        return error;
    }
    sql::TextRow current;
    const int rows = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    for (int r = 0; r < rows; ++r) {
        QList<QByteArrayView> views;
        views.reserve(columns);
        for (int c = 0; c < columns; ++c)
            views.append(QByteArrayView(PQgetvalue(result.get(), r, c), PQgetlength(result.get(), r, c)));
        current.setViews(std::move(views));
        row(current);
    }
    return {};
}

Transaction::Transaction(QSqlDatabase db) : m_db(db), m_driver(db) {}

Transaction::~Transaction()
{
    rollback();
}

Result<QVariant> Transaction::beginWith(const QString &query)
{
    PGconn *const conn = postgresHandle(m_db);
    if (!conn) {
        if (auto r = m_driver.begin(); !r)
            return r.error();
        return sql::cachedScalar(m_db, query);
    }
    ErrorCode injected{};
    if (sql::FaultInjector::shouldFail(&injected))
        return sql::FaultInjector::injected(injected, QStringLiteral("BEGIN"));
    // Two statements without a value between them, in one message of the simple protocol.
    const QByteArray text = "BEGIN; " + query.toUtf8();
    const PgResult result(PQexec(conn, text.constData()));
    const PGTransactionStatusType state = PQtransactionStatus(conn);
    m_libpqOpen = state == PQTRANS_INTRANS || state == PQTRANS_INERROR;
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        return postgresError(conn, result.get(), Tr::tr("access the data file"));
    return PQntuples(result.get()) > 0 ? postgresValue(result.get(), 0, 0) : QVariant();
}

Result<void> Transaction::commitAfter(const QList<Statement> &statements)
{
    const QString what = Tr::tr("save to the data file");
    for (const Statement &statement : statements) {
        if (statement.sql.count(QLatin1Char('?')) != statement.binds.size()) {
            rollback();
            return makeError(ErrorCode::Database, Tr::tr("Could not %1: database error.").arg(what),
                             QStringLiteral("the values do not match the placeholders of: %1").arg(statement.sql));
        }
    }
    PGconn *const conn = m_libpqOpen ? postgresHandle(m_db) : nullptr;
    if (!conn) {
        for (const Statement &statement : statements) {
            if (auto q = sql::cached(m_db, statement.sql, statement.binds); !q) {
                rollback();
                return q.error();
            }
        }
        auto committed = m_driver.commit();
        if (committed)
            m_libpqOpen = false;
        else
            rollback();
        return committed;
    }
    ErrorCode injected{};
    if (sql::FaultInjector::shouldFail(&injected)) {
        rollback();
        return sql::FaultInjector::injected(injected, QStringLiteral("COMMIT"));
    }
    bool sent = PQenterPipelineMode(conn) == 1;
    qsizetype queued = 0;
    for (const Statement &statement : statements) {
        sent = sent && sendStatement(conn, statement);
        queued += sent ? 1 : 0;
    }
    if (sent && PQsendQueryParams(conn, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1)
        ++queued;
    else
        sent = false;
    bool committed = false;
    std::optional<Error> failure;
    if (PQpipelineStatus(conn) != PQ_PIPELINE_OFF) {
        if (PQpipelineSync(conn) != 1)
            sent = false;
        failure = readPipeline(conn, queued, what, &committed);
    }
    if (sent && !failure && committed) {
        m_libpqOpen = false;
        return {};
    }
    // A transaction that failed before is ended by COMMIT as by ROLLBACK, and says so.
    const Error error = failure ? *failure
                                : makeError(ErrorCode::Database, Tr::tr("Could not %1: database error.").arg(what),
                                            sent ? QStringLiteral("the transaction was rolled back")
                                                 : QStringLiteral("the statements could not be sent"));
    m_libpqOpen = PQtransactionStatus(conn) != PQTRANS_IDLE;
    rollback();
    return error;
}

void Transaction::rollback()
{
    m_driver.rollback();
    if (!m_libpqOpen)
        return;
    m_libpqOpen = false;
    QSqlDatabase db = m_db;
    if (!db.rollback())
        qCDebug(lcCenterStore) << "ROLLBACK:" << db.lastError().text();
}

}  // namespace motcua::sync::centersql
