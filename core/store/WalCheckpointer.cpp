// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/WalCheckpointer.h"

#include "core/Log.h"
#include "core/store/Sql.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <chrono>

#include <sqlite3.h>

namespace motcua::sql {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::Store)
};
}  // namespace

namespace {
qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
}  // namespace

WalCheckpointer::WalCheckpointer(QString path, qint64 thresholdBytes, qint64 limitBytes, qint64 quietBytes,
                                 int quietMs) :
    m_path(std::move(path)),
    m_thresholdBytes(thresholdBytes),
    m_limitBytes(std::max(limitBytes, thresholdBytes)),
    m_quietBytes(std::max<qint64>(0, quietBytes)),
    m_quietMs(std::max(1, quietMs))
{
    setObjectName(QStringLiteral("wal-checkpointer"));
    start(QThread::LowPriority);
}

WalCheckpointer::~WalCheckpointer()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    wait();
}

Result<void> WalCheckpointer::attach(const QSqlDatabase &db)
{
    sqlite3 *handle = sqliteHandle(db);
    if (!handle)
        return makeError(ErrorCode::InvalidInput, Tr::tr("Only a SQLite database has a write-ahead log to copy."));
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, "PRAGMA page_size", -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_int(statement, 0) > 0)
        m_pageSize = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
    // Replaces SQLite's own hook (wal_autocheckpoint), which would otherwise checkpoint inside the commit.
    sqlite3_wal_hook(handle, &WalCheckpointer::onCommit, this);
    return {};
}

int WalCheckpointer::onCommit(void *self, sqlite3 *db, const char *schema, int pages)
{
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    const qint64 bytes = qint64(pages) * checkpointer->m_pageSize.load();
    const qint64 before = checkpointer->m_logBytes.exchange(bytes);
    checkpointer->m_lastCommitMs = steadyMs();
    if (bytes >= checkpointer->m_limitBytes) {
        // The thread has fallen behind: copy now, as SQLite's own hook does.
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        ++checkpointer->m_checkpoints;
        return SQLITE_OK;
    }
    if (bytes >= checkpointer->m_thresholdBytes) {
        QMutexLocker lock(&checkpointer->m_mutex);
        checkpointer->m_wanted = true;
        checkpointer->m_wake.wakeOne();
    } else if (checkpointer->m_quietBytes > 0 && bytes >= checkpointer->m_quietBytes &&
               before < checkpointer->m_quietBytes) {
        QMutexLocker lock(&checkpointer->m_mutex);
        checkpointer->m_wake.wakeOne();  // to start watching for a quiet moment
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    sqlite3 *db = nullptr;  // opened at the first checkpoint: the file may not exist before
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            while (!m_wanted && !m_stopping) {
                // A log worth copying and no commit for quietMs: copy it now, while nobody waits.
                const bool quietCopy = m_quietBytes > 0 && m_logBytes.load() >= m_quietBytes;
                if (!quietCopy) {
                    m_wake.wait(&m_mutex);
                    continue;
                }
                const qint64 quietFor = steadyMs() - m_lastCommitMs.load();
                if (quietFor >= m_quietMs) {
                    m_wanted = true;
                    break;
                }
                m_wake.wait(&m_mutex, QDeadlineTimer(m_quietMs - quietFor));
            }
            if (m_stopping)
                break;
            m_wanted = false;
            m_logBytes = 0;  // the next commit starts the log again, and says how much it holds
        }
        if (!db) {
            if (sqlite3_open_v2(m_path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
                qCWarning(lcStore) << "The checkpoint thread cannot open" << m_path << sqlite3_errmsg(db)
                                   << "- connections copy the log themselves past" << m_limitBytes << "bytes";
                sqlite3_close(db);
                return;
            }
            sqlite3_busy_timeout(db, 5000);
            // A connection takes up the log only once it has read something: until then it checkpoints nothing.
            if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK)
                qCWarning(lcStore) << "The checkpoint thread cannot read" << m_path << sqlite3_errmsg(db);
        }
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcStore) << "Checkpoint of" << m_path << "failed:" << sqlite3_errmsg(db);
        else
            ++m_checkpoints;
    }
    sqlite3_close(db);
}

}  // namespace motcua::sql
