// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/center/CenterTypes.h"
#include "sync/center/EventWriter.h"

#include <QMutex>
#include <QSemaphore>
#include <QThread>
#include <QWaitCondition>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace motcua::sql {
class WalSync;
}  // namespace motcua::sql

namespace motcua::sync {

class CenterDatabase;
struct IngestJob;

// How pushes are stored: handler threads prepare and queue them, one writer thread stores each queued group in one
// transaction (EventWriter), and on SQLite (POSIX) a syncer thread syncs the log to disk for each group before its
// pushes are answered. Why it is built so, with measurements: docs/center-store.md.
class IngestPipeline final {
public:
    // Records an alarm of a push (an event pushed again with other content) once its group is stored.
    using RaiseAlarm =
        std::function<Result<void>(const QString &counterId, const QString &kind, const QString &detail)>;
    IngestPipeline(const CenterDatabase &db, RaiseAlarm raiseAlarm);
    ~IngestPipeline();  // stops the threads once every queued push is answered
    Q_DISABLE_COPY_MOVE(IngestPipeline)

    // A push being read, announced before it is queued: the writer, about to commit a group, waits a moment for the
    // pushes announced. It also holds one of as many reading turns as the machine has cores until the push is
    // queued or given up.
    class Arrival {
    public:
        explicit Arrival(IngestPipeline &pipeline);
        ~Arrival();
        Q_DISABLE_COPY_MOVE(Arrival)

    private:
        friend class IngestPipeline;
        void arrived();  // queued, or given up: no longer awaited (under the pipeline's mutex)
        IngestPipeline &m_pipeline;
        bool m_pending = true;
    };

    // Stores what is new of one push, with the next group: accepted / duplicate / rejected per event.
    Result<QList<PushOutcome>> ingest(const CounterAuth &counter, const QList<Event> &events,
                                      const QList<QByteArray> &canonical, Arrival *arrival);
    // Several pushes in one transaction on this thread, in order, as concurrent ingest() calls are.
    QList<Result<QList<PushOutcome>>> ingestTogether(const QList<IngestRequest> &pushes);

    // The newest seq synced to disk by the syncer thread, or -1 when every commit syncs itself.
    [[nodiscard]] qint64 durableSeq() const { return m_durableSeq.load(); }
    [[nodiscard]] qint64 groupCommits() const { return m_groupCommits.load(); }
    [[nodiscard]] qint64 lookUpRetries() const { return m_writer.lookUpRetries(); }
    [[nodiscard]] qint64 deferredSyncs() const { return m_deferredSyncs.load(); }
    // Tests only: called by the syncer thread before each sync to disk; an error fails the sync.
    void setBeforeSyncForTests(std::function<Result<void>()> hook);

private:
    Result<QList<PushOutcome>> finishJob(IngestJob &job) const;
    void writeQueued();  // the writer thread's loop
    void syncQueued();   // the syncer thread's loop
    // Takes the next group from the queue, after a moment for the pushes announced (m_mutex held).
    QList<IngestJob *> takeGroup(QMutexLocker<QMutex> &lock);
    // Commits of the writer's connection leave the log's sync to the syncer thread, if this store can (SQLite, POSIX).
    bool deferSyncs();
    void markDurable(qint64 seq);

    const CenterDatabase &m_db;
    RaiseAlarm m_raiseAlarm;
    EventWriter m_writer;
    // At most this many events share a transaction.
    static constexpr qsizetype kGroupCommitEvents = 4000;
    QMutex m_mutex;
    QWaitCondition m_done;
    QWaitCondition m_arrived;  // the writer waits here for queued and announced pushes
    int m_announced = 0;       // pushes announced and not yet queued
    QSemaphore m_readingTurns{std::max(1, QThread::idealThreadCount())};  // see Arrival
    QList<IngestJob *> m_queue;
    qsizetype m_queuedEvents = 0;
    std::atomic<qint64> m_groupCommits{0};
    std::unique_ptr<QThread> m_writerThread;  // started by the first ingest()
    bool m_writerStopping = false;
    // Deferred syncs: groups committed and not yet synced, with the newest seq of each.
    struct CommittedGroup {
        QList<IngestJob *> jobs;
        qint64 seq = 0;
    };
    std::unique_ptr<sql::WalSync> m_walSync;
    std::unique_ptr<QThread> m_syncerThread;
    QWaitCondition m_syncWanted;
    QList<CommittedGroup> m_syncQueue;
    qsizetype m_syncPending = 0;  // groups committed and not yet answered (queued or being synced)
    bool m_syncerStopping = false;
    std::optional<Error> m_syncFailure;  // once a sync failed, nothing more is stored until a restart
    std::function<Result<void>()> m_beforeSync;
    std::atomic<qint64> m_durableSeq{-1};  // -1: every commit syncs itself
    std::atomic<qint64> m_deferredSyncs{0};
};

}  // namespace motcua::sync
