// SPDX-License-Identifier: GPL-3.0-or-later
// The push side of a sync round: this counter's outbox to the center, several batches on their way at once.
#include "sync/client/SyncEngine.h"

#include <algorithm>
#include <deque>

#include "core/CrashPoint.h"
#include "core/dossier/DossierStore.h"
#include "core/dossier/Outbox.h"
#include "core/store/Store.h"
#include "sync/Log.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::SyncEngine)
};

}  // namespace

// One push request and what it carries.
struct SyncEngine::PushBatch {
    ApiRequest request;
    QSet<QString> sent;         // the event ids in it
    qint64 afterOutboxSeq = 0;  // it holds the outbox rows after this one (not quarantined) ...
    qint64 lastOutboxSeq = 0;   // ... up to this one; the next batch starts after it
    bool riding = false;        // sent while others were on their way: a 429 for it means "one at a time"
    int refusalsBefore = 0;     // the round's 429s when it was sent: what its answer says is about that moment
};

// The next batch of the outbox after `afterOutboxSeq`, its body written straight from the rows:
// {"counter_id":…,"epoch":…,"events":[…]}. An empty batch when nothing is left.
bool SyncEngine::preparePush(const QString &epoch, qint64 afterOutboxSeq, PushBatch *batch, RoundResult *out)
{
    batch->request = request("POST", QStringLiteral("push"));
    batch->afterOutboxSeq = afterOutboxSeq;
    QByteArray &body = batch->request.body;
    body.reserve(m_options.pushBatch * 640);
    body += "{\"counter_id\":";
    DossierStore::appendJsonString(body, m_counterId);
    body += ",\"epoch\":";
    DossierStore::appendJsonString(body, epoch);
    body += ",\"events\":[";
    auto read = Outbox(m_store).appendPending(afterOutboxSeq, m_options.pushBatch, body);
    if (!read) {
        *out = fail(SyncFailure::Store, read.error().message);
        return false;
    }
    batch->sent = std::move(read->eventIds);
    batch->lastOutboxSeq = read->lastSeq;
    body += "]}";
    return true;
}

// Applies the center's answer to a batch: accepted and duplicate events leave the outbox, rejected ones are
// quarantined. The event rows are left as they are: an own event out of the outbox is one the center has, and
// rewriting each row to note its server_seq (which nothing on the counter reads) was half of the counter's work.
// Replayable: lost in a power cut, the entries are pushed again and the center answers duplicate (its sync to disk
// was a fifth of a pushing counter's CPU).
bool SyncEngine::settlePush(const QJsonObject &answer, const PushBatch &batch, RoundResult *out)
{
    const QJsonArray results = answer.value(QLatin1String("results")).toArray();
    crashPoint("push.before_clear");  // the center has the events; the outbox still lists them
    int accepted = 0;
    int duplicates = 0;
    int rejected = 0;
    auto w = m_store.write(
        [&](const QSqlDatabase &db) -> Result<void> {
            accepted = duplicates = rejected = 0;
            QStringList settled;  // accepted or duplicate: out of the outbox
            QSet<QString> unanswered = batch.sent;
            for (const QJsonValue &v : results) {
                const QJsonObject result = v.toObject();
                const QString id = result.value(QLatin1String("event_id")).toString();
                PushStatus status{};
                if (!batch.sent.contains(id) ||
                    !pushStatusFromName(result.value(QLatin1String("status")).toString(), &status))
                    continue;  // not ours to clear: stays in the outbox
                if (!unanswered.remove(id))
                    continue;  // answered twice: the first answer counts
                if (status == PushStatus::Rejected) {
                    if (auto q = Outbox::quarantine(db, id, result.value(QLatin1String("reason")).toString()); !q)
                        return q;
                    ++rejected;
                    continue;
                }
                settled.append(id);
                ++(status == PushStatus::Accepted ? accepted : duplicates);
            }
            // Every event of the batch answered (the rejected ones now quarantined): its rows are those of its range
            // still in the queue. New rows come after it, since the batch's last row is still there. Otherwise the
            // settled ones are cleared by id, kInPiece at a time with one statement text.
            if (unanswered.isEmpty())
                return Outbox::settleRange(db, batch.afterOutboxSeq, batch.lastOutboxSeq);
            return Outbox::settle(db, settled);
        },
        Store::Durability::Replayable);
    if (!w) {
        *out = fail(SyncFailure::Store, w.error().message);
        return false;
    }
    out->report.pushed += accepted;
    out->report.duplicates += duplicates;
    out->report.rejected += rejected;
    if (rejected > 0)
        qCWarning(lcSync) << rejected << "events were rejected by the center and quarantined";
    if (accepted + duplicates + rejected == 0) {
        // The center answered without settling anything we sent: stop instead of looping on the same batch.
        *out = fail(SyncFailure::Protocol, Tr::tr("The provincial center sent an answer this counter cannot read."));
        return false;
    }
    return true;
}

// The batches of one round's push: those read from the outbox (or refused as one too many) and not sent yet, those on
// their way, and how many may be on their way at once (see pushAll()).
class SyncEngine::PushPipeline final {
public:
    PushPipeline(SyncEngine &engine, const QString &epoch, RoundResult *out) :
        m_engine(engine),
        m_epoch(epoch),
        m_out(out),
        m_limit(std::clamp(engine.m_options.pushesInFlight, 1, Transport::kMaxInFlight)),
        m_depth(std::min(m_limit, 2))
    {
    }

    [[nodiscard]] bool busy() const { return !m_inflight.empty(); }

    // Sends what is ready, then reads and sends batches until `depth` are on their way or the outbox is done.
    bool fill()
    {
        send();
        while (int(m_inflight.size()) < m_depth) {
            PushBatch batch;
            if (!prepareNext(&batch))
                return false;
            if (batch.sent.isEmpty())
                break;
            m_ready.push_back(std::move(batch));
            send();
        }
        return true;
    }

    // Reads the next batch while the center works, unless one is ready already.
    bool readAhead()
    {
        if (!m_ready.empty())
            return true;
        PushBatch next;
        if (!prepareNext(&next))
            return false;
        if (!next.sent.isEmpty())
            m_ready.push_back(std::move(next));
        return true;
    }

    PushBatch takeOldest()
    {
        PushBatch oldest = std::move(m_inflight.front());
        m_inflight.pop_front();
        return oldest;
    }

    // The center holds as many requests as it takes: this counter goes on with one push at a time, the refused batch
    // (which the center did not read) first, once the others are answered (at once if it was the last on its way).
    // Batches sent before an earlier refusal tell of the same busy moment.
    void refused(PushBatch batch)
    {
        m_depth = 1;
        if (batch.refusalsBefore == m_refusals) {
            ++m_refusals;
            m_takenAlone = 0;
        }
        m_ready.push_front(std::move(batch));
        send();
    }

    // The center took `batch`: one more may ride along, or, after enough taken alone, two again.
    void taken(const PushBatch &batch)
    {
        if (batch.refusalsBefore != m_refusals)
            return;
        if (batch.riding && m_depth < m_limit)
            ++m_depth;
        else if (m_depth == 1 && m_refusals > 0 && ++m_takenAlone >= (1 << std::min(m_refusals - 1, 6)))
            m_depth = 2;
    }

    // After a failure: the answers still on their way are not waited for in vain, but not settled either. Their
    // events stay in the outbox, and the next round pushes them again (the center answers "duplicate").
    bool abandon()
    {
        for (size_t i = 0; i < m_inflight.size(); ++i)
            (void)m_engine.m_transport.finish();
        m_inflight.clear();
        return false;
    }

private:
    // The next batch after those read so far; empty once the outbox (or this round's share of it) is done.
    bool prepareNext(PushBatch *next)
    {
        if (m_exhausted || m_prepared >= m_engine.m_options.maxBatchesPerRound) {
            m_exhausted = true;
            return true;
        }
        if (!m_engine.preparePush(m_epoch, m_after, next, m_out))
            return false;
        if (next->sent.isEmpty()) {
            m_exhausted = true;
            return true;
        }
        m_after = next->lastOutboxSeq;
        ++m_prepared;
        return true;
    }

    void send()
    {
        while (int(m_inflight.size()) < m_depth && !m_ready.empty()) {
            m_ready.front().riding = !m_inflight.empty();
            m_ready.front().refusalsBefore = m_refusals;
            m_engine.m_transport.start(m_ready.front().request);
            m_inflight.push_back(std::move(m_ready.front()));
            m_ready.pop_front();
        }
    }

    SyncEngine &m_engine;
    const QString &m_epoch;
    RoundResult *m_out;
    const int m_limit;
    int m_depth;
    int m_refusals = 0;
    int m_takenAlone = 0;  // pushes taken one at a time since the last refusal
    std::deque<PushBatch> m_inflight;
    std::deque<PushBatch> m_ready;
    qint64 m_after = 0;
    int m_prepared = 0;
    bool m_exhausted = false;
};

bool SyncEngine::pushAll(const QString &epoch, RoundResult *out)
{
    // Pipelined: up to pushesInFlight batches are at the center at once (it reads and checks some while it stores
    // others), and while they are, this counter reads the next batch from its outbox. Once the oldest is
    // answered, the next batch goes out before this counter settles the answered one. The outbox is still cleared
    // only after the center's answer; a batch stored before an earlier one is no harm, since the center takes events
    // in any order and the counters fold them by their clocks. The depth starts at two and grows by one with each
    // push that rode on others and was taken, so that a busy center refuses one push per counter, not three. A busy
    // center (429 for a push sent while others were on their way) gets one push at a time; after 1, 2, 4, ... pushes
    // taken alone (doubling with each refusal in the round) the counter tries two again, since a center busy with
    // every counter's backlog has room again once most are done.
    PushPipeline pipeline(*this, epoch, out);
    if (!pipeline.fill())
        return pipeline.abandon();
    while (pipeline.busy()) {
        if (!pipeline.readAhead())
            return pipeline.abandon();
        const ApiResponse answer = m_transport.finish();
        PushBatch answered = pipeline.takeOldest();
        if (answer.status == 429 && answered.riding) {
            pipeline.refused(std::move(answered));
            continue;
        }
        if (!answer.ok()) {
            *out = failFrom(answer);
            return pipeline.abandon();
        }
        const QJsonObject body = answer.object();
        if (body.value(QLatin1String("epoch")).toString() != epoch) {
            *out = fail(SyncFailure::EpochChanged, Tr::tr("The provincial center was restored from a backup; this "
                                                          "counter sends its dossiers again."));
            return pipeline.abandon();
        }
        pipeline.taken(answered);
        if (!pipeline.fill())
            return pipeline.abandon();
        if (!settlePush(body, answered, out))
            return pipeline.abandon();
    }
    return true;
}

}  // namespace motcua::sync
