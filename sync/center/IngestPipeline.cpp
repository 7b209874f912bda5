// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/IngestPipeline.h"

#include "core/CrashPoint.h"
#include "core/store/Sql.h"
#include "core/store/WalSync.h"
#include "sync/Log.h"
#include "sync/center/CenterDatabase.h"
#include "sync/center/IngestJob.h"

#include <QDeadlineTimer>

#include <vector>

namespace motcua::sync {

IngestPipeline::IngestPipeline(const CenterDatabase &db, RaiseAlarm raiseAlarm) :
    m_db(db), m_raiseAlarm(std::move(raiseAlarm)), m_writer(db)
{
}

IngestPipeline::~IngestPipeline()
{
    if (m_writerThread) {
        {
            QMutexLocker stop(&m_mutex);
            m_writerStopping = true;
            m_arrived.wakeAll();
        }
        m_writerThread->wait();
    }
    if (m_syncerThread) {
        {
            QMutexLocker stop(&m_mutex);
            m_syncerStopping = true;
            m_syncWanted.wakeAll();
        }
        m_syncerThread->wait();
    }
}

IngestPipeline::Arrival::Arrival(IngestPipeline &pipeline) : m_pipeline(pipeline)
{
    m_pipeline.m_readingTurns.acquire();
    QMutexLocker lock(&m_pipeline.m_mutex);
    ++m_pipeline.m_announced;
}

IngestPipeline::Arrival::~Arrival()
{
    if (m_pending) {
        QMutexLocker lock(&m_pipeline.m_mutex);
        arrived();
    }
}

void IngestPipeline::Arrival::arrived()
{
    if (!m_pending)
        return;
    m_pending = false;
    m_pipeline.m_readingTurns.release();
    --m_pipeline.m_announced;
    m_pipeline.m_arrived.wakeAll();
}

Result<QList<PushOutcome>> IngestPipeline::finishJob(IngestJob &job) const
{
    if (job.error)
        return *job.error;
    for (const auto &[kind, detail] : std::as_const(job.alarms)) {
        qCWarning(lcCenterStore).noquote() << "ALARM" << kind << job.counter->counterId << detail;
        if (auto a = m_raiseAlarm(job.counter->counterId, kind, detail); !a)
            qCWarning(lcCenterStore) << "Could not record the alarm:" << a.error().message;
    }
    return job.outcomes;
}

Result<QList<PushOutcome>> IngestPipeline::ingest(const CounterAuth &counter, const QList<Event> &events,
                                                  const QList<QByteArray> &canonical, Arrival *arrival)
{
    IngestJob job;
    EventWriter::prepare(job, counter, events, canonical);
    {
        QMutexLocker lock(&m_mutex);
        if (m_syncFailure)
            return *m_syncFailure;
        if (!m_writerThread) {
            m_writerThread.reset(QThread::create([this] { writeQueued(); }));
            m_writerThread->setObjectName(QStringLiteral("ingest-writer"));
            m_writerThread->start();
        }
        m_queue.append(&job);
        m_queuedEvents += job.incoming.size();
        if (arrival)
            arrival->arrived();
        m_arrived.wakeAll();
        while (!job.done)
            m_done.wait(&m_mutex);
    }
    if (!job.error)
        crashPoint("center.ingest.after_commit");  // stored; the counter has no answer yet
    return finishJob(job);
}

QList<IngestJob *> IngestPipeline::takeGroup(QMutexLocker<QMutex> &lock)
{
    const QDeadlineTimer delay(m_db.config().commitDelayMs);
    while (m_announced > 0 && m_queuedEvents < kGroupCommitEvents && !m_writerStopping && !delay.hasExpired())
        m_arrived.wait(lock.mutex(), delay);
    QList<IngestJob *> group;
    qsizetype events = 0;
    while (!m_queue.isEmpty() && (group.isEmpty() || events + m_queue.first()->incoming.size() <= kGroupCommitEvents)) {
        events += m_queue.first()->incoming.size();
        group.append(m_queue.takeFirst());
    }
    m_queuedEvents -= events;
    return group;
}

// One connection writes every group, so the pages it wrote last stay in its cache (docs/center-store.md).
void IngestPipeline::writeQueued()
{
    const bool deferred = deferSyncs();
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (m_queue.isEmpty() && !m_writerStopping)
            m_arrived.wait(&m_mutex);
        if (m_queue.isEmpty())
            break;  // stopping
        const QList<IngestJob *> group = takeGroup(lock);
        if (m_syncFailure) {
            // After a failed sync nothing more is stored: a later sync could succeed without the lost pages.
            for (IngestJob *job : group) {
                job->error = *m_syncFailure;
                job->done = true;
            }
            m_done.wakeAll();
            continue;
        }
        lock.unlock();
        const qint64 committed = m_writer.write(group);
        ++m_groupCommits;
        lock.relock();
        if (deferred) {
            // Answered once the syncer has the log on disk; this thread goes on with the next group meanwhile.
            m_syncQueue.append({group, committed});
            ++m_syncPending;
            m_syncWanted.wakeAll();
            continue;
        }
        for (IngestJob *done : group)
            done->done = true;
        m_done.wakeAll();
    }
    // The connection stays open until the last group is synced (closing the last one deletes the log); it is
    // released when this thread ends.
    while (m_syncPending > 0)
        m_done.wait(&m_mutex);
}

bool IngestPipeline::deferSyncs()
{
    if (m_db.isPostgres() || !sql::WalSync::supported())
        return false;
    auto db = m_db.threadConnection();
    if (!db)
        return false;
    // The order matters: commits before the switch synced themselves, and the first sync below covers any commit of
    // another connection; so the seq read after it is on disk.
    if (auto r = sql::run(*db, QStringLiteral("PRAGMA synchronous=NORMAL")); !r)
        return false;
    auto walSync = std::make_unique<sql::WalSync>(m_db.config().path);
    auto synced = walSync->sync();
    auto seq = synced ? sql::scalar(*db, QStringLiteral("SELECT value FROM seq WHERE id = 1"))
                      : Result<QVariant>(synced.error());
    if (!seq) {
        qCWarning(lcCenterStore).noquote() << "Each commit syncs itself:" << seq.error().message << seq.error().detail;
        if (auto r = sql::run(*db, QStringLiteral("PRAGMA synchronous=FULL")); !r) {
            // Commits would then be answered before they are on disk: store nothing.
            qCCritical(lcCenterStore).noquote()
                << "Could not set synchronous=FULL again; storing no pushes:" << r.error().message;
            QMutexLocker lock(&m_mutex);
            m_syncFailure = r.error();
        }
        return false;
    }
    m_walSync = std::move(walSync);
    qint64 unset = -1;
    m_durableSeq.compare_exchange_strong(unset, seq->toLongLong());
    m_syncerThread.reset(QThread::create([this] { syncQueued(); }));
    m_syncerThread->setObjectName(QStringLiteral("ingest-syncer"));
    m_syncerThread->start();
    return true;
}

// One sync to disk for every group committed since the last, then their pushes are answered.
void IngestPipeline::syncQueued()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (m_syncQueue.isEmpty() && !m_syncerStopping)
            m_syncWanted.wait(&m_mutex);
        if (m_syncQueue.isEmpty())
            break;  // stopping, and every group answered
        const QList<CommittedGroup> groups = std::exchange(m_syncQueue, {});
        const std::function<Result<void>()> before = m_beforeSync;
        const std::optional<Error> failedBefore = m_syncFailure;
        lock.unlock();
        // Once a sync failed, none is trusted again: on Linux the next fsync succeeds even though the pages the
        // failed one could not write are gone from the cache.
        Result<void> synced = failedBefore ? Result<void>(*failedBefore) : Result<void>();
        if (synced && before)
            synced = before();
        if (synced) {
            synced = m_walSync->sync();
            ++m_deferredSyncs;
        }
        qint64 newest = 0;
        for (const CommittedGroup &group : groups)
            newest = std::max(newest, group.seq);
        if (synced)
            markDurable(newest);
        else if (!failedBefore)
            // The pushes fail, the counters send them again, and this process stores nothing more; a restart reads
            // the log back from disk.
            qCCritical(lcCenterStore).noquote()
                << "Could not sync the database log to disk; storing no more pushes until the center is "
                   "restarted, after the disk has been checked:"
                << synced.error().message << synced.error().detail;
        lock.relock();
        if (!synced && !m_syncFailure)
            m_syncFailure = synced.error();
        for (const CommittedGroup &group : groups) {
            for (IngestJob *job : group.jobs) {
                if (!synced && !job->error)
                    job->error = synced.error();
                job->done = true;
            }
        }
        m_syncPending -= groups.size();
        m_done.wakeAll();
    }
}

void IngestPipeline::markDurable(qint64 seq)
{
    qint64 current = m_durableSeq.load();
    while (current >= 0 && current < seq && !m_durableSeq.compare_exchange_weak(current, seq)) {
    }
}

void IngestPipeline::setBeforeSyncForTests(std::function<Result<void>()> hook)
{
    QMutexLocker lock(&m_mutex);
    m_beforeSync = std::move(hook);
}

QList<Result<QList<PushOutcome>>> IngestPipeline::ingestTogether(const QList<IngestRequest> &pushes)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_syncFailure) {
            QList<Result<QList<PushOutcome>>> refused;
            for (qsizetype i = 0; i < pushes.size(); ++i)
                refused.append(*m_syncFailure);
            return refused;
        }
    }
    std::vector<IngestJob> jobs(size_t(pushes.size()));
    QList<IngestJob *> batch;
    for (qsizetype i = 0; i < pushes.size(); ++i) {
        EventWriter::prepare(jobs[size_t(i)], pushes.at(i).counter, pushes.at(i).events, pushes.at(i).canonical);
        batch.append(&jobs[size_t(i)]);
    }
    // This thread's connection syncs its commits itself, and with them the log the writer thread left unsynced.
    markDurable(m_writer.write(batch));
    QList<Result<QList<PushOutcome>>> results;
    for (IngestJob &job : jobs)
        results.append(finishJob(job));
    return results;
}

}  // namespace motcua::sync
