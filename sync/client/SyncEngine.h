// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/Protocol.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <utility>

namespace motcua {
class Store;
struct CounterIdentity;
struct Event;
}  // namespace motcua

namespace motcua::sync {

class CredentialStore;

// Keys of the counter's sync state in the store's meta table.
namespace syncmeta {
inline constexpr char kCenterUrl[] = "sync.center_url";
inline constexpr char kCaPem[] = "sync.ca_pem";
inline constexpr char kEpoch[] = "sync.epoch";
inline constexpr char kCursor[] = "sync.cursor";
inline constexpr char kCatalogVersion[] = "sync.catalog_version";
inline constexpr char kCalendarVersion[] = "sync.calendar_version";
inline constexpr char kOfficersVersion[] = "sync.officers_version";
inline constexpr char kClockOffsetMs[] = "sync.clock_offset_ms";
inline constexpr char kLastSuccess[] = "sync.last_success";
inline constexpr char kUnitId[] = "sync.unit_id";
}  // namespace syncmeta

struct EngineOptions {
    int pushBatch = kDefaultPushBatch;
    int pullPage = kDefaultPullPage;
    int maxBatchesPerRound = 1000;  // bounds one round's work; the next round goes on
    // Pushes on their way at once (at most Transport::kMaxInFlight): the center reads and checks some batches
    // while it stores others, and this counter reads its outbox and settles answers meanwhile.
    int pushesInFlight = Transport::kMaxInFlight;
};

// Why a round stopped early. The client's retry policy keys off this.
enum class SyncFailure {
    None,
    Network,       // no answer: offline, timeout, TLS failure
    RateLimited,   // 429: wait Retry-After
    Server,        // 5xx: retry with backoff
    Unauthorized,  // 401: the credential is wrong or unknown; needs an administrator
    Revoked,       // 403 revoked: this counter was revoked
    Protocol,      // 4xx or an answer we cannot read: a bug on one side; retry with backoff, and report
    Store,         // the local store failed (disk full, busy): retry
    EpochChanged,  // the center was restored: handled, run another round at once
};

struct RoundReport {
    int pushed = 0;      // accepted by the center
    int duplicates = 0;  // the center had them already (a retry after a lost answer)
    int rejected = 0;    // quarantined
    int pulled = 0;      // events of other counters applied here
    int requeued = 0;    // own events queued again after an epoch change
    bool catalogUpdated = false;
    bool calendarUpdated = false;
    int officersUpdated = 0;
    qint64 cursor = 0;
    int pending = 0;
};

struct RoundResult {
    SyncFailure failure = SyncFailure::None;
    QString message;  // translated, for the officer
    int retryAfterSeconds = 0;
    RoundReport report;
    [[nodiscard]] bool ok() const { return failure == SyncFailure::None; }
};

struct EnrollResult {
    QString counterId;
    QString secret;
    QString unitId;
    QString unitName;
    QString agencyId;
    int slot = 0;
    int slots = 0;
    QString epoch;
    QByteArray caPem;
    QString centerUrl;
};

// Applies officers received from the center to the local store (inside the caller's transaction). By default
// SyncEngine::storeOfficer (core's OfficerStore::upsert); tests may replace it.
using OfficerSink = std::function<Result<void>(const QSqlDatabase &db, const QJsonObject &officer)>;

// How far a round's pull has come: the center's sequence numbers run from startCursor to highWater (all units'
// events share them), and `cursor` is where this counter is. A counter bootstrapping its unit sees it grow page by
// page.
struct PullProgress {
    qint64 startCursor = 0;
    qint64 cursor = 0;
    qint64 highWater = 0;
    int pulled = 0;  // events stored by this round so far
};
using ProgressSink = std::function<void(const PullProgress &progress)>;

// One counter's side of the protocol, synchronous, over any Transport: the HTTPS client runs it on its worker
// thread, the simulation runs it in-process. Every step keeps the store consistent if it is interrupted anywhere:
// the outbox is cleared only after the center's answer, and a pulled page is applied together with its cursor.
class SyncEngine final {
public:
    SyncEngine(const Store &store, Transport &transport, QString counterId, QString secret, EngineOptions options = {});

    void setOfficerSink(OfficerSink sink) { m_officerSink = std::move(sink); }
    // The default officer sink: the center's officer entry into the counter's officers table, for offline login.
    static Result<void> storeOfficer(const QSqlDatabase &db, const QJsonObject &officer);
    // Called after every pulled page is stored (on the engine's thread).
    void setProgressSink(ProgressSink sink) { m_progressSink = std::move(sink); }

    RoundResult runRound();
    // Fetches a dossier of another unit by code or ID number, subscribes to it, and stores its events here.
    // Returns how many dossiers were fetched; NotFound when the center has none.
    // `query` is a dossier code, or a 9- or 12-digit ID number (all digits).
    Result<int> lookup(const QString &query, RoundResult *failure = nullptr);

    // Trades a one-time enrollment code for this counter's identity and credential (nothing is stored).
    static Result<EnrollResult> enroll(Transport &transport, const QString &code);
    // Records an enrollment in the store: identity (not standalone), center URL, CA, epoch, cursor 0.
    static Result<void> saveEnrollment(const Store &store, const EnrollResult &enrollment, const QString &centerUrl);
    // The whole enrollment of a counter: checks that `credentials` can keep a secret before spending the one-time
    // code, enrolls, keeps the secret, then records the enrollment. `caPem` (given out of band) is pinned when the
    // center hands out none.
    static Result<EnrollResult> enrollAndSave(const Store &store, Transport &transport, CredentialStore &credentials,
                                              const QString &code, const QString &centerUrl, const QByteArray &caPem);
    // Points an enrolled counter at its center's new address, or pins the province's new CA, keeping the counter's
    // identity, credential and data (re-enrolling would make it a new counter, with a new dossier-code slot).
    // `transport` is made with the new address and CA; nothing is saved unless the center reached through it
    // recognises this counter's credential. InvalidInput when it does not (another province's center, a revoked
    // counter); Io when it cannot be reached or TLS fails against the CA.
    static Result<void> moveCenter(const Store &store, Transport &transport, const QString &counterId,
                                   const QString &secret, const QString &centerUrl, const QByteArray &caPem);
    // A translated sentence for a failed answer.
    static QString describe(const ApiResponse &response);

private:
    RoundResult fail(SyncFailure failure, const QString &message, int retryAfter = 0) const;
    RoundResult failFrom(const ApiResponse &response) const;
    ApiRequest request(const char *method, const QString &endpoint) const;
    qint64 metaNumber(const char *key) const;
    bool hello(RoundResult *out, QString *epoch, int *catalogVersion, int *calendarVersion);
    bool adoptEpoch(const QString &epoch, RoundResult *out);
    // The push side (SyncEnginePush.cpp).
    bool pushAll(const QString &epoch, RoundResult *out);
    struct PushBatch;
    class PushPipeline;
    bool preparePush(const QString &epoch, qint64 afterOutboxSeq, PushBatch *batch, RoundResult *out);
    bool settlePush(const QJsonObject &answer, const PushBatch &batch, RoundResult *out);
    // The pull side (SyncEnginePull.cpp).
    bool pullAll(const QString &epoch, RoundResult *out);
    bool finishFeed(const QString &restoredAt, RoundResult *out);
    bool applyEvents(const QJsonArray &events, const QString &cursorKey, qint64 cursor, int *applied, RoundResult *out);
    Result<int> storePage(const QSqlDatabase &db, const QList<std::pair<qint64, Event>> &page, const QString &cursorKey,
                          qint64 cursor) const;
    bool updateDocuments(int catalogVersion, int calendarVersion, RoundResult *out);
    bool updateOfficers(RoundResult *out);

    const Store &m_store;
    Transport &m_transport;
    QString m_counterId;
    QString m_secret;
    EngineOptions m_options;
    OfficerSink m_officerSink;
    ProgressSink m_progressSink;
};

}  // namespace motcua::sync
