// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/client/SyncEngine.h"

#include <algorithm>

#include "core/Clock.h"
#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierStore.h"
#include "core/dossier/Outbox.h"
#include "core/store/AuditLog.h"
#include "core/store/Store.h"
#include "sync/Log.h"
#include "sync/client/Credentials.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>

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

qint64 SyncEngine::metaNumber(const char *key) const
{
    auto v = m_store.meta(QString::fromLatin1(key));
    return v ? v->toLongLong() : 0;
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
    out.report.cursor = metaNumber(syncmeta::kCursor);
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
            // Rejections were judged by the old center; the restored one judges them again.
            auto q = Outbox::requeueForNewEpoch(db, m_counterId);
            if (!q)
                return q.error();
            requeued = *q;
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
        if (auto clear = Outbox::clear(db); !clear)
            return clear;
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
