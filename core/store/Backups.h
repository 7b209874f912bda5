// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace motcua {

class Store;

struct BackupInfo {
    QString path;
    QDateTime takenAt;  // UTC, from the file name
    qint64 bytes = 0;
};

// Consistent copies of a store taken with VACUUM INTO. Automatic backups are taken at most daily into
// <store folder>/backups and the newest kKeepAutomatic are kept; a copy taken before a schema upgrade is
// kept beside them. Restoring never deletes anything: the current file is moved aside first.
class Backups final {
public:
    static constexpr int kKeepAutomatic = 7;
    // The meta key restore() sets in the store it puts back (UTC time of the restore). The counter's sync client
    // then asks the center for the events this counter wrote after the backup was taken, and clears the key.
    static constexpr char kRestoredAtKey[] = "store.restored_at";

    // Writes a consistent copy of `store` to `outPath` (which must not exist) and checks the copy.
    static Result<BackupInfo> take(const Store &store, const QString &outPath);
    // Takes an automatic backup when the newest one is older than a day; prunes to kKeepAutomatic.
    // Returns the new backup, or nothing when none was due.
    static Result<std::optional<BackupInfo>> takeIfDue(const Store &store);

    // Automatic backups of the store at `storePath`, newest first.
    static QList<BackupInfo> list(const QString &storePath);
    static std::optional<BackupInfo> newest(const QString &storePath);

    // Replaces the (closed, unlocked) store at `storePath` with `backupPath`. The current file and its
    // journal are renamed to <name>.replaced-<time>, never deleted; the restored store is marked (kRestoredAtKey).
    // Returns where the old file went.
    static Result<QString> restore(const QString &storePath, const QString &backupPath);

    static QString preMigrationPath(const QString &storePath, int fromVersion);

private:
    Backups() = delete;
};

}  // namespace motcua
