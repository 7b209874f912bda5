// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterFeed.h"

#include "core/store/Sql.h"
#include "sync/center/CenterDatabase.h"
#include "sync/center/IngestPipeline.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::CenterStore)
};

}  // namespace

CenterFeed::CenterFeed(const CenterDatabase &db, const IngestPipeline &pipeline) : m_db(db), m_pipeline(pipeline) {}

Result<qint64> CenterFeed::highWater() const
{
    auto v = sql::cachedScalar(m_db.connection(), QStringLiteral("SELECT value FROM seq WHERE id = 1"));
    if (!v)
        return v.error();
    // With deferred syncs, events committed but not yet on disk are left for the next page (docs/center-store.md).
    const qint64 durable = m_pipeline.durableSeq();
    return durable >= 0 ? std::min(v->toLongLong(), durable) : v->toLongLong();
}

Result<FeedPage> CenterFeed::feed(const CounterAuth &counter, qint64 after, int limit, bool includeOwn) const
{
    const QSqlDatabase db = m_db.connection();
    FeedPage page;
    auto high = highWater();
    if (!high)
        return high.error();
    page.highWater = *high;
    if (after > page.highWater)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The cursor %1 is beyond the end of the feed (%2).").arg(after).arg(page.highWater));
    // Rows above the high-water mark read first cannot exist: seq and its row commit together, in order.
    // Each branch is ordered and limited on its own, so a page reads at most limit + 1 rows of each (an index range
    // scan) instead of every remaining event of the unit. A counter's own events are left out unless it asks for
    // them (a counter restored from a backup does): it has them, and they were half of what a busy counter pulled.
    auto q = sql::cached(
        db,
        QStringLiteral("SELECT server_seq, body FROM ("
                       " SELECT server_seq, body FROM ("
                       "  SELECT server_seq, body FROM events WHERE unit_id = ? AND server_seq > ? "
                       "   AND server_seq <= ? AND (? = 1 OR counter_id <> ?) ORDER BY server_seq LIMIT ?"
                       " ) AS unit_events"
                       " UNION ALL"
                       " SELECT server_seq, body FROM ("
                       "  SELECT e.server_seq, e.body FROM subscriptions s JOIN events e "
                       "   ON e.dossier_id = s.dossier_id WHERE s.counter_id = ? AND e.unit_id <> ? "
                       "   AND e.server_seq > ? AND e.server_seq <= ? AND (? = 1 OR e.counter_id <> ?) "
                       "   ORDER BY e.server_seq LIMIT ?"
                       " ) AS subscribed_events"
                       ") AS scope ORDER BY server_seq LIMIT ?"),
        {counter.unitId, after, page.highWater, includeOwn ? 1 : 0, counter.counterId, limit + 1, counter.counterId,
         counter.unitId, after, page.highWater, includeOwn ? 1 : 0, counter.counterId, limit + 1, limit + 1});
    if (!q)
        return q.error();
    QByteArray out = "[";
    page.lastSeq = after;
    while ((*q)->next()) {
        if (page.count == limit) {
            page.more = true;
            break;
        }
        const qint64 seq = (*q)->value(0).toLongLong();
        if (page.count > 0)
            out += ',';
        out += "{\"seq\":" + QByteArray::number(seq) + ",\"event\":" + (*q)->value(1).toString().toUtf8() + '}';
        page.lastSeq = seq;
        ++page.count;
    }
    (*q)->finish();
    out += ']';
    page.eventsJson = out;
    // Nothing more in scope up to the high-water mark: the counter may skip straight to it.
    if (!page.more)
        page.lastSeq = page.highWater;
    auto pulled =
        m_db.writeOne(QStringLiteral("UPDATE counters SET pulled_seq = ?, last_contact = ? WHERE counter_id = ? "
                                     "AND pulled_seq < ?"),
                      {after, CenterDatabase::nowText(), counter.counterId, after});
    if (!pulled)
        return pulled.error();
    return page;
}

Result<QByteArray> CenterFeed::lookupAndSubscribe(const CounterAuth &counter, const QString &code,
                                                  const QString &idNumber)
{
    QByteArray out;
    auto r = m_db.write([&](const QSqlDatabase &db) -> Result<void> {
        auto q = code.isEmpty()
                     ? sql::run(db,
                                QStringLiteral("SELECT dossier_id FROM dossiers WHERE id_number = ? ORDER BY "
                                               "received_at DESC LIMIT 20"),
                                {idNumber})
                     : sql::run(db, QStringLiteral("SELECT dossier_id FROM dossiers WHERE code = ?"), {code});
        if (!q)
            return q.error();
        QStringList ids;
        while (q->next())
            ids << q->value(0).toString();
        if (ids.isEmpty())
            return makeError(ErrorCode::NotFound, Tr::tr("The center has no such dossier."));
        out = "[";
        bool first = true;
        for (const QString &id : std::as_const(ids)) {
            auto sub = sql::run(db,
                                m_db.isPostgres() ? QStringLiteral("INSERT INTO subscriptions(counter_id, dossier_id, "
                                                                   "created_at) VALUES(?, ?, ?) ON CONFLICT DO NOTHING")
                                                  : QStringLiteral("INSERT OR IGNORE INTO subscriptions(counter_id, "
                                                                   "dossier_id, created_at) VALUES(?, ?, ?)"),
                                {counter.counterId, id, CenterDatabase::nowText()});
            if (!sub)
                return sub.error();
            auto ev = sql::run(db,
                               QStringLiteral("SELECT server_seq, body FROM events WHERE dossier_id = ? "
                                              "ORDER BY server_seq"),
                               {id});
            if (!ev)
                return ev.error();
            while (ev->next()) {
                if (!first)
                    out += ',';
                first = false;
                out += "{\"seq\":" + QByteArray::number(ev->value(0).toLongLong()) +
                       ",\"event\":" + ev->value(1).toString().toUtf8() + '}';
            }
        }
        out += ']';
        return {};
    });
    if (!r)
        return r.error();
    return out;
}

}  // namespace motcua::sync
