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

WalCheckpointer::WalCheckpointer(QString path, int thresholdPages, int limitPages, int quietPages, int quietMs) :
    m_path(std::move(path)),
    m_thresholdPages(thresholdPages),
    m_limitPages(std::max(limitPages, thresholdPages)),
    m_quietPages(std::max(0, quietPages)),
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
    // Replaces SQLite's own hook (wal_autocheckpoint), which would otherwise checkpoint inside the commit.
    sqlite3_wal_hook(handle, &WalCheckpointer::onCommit, this);
    return {};
}

int WalCheckpointer::onCommit(void *self, sqlite3 *db, const char *schema, int pages)
{
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    const int before = checkpointer->m_logPages.exchange(pages);
    checkpointer->m_lastCommitMs = steadyMs();
    if (pages >= checkpointer->m_limitPages) {
        // The thread has fallen behind: copy now, as SQLite's own hook does.
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        ++checkpointer->m_checkpoints;
        return SQLITE_OK;
    }
    if (pages >= checkpointer->m_thresholdPages) {
        QMutexLocker lock(&checkpointer->m_mutex);
        checkpointer->m_wanted = true;
        checkpointer->m_wake.wakeOne();
    } else if (checkpointer->m_quietPages > 0 && pages >= checkpointer->m_quietPages &&
               before < checkpointer->m_quietPages) {
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
                const bool quietCopy = m_quietPages > 0 && m_logPages.load() >= m_quietPages;
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
            m_logPages = 0;  // the next commit starts the log again, and says how much it holds
        }
        if (!db) {
            if (sqlite3_open_v2(m_path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
                qCWarning(lcStore) << "The checkpoint thread cannot open" << m_path << sqlite3_errmsg(db)
                                   << "- connections copy the log themselves past" << m_limitPages << "pages";
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
