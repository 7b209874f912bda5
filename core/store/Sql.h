// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

#include <functional>
#include <initializer_list>

namespace motcua::sql {

// Every statement of the store goes through these helpers, so that errors are mapped to one set of
// translated messages and so that tests can fail the i-th statement (a fault sweep in the spirit of
// the Nextcloud client's testdatabaseerror).
class FaultInjector final {
public:
    static void failAt(int statementIndex, ErrorCode code = ErrorCode::Io);  // 1-based; 0 disarms
    static void disarm();
    static int executedCount();  // statements run since the last failAt()/disarm()
    static bool armed();

    // Called by the helpers; true when this statement must fail.
    static bool shouldFail(ErrorCode *code);
    // What a statement that must fail reports. `what` names the operation.
    static Error injected(ErrorCode code, const QString &what);

private:
    FaultInjector() = delete;
};

// Whether `db` is a connection of Qt's PostgreSQL driver (the center's production backend).
bool isPostgres(const QSqlDatabase &db);

// Maps a driver error to an Error with a message for the officer. `what` names the operation.
Error errorFrom(const QSqlError &error, const QString &what);

// Prepares and runs `sql` with positional bindings.
Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds = {});
Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantList &binds);
// Runs an already prepared query (bindings set by the caller).
Result<void> exec(QSqlQuery &query, const QString &what);
// Like run(), but the statement is prepared once per connection and kept: for hot paths. The returned query belongs
// to the cache; read its rows before the same statement text is run again on that connection.
Result<QSqlQuery *> cached(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds = {});
Result<QSqlQuery *> cached(const QSqlDatabase &db, const QString &sql, const QVariantList &binds);
// Runs `head` + " (?, …, ?)" — a statement ending in IN — over `values` in pieces of kInPiece placeholders, the last
// piece padded by repeating its last value (which changes nothing for IN), and hands every row to `row` when given.
// One prepared statement however many values there are.
constexpr int kInPiece = 64;
Result<void> runIn(const QSqlDatabase &db, const QString &head, const QStringList &values,
                   const std::function<void(const QSqlQuery &)> &row = {});
// Inserts values.size() / width rows: `head` is "INSERT INTO t(a, b, …)". On SQLite the rows go in with multi-row
// statements of 64, 16, 4 and 1 rows, the values bound through SQLite's own API as UTF-8, without the driver's
// per-value conversions (the center stores every event through here); through the driver's statements, in the same
// pieces, elsewhere (the center sends its rows to PostgreSQL with COPY instead: sync/center/CenterSql.h). Values bind
// as run() binds them: an invalid QVariant is NULL, a null QString is empty text, except that a QByteArray is UTF-8
// text here, not a blob. Each statement counts once for FaultInjector.
Result<void> insertRows(const QSqlDatabase &db, const QString &head, int width, const QVariantList &values);
// The SQLite handle of a connection, or nullptr for another driver.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// One row of selectText(): its values as UTF-8 text, valid until the next row.
class TextRow final {
public:
    [[nodiscard]] QByteArrayView text(int column) const;  // NULL reads as empty text
    [[nodiscard]] qint64 integer(int column) const;
    // A row that other code read (the center's libpq look-ups): the bytes must stay valid while the row is handed on.
    void setViews(QList<QByteArrayView> values);

private:
    friend Result<void> selectText(const QSqlDatabase &, const QString &, const QVariantList &,
                                   const std::function<void(const TextRow &)> &);
    friend Result<void> selectIn(const QSqlDatabase &, const QString &, const QStringList &,
                                 const std::function<void(const TextRow &)> &);
    sqlite3_stmt *m_statement = nullptr;  // SQLite: read straight from the statement
    QList<QByteArrayView> m_views;        // setViews()
    bool m_viewing = false;
    QList<QByteArray> m_values;  // other drivers: converted from the driver's values
};
// Runs a SELECT and hands every row to `row` as UTF-8 text. On SQLite the text comes straight from SQLite, with no
// QString in between (a push reads hundreds of events and writes them out as JSON); elsewhere through the driver,
// with the statement kept as cached() keeps it. Counts once for FaultInjector.
Result<void> selectText(const QSqlDatabase &db, const QString &sql, const QVariantList &binds,
                        const std::function<void(const TextRow &)> &row);
// selectText() over `head` + " (?, …, ?)", a SELECT ending in IN, in pieces of kInPiece values as runIn() does.
Result<void> selectIn(const QSqlDatabase &db, const QString &head, const QStringList &values,
                      const std::function<void(const TextRow &)> &row);
// Drops the kept statements of a connection (cached(), and the SQLite statements of insertRows() and selectText());
// call it before closing the connection, which SQLite refuses while statements of it are left.
void releaseCache(const QString &connectionName);

// First column of the first row, or an invalid QVariant when there is no row.
Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds = {});
// The same with the statement kept per connection (cached()), for statements run on every request.
Result<QVariant> cachedScalar(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds = {});

// BEGIN IMMEDIATE ... COMMIT; rolls back unless commit() succeeded. Writers take the write lock up front
// so that two writers never deadlock on a lock upgrade.
class Transaction final {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

}  // namespace motcua::sql
