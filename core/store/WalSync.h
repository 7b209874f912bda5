// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>

namespace motcua::sql {

// Syncs a SQLite database's write-ahead log to disk from outside SQLite.
//
// A connection with synchronous=NORMAL commits into the log without syncing it; calling sync() afterwards, from any
// thread, makes every transaction committed before the call durable, since fdatasync covers the whole file whoever
// wrote it. A writer can so start its next transaction while the previous one is being synced. The log is opened
// on the first sync (the directory synced once, for its entry) and opened again should SQLite have replaced it.
// POSIX only: elsewhere supported() is false and commits must sync themselves (synchronous=FULL).
class WalSync final {
public:
    explicit WalSync(QString databasePath);
    ~WalSync();
    Q_DISABLE_COPY_MOVE(WalSync)

    [[nodiscard]] static bool supported();
    // Everything committed to the log so far, on disk; or why not (the log missing, an I/O error).
    Result<void> sync();

private:
    Result<void> open();
    void close();

    const QString m_walPath;
    int m_fd = -1;
};

}  // namespace motcua::sql
