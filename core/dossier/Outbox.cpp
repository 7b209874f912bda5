// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dossier/Outbox.h"

#include "core/dossier/DossierStore.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

namespace motcua {

Result<Outbox::Batch> Outbox::appendPending(qint64 afterSeq, int limit, QByteArray &json) const
{
    Batch batch;
    auto rows = sql::selectText(
        m_store.connection(),
        QStringLiteral("SELECT e.event_id, e.dossier_id, e.counter_id, e.officer, e.hlc, e.type, e.schema_version, "
                       "e.catalog_version, e.parents, e.payload, e.recorded_at, o.seq FROM outbox o "
                       "JOIN events e ON e.event_id = o.event_id "
                       "WHERE o.quarantined = 0 AND o.seq > ? ORDER BY o.seq LIMIT ?"),
        {afterSeq, limit}, [&](const sql::TextRow &row) {
            if (!batch.eventIds.isEmpty())
                json += ',';
            DossierStore::appendEventJsonFromRow(json, row);
            batch.eventIds.insert(QString::fromUtf8(row.text(0)));
            batch.lastSeq = row.integer(11);
        });
    if (!rows)
        return rows.error();
    return batch;
}

Result<void> Outbox::quarantine(const QSqlDatabase &db, const QString &eventId, const QString &reason)
{
    auto u = sql::run(db,
                      QStringLiteral("UPDATE outbox SET quarantined = 1, attempts = attempts + 1, "
                                     "last_error = ? WHERE event_id = ?"),
                      {reason, eventId});
    if (!u)
        return u.error();
    return {};
}

Result<void> Outbox::settleRange(const QSqlDatabase &db, qint64 afterSeq, qint64 lastSeq)
{
    auto d = sql::cached(db, QStringLiteral("DELETE FROM outbox WHERE seq > ? AND seq <= ? AND quarantined = 0"),
                         {afterSeq, lastSeq});
    if (!d)
        return d.error();
    return {};
}

Result<void> Outbox::settle(const QSqlDatabase &db, const QStringList &eventIds)
{
    return sql::runIn(db, QStringLiteral("DELETE FROM outbox WHERE event_id IN"), eventIds);
}

Result<int> Outbox::requeueForNewEpoch(const QSqlDatabase &db, const QString &counterId)
{
    auto q = sql::run(db,
                      QStringLiteral("INSERT INTO outbox(event_id) SELECT event_id FROM events WHERE "
                                     "counter_id = ? AND event_id NOT IN (SELECT event_id FROM outbox) "
                                     "ORDER BY hlc"),
                      {counterId});
    if (!q)
        return q.error();
    const int requeued = q->numRowsAffected();
    auto u = sql::run(db, QStringLiteral("UPDATE outbox SET quarantined = 0, last_error = ''"));
    if (!u)
        return u.error();
    return requeued;
}

Result<void> Outbox::clear(const QSqlDatabase &db)
{
    auto d = sql::run(db, QStringLiteral("DELETE FROM outbox"));
    if (!d)
        return d.error();
    return {};
}

}  // namespace motcua
