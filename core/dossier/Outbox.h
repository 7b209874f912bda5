// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace motcua {

class Store;

// The queue of this counter's own events not yet at the provincial center (table outbox), in the order they were
// recorded. The sync engine reads batches from it, settles them after the center's answer, quarantines what the
// center rejects, and fills it again when the center was restored from a backup.
class Outbox final {
public:
    // Pending events read for one push.
    struct Batch {
        QSet<QString> eventIds;
        qint64 lastSeq = 0;  // the outbox row of the last event; 0 when the batch is empty
    };

    explicit Outbox(const Store &store) : m_store(store) {}

    // Up to `limit` pending (not quarantined) events after outbox row `afterSeq`, in queue order, each appended to
    // `json` in its wire form (Event::canonicalBytes()), separated by commas: the elements of a JSON array, written
    // straight from the rows without parsing them.
    [[nodiscard]] Result<Batch> appendPending(qint64 afterSeq, int limit, QByteArray &json) const;

    // The following run inside the caller's write transaction.

    // The center rejected `eventId`: kept aside with `reason` for a supervisor, not pushed again.
    static Result<void> quarantine(const QSqlDatabase &db, const QString &eventId, const QString &reason);
    // Removes the pending rows after `afterSeq` up to `lastSeq`: a batch whose every event the center answered.
    static Result<void> settleRange(const QSqlDatabase &db, qint64 afterSeq, qint64 lastSeq);
    // Removes the rows of `eventIds`: events the center has.
    static Result<void> settle(const QSqlDatabase &db, const QStringList &eventIds);
    // The center was restored from a backup: queues again every event `counterId` authored that is not queued (in
    // clock order) and releases the quarantined ones for the restored center to judge again. Returns how many events
    // were queued again.
    static Result<int> requeueForNewEpoch(const QSqlDatabase &db, const QString &counterId);
    // Empties the queue (events recorded standalone, before enrollment, stay local).
    static Result<void> clear(const QSqlDatabase &db);

private:
    const Store &m_store;
};

}  // namespace motcua
