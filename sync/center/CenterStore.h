// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/center/CenterDatabase.h"
#include "sync/center/CenterDirectory.h"
#include "sync/center/CenterFeed.h"
#include "sync/center/CenterMonitor.h"
#include "sync/center/CenterRegistry.h"
#include "sync/center/CenterTypes.h"
#include "sync/center/IngestPipeline.h"

#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace motcua::sync {

// The center's store: units, counters, officers, catalog, and the event log with its global server_seq. A front to
// its parts, each in its own file: CenterDatabase (connections, writes in turn), CenterSchema, CenterRegistry (units,
// counters, enrollment), CenterDirectory (officers, documents), IngestPipeline (storing pushes), CenterFeed (reading
// them back), CenterMonitor (status, alarms). How and why they work as they do: docs/center-store.md.
class CenterStore final {
public:
    // Opens the database and creates or upgrades its schema.
    static Result<std::unique_ptr<CenterStore>> open(const CenterDbConfig &config);
    ~CenterStore();
    Q_DISABLE_COPY_MOVE(CenterStore)

    [[nodiscard]] bool isPostgres() const { return m_db->isPostgres(); }
    [[nodiscard]] QString backendName() const { return m_db->backendName(); }
    // This thread's connection (each HTTP worker thread gets its own), closed when the thread ends.
    [[nodiscard]] QSqlDatabase connection() const { return m_db->connection(); }
    // Closes this thread's connection now rather than when the thread ends.
    void releaseThreadConnection() const { m_db->releaseThreadConnection(); }
    Result<void> write(const std::function<Result<void>(const QSqlDatabase &)> &work) const;
    // A consistent copy of the database in `file`, while the center runs: SQLite only (VACUUM INTO); on PostgreSQL
    // an error that tells to use pg_dump.
    Result<void> backupTo(const QString &file) const { return m_db->backupTo(file); }

    // The epoch changes when the database is restored from a backup; counters then re-push their events.
    Result<QString> epoch() const { return m_registry.epoch(); }
    Result<QString> startNewEpoch() { return m_registry.startNewEpoch(); }

    Result<void> addUnit(const UnitRecord &unit) { return m_registry.addUnit(unit); }
    Result<QList<UnitRecord>> units() const { return m_registry.units(); }
    Result<UnitRecord> unit(const QString &unitId) const { return m_registry.unit(unitId); }

    // A counter of `unitId` with the next free slot, and a one-time enrollment code valid for `validHours`.
    Result<NewCounter> addCounter(const QString &unitId, const QString &name, int validHours);
    Result<void> revokeCounter(const QString &counterId) { return m_registry.revokeCounter(counterId); }
    Result<Enrollment> enroll(const QString &code) { return m_registry.enroll(code); }
    // The counter behind a bearer credential; Error Conflict when revoked, NotFound when unknown or wrong secret.
    Result<CounterAuth> authenticate(const QByteArray &authorization) const;
    Result<void> touch(const QString &counterId) const { return m_registry.touch(counterId); }

    Result<void> addOfficer(const OfficerEntry &officer) { return m_directory.addOfficer(officer); }
    Result<void> setOfficerDisabled(const QString &login, bool disabled);
    Result<void> setOfficerPassword(const QString &login, const QString &passwordHash);
    Result<QList<OfficerEntry>> officers(const QString &unitId, qint64 afterVersion) const;

    // The catalog and calendar as imported (the same JSON the counter's own importers read).
    Result<int> importCatalog(const QByteArray &document) { return m_directory.importCatalog(document); }
    Result<int> importCalendar(const QByteArray &document) { return m_directory.importCalendar(document); }
    using Document = CenterDocument;
    Result<Document> latestCatalog() const { return m_directory.latestCatalog(); }
    Result<Document> latestCalendar() const { return m_directory.latestCalendar(); }

    // A push being read, announced to the writer thread until it is queued (IngestPipeline::Arrival).
    class Arrival {
    public:
        explicit Arrival(CenterStore &store) : m_arrival(store.m_pipeline) {}

    private:
        friend class CenterStore;
        IngestPipeline::Arrival m_arrival;
    };
    // Stores what is new, per event: accepted / duplicate / rejected (same id, other content: also an alarm).
    // `canonical` holds the events' canonical bytes when the caller has them (one per event); they are computed
    // here otherwise. Pushes are stored in groups by one writer thread (IngestPipeline).
    Result<QList<PushOutcome>> ingest(const CounterAuth &counter, const QList<Event> &events,
                                      const QList<QByteArray> &canonical = {}, Arrival *arrival = nullptr);
    // Several pushes stored in one transaction, in order, as concurrent ingest() calls are (group commit): one
    // sync to disk for all. If the shared transaction fails, each push is stored alone, so one push's failure is
    // its own.
    using PushRequest = IngestRequest;
    QList<Result<QList<PushOutcome>>> ingestTogether(const QList<PushRequest> &pushes);
    // The transactions ingest() has written since the store was opened (each one group of pushes).
    [[nodiscard]] qint64 groupCommits() const { return m_pipeline.groupCommits(); }
    // The groups written without looking up their event ids first that met one stored already, and were written
    // again with the look-up.
    [[nodiscard]] qint64 lookUpRetries() const { return m_pipeline.lookUpRetries(); }
    // The counter's feed after `after`: its unit's dossiers and those it subscribed to; the events it authored only
    // with `includeOwn` (it has them already, unless it was restored from a backup).
    Result<FeedPage> feed(const CounterAuth &counter, qint64 after, int limit, bool includeOwn = false) const;
    // The newest seq the feed serves: on SQLite with deferred syncs, the newest synced to disk.
    Result<qint64> highWater() const { return m_feed.highWater(); }
    // Tests only: called by the syncer thread before each sync to disk; an error fails the sync.
    void setBeforeSyncForTests(std::function<Result<void>()> hook);
    // The syncs to disk the syncer thread made (0 when commits sync themselves).
    [[nodiscard]] qint64 deferredSyncs() const { return m_pipeline.deferredSyncs(); }
    // Finds a dossier by code or ID number, subscribes the counter to it, and returns all its events (JSON array).
    Result<QByteArray> lookupAndSubscribe(const CounterAuth &counter, const QString &code, const QString &idNumber);

    Result<CenterStatus> status() const { return m_monitor.status(); }
    Result<void> raiseAlarm(const QString &counterId, const QString &kind, const QString &detail) const;

private:
    explicit CenterStore(std::unique_ptr<CenterDatabase> db);

    std::unique_ptr<CenterDatabase> m_db;
    CenterRegistry m_registry;
    CenterDirectory m_directory;
    IngestPipeline m_pipeline;  // destroyed before the parts it reads (its threads stop first)
    CenterFeed m_feed;
    CenterMonitor m_monitor;
};

}  // namespace motcua::sync
