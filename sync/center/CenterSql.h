// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/store/Sql.h"

#include <QList>
#include <QSqlDatabase>
#include <QVariant>

#include <functional>

struct pg_conn;

// The center's SQL on its hot paths. On PostgreSQL they go through libpq on the driver's own connection (COPY, one
// array look-up, a transaction in two round trips); on SQLite, and on PostgreSQL while the driver is busy, through
// core's sql:: helpers. Values always travel as parameters or COPY data, never spliced into SQL text. Each libpq
// command counts once for sql::FaultInjector, as each statement of the helpers does. Why: docs/center-store.md.
namespace motcua::sync::centersql {

// The libpq connection under a PostgreSQL connection, or nullptr for another driver, a broken connection, or one
// still busy with a statement of Qt's driver (a forward-only query hands out its rows one at a time, and libpq runs
// one command at a time per connection): the functions below then go through the driver instead.
pg_conn *postgresHandle(const QSqlDatabase &db);

// sql::insertRows(); on PostgreSQL all rows in one COPY (`head` "INSERT INTO t(a, b)" becomes "COPY t(a, b)").
Result<void> insertRows(const QSqlDatabase &db, const QString &head, int width, const QVariantList &values);

// sql::selectIn(); on PostgreSQL one statement for all values, through libpq with the values as one array
// parameter: `head` without its IN, + " = key", run for each distinct key of the array.
Result<void> selectIn(const QSqlDatabase &db, const QString &head, const QStringList &values,
                      const std::function<void(const sql::TextRow &)> &row);

// A write transaction of the center: BEGIN with its first query, the last statements with the COMMIT. Rolls back
// unless committed.
class Transaction final {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    // A statement and its values for its `?` placeholders.
    struct Statement {
        QString sql;
        QVariantList binds;
    };
    // BEGIN (IMMEDIATE on SQLite), then `query` (no placeholders): the first column of its first row, or an invalid
    // QVariant. On PostgreSQL both go to the server together, in one round trip.
    Result<QVariant> beginWith(const QString &query);
    // The statements (placeholders only where a value goes, none inside quotes), then COMMIT. On PostgreSQL they go
    // to the server in one pipeline with the COMMIT, in one round trip, each value a parameter of its statement.
    Result<void> commitAfter(const QList<Statement> &statements);
    void rollback();

private:
    QSqlDatabase m_db;
    sql::Transaction m_driver;  // SQLite, and PostgreSQL while libpq is busy with a statement of the driver
    bool m_libpqOpen = false;   // begun through libpq
};

}  // namespace motcua::sync::centersql
