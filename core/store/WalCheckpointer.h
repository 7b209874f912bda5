// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <atomic>

struct sqlite3;

namespace motcua::sql {

// Copies a SQLite database's write-ahead log into the database on a thread of its own.
//
// SQLite's automatic checkpoint runs inside the COMMIT that takes the log past its threshold, so one request in a
// few hundred waited for megabytes to be copied and synced (and with group commit, every push queued behind it).
// Connections attached here report their commits instead, and this thread runs a PASSIVE checkpoint (it never
// blocks readers or writers) once the log holds `thresholdBytes`, or once it holds `quietBytes` and no commit came
// for `quietMs`: the log is copied in the quiet moments between bursts, and a burst is not slowed by copying until
// the log reaches the threshold. Should the log still grow to `limitBytes` (checkpoints falling behind a writer that
// never pauses), the committing connection checkpoints itself, as SQLite would have done. The sizes are bytes,
// whatever the database's page size (SQLite reports the log in pages).
class WalCheckpointer final : private QThread {
public:
    explicit WalCheckpointer(QString path, qint64 thresholdBytes = 16 << 20, qint64 limitBytes = 256 << 20,
                             qint64 quietBytes = 0, int quietMs = 1000);
    ~WalCheckpointer() override;
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

    // Makes `db`'s commits report to this checkpointer instead of checkpointing themselves, and reads the database's
    // page size. SQLite only; the connection must be closed before the checkpointer is destroyed.
    Result<void> attach(const QSqlDatabase &db);
    // Checkpoints run so far (by this thread and by committing connections past the limit).
    [[nodiscard]] int checkpoints() const { return m_checkpoints.load(); }

private:
    static int onCommit(void *self, sqlite3 *db, const char *schema, int pages);
    void run() override;

    const QString m_path;
    const qint64 m_thresholdBytes;
    const qint64 m_limitBytes;
    const qint64 m_quietBytes;  // 0: no copying in quiet moments
    const int m_quietMs;
    std::atomic<int> m_pageSize{4096};      // of the database, read when a connection is attached
    std::atomic<qint64> m_logBytes{0};      // as the last commit reported
    std::atomic<qint64> m_lastCommitMs{0};  // steady clock
    QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_wanted = false;
    bool m_stopping = false;
    std::atomic<int> m_checkpoints{0};
};

}  // namespace motcua::sql
