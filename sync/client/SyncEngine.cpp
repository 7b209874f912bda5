#include "sync/client/SyncEngine.h"

#include <algorithm>
#include <deque>
#include <optional>

#include "core/Clock.h"
#include "core/CrashPoint.h"
#include "core/calendar/CalendarStore.h"
#include "core/catalog/CatalogStore.h"
#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierStore.h"
#include "core/dossier/Event.h"
#include "core/dossier/Hlc.h"
#include "core/officer/OfficerStore.h"
#include "core/store/AuditLog.h"
#include "core/store/Backups.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "sync/Log.h"
#include "sync/client/Credentials.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcSync, "motcua.sync")

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::SyncEngine)
};

Result<QString> metaText(const Store &store, const char *key)
{
    return store.meta(QString::fromLatin1(key));
}

// A request to `endpoint` of the protocol, signed with the counter's credential.
ApiRequest authorizedRequest(const char *method, const QString &endpoint, const QString &counterId,
                             const QString &secret)
{
    ApiRequest r;
    r.method = method;
    r.path = apiPrefix() + QLatin1Char('/') + endpoint;
    r.authorization = bearer(counterId, secret);
    return r;
}

// Records the center's sequence numbers of pulled events (`pairs`: event id, server_seq, …), 64 events per
// statement, the last piece padded by repeating its last pair, so that one statement text serves every piece.
Result<void> setServerSeqs(const QSqlDatabase &db, const QVariantList &pairs)
{
    constexpr qsizetype kPiece = 64;
    static const QString text = QStringLiteral("UPDATE events SET server_seq = v.column2 FROM (VALUES ") +
                                QStringLiteral("(?, ?), ").repeated(kPiece - 1) +
                                QStringLiteral("(?, ?)) AS v WHERE events.event_id = v.column1");
    const qsizetype events = pairs.size() / 2;
    for (qsizetype done = 0; done < events; done += kPiece) {
        const qsizetype rows = std::min(kPiece, events - done);
        QVariantList binds = pairs.mid(done * 2, rows * 2);
        binds.reserve(kPiece * 2);
        const QVariant lastId = binds.at(binds.size() - 2);
        const QVariant lastSeq = binds.at(binds.size() - 1);
        while (binds.size() < kPiece * 2)
            binds << lastId << lastSeq;
        if (auto q = sql::cached(db, text, binds); !q)
            return q.error();
    }
    return {};
}

qint64 metaNumber(const Store &store, const char *key)
{
    auto v = store.meta(QString::fromLatin1(key));
    return v ? v->toLongLong() : 0;
}

}  // namespace

SyncEngine::SyncEngine(const Store &store, Transport &transport, QString counterId, QString secret,
                       EngineOptions options) :
    m_store(store),
    m_transport(transport),
    m_counterId(std::move(counterId)),
    m_secret(std::move(secret)),
    m_options(options)
{
    m_options.pushBatch = std::clamp(m_options.pushBatch, 1, kMaxPushBatch);
    m_options.pullPage = std::clamp(m_options.pullPage, 1, kMaxPullPage);
}

QString SyncEngine::describe(const ApiResponse &response)
{
    if (!response.answered())
        return Tr::tr("The provincial center cannot be reached (%1). Work goes on offline; dossiers are sent when "
                      "the connection is back.")
            .arg(response.transportError);
    const QString code = response.errorCode();
    if (code == QLatin1String(errors::kRevoked))
        return Tr::tr("The provincial center has revoked this counter. Ask the provincial IT administrator to "
                      "enroll it again; work goes on offline meanwhile.");
    if (code == QLatin1String(errors::kUnauthorized))
        return Tr::tr("The provincial center does not recognise this counter's credential. Ask the provincial IT "
                      "administrator to enroll it again; work goes on offline meanwhile.");
    if (code == QLatin1String(errors::kEnrollmentCode))
        return Tr::tr("The enrollment code was not accepted: it is mistyped, used already, or expired. Ask the "
                      "provincial IT administrator for a new code.");
    if (code == QLatin1String(errors::kRateLimited))
        return Tr::tr("The provincial center is busy; this counter retries in %n second(s).", nullptr,
                      response.retryAfterSeconds);
    if (response.status >= 500)
        return Tr::tr("The provincial center had a problem (HTTP %1); retrying later.").arg(response.status);
    return Tr::tr("The provincial center refused the request (HTTP %1, %2).")
        .arg(response.status)
        .arg(code.isEmpty() ? QStringLiteral("-") : code);
}

Result<void> SyncEngine::moveCenter(const Store &store, Transport &transport, const QString &counterId,
                                    const QString &secret, const QString &centerUrl, const QByteArray &caPem)
{
    const ApiResponse answer = transport.call(authorizedRequest("GET", QStringLiteral("hello"), counterId, secret));
    if (answer.status == 401 || answer.status == 403)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The center at %1 does not accept counter %2: it is not this province's center, or "
                                "the counter was revoked. Nothing was changed.")
                             .arg(centerUrl, counterId));
    if (!answer.ok())
        return makeError(ErrorCode::Io, describe(answer) + QLatin1Char(' ') + Tr::tr("Nothing was changed."));
    const auto previous = metaText(store, syncmeta::kCenterUrl);
    const QString before = previous ? *previous : QString();
    return store.write([&](const QSqlDatabase &db) -> Result<void> {
        if (auto r = store.setMeta(db, QString::fromLatin1(syncmeta::kCenterUrl), centerUrl); !r)
            return r;
        if (auto r = store.setMeta(db, QString::fromLatin1(syncmeta::kCaPem), QString::fromLatin1(caPem)); !r)
            return r;
        auto logged =
            AuditLog::append(db, Actor{QStringLiteral("sync"), counterId},
                             {QStringLiteral("sync.center_moved"), centerUrl, QStringLiteral("from %1").arg(before)});
        if (!logged)
            return logged.error();
        return {};
    });
}

RoundResult SyncEngine::fail(SyncFailure failure, const QString &message, int retryAfter) const
{
    RoundResult r;
    r.failure = failure;
    r.message = message;
    r.retryAfterSeconds = retryAfter;
    return r;
}

RoundResult SyncEngine::failFrom(const ApiResponse &response) const
{
    SyncFailure f = SyncFailure::Protocol;
    const QString code = response.errorCode();
    if (!response.answered())
        f = SyncFailure::Network;
    else if (response.status == 429)
        f = SyncFailure::RateLimited;
    else if (response.status >= 500)
        f = SyncFailure::Server;
    else if (code == QLatin1String(errors::kRevoked))
        f = SyncFailure::Revoked;
    else if (response.status == 401)
        f = SyncFailure::Unauthorized;
    else if (code == QLatin1String(errors::kEpochChanged))
        f = SyncFailure::EpochChanged;
    return fail(f, describe(response), response.retryAfterSeconds);
}

ApiRequest SyncEngine::request(const char *method, const QString &endpoint) const
{
    return authorizedRequest(method, endpoint, m_counterId, m_secret);
}

RoundResult SyncEngine::runRound()
{
    RoundResult out;
    QString epoch;
    int catalogVersion = 0;
    int calendarVersion = 0;
    if (!hello(&out, &epoch, &catalogVersion, &calendarVersion))
        return out;
    if (!adoptEpoch(epoch, &out))
        return out;
    if (!pushAll(epoch, &out))
        return out;
    if (!pullAll(epoch, &out))
        return out;
    if (!updateDocuments(catalogVersion, calendarVersion, &out))
        return out;
    if (!updateOfficers(&out))
        return out;
    auto saved = m_store.write([&](const QSqlDatabase &db) {
        return m_store.setMeta(db, QString::fromLatin1(syncmeta::kLastSuccess),
                               Clock::now().toUTC().toString(Qt::ISODateWithMs));
    });
    if (!saved)
        return fail(SyncFailure::Store, saved.error().message);
    DossierStore dossiers(m_store);
    auto pending = dossiers.pendingOutbox();
    out.report.pending = pending ? *pending : 0;
    out.report.cursor = metaNumber(m_store, syncmeta::kCursor);
    return out;
}

bool SyncEngine::hello(RoundResult *out, QString *epoch, int *catalogVersion, int *calendarVersion)
{
    const qint64 sentAt = Clock::now().toMSecsSinceEpoch();
    const ApiResponse r = m_transport.call(request("GET", QStringLiteral("hello")));
    if (!r.ok()) {
        *out = failFrom(r);
        return false;
    }
    const QJsonObject body = r.object();
    *epoch = body.value(QLatin1String("epoch")).toString();
    *catalogVersion = body.value(QLatin1String("catalog_version")).toInt();
    *calendarVersion = body.value(QLatin1String("calendar_version")).toInt();
    if (epoch->isEmpty()) {
        *out = fail(SyncFailure::Protocol, Tr::tr("The provincial center sent an answer this counter cannot read."));
        return false;
    }
    // The center's clock against ours, for the officer's information (legal times stay the counter's own, and a
    // far-off clock is reported in the status, not silently corrected).
    QDateTime serverTime =
        QDateTime::fromString(body.value(QLatin1String("server_time")).toString(), Qt::ISODateWithMs);
    if (serverTime.isValid()) {
        const qint64 now = Clock::now().toMSecsSinceEpoch();
        const qint64 offset = serverTime.toMSecsSinceEpoch() - (sentAt + now) / 2;
        // Measured again every round: nothing to sync to disk for.
        auto w = m_store.write(
            [&](const QSqlDatabase &db) {
                return m_store.setMeta(db, QString::fromLatin1(syncmeta::kClockOffsetMs), QString::number(offset));
            },
            Store::Durability::Replayable);
        if (!w) {
            *out = fail(SyncFailure::Store, w.error().message);
            return false;
        }
    }
    return true;
}

// A changed epoch means the center lost what came after its backup: queue every event this counter authored again
// (the center drops the ones it has), pull from the start (its sequence numbers were reassigned), and take the
// catalog, the calendar and the officers from it again.
bool SyncEngine::adoptEpoch(const QString &epoch, RoundResult *out)
{
    auto known = metaText(m_store, syncmeta::kEpoch);
    if (!known) {
        *out = fail(SyncFailure::Store, known.error().message);
        return false;
    }
    if (*known == epoch)
        return true;
    int requeued = 0;
    auto w = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        if (!known->isEmpty()) {
            auto q = sql::run(db,
                              QStringLiteral("INSERT INTO outbox(event_id) SELECT event_id FROM events WHERE "
                                             "counter_id = ? AND event_id NOT IN (SELECT event_id FROM outbox) "
                                             "ORDER BY hlc"),
                              {m_counterId});
            if (!q)
                return q.error();
            requeued = q->numRowsAffected();
            // Rejections were judged by the old center; let the restored one judge again.
            auto u = sql::run(db, QStringLiteral("UPDATE outbox SET quarantined = 0, last_error = ''"));
            if (!u)
                return u.error();
            if (auto r = m_store.setMeta(db, QString::fromLatin1(syncmeta::kCursor), QStringLiteral("0")); !r)
                return r;
            // The restored center numbers its catalog, calendar and officer lists as they were at the backup, and
            // goes on from there: versions this counter saw before would hide what it imports or changes next.
            // They are taken again from it, and the restored center's versions are in force.
            for (const char *key :
                 {syncmeta::kCatalogVersion, syncmeta::kCalendarVersion, syncmeta::kOfficersVersion}) {
                if (auto r = m_store.setMeta(db, QString::fromLatin1(key), QStringLiteral("0")); !r)
                    return r;
            }
            if (auto r =
                    AuditLog::append(db, Actor{QStringLiteral("sync"), m_counterId},
                                     {QStringLiteral("sync.epoch_changed"), epoch,
                                      QStringLiteral("from %1; %2 events queued again").arg(*known).arg(requeued)});
                !r)
                return r.error();
        }
        return m_store.setMeta(db, QString::fromLatin1(syncmeta::kEpoch), epoch);
    });
    if (!w) {
        *out = fail(SyncFailure::Store, w.error().message);
        return false;
    }
    if (!known->isEmpty())
        qCInfo(lcSync) << "The center's epoch changed from" << *known << "to" << epoch << "-" << requeued
                       << "events queued again";
    out->report.requeued += requeued;
    return true;
}

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
    auto rows = sql::selectText(
        m_store.connection(),
        QStringLiteral("SELECT e.event_id, e.dossier_id, e.counter_id, e.officer, e.hlc, e.type, e.schema_version, "
                       "e.catalog_version, e.parents, e.payload, e.recorded_at, o.seq FROM outbox o "
                       "JOIN events e ON e.event_id = o.event_id "
                       "WHERE o.quarantined = 0 AND o.seq > ? ORDER BY o.seq LIMIT ?"),
        {afterOutboxSeq, m_options.pushBatch}, [&](const sql::TextRow &row) {
            if (!batch->sent.isEmpty())
                body += ',';
            DossierStore::appendEventJsonFromRow(body, row);
            batch->sent.insert(QString::fromUtf8(row.text(0)));
            batch->lastOutboxSeq = row.integer(11);
        });
    if (!rows) {
        *out = fail(SyncFailure::Store, rows.error().message);
        return false;
    }
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
                    auto u = sql::run(db,
                                      QStringLiteral("UPDATE outbox SET quarantined = 1, attempts = attempts + 1, "
                                                     "last_error = ? WHERE event_id = ?"),
                                      {result.value(QLatin1String("reason")).toString(), id});
                    if (!u)
                        return u.error();
                    ++rejected;
                    continue;
                }
                settled.append(id);
                ++(status == PushStatus::Accepted ? accepted : duplicates);
            }
            // Every event of the batch answered (the rejected ones now quarantined): its rows are those of its range
            // still in the queue. New rows come after it, since the batch's last row is still there. Otherwise the
            // settled ones are cleared by id, kInPiece at a time with one statement text.
            if (unanswered.isEmpty()) {
                if (auto d = sql::cached(db,
                                         QStringLiteral("DELETE FROM outbox WHERE seq > ? AND seq <= ? AND "
                                                        "quarantined = 0"),
                                         {batch.afterOutboxSeq, batch.lastOutboxSeq});
                    !d)
                    return d.error();
                return {};
            }
            if (auto d = sql::runIn(db, QStringLiteral("DELETE FROM outbox WHERE event_id IN"), settled); !d)
                return d;
            return {};
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
    const int limit = std::clamp(m_options.pushesInFlight, 1, Transport::kMaxInFlight);
    int depth = std::min(limit, 2);
    int refusals = 0;
    int takenAlone = 0;  // pushes taken one at a time since the last refusal
    std::deque<PushBatch> inflight;
    std::deque<PushBatch> ready;  // read from the outbox (or refused as one too many), not sent yet
    qint64 after = 0;
    int prepared = 0;
    bool exhausted = false;
    // The next batch after those read so far; empty once the outbox (or this round's share of it) is done.
    const auto prepareNext = [&](PushBatch *next) {
        if (exhausted || prepared >= m_options.maxBatchesPerRound) {
            exhausted = true;
            return true;
        }
        if (!preparePush(epoch, after, next, out))
            return false;
        if (next->sent.isEmpty()) {
            exhausted = true;
            return true;
        }
        after = next->lastOutboxSeq;
        ++prepared;
        return true;
    };
    const auto send = [&] {
        while (int(inflight.size()) < depth && !ready.empty()) {
            ready.front().riding = !inflight.empty();
            ready.front().refusalsBefore = refusals;
            m_transport.start(ready.front().request);
            inflight.push_back(std::move(ready.front()));
            ready.pop_front();
        }
    };
    // After a failure: the answers still on their way are not waited for in vain, but not settled either. Their
    // events stay in the outbox, and the next round pushes them again (the center answers "duplicate").
    const auto abandon = [&] {
        for (size_t i = 0; i < inflight.size(); ++i)
            (void)m_transport.finish();
        inflight.clear();
        return false;
    };
    // Sends what is ready, then reads and sends batches until `depth` are on their way or the outbox is done.
    const auto fill = [&] {
        send();
        while (int(inflight.size()) < depth) {
            PushBatch batch;
            if (!prepareNext(&batch))
                return false;
            if (batch.sent.isEmpty())
                break;
            ready.push_back(std::move(batch));
            send();
        }
        return true;
    };
    if (!fill())
        return abandon();
    while (!inflight.empty()) {
        if (ready.empty()) {
            PushBatch next;
            if (!prepareNext(&next))
                return abandon();
            if (!next.sent.isEmpty())
                ready.push_back(std::move(next));
        }
        const ApiResponse answer = m_transport.finish();
        PushBatch answered = std::move(inflight.front());
        inflight.pop_front();
        if (answer.status == 429 && answered.riding) {
            // The center holds as many requests as it takes: this counter goes on with one push at a time, the
            // refused batch (which the center did not read) first, once the others are answered (at once if it was
            // the last on its way). Batches sent before an earlier refusal tell of the same busy moment.
            depth = 1;
            if (answered.refusalsBefore == refusals) {
                ++refusals;
                takenAlone = 0;
            }
            ready.push_front(std::move(answered));
            send();
            continue;
        }
        if (!answer.ok()) {
            *out = failFrom(answer);
            return abandon();
        }
        const QJsonObject body = answer.object();
        if (body.value(QLatin1String("epoch")).toString() != epoch) {
            *out = fail(SyncFailure::EpochChanged, Tr::tr("The provincial center was restored from a backup; this "
                                                          "counter sends its dossiers again."));
            return abandon();
        }
        if (answered.refusalsBefore == refusals) {
            if (answered.riding && depth < limit)
                ++depth;
            else if (depth == 1 && refusals > 0 && ++takenAlone >= (1 << std::min(refusals - 1, 6)))
                depth = 2;
        }
        if (!fill())
            return abandon();
        if (!settlePush(body, answered, out))
            return abandon();
    }
    return true;
}

bool SyncEngine::pullAll(const QString &epoch, RoundResult *out)
{
    PullProgress progress;
    // A store put back from a backup lacks the events this counter wrote after the backup was taken; they are at
    // the center, so the feed includes this counter's own events until it has been read to the end once.
    auto restoredAt = m_store.meta(QString::fromLatin1(Backups::kRestoredAtKey));
    const bool includeOwn = restoredAt && !restoredAt->isEmpty();
    for (int page = 0; page < m_options.maxBatchesPerRound; ++page) {
        const qint64 cursor = metaNumber(m_store, syncmeta::kCursor);
        if (page == 0)
            progress.startCursor = cursor;
        ApiRequest r = request("GET", QStringLiteral("feed"));
        r.query.addQueryItem(QStringLiteral("after"), QString::number(cursor));
        r.query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pullPage));
        r.query.addQueryItem(QStringLiteral("epoch"), epoch);
        if (includeOwn)
            r.query.addQueryItem(QStringLiteral("own"), QStringLiteral("1"));
        const ApiResponse answer = m_transport.call(r);
        if (!answer.ok()) {
            if (answer.errorCode() == QLatin1String(errors::kCursorBeyondEnd)) {
                // The center is behind this counter without a new epoch (restored by hand): treat it as one.
                auto w = m_store.write([&](const QSqlDatabase &db) {
                    return m_store.setMeta(db, QString::fromLatin1(syncmeta::kEpoch), QStringLiteral("unknown"));
                });
                if (!w) {
                    *out = fail(SyncFailure::Store, w.error().message);
                    return false;
                }
                *out = fail(SyncFailure::EpochChanged, Tr::tr("The provincial center has fewer dossiers than this "
                                                              "counter has seen; sending them again."));
                return false;
            }
            *out = failFrom(answer);
            return false;
        }
        const QJsonObject body = answer.object();
        const QJsonValue lastSeq = body.value(QLatin1String("last_seq"));
        if (!lastSeq.isDouble() || !body.value(QLatin1String("events")).isArray() ||
            qint64(lastSeq.toDouble()) < cursor) {
            *out =
                fail(SyncFailure::Protocol, Tr::tr("The provincial center sent an answer this counter cannot read."));
            return false;
        }
        int applied = 0;
        if (!applyEvents(body.value(QLatin1String("events")).toArray(), QString::fromLatin1(syncmeta::kCursor),
                         qint64(lastSeq.toDouble()), &applied, out))
            return false;
        out->report.pulled += applied;
        if (m_progressSink) {
            progress.cursor = qint64(lastSeq.toDouble());
            progress.highWater = std::max(progress.cursor, qint64(body.value(QLatin1String("high_water")).toDouble()));
            progress.pulled = out->report.pulled;
            m_progressSink(progress);
        }
        if (!body.value(QLatin1String("more")).toBool()) {
            if (includeOwn) {
                auto w = m_store.write([&](const QSqlDatabase &db) {
                    return m_store.setMeta(db, QString::fromLatin1(Backups::kRestoredAtKey), QString());
                });
                if (!w) {
                    *out = fail(SyncFailure::Store, w.error().message);
                    return false;
                }
                qCInfo(lcSync) << "Restored from a backup on" << *restoredAt
                               << "- the center's copies of this counter's events are back";
            }
            return true;
        }
    }
    return true;
}

// Stores a page of the center's events and (when cursorKey is set) the new cursor in one transaction. A feed page is
// Replayable: lost in a power cut, page and cursor go together and the page is pulled again (anything an officer
// then records on a pulled dossier is a Full write, whose sync to disk takes the page along). A looked-up dossier
// has no cursor to bring it back, so it is written in full.
bool SyncEngine::applyEvents(const QJsonArray &events, const QString &cursorKey, qint64 cursor, int *applied,
                             RoundResult *out)
{
    QList<std::pair<qint64, Event>> parsed;
    parsed.reserve(events.size());
    for (const QJsonValue &v : events) {
        const QJsonObject item = v.toObject();
        auto e = Event::fromJson(item.value(QLatin1String("event")).toObject());
        if (!e) {
            *out =
                fail(SyncFailure::Protocol,
                     Tr::tr("The provincial center sent an event this counter cannot read: %1").arg(e.error().message));
            return false;
        }
        parsed.append({qint64(item.value(QLatin1String("seq")).toDouble()), *e});
    }
    int inserted = 0;
    auto w = m_store.write(
        [&](const QSqlDatabase &db) -> Result<void> {
            inserted = 0;
            QSet<QString> touched;
            std::optional<HlcTimestamp> newest;  // the clock observes the page's newest event once
            // Dossiers this store had no event of: their view is folded from the page itself, not read back.
            QHash<QString, QList<Event>> fresh;
            QSet<QString> held;  // dossiers with events here before this page
            for (const auto &[seq, e] : std::as_const(parsed)) {
                if (fresh.contains(e.dossierId) || held.contains(e.dossierId))
                    continue;
                auto had =
                    sql::cached(db, QStringLiteral("SELECT 1 FROM events WHERE dossier_id = ? LIMIT 1"), {e.dossierId});
                if (!had)
                    return had.error();
                const bool known = (*had)->next();
                (*had)->finish();
                if (known)
                    held.insert(e.dossierId);
                else
                    fresh.insert(e.dossierId, {});
            }
            QVariantList seqs;  // event id, server_seq pairs
            for (const auto &[seq, e] : std::as_const(parsed)) {
                auto ins = DossierStore::insertEvent(db, e, false);
                if (!ins) {
                    if (ins.error().code != ErrorCode::Conflict)
                        return ins.error();
                    // Same id, other content: keep ours, record it for a supervisor, do not stop the feed.
                    qCWarning(lcSync) << "Event" << e.eventId << "from the center differs from the local copy";
                    if (auto a = AuditLog::append(db, Actor{QStringLiteral("sync"), m_counterId},
                                                  {QStringLiteral("sync.event_conflict"), e.eventId,
                                                   QStringLiteral("the center's copy differs from the local one")});
                        !a)
                        return a.error();
                    continue;
                }
                if (*ins == DossierStore::Insert::Inserted) {
                    ++inserted;
                    if (auto it = fresh.find(e.dossierId); it != fresh.end())
                        it->append(e);
                    else
                        touched.insert(e.dossierId);
                    if (!newest || *newest < e.hlc)
                        newest = e.hlc;
                }
                seqs << e.eventId << seq;
            }
            if (auto s = setServerSeqs(db, seqs); !s)
                return s;
            if (newest) {
                if (auto o = HybridClock::observe(db, *newest); !o)
                    return o.error();
            }
            for (const QString &dossierId : std::as_const(touched)) {
                if (auto v = DossierStore::refreshView(db, dossierId); !v)
                    return v.error();
            }
            for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
                if (it->isEmpty())
                    continue;
                if (auto v = DossierStore::refreshView(db, *it); !v)
                    return v.error();
            }
            crashPoint("pull.mid_page");  // the page is half written, the cursor not yet moved
            if (!cursorKey.isEmpty())
                return m_store.setMeta(db, cursorKey, QString::number(cursor));
            return {};
        },
        cursorKey.isEmpty() ? Store::Durability::Full : Store::Durability::Replayable);
    if (!w) {
        *out = fail(SyncFailure::Store, w.error().message);
        return false;
    }
    *applied = inserted;
    return true;
}

bool SyncEngine::updateDocuments(int catalogVersion, int calendarVersion, RoundResult *out)
{
    const Actor actor{QStringLiteral("sync"), m_counterId};
    for (const bool calendar : {false, true}) {
        const char *key = calendar ? syncmeta::kCalendarVersion : syncmeta::kCatalogVersion;
        const qint64 have = metaNumber(m_store, key);
        const int offered = calendar ? calendarVersion : catalogVersion;
        if (offered <= have)
            continue;
        ApiRequest r = request("GET", calendar ? QStringLiteral("calendar") : QStringLiteral("catalog"));
        r.query.addQueryItem(QStringLiteral("after_version"), QString::number(have));
        const ApiResponse answer = m_transport.call(r);
        if (!answer.ok()) {
            *out = failFrom(answer);
            return false;
        }
        const QJsonObject body = answer.object();
        const int version = body.value(QLatin1String("version")).toInt();
        if (body.value(QLatin1String("unchanged")).toBool() || version <= have)
            continue;
        const QByteArray document =
            QJsonDocument(body.value(QLatin1String("document")).toObject()).toJson(QJsonDocument::Compact);
        const QString origin = QStringLiteral("center v%1").arg(version);
        Result<void> imported;
        if (calendar) {
            auto c = CalendarStore::importJson(m_store, document, actor, origin);
            if (!c)
                imported = c.error();
        } else {
            auto c = CatalogStore(m_store).importJson(document, origin, actor);
            if (!c)
                imported = c.error();
        }
        if (!imported) {
            if (imported.error().code != ErrorCode::InvalidInput) {
                *out = fail(SyncFailure::Store, imported.error().message);
                return false;
            }
            // A document this version of MotCua cannot read: say so, keep the one in force, go on syncing dossiers.
            qCWarning(lcSync) << "The center's" << (calendar ? "calendar" : "catalog") << "version" << version
                              << "was not imported:" << imported.error().message;
        }
        auto w = m_store.write([&](const QSqlDatabase &db) {
            return m_store.setMeta(db, QString::fromLatin1(key), QString::number(version));
        });
        if (!w) {
            *out = fail(SyncFailure::Store, w.error().message);
            return false;
        }
        (calendar ? out->report.calendarUpdated : out->report.catalogUpdated) = imported.ok();
    }
    return true;
}

Result<void> SyncEngine::storeOfficer(const QSqlDatabase &db, const QJsonObject &officer)
{
    OfficerRecord record;
    record.login = officer.value(QLatin1String("login")).toString();
    record.fullName = officer.value(QLatin1String("full_name")).toString();
    record.role = officer.value(QLatin1String("role")).toString();
    record.unitId = officer.value(QLatin1String("unit_id")).toString();
    record.passwordHash = officer.value(QLatin1String("password_hash")).toString();
    record.disabled = officer.value(QLatin1String("disabled")).toBool();
    record.updatedAt =
        QDateTime::fromString(officer.value(QLatin1String("updated_at")).toString(), Qt::ISODateWithMs).toUTC();
    if (record.login.isEmpty() || record.passwordHash.isEmpty() || !OfficerStore::validRole(record.role)) {
        // One entry this version cannot use does not stop the others; it is logged for the administrator.
        qCWarning(lcSync) << "An officer entry from the center was not stored:" << record.login << record.role;
        return {};
    }
    return OfficerStore::upsert(db, record);
}

bool SyncEngine::updateOfficers(RoundResult *out)
{
    const OfficerSink sink = m_officerSink ? m_officerSink : OfficerSink(&SyncEngine::storeOfficer);
    const qint64 have = metaNumber(m_store, syncmeta::kOfficersVersion);
    ApiRequest r = request("GET", QStringLiteral("officers"));
    r.query.addQueryItem(QStringLiteral("after_version"), QString::number(have));
    const ApiResponse answer = m_transport.call(r);
    if (!answer.ok()) {
        *out = failFrom(answer);
        return false;
    }
    const QJsonObject body = answer.object();
    const QJsonArray officers = body.value(QLatin1String("officers")).toArray();
    const qint64 version = qint64(body.value(QLatin1String("version")).toDouble());
    if (officers.isEmpty() || version <= have)
        return true;
    auto w = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        for (const QJsonValue &v : officers) {
            if (auto s = sink(db, v.toObject()); !s)
                return s;
        }
        return m_store.setMeta(db, QString::fromLatin1(syncmeta::kOfficersVersion), QString::number(version));
    });
    if (!w) {
        *out = fail(SyncFailure::Store, w.error().message);
        return false;
    }
    out->report.officersUpdated += int(officers.size());
    return true;
}

Result<int> SyncEngine::lookup(const QString &query, RoundResult *failure)
{
    const QString q = query.trimmed();
    if (q.isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Give a dossier code or an ID number."));
    const bool isIdNumber = std::all_of(q.begin(), q.end(), [](QChar c) { return c.isDigit(); });
    ApiRequest r = request("POST", QStringLiteral("lookup"));
    const QJsonObject body{
        {isIdNumber ? QStringLiteral("id_number") : QStringLiteral("code"), isIdNumber ? q : q.toUpper()}};
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const ApiResponse answer = m_transport.call(r);
    if (answer.status == 404)
        return makeError(ErrorCode::NotFound, Tr::tr("The provincial center has no dossier %1.").arg(q));
    if (!answer.ok()) {
        RoundResult f = failFrom(answer);
        if (failure)
            *failure = f;
        return makeError(f.failure == SyncFailure::Network ? ErrorCode::Io : ErrorCode::Conflict, f.message);
    }
    const QJsonArray events = answer.object().value(QLatin1String("events")).toArray();
    RoundResult applyFailure;
    int applied = 0;
    if (!applyEvents(events, QString(), 0, &applied, &applyFailure))
        return makeError(ErrorCode::Database, applyFailure.message);
    QSet<QString> dossiers;
    for (const QJsonValue &v : events)
        dossiers.insert(
            v.toObject().value(QLatin1String("event")).toObject().value(QLatin1String("dossier_id")).toString());
    return int(dossiers.size());
}

Result<EnrollResult> SyncEngine::enroll(Transport &transport, const QString &code)
{
    ApiRequest r;
    r.method = "POST";
    r.path = apiPrefix() + QStringLiteral("/enroll");
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code.trimmed()}}).toJson(QJsonDocument::Compact);
    const ApiResponse answer = transport.call(r);
    if (!answer.ok())
        return makeError(answer.answered() && answer.status < 500 ? ErrorCode::InvalidInput : ErrorCode::Io,
                         describe(answer));
    const QJsonObject body = answer.object();
    EnrollResult e;
    e.counterId = body.value(QLatin1String("counter_id")).toString();
    e.secret = body.value(QLatin1String("secret")).toString();
    e.unitId = body.value(QLatin1String("unit_id")).toString();
    e.unitName = body.value(QLatin1String("unit_name")).toString();
    e.agencyId = body.value(QLatin1String("agency_id")).toString();
    e.slot = body.value(QLatin1String("slot")).toInt();
    e.slots = body.value(QLatin1String("slots")).toInt();
    e.epoch = body.value(QLatin1String("epoch")).toString();
    e.caPem = body.value(QLatin1String("ca_pem")).toString().toLatin1();
    e.centerUrl = body.value(QLatin1String("center_url")).toString();
    if (e.counterId.isEmpty() || e.secret.isEmpty() || e.agencyId.isEmpty() || e.slot < 1 || e.slots < e.slot)
        return makeError(ErrorCode::Io, Tr::tr("The provincial center sent an answer this counter cannot read."));
    return e;
}

Result<void> SyncEngine::saveEnrollment(const Store &store, const EnrollResult &enrollment, const QString &centerUrl)
{
    CounterIdentity identity;
    identity.counterId = enrollment.counterId;
    identity.agencyId = enrollment.agencyId;
    identity.unitName = enrollment.unitName;
    identity.slot = enrollment.slot;
    identity.slots = enrollment.slots;
    identity.standalone = false;
    if (auto v = identity.validate(); !v)
        return v;
    if (auto s = identity.save(store); !s)
        return s;
    return store.write([&](const QSqlDatabase &db) -> Result<void> {
        const QList<std::pair<const char *, QString>> values = {
            {syncmeta::kCenterUrl, centerUrl},
            {syncmeta::kCaPem, QString::fromLatin1(enrollment.caPem)},
            // The first round adopts the epoch without re-pushing: nothing was sent to this center before.
            {syncmeta::kEpoch, QString()},
            {syncmeta::kCursor, QStringLiteral("0")},
            {syncmeta::kUnitId, enrollment.unitId},
        };
        for (const auto &[key, value] : values) {
            if (auto r = store.setMeta(db, QString::fromLatin1(key), value); !r)
                return r;
        }
        // Dossiers recorded standalone before enrollment (training) are not the province's: they stay local.
        auto clear = sql::run(db, QStringLiteral("DELETE FROM outbox"));
        if (!clear)
            return clear.error();
        auto audited = AuditLog::append(db, Actor{QStringLiteral("admin"), enrollment.counterId},
                                        {QStringLiteral("sync.enrolled"), enrollment.counterId,
                                         QStringLiteral("unit %1 at %2").arg(enrollment.unitId, centerUrl)});
        if (!audited)
            return audited.error();
        return {};
    });
}

Result<EnrollResult> SyncEngine::enrollAndSave(const Store &store, Transport &transport, CredentialStore &credentials,
                                               const QString &code, const QString &centerUrl, const QByteArray &caPem)
{
    // The code works once: make sure the credential can be kept before spending it.
    if (auto usable = credentials.probe(); !usable)
        return usable.error();
    auto enrolled = enroll(transport, code);
    if (!enrolled)
        return enrolled.error();
    if (enrolled->caPem.isEmpty())
        enrolled->caPem = caPem;
    // The credential is kept first: an enrollment recorded without it could never sync.
    if (auto saved = credentials.save(enrolled->counterId, enrolled->secret); !saved)
        return saved.error();
    if (auto saved = saveEnrollment(store, *enrolled, centerUrl); !saved)
        return saved.error();
    return enrolled;
}

}  // namespace motcua::sync
