#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QLockFile;
class QThread;

namespace motcua {

struct StoreOptions {
    // Create the file (and its folder) when missing. When false, a missing store is NotFound.
    bool create = true;
    // Tests only: stop migrating at this schema version (-1: the newest this program knows).
    int targetSchemaVersion = -1;
    // Tests only: cap the file at this many pages to simulate a full disk (0: no cap).
    qint64 maxPageCount = 0;
};

struct TableCount {
    QString table;
    qint64 rows = 0;
};

struct StoreStatus {
    QString path;
    QString storeId;
    int schemaVersion = 0;
    int programSchemaVersion = 0;
    qint64 fileBytes = 0;
    QString integrity;  // "ok" or what PRAGMA quick_check said at open
    QList<TableCount> counts;
    QDateTime lastBackupAt;  // invalid when none
    QString lastBackupPath;
};

// The counter's local SQLite store. One process owns a store file at a time (a lock file next to it);
// each thread that uses the store gets its own connection, created in that thread. The schema is versioned
// (PRAGMA user_version) and migrated step by step, each step in its own transaction.
class Store final {
public:
    static Result<std::unique_ptr<Store>> open(const QString &path, const StoreOptions &options = {});
    ~Store();
    Q_DISABLE_COPY_MOVE(Store)

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString storeId() const { return m_storeId; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    static int programSchemaVersion();

    // This thread's connection, opened and configured on first use.
    [[nodiscard]] QSqlDatabase connection() const;
    // A worker thread calls this before it finishes.
    void releaseThreadConnection() const;

    // Runs `work` inside BEGIN IMMEDIATE … COMMIT on this thread's connection; rolls back on error.
    Result<void> write(const std::function<Result<void>(const QSqlDatabase &)> &work) const;

    Result<QString> meta(const QString &key) const;
    Result<void> setMeta(const QSqlDatabase &db, const QString &key, const QString &value) const;

    Result<StoreStatus> status() const;

    // Where this store's automatic backups live: <folder of the store>/backups.
    static QString backupDirectoryFor(const QString &storePath);
    static QString lockFilePathFor(const QString &storePath);

private:
    explicit Store(QString path);
    Result<void> initialize(const StoreOptions &options);
    Result<QSqlDatabase> openConnection(const QString &name) const;
    Result<void> applyPragmas(const QSqlDatabase &db) const;

    QString m_path;
    QString m_connectionPrefix;
    QString m_storeId;
    QString m_integrity;
    int m_schemaVersion = 0;
    QThread *m_ownerThread = nullptr;
    qint64 m_maxPageCount = 0;
    std::unique_ptr<QLockFile> m_lock;
    mutable QMutex m_connectionsMutex;
    mutable QSet<QString> m_connections;
};

}  // namespace motcua
