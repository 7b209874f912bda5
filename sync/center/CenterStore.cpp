// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterStore.h"

#include "core/store/WalSync.h"
#include "sync/Log.h"
#include "sync/center/CenterSchema.h"

#include <QFileInfo>

Q_LOGGING_CATEGORY(lcCenterStore, "motcua.center.store")

namespace motcua::sync {

CenterStore::CenterStore(std::unique_ptr<CenterDatabase> db) :
    m_db(std::move(db)),
    m_registry(*m_db),
    m_directory(*m_db, m_registry),
    m_pipeline(*m_db, [this](const QString &counterId, const QString &kind,
                             const QString &detail) { return m_monitor.raiseAlarm(counterId, kind, detail); }),
    m_feed(*m_db, m_pipeline),
    m_monitor(*m_db, m_registry, m_directory, m_feed)
{
}

CenterStore::~CenterStore() = default;

Result<std::unique_ptr<CenterStore>> CenterStore::open(const CenterDbConfig &config)
{
    auto db = CenterDatabase::open(config);
    if (!db)
        return db.error();
    if (auto r = CenterSchema::migrate(**db); !r)
        return r.error();
    // What a process that ended without closing left in the log sits in the system's cache until written back. It
    // is served from now on (feed, look-ups), so it is put on disk first: a power cut soon after a crash must not
    // take back events that counters have since pulled.
    if (config.backend == CenterDbConfig::Backend::Sqlite && sql::WalSync::supported() &&
        QFileInfo::exists(config.path + QStringLiteral("-wal"))) {
        if (auto synced = sql::WalSync(config.path).sync(); !synced)
            qCWarning(lcCenterStore).noquote()
                << "Could not sync the database log at start:" << synced.error().message << synced.error().detail;
    }
    return std::unique_ptr<CenterStore>(new CenterStore(std::move(*db)));
}

Result<void> CenterStore::write(const std::function<Result<void>(const QSqlDatabase &)> &work) const
{
    return m_db->write(work);
}

Result<NewCounter> CenterStore::addCounter(const QString &unitId, const QString &name, int validHours)
{
    return m_registry.addCounter(unitId, name, validHours);
}

Result<CounterAuth> CenterStore::authenticate(const QByteArray &authorization) const
{
    return m_registry.authenticate(authorization);
}

Result<void> CenterStore::setOfficerDisabled(const QString &login, bool disabled)
{
    return m_directory.setOfficerDisabled(login, disabled);
}

Result<void> CenterStore::setOfficerPassword(const QString &login, const QString &passwordHash)
{
    return m_directory.setOfficerPassword(login, passwordHash);
}

Result<QList<OfficerEntry>> CenterStore::officers(const QString &unitId, qint64 afterVersion) const
{
    return m_directory.officers(unitId, afterVersion);
}

Result<QList<PushOutcome>> CenterStore::ingest(const CounterAuth &counter, const QList<Event> &events,
                                               const QList<QByteArray> &canonical, Arrival *arrival)
{
    return m_pipeline.ingest(counter, events, canonical, arrival ? &arrival->m_arrival : nullptr);
}

QList<Result<QList<PushOutcome>>> CenterStore::ingestTogether(const QList<PushRequest> &pushes)
{
    return m_pipeline.ingestTogether(pushes);
}

Result<FeedPage> CenterStore::feed(const CounterAuth &counter, qint64 after, int limit, bool includeOwn) const
{
    return m_feed.feed(counter, after, limit, includeOwn);
}

void CenterStore::setBeforeSyncForTests(std::function<Result<void>()> hook)
{
    m_pipeline.setBeforeSyncForTests(std::move(hook));
}

Result<QByteArray> CenterStore::lookupAndSubscribe(const CounterAuth &counter, const QString &code,
                                                   const QString &idNumber)
{
    return m_feed.lookupAndSubscribe(counter, code, idNumber);
}

Result<void> CenterStore::raiseAlarm(const QString &counterId, const QString &kind, const QString &detail) const
{
    return m_monitor.raiseAlarm(counterId, kind, detail);
}

}  // namespace motcua::sync
