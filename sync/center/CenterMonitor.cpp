// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterMonitor.h"

#include "core/store/Sql.h"
#include "sync/center/CenterDatabase.h"
#include "sync/center/CenterDirectory.h"
#include "sync/center/CenterFeed.h"
#include "sync/center/CenterRegistry.h"
#include "sync/center/CenterSchema.h"

#include <QSqlQuery>

namespace motcua::sync {

CenterMonitor::CenterMonitor(const CenterDatabase &db, const CenterRegistry &registry, const CenterDirectory &directory,
                             const CenterFeed &feed) :
    m_db(db), m_registry(registry), m_directory(directory), m_feed(feed)
{
}

Result<void> CenterMonitor::raiseAlarm(const QString &counterId, const QString &kind, const QString &detail) const
{
    return m_db.write([&](const QSqlDatabase &db) -> Result<void> {
        auto r =
            sql::run(db, QStringLiteral("INSERT INTO alarms(raised_at, counter_id, kind, detail) VALUES(?, ?, ?, ?)"),
                     {CenterDatabase::nowText(), counterId, kind, detail});
        if (!r)
            return r.error();
        return {};
    });
}

Result<CenterStatus> CenterMonitor::status() const
{
    const QSqlDatabase db = m_db.connection();
    CenterStatus s;
    s.backend = m_db.backendName();
    s.schemaVersion = CenterSchema::kVersion;
    auto e = m_registry.epoch();
    if (!e)
        return e.error();
    s.epoch = *e;
    auto high = m_feed.highWater();
    if (!high)
        return high.error();
    s.highWater = *high;
    for (const auto &[sqlText, target] : {std::pair{QStringLiteral("SELECT count(*) FROM events"), &s.events},
                                          std::pair{QStringLiteral("SELECT count(*) FROM dossiers"), &s.dossiers}}) {
        auto v = sql::scalar(db, sqlText);
        if (!v)
            return v.error();
        *target = v->toLongLong();
    }
    auto alarms = sql::scalar(db, QStringLiteral("SELECT count(*) FROM alarms"));
    if (!alarms)
        return alarms.error();
    s.alarms = alarms->toInt();
    auto catalog = m_directory.latestCatalog();
    if (!catalog)
        return catalog.error();
    s.catalogVersion = catalog->version;
    auto q = sql::run(db, QStringLiteral("SELECT c.counter_id, c.unit_id, c.name, c.slot, c.enrolled_at, c.revoked, "
                                         "c.last_contact, (SELECT count(*) FROM events e WHERE e.unit_id = c.unit_id "
                                         "AND e.server_seq > c.pulled_seq) FROM counters c ORDER BY c.counter_id"));
    if (!q)
        return q.error();
    while (q->next()) {
        CounterStatus c;
        c.counterId = q->value(0).toString();
        c.unitId = q->value(1).toString();
        c.name = q->value(2).toString();
        c.slot = q->value(3).toInt();
        c.enrolled = !q->value(4).toString().isEmpty();
        c.revoked = q->value(5).toInt() != 0;
        c.lastContact = CenterDatabase::fromText(q->value(6).toString());
        c.backlog = q->value(7).toLongLong();
        s.counters.append(c);
    }
    return s;
}

}  // namespace motcua::sync
