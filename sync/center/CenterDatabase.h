// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/center/CenterTypes.h"

#include <QDateTime>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QVariantList>

#include <functional>
#include <memory>
#include <mutex>

namespace motcua::sql {
class WalCheckpointer;
}  // namespace motcua::sql

namespace motcua::sync {

// The center's database: one connection per thread (opened on demand, released when its thread ends), and the
// writes, one at a time on SQLite.
class CenterDatabase final {
public:
    // Checks the SQLite file's folder and opens this thread's connection.
    static Result<std::unique_ptr<CenterDatabase>> open(const CenterDbConfig &config);
    ~CenterDatabase();
    Q_DISABLE_COPY_MOVE(CenterDatabase)

    [[nodiscard]] const CenterDbConfig &config() const { return m_config; }
    [[nodiscard]] bool isPostgres() const { return m_config.backend == CenterDbConfig::Backend::Postgres; }
    [[nodiscard]] QString backendName() const;

    // This thread's connection, opened (or reopened) on demand, or why it cannot be.
    Result<QSqlDatabase> threadConnection() const;
    // The same, or an invalid connection (its queries then fail) after logging why.
    [[nodiscard]] QSqlDatabase connection() const;
    // Closes this thread's connection now rather than when the thread ends.
    void releaseThreadConnection() const;

    // This process's turn to write to a SQLite center (held until the lock is destroyed); an empty lock on
    // PostgreSQL.
    std::unique_lock<QMutex> writeTurn() const;
    // `work` in one transaction, in turn.
    Result<void> write(const std::function<Result<void>(const QSqlDatabase &)> &work) const;
    // One writing statement, in turn, without a transaction around it.
    Result<void> writeOne(const QString &statement, const QVariantList &binds) const;

    // A consistent copy of a SQLite center in `file` (which must not exist); an error on PostgreSQL.
    Result<void> backupTo(const QString &file) const;

    // The time as the center stores it (UTC, ISO 8601 with milliseconds), and back.
    static QString nowText();
    static QDateTime fromText(const QString &text);

private:
    explicit CenterDatabase(CenterDbConfig config);
    Result<QSqlDatabase> openConnection(const QString &name) const;
    Result<void> setUpPostgres(const QSqlDatabase &db) const;
    Result<void> setUpSqlite(const QSqlDatabase &db) const;
    [[nodiscard]] QString threadConnectionName() const;

    CenterDbConfig m_config;
    QString m_connectionPrefix;
    mutable QMutex m_namesMutex;
    mutable QSet<QString> m_names;  // the connections opened, closed with the database if their thread is still on
    std::unique_ptr<sql::WalCheckpointer> m_checkpointer;  // SQLite: copies the log into the database
    mutable QMutex m_sqliteWriteMutex;  // the threads of this process that write to a SQLite center, one at a time
};

}  // namespace motcua::sync
