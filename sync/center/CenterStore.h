#pragma once

#include "core/Result.h"
#include "core/dossier/Event.h"
#include "sync/Protocol.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QSemaphore>
#include <QSet>
#include <QSqlDatabase>
#include <QThread>
#include <QWaitCondition>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace motcua::sql {
class WalCheckpointer;
class WalSync;
}  // namespace motcua::sql

namespace motcua::sync {

// Where the center keeps its data. SQLite for one machine (and the embedded default of `make run`);
// PostgreSQL 15 in production, where several stateless center processes share one database.
struct CenterDbConfig {
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;
    QString path;  // SQLite file
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString name = QStringLiteral("motcua");
    QString user = QStringLiteral("motcua");
    QString password;
    int connectTimeoutSeconds = 10;
    // How long the writer thread, about to commit a group of pushes, waits for those being read on other threads (see
    // CenterStore::Arrival); 0 commits at once.
    int commitDelayMs = 20;
};

struct UnitRecord {
    QString unitId;    // e.g. "H49.01" (the province's own short id)
    QString name;      // "Phường Hồng Gai"
    QString agencyId;  // the agency identifier used in dossier codes, e.g. "000.00.01.H49"
    int slots = 20;    // dossier-code slots (docs/dossier-codes.md)
};

struct NewCounter {
    QString counterId;
    QString unitId;
    int slot = 0;
    QString enrollmentCode;  // shown once; only its hash is kept
    QDateTime expiresAt;
};

struct CounterAuth {
    QString counterId;
    QString unitId;
};

struct Enrollment {
    QString counterId;
    QString secret;  // the counter's credential; only its hash is kept
    UnitRecord unit;
    int slot = 0;
    QString epoch;
};

struct PushOutcome {
    QString eventId;
    PushStatus status = PushStatus::Accepted;
    qint64 serverSeq = 0;
    QString reason;
};

struct FeedPage {
    QByteArray eventsJson;  // a JSON array of {"seq": n, "event": {...}}, built from the stored bodies
    int count = 0;
    qint64 lastSeq = 0;    // the cursor to ask after next
    qint64 highWater = 0;  // the newest seq the center has
    bool more = false;
};

struct CounterStatus {
    QString counterId;
    QString unitId;
    QString name;
    int slot = 0;
    bool enrolled = false;
    bool revoked = false;
    QDateTime lastContact;
    qint64 backlog = 0;  // events in its scope it has not pulled yet
};

struct CenterStatus {
    QString epoch;
    QString backend;
    int schemaVersion = 0;
    qint64 events = 0;
    qint64 dossiers = 0;
    qint64 highWater = 0;
    int catalogVersion = 0;
    int alarms = 0;
    QList<CounterStatus> counters;
};

struct OfficerEntry {
    QString login;
    QString fullName;
    QString role;  // officer | supervisor | admin
    QString unitId;
    QString passwordHash;
    bool disabled = false;
    qint64 version = 0;  // grows with every change, for incremental sync
    QDateTime updatedAt;
};

// The center's store: units, counters, officers, catalog, and the event log with its global server_seq.
//
// server_seq is assigned on one ingest path: every push takes the row lock of the `seq` counter (SQLite: the
// write lock of BEGIN IMMEDIATE; PostgreSQL: SELECT … FOR UPDATE) and holds it until commit, so sequence numbers
// become visible in order and a reader that has seen seq N will never later find an uncommitted N−1 appear.
class CenterStore final {
public:
    static Result<std::unique_ptr<CenterStore>> open(const CenterDbConfig &config);
    ~CenterStore();
    Q_DISABLE_COPY_MOVE(CenterStore)

    [[nodiscard]] bool isPostgres() const { return m_config.backend == CenterDbConfig::Backend::Postgres; }
    [[nodiscard]] QString backendName() const;
    // This thread's connection (each HTTP worker thread gets its own).
    [[nodiscard]] QSqlDatabase connection() const;
    void releaseThreadConnection() const;
    Result<void> write(const std::function<Result<void>(const QSqlDatabase &)> &work) const;

    // The epoch changes when the database is restored from a backup; counters then re-push their events.
    Result<QString> epoch() const;
    Result<QString> startNewEpoch();

    Result<void> addUnit(const UnitRecord &unit);
    Result<QList<UnitRecord>> units() const;
    Result<UnitRecord> unit(const QString &unitId) const;

    // A counter of `unitId` with the next free slot, and a one-time enrollment code valid for `validHours`.
    Result<NewCounter> addCounter(const QString &unitId, const QString &name, int validHours);
    Result<void> revokeCounter(const QString &counterId);
    Result<Enrollment> enroll(const QString &code);
    // The counter behind a bearer credential; Error Conflict when revoked, NotFound when unknown or wrong secret.
    Result<CounterAuth> authenticate(const QByteArray &authorization) const;
    Result<void> touch(const QString &counterId) const;

    Result<void> addOfficer(const OfficerEntry &officer);
    Result<void> setOfficerDisabled(const QString &login, bool disabled);
    Result<void> setOfficerPassword(const QString &login, const QString &passwordHash);
    Result<QList<OfficerEntry>> officers(const QString &unitId, qint64 afterVersion) const;

    // The catalog and calendar as imported (the same JSON the counter's own importers read).
    Result<int> importCatalog(const QByteArray &document);
    Result<int> importCalendar(const QByteArray &document);
    struct Document {
        int version = 0;
        QByteArray json;
    };
    Result<Document> latestCatalog() const;
    Result<Document> latestCalendar() const;

    // Stores what is new, per event: accepted / duplicate / rejected (same id, other content: also an alarm).
    // `canonical` holds the events' canonical bytes when the caller has them (one per event); they are computed
    // here otherwise.
    //
    // Pushes are written by one writer thread, a group of them per transaction. A push being read announces itself
    // first (Arrival): the writer, about to commit a group, waits a moment for the pushes announced, so they share
    // its transaction instead of rewriting the same pages in the next one (PostgreSQL's commit_delay, for the
    // center's own queue). An Arrival also holds one of as many reading turns as the machine has cores, from the
    // moment a push is read until it is queued: when every counter of the province pushes at once, a dozen handler
    // threads reading side by side left the writer, which every push waits for, an equal share of the cores with
    // each of them.
    //
    // On SQLite (POSIX), the writer commits without syncing the log to disk, and a syncer thread syncs it for each
    // group it committed before those pushes are answered: the writer stores the next group meanwhile. Until
    // synced, a group's events stay out of the feed (highWater()), so that no counter moves its cursor past events
    // a power cut could take back and the center would then number anew.
    class Arrival {
    public:
        explicit Arrival(CenterStore &store);
        ~Arrival();
        Arrival(const Arrival &) = delete;
        Arrival &operator=(const Arrival &) = delete;

    private:
        friend class CenterStore;
        void arrived();  // queued, or given up: no longer awaited
        CenterStore &m_store;
        bool m_pending = true;
    };
    Result<QList<PushOutcome>> ingest(const CounterAuth &counter, const QList<Event> &events,
                                      const QList<QByteArray> &canonical = {}, Arrival *arrival = nullptr);
    // Several pushes stored in one transaction, in order, as concurrent ingest() calls are (group commit): one
    // sync to disk for all. If the shared transaction fails, each push is stored alone, so one push's failure is
    // its own.
    struct PushRequest {
        CounterAuth counter;
        QList<Event> events;
        QList<QByteArray> canonical;  // as for ingest()
    };
    QList<Result<QList<PushOutcome>>> ingestTogether(const QList<PushRequest> &pushes);
    // The transactions ingest() has written since the store was opened (each one group of pushes).
    [[nodiscard]] qint64 groupCommits() const { return m_groupCommits.load(); }
    // The groups written without looking up their event ids first that met one stored already, and were written
    // again with the look-up (see writeIngestBatch()).
    [[nodiscard]] qint64 lookUpRetries() const { return m_lookUpRetries.load(); }
    // The counter's feed after `after`: its unit's dossiers and those it subscribed to; the events it authored only
    // with `includeOwn` (it has them already, unless it was restored from a backup).
    Result<FeedPage> feed(const CounterAuth &counter, qint64 after, int limit, bool includeOwn = false) const;
    // The newest seq the feed serves: on SQLite with deferred syncs, the newest synced to disk.
    Result<qint64> highWater() const;
    // Tests only: called by the syncer thread before each sync to disk; an error fails the sync.
    void setBeforeSyncForTests(std::function<Result<void>()> hook);
    // The syncs to disk the syncer thread made (0 when commits sync themselves).
    [[nodiscard]] qint64 deferredSyncs() const { return m_deferredSyncs.load(); }
    // Finds a dossier by code or ID number, subscribes the counter to it, and returns all its events (JSON array).
    Result<QByteArray> lookupAndSubscribe(const CounterAuth &counter, const QString &code, const QString &idNumber);

    Result<CenterStatus> status() const;
    Result<void> raiseAlarm(const QString &counterId, const QString &kind, const QString &detail) const;

private:
    explicit CenterStore(CenterDbConfig config);
    Result<QSqlDatabase> openConnection(const QString &name) const;
    // This thread's connection, opened (or reopened) on demand, or why it cannot be.
    Result<QSqlDatabase> threadConnection() const;
    // One writing statement, in turn with write() (see there), without a transaction around it.
    Result<void> writeOne(const QString &statement, const QVariantList &binds) const;
    // This process's turn to write to a SQLite center (held until the lock is destroyed); an empty lock on
    // PostgreSQL.
    std::unique_lock<QMutex> writeTurn() const;
    Result<void> migrate();
    Result<void> refreshDossiers(const QSqlDatabase &db, const QSet<QString> &dossierIds) const;
    struct IngestJob;
    static void prepareJob(IngestJob &job, const CounterAuth &counter, const QList<Event> &events,
                           const QList<QByteArray> &canonical);
    Result<QList<PushOutcome>> finishJob(IngestJob &job) const;
    void writeQueued();  // the writer thread's loop
    void syncQueued();   // the syncer thread's loop
    // Commits of the writer's connection leave the log's sync to the syncer thread, if this store can (SQLite, POSIX).
    bool deferSyncs();
    void markDurable(qint64 seq);
    // Stores a group of queued pushes in one transaction; if that fails, each push alone. Returns the newest seq
    // committed (0 when nothing was).
    qint64 writeIngestBatch(const QList<IngestJob *> &batch) const;
    // `lookUp`: whether the group's event ids, and the dossiers its pushes create, are looked up before the insert.
    // Without it, an event or a dossier stored already fails the insert (its unique index) with a Conflict.
    // `contacted`: the counters whose pushes these are, for their last contact.
    Result<void> ingestInto(const QSqlDatabase &db, const QString &now, qint64 *seq, const QList<IngestJob *> &jobs,
                            bool lookUp, QStringList *contacted) const;

    CenterDbConfig m_config;
    QString m_connectionPrefix;
    mutable QMutex m_connectionsMutex;
    mutable QHash<QString, QThread *> m_connections;  // connection name -> the thread that opened it
    // Group commit of pushes (see ingest()): at most this many events share a transaction.
    static constexpr qsizetype kGroupCommitEvents = 4000;
    QMutex m_ingestMutex;
    QWaitCondition m_ingestDone;
    QWaitCondition m_ingestArrived;  // the writer waits here for queued and announced pushes
    int m_ingestAnnounced = 0;       // pushes announced and not yet queued
    QSemaphore m_readingTurns{std::max(1, QThread::idealThreadCount())};  // see Arrival
    qsizetype m_ingestQueuedEvents = 0;
    std::atomic<qint64> m_groupCommits{0};
    // After a group met an event stored already, this many groups more look their event ids up first: a counter
    // that sends its pushes again (a lost answer, a new epoch) usually sends several.
    static constexpr int kLookUpGroupsAfterConflict = 16;
    mutable std::atomic<int> m_lookUpGroups{0};
    mutable std::atomic<qint64> m_lookUpRetries{0};
    QList<IngestJob *> m_ingestQueue;
    std::unique_ptr<QThread> m_writer;  // writes the queued pushes (started by the first ingest())
    bool m_writerStopping = false;
    // Deferred syncs (see Arrival): groups committed and not yet synced, with the newest seq of each.
    struct CommittedGroup {
        QList<IngestJob *> jobs;
        qint64 seq = 0;
    };
    std::unique_ptr<sql::WalSync> m_walSync;
    std::unique_ptr<QThread> m_syncer;
    QWaitCondition m_syncWanted;
    QList<CommittedGroup> m_syncQueue;
    qsizetype m_syncPending = 0;  // groups committed and not yet answered (queued or being synced)
    bool m_syncerStopping = false;
    std::optional<Error> m_syncFailure;  // once a sync failed, nothing more is stored until a restart
    std::function<Result<void>()> m_beforeSync;
    std::atomic<qint64> m_durableSeq{-1};  // -1: every commit syncs itself
    std::atomic<qint64> m_deferredSyncs{0};
    std::unique_ptr<sql::WalCheckpointer> m_checkpointer;  // SQLite: copies the log into the database
    mutable QMutex m_sqliteWriteMutex;  // the threads of this process that write to a SQLite center, one at a time
};

}  // namespace motcua::sync
