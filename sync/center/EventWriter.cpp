// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/EventWriter.h"

#include "core/CrashPoint.h"
#include "core/dossier/CanonicalJson.h"
#include "core/dossier/Dossier.h"
#include "core/store/Sql.h"
#include "sync/center/CenterDatabase.h"
#include "sync/center/CenterSql.h"
#include "sync/center/IngestJob.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace motcua::sync {

namespace {

// The center's view of a folded dossier, in the order of kDossierViewColumns.
const QString kDossierViewColumns = QStringLiteral(
    "code, id_number, applicant_name, procedure_code, status, received_at, due_at, conflict, event_count");
constexpr int kDossierViewWidth = 9;

void appendDossierView(QVariantList &out, const DossierState &state)
{
    out << state.code << state.applicant.value(QLatin1String("id_number")).toString()
        << state.applicant.value(QLatin1String("full_name")).toString() << state.procedureCode
        << dossierStatusName(state.status)
        << (state.receivedAt.isValid() ? json::isoUtcMs(state.receivedAt) : QString())
        << (state.dueAt.isValid() ? json::isoUtcMs(state.dueAt) : QString()) << (state.conflict ? 1 : 0)
        << state.eventCount;
}

// What a group of pushes writes, gathered as its events are taken one after the other.
struct GroupRows {
    QHash<QString, std::pair<qint64, QByteArray>> stored;  // event id -> server_seq, canonical bytes
    QHash<QString, QString> owners;                        // dossier id -> unit id, for dossiers the center has
    QVariantList eventRows;
    QHash<QString, QList<Event>> newDossiers;  // dossiers first seen in these pushes, with their events in order
    QStringList newDossierOrder;
    QHash<QString, const IngestJob *> creators;  // new dossier -> the push that brought it
    QSet<QString> touchedKnown;                  // dossiers the center had: folded again from the stored events
};

// The event ids of a group, and the dossiers to look up: all of them with `lookUp`, else those whose creating event
// is not in their push (one the center has already fails the insert on its primary key as an event does).
void collectKeys(const QList<IngestJob *> &jobs, bool lookUp, QStringList *eventIds, QStringList *dossierIds)
{
    for (IngestJob *job : jobs) {
        job->outcomes.clear();
        job->alarms.clear();
        *eventIds += job->eventIds;
        if (lookUp) {
            *dossierIds += job->dossierIds;
            continue;
        }
        for (const QString &dossierId : std::as_const(job->dossierIds)) {
            if (!job->folded.contains(dossierId))
                dossierIds->append(dossierId);
        }
    }
    if (jobs.size() > 1)
        dossierIds->removeDuplicates();
}

// What the center has of these events already, and which of these dossiers it knows (and whose they are).
Result<void> lookUpKnown(const QSqlDatabase &db, const QStringList &eventIds, const QStringList &dossierIds,
                         bool lookUp, GroupRows &rows)
{
    if (lookUp) {
        auto known = centersql::selectIn(
            db, QStringLiteral("SELECT event_id, server_seq, body FROM events WHERE event_id IN"), eventIds,
            [&](const sql::TextRow &row) {
                rows.stored.insert(QString::fromUtf8(row.text(0)), {row.integer(1), row.text(2).toByteArray()});
            });
        if (!known)
            return known;
    }
    return centersql::selectIn(db, QStringLiteral("SELECT dossier_id, unit_id FROM dossiers WHERE dossier_id IN"),
                               dossierIds, [&](const sql::TextRow &row) {
                                   rows.owners.insert(QString::fromUtf8(row.text(0)), QString::fromUtf8(row.text(1)));
                               });
}

// The outcome of an event the center has already: a duplicate, or a conflict (also an alarm).
PushOutcome knownOutcome(IngestJob &job, const IngestJob::Incoming &in, const std::pair<qint64, QByteArray> &stored)
{
    PushOutcome out;
    out.eventId = in.event->eventId;
    if (stored.second == in.body) {
        out.status = PushStatus::Duplicate;
        out.serverSeq = stored.first;
        return out;
    }
    out.status = PushStatus::Rejected;
    out.reason = QStringLiteral("conflict: event %1 exists with different content").arg(out.eventId);
    job.alarms.append({QStringLiteral("event_conflict"),
                       QStringLiteral("event %1 pushed again with different content").arg(out.eventId)});
    return out;
}

// Subscribes a counter to a dossier of another unit that it writes to (a result returned elsewhere).
Result<void> subscribe(const QSqlDatabase &db, bool postgres, const QString &counterId, const QString &dossierId,
                       const QString &now)
{
    auto sub = sql::cached(db,
                           postgres ? QStringLiteral("INSERT INTO subscriptions(counter_id, dossier_id, created_at) "
                                                     "VALUES(?, ?, ?) ON CONFLICT DO NOTHING")
                                    : QStringLiteral("INSERT OR IGNORE INTO subscriptions(counter_id, dossier_id, "
                                                     "created_at) VALUES(?, ?, ?)"),
                           {counterId, dossierId, now});
    if (!sub)
        return sub.error();
    return {};
}

// Takes one event of `job`: its outcome, and its row with the next seq when it is new.
Result<void> acceptEvent(const QSqlDatabase &db, bool postgres, const QString &now, qint64 *seq, IngestJob &job,
                         const IngestJob::Incoming &in, GroupRows &rows)
{
    const Event &e = *in.event;
    const CounterAuth &counter = *job.counter;
    if (auto it = rows.stored.constFind(e.eventId); it != rows.stored.cend()) {
        job.outcomes.append(knownOutcome(job, in, *it));
        return {};
    }
    // The dossier belongs to the unit that received it; a counter of another unit that writes to it is subscribed.
    QString unitId = rows.owners.value(e.dossierId);
    if (unitId.isEmpty()) {
        unitId = counter.unitId;
        rows.owners.insert(e.dossierId, unitId);
        rows.newDossiers.insert(e.dossierId, {});
        rows.newDossierOrder.append(e.dossierId);
        rows.creators.insert(e.dossierId, &job);
    }
    if (unitId != counter.unitId) {
        if (auto r = subscribe(db, postgres, counter.counterId, e.dossierId, now); !r)
            return r;
    }
    ++*seq;
    rows.eventRows << *seq << e.eventId << e.dossierId << unitId << e.counterId << in.body << now;
    rows.stored.insert(e.eventId, {*seq, in.body});  // the same id again in these pushes is a duplicate
    if (auto it = rows.newDossiers.find(e.dossierId); it != rows.newDossiers.end())
        it->append(e);
    else
        rows.touchedKnown.insert(e.dossierId);
    PushOutcome out;
    out.eventId = e.eventId;
    out.status = PushStatus::Accepted;
    out.serverSeq = *seq;
    job.outcomes.append(out);
    return {};
}

// The rows of the new dossiers with their folded view; their events are all in these pushes, in order.
QVariantList newDossierRows(GroupRows &rows)
{
    QVariantList dossierRows;
    dossierRows.reserve(rows.newDossierOrder.size() * (2 + kDossierViewWidth));
    for (const QString &dossierId : std::as_const(rows.newDossierOrder)) {
        dossierRows << dossierId << rows.owners.value(dossierId);
        const QList<Event> &accepted = rows.newDossiers[dossierId];
        // Folded beforehand when every event of it in the push that brought it was accepted and no other push of
        // the group added to it; otherwise folded here from what was accepted.
        const IngestJob *creator = rows.creators.value(dossierId);
        const auto pre = creator->folded.constFind(dossierId);
        if (pre != creator->folded.cend() && pre->events == accepted.size())
            dossierRows += pre->view;
        else
            appendDossierView(dossierRows, foldDossier(accepted));
    }
    return dossierRows;
}

// Folds the dossiers the center had again from their stored events, and stores their view.
Result<void> refreshDossiers(const QSqlDatabase &db, const QSet<QString> &dossierIds)
{
    static const QString update = QStringLiteral("UPDATE dossiers SET (") + kDossierViewColumns +
                                  QStringLiteral(") = (") + QStringLiteral("?, ").repeated(kDossierViewWidth - 1) +
                                  QStringLiteral("?) WHERE dossier_id = ?");
    for (const QString &dossierId : dossierIds) {
        auto q = sql::cached(db, QStringLiteral("SELECT body FROM events WHERE dossier_id = ? ORDER BY server_seq"),
                             {dossierId});
        if (!q)
            return q.error();
        QList<Event> events;
        while ((*q)->next()) {
            auto e = Event::fromJson(QJsonDocument::fromJson((*q)->value(0).toString().toUtf8()).object());
            if (e)
                events.append(*e);
        }
        (*q)->finish();
        QVariantList values;
        appendDossierView(values, foldDossier(events));
        values << dossierId;
        auto u = sql::cached(db, update, values);
        if (!u)
            return u.error();
    }
    return {};
}

// The statements that go with the COMMIT: the counters' last contact (up to every counter of the province, in
// statements of sql::kInPiece padded by repeating the last one), and the sequence row when it moved.
QList<centersql::Transaction::Statement> lastStatements(const QString &now, const QStringList &contacted, qint64 seq,
                                                        qint64 firstSeq)
{
    static const QString contactText = QStringLiteral("UPDATE counters SET last_contact = ? WHERE counter_id IN (") +
                                       QStringLiteral("?, ").repeated(sql::kInPiece - 1) + QStringLiteral("?)");
    QList<centersql::Transaction::Statement> last;
    for (qsizetype at = 0; at < contacted.size(); at += sql::kInPiece) {
        QVariantList binds{now};
        for (qsizetype i = at; i < at + sql::kInPiece; ++i)
            binds << contacted.at(std::min(i, contacted.size() - 1));
        last.append({contactText, binds});
    }
    if (seq != firstSeq)
        last.append({QStringLiteral("UPDATE seq SET value = ? WHERE id = 1"), {seq}});
    return last;
}

}  // namespace

EventWriter::EventWriter(const CenterDatabase &db) : m_db(db) {}

void EventWriter::prepare(IngestJob &job, const CounterAuth &counter, const QList<Event> &events,
                          const QList<QByteArray> &canonical)
{
    job.counter = &counter;
    job.incoming.reserve(events.size());
    QHash<QString, QList<Event>> byDossier;
    const bool given = canonical.size() == events.size();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &e = events.at(i);
        const QByteArray bytes = given ? canonical.at(i) : e.canonicalBytes();
        job.incoming.append({&e, bytes});
        job.eventIds.append(e.eventId);
        auto it = byDossier.find(e.dossierId);
        if (it == byDossier.end()) {
            job.dossierIds.append(e.dossierId);
            it = byDossier.insert(e.dossierId, {});
        }
        it->append(e);
    }
    // Only a dossier whose creating event is in this push can be new to the center; the others are folded again
    // from storage in the transaction, so folding them here would be wasted.
    for (auto it = byDossier.cbegin(); it != byDossier.cend(); ++it) {
        const bool creates = std::any_of(it->cbegin(), it->cend(), [](const Event &e) {
            return e.type == EventType::Received || e.type == EventType::Refused;
        });
        if (creates) {
            IngestJob::Folded folded{it->size(), {}};
            folded.view.reserve(kDossierViewWidth);
            appendDossierView(folded.view, foldDossier(*it));
            job.folded.insert(it.key(), std::move(folded));
        }
    }
}

qint64 EventWriter::write(const QList<IngestJob *> &batch)
{
    qint64 committed = 0;
    // Written without the look-ups, unless a recent group met an event stored already (docs/center-store.md,
    // "Look-ups").
    int lookUpLeft = m_lookUpGroups.load();
    while (lookUpLeft > 0 && !m_lookUpGroups.compare_exchange_weak(lookUpLeft, lookUpLeft - 1)) {
    }
    const bool lookUp = lookUpLeft > 0;
    auto r = writeJobs(batch, lookUp, &committed);
    if (!r && !lookUp && r.error().code == ErrorCode::Conflict) {
        ++m_lookUpRetries;
        m_lookUpGroups.store(kLookUpGroupsAfterConflict);
        r = writeJobs(batch, true, &committed);
    }
    if (!r && batch.size() > 1) {
        // One push's failure must not fail the others that shared its transaction: each is tried alone.
        for (IngestJob *job : batch) {
            if (auto alone = writeJobs({job}, true, &committed); !alone)
                job->error = alone.error();
        }
        return committed;
    }
    if (!r) {
        for (IngestJob *job : batch)
            job->error = r.error();
    }
    return committed;
}

Result<void> EventWriter::writeJobs(const QList<IngestJob *> &jobs, bool lookUp, qint64 *committed) const
{
    auto db = m_db.threadConnection();
    if (!db)
        return db.error();
    const auto turn = m_db.writeTurn();
    centersql::Transaction txn(*db);
    // The sequence row's lock first, held until commit (docs/center-store.md, "The seq rule"); on PostgreSQL the
    // BEGIN goes with it, and the last statements with the COMMIT.
    auto seqNow = txn.beginWith(m_db.isPostgres() ? QStringLiteral("SELECT value FROM seq WHERE id = 1 FOR UPDATE")
                                                  : QStringLiteral("SELECT value FROM seq WHERE id = 1"));
    if (!seqNow)
        return seqNow.error();
    qint64 seq = seqNow->toLongLong();
    const qint64 firstSeq = seq;
    const QString now = CenterDatabase::nowText();
    QStringList contacted;
    if (auto r = ingestInto(*db, now, &seq, jobs, lookUp, &contacted); !r)
        return r;
    crashPoint("center.ingest.mid_batch");  // events inserted, nothing committed
    if (auto c = txn.commitAfter(lastStatements(now, contacted, seq, firstSeq)); !c)
        return c;
    *committed = std::max(*committed, seq);
    return {};
}

Result<void> EventWriter::ingestInto(const QSqlDatabase &db, const QString &now, qint64 *seq,
                                     const QList<IngestJob *> &jobs, bool lookUp, QStringList *contacted) const
{
    // The jobs are handled in order as if one after the other, with one look-up and one set of inserts for all.
    QStringList eventIds;
    QStringList dossierIds;
    collectKeys(jobs, lookUp, &eventIds, &dossierIds);
    GroupRows rows;
    if (auto known = lookUpKnown(db, eventIds, dossierIds, lookUp, rows); !known)
        return known;
    rows.eventRows.reserve(eventIds.size() * 7);
    for (IngestJob *job : jobs) {
        if (!contacted->contains(job->counter->counterId))
            contacted->append(job->counter->counterId);
        for (const IngestJob::Incoming &in : std::as_const(job->incoming)) {
            if (auto r = acceptEvent(db, m_db.isPostgres(), now, seq, *job, in, rows); !r)
                return r;
        }
    }
    if (auto d = centersql::insertRows(
            db, QStringLiteral("INSERT INTO dossiers(dossier_id, unit_id, ") + kDossierViewColumns + QLatin1Char(')'),
            2 + kDossierViewWidth, newDossierRows(rows));
        !d)
        return d;
    if (auto ins = centersql::insertRows(db,
                                         QStringLiteral("INSERT INTO events(server_seq, event_id, dossier_id, "
                                                        "unit_id, counter_id, body, stored_at)"),
                                         7, rows.eventRows);
        !ins)
        return ins;
    return refreshDossiers(db, rows.touchedKnown);
}

}  // namespace motcua::sync
