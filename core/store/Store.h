// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QFuture>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QThread;

namespace motcua {

// When the store's integrity check (PRAGMA quick_check, seconds on a large store) runs.
enum class IntegrityCheck {
    AtOpen,        // open() returns only after it passed
    InBackground,  // open() returns at once; the check runs on its own thread and writes wait for it
};

struct StoreOptions {
    // Create the file (and its folder) when missing. When false, a missing store is NotFound.
    bool create = true;
    // A store that needs no migration may be checked in the background, so a window can show meanwhile.
    // A new store, or one to migrate, is always checked before open() returns.
    IntegrityCheck integrityCheck = IntegrityCheck::AtOpen;
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
    QString integrity;  // "ok", "checking", or what PRAGMA quick_check said
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

    // This thread's connection, opened and configured on first use; closed when the thread ends (or the store
    // closes, whichever comes first).
    [[nodiscard]] QSqlDatabase connection() const;

    // How a write must survive a power cut. Full: synced to disk before write() returns (what officers record).
    // Replayable: the transaction may be lost with the last moments before a power cut, all of it and with nothing
    // after it kept (SQLite's WAL with synchronous=NORMAL), because it only records what can be had again: a page
    // pulled from the center with its cursor, or outbox entries cleared after the center's answer, which are pushed
    // again as duplicates if lost. It skips the sync to disk; a later Full write syncs it along.
    enum class Durability { Full, Replayable };
    // Runs `work` inside BEGIN IMMEDIATE … COMMIT on this thread's connection; rolls back on error.
    // While a background integrity check runs, a write waits for it; on a damaged store it fails (Corrupt)
    // and nothing is written.
    Result<void> write(const std::function<Result<void>(const QSqlDatabase &)> &work,
                       Durability durability = Durability::Full) const;

    Result<QString> meta(const QString &key) const;
    Result<void> setMeta(const QSqlDatabase &db, const QString &key, const QString &value) const;

    Result<StoreStatus> status() const;

    // The integrity check's outcome, waiting for a background check to finish.
    Result<void> waitForIntegrity() const;
    // True while a background check is still running.
    [[nodiscard]] bool integrityPending() const;
    // Stops a background check that is still running (the program is closing): waiters and writes get
    // Busy, not Corrupt, and the store is not marked damaged. Called by the destructor too.
    void cancelIntegrityCheck();

    // Where this store's automatic backups live: <folder of the store>/backups.
    static QString backupDirectoryFor(const QString &storePath);
    static QString lockFilePathFor(const QString &storePath);

private:
    explicit Store(QString path);
    Result<void> initialize(const StoreOptions &options);
    Result<void> checkOwnership(const QSqlDatabase &db, int appIdValue, int version) const;
    Result<void> ensureStoreId();
    void startIntegrityCheck();
    Result<void> runIntegrityCheck();
    Result<QSqlDatabase> openConnection(const QString &name) const;
    Result<void> applyPragmas(const QSqlDatabase &db) const;
    Result<void> quickCheck(const QSqlDatabase &db) const;
    void finishIntegrity(const Result<void> &outcome);

    QString m_path;
    QString m_connectionPrefix;
    QString m_storeId;
    mutable QMutex m_integrityMutex;
    mutable QWaitCondition m_integrityKnown;
    bool m_integrityPending = false;
    QString m_integrity;
    std::optional<Error> m_integrityError;
    QFuture<void> m_integrityCheck;
    void *m_checkingHandle = nullptr;  // sqlite3* of the running check, guarded by m_integrityMutex
    bool m_integrityCancelled = false;
    int m_schemaVersion = 0;
    QThread *m_ownerThread = nullptr;
    qint64 m_maxPageCount = 0;
    std::unique_ptr<QLockFile> m_lock;
    mutable QMutex m_connectionsMutex;
    mutable QSet<QString> m_connections;
};

}  // namespace motcua
