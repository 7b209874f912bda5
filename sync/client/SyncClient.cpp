// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/client/SyncClient.h"

#include "core/Clock.h"
#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierStore.h"
#include "core/store/Store.h"
#include "sync/Log.h"
#include "sync/client/Credentials.h"
#include "sync/client/HttpTransport.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimer>

#include <limits>

namespace motcua::sync {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::SyncClient)
};
}  // namespace

qint64 nextRetryDelayMs(int consecutiveFailures, SyncFailure failure, int retryAfterSeconds, double jitter01,
                        const SyncClientOptions &options)
{
    if (failure == SyncFailure::None)
        return options.intervalMs;
    if (failure == SyncFailure::EpochChanged)
        return 0;  // handled: go on at once
    if (failure == SyncFailure::Unauthorized || failure == SyncFailure::Revoked)
        return options.maxBackoffMs;  // an administrator must act; check back now and then
    const int exponent = std::clamp(consecutiveFailures - 1, 0, 20);
    const double base = std::min<double>(double(options.minBackoffMs) * double(1LL << exponent), options.maxBackoffMs);
    const double jittered = base * (0.5 + std::clamp(jitter01, 0.0, 1.0));
    qint64 delay = std::min<qint64>(qint64(jittered), options.maxBackoffMs);
    delay = std::max<qint64>(delay, qint64(retryAfterSeconds) * 1000);
    return delay;
}

// Lives on the client's thread; owns the transport and the engine.
class SyncWorker final : public QObject {
    Q_OBJECT

public:
    SyncWorker(const Store &store, SyncClientOptions options) : m_store(store), m_options(options) {}

    void begin()
    {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &SyncWorker::round);
        m_status.pending = pending();
        round();
    }

    void end()
    {
        if (m_timer)
            m_timer->stop();
        m_engine.reset();
        m_transport.reset();
    }

    void syncNow()
    {
        if (m_timer)
            m_timer->stop();
        round();
    }

    void lookup(const QString &query)
    {
        if (!prepare()) {
            Q_EMIT lookupFinished(query, false,
                                  m_status.reason.isEmpty()
                                      ? Tr::tr("This counter is not connected to a provincial center.")
                                      : m_status.reason);
            return;
        }
        auto r = m_engine->lookup(query);
        if (r) {
            Q_EMIT dossiersChanged();
            Q_EMIT lookupFinished(query, true,
                                  Tr::tr("%n dossier(s) fetched from the provincial center.", nullptr, *r));
        } else {
            Q_EMIT lookupFinished(query, false, r.error().message);
        }
    }

    void enroll(const QUrl &url, const QString &code, const QByteArray &caPem)
    {
        auto credentials = credentialStoreFor(m_store.path(), m_options.allowPlaintextCredentials);
        HttpTransport transport(url, caPem);
        if (!transport.problem().isEmpty()) {
            Q_EMIT enrollFinished(false, transport.problem());
            return;
        }
        auto enrolled = SyncEngine::enrollAndSave(m_store, transport, *credentials, code, url.toString(), caPem);
        if (!enrolled) {
            Q_EMIT enrollFinished(false, enrolled.error().message);
            return;
        }
        // From now on the rounds use the new identity, credential and pinned CA.
        m_engine.reset();
        m_transport.reset();
        m_failures = 0;
        // The first round brings the unit's officers, so someone can sign in as soon as the window hears back.
        if (m_timer)
            m_timer->stop();
        round();
        Q_EMIT enrollFinished(true,
                              Tr::tr("Enrolled as counter %1 of %2.").arg(enrolled->counterId, enrolled->unitName));
    }

Q_SIGNALS:
    void statusChanged(const motcua::sync::SyncStatus &status);
    void lookupFinished(const QString &query, bool found, const QString &message);
    void enrollFinished(bool ok, const QString &message);
    void dossiersChanged();

private:
    int pending() const
    {
        auto n = DossierStore(m_store).pendingOutbox();
        return n ? *n : 0;
    }

    // Builds the engine from the store's enrollment and the keychain; false (with the status set) when it cannot.
    bool prepare()
    {
        if (m_engine)
            return true;
        auto identity = CounterIdentity::load(m_store);
        if (!identity || identity->standalone || !identity->isSetUp()) {
            m_status.state = SyncStatus::State::Standalone;
            m_status.reason.clear();
            return false;
        }
        auto metaText = [this](const char *key) {
            auto v = m_store.meta(QString::fromLatin1(key));
            return v ? *v : QString();
        };
        const QString url = metaText(syncmeta::kCenterUrl);
        const QString ca = metaText(syncmeta::kCaPem);
        m_status.centerUrl = url;
        auto credentials = credentialStoreFor(m_store.path(), m_options.allowPlaintextCredentials);
        auto secret = credentials->load(identity->counterId);
        if (!secret) {
            m_status.state = SyncStatus::State::Error;
            m_status.reason = secret.error().message;
            return false;
        }
        auto transport = std::make_unique<HttpTransport>(QUrl(url), ca.toLatin1());
        if (!transport->problem().isEmpty()) {
            m_status.state = SyncStatus::State::Error;
            m_status.reason = transport->problem();
            return false;
        }
        m_transport = std::move(transport);
        m_engine = std::make_unique<SyncEngine>(m_store, *m_transport, identity->counterId, *secret, m_options.engine);
        m_engine->setProgressSink([this](const PullProgress &p) {
            m_status.progressDone = p.cursor - p.startCursor;
            m_status.progressTotal = p.highWater - p.startCursor;
            m_status.pulledThisRound = p.pulled;
            Q_EMIT statusChanged(m_status);
        });
        return true;
    }

    void round()
    {
        if (!prepare()) {
            m_status.pending = pending();
            Q_EMIT statusChanged(m_status);
            if (m_status.state == SyncStatus::State::Error)
                schedule(SyncFailure::Unauthorized, 0);  // the keychain may be unlocked later
            return;
        }
        m_status.state = SyncStatus::State::Syncing;
        m_status.pending = pending();
        Q_EMIT statusChanged(m_status);

        m_status.progressDone = m_status.progressTotal = 0;
        m_status.pulledThisRound = 0;
        const RoundResult r = m_engine->runRound();
        m_status.progressDone = m_status.progressTotal = 0;
        m_status.pulledThisRound = 0;
        m_status.pending = pending();
        if (r.ok()) {
            m_failures = 0;
            m_status.state = SyncStatus::State::Online;
            m_status.reason.clear();
            m_status.lastSuccess = Clock::now();
            m_status.quarantined = quarantined();
        } else {
            ++m_failures;
            m_status.state = (r.failure == SyncFailure::Unauthorized || r.failure == SyncFailure::Revoked)
                                 ? SyncStatus::State::Error
                                 : SyncStatus::State::Offline;
            m_status.reason = r.message;
            if (r.failure == SyncFailure::Revoked || r.failure == SyncFailure::Unauthorized)
                m_engine.reset();  // re-read the credential next time (it may have been replaced)
            qCInfo(lcSync) << "Sync round failed:" << r.message;
        }
        if (r.report.pulled > 0 || r.report.requeued > 0)
            Q_EMIT dossiersChanged();
        schedule(r.failure, r.retryAfterSeconds);
        Q_EMIT statusChanged(m_status);
    }

    int quarantined() const
    {
        auto n = DossierStore(m_store).quarantinedOutbox();
        return n ? *n : 0;
    }

    void schedule(SyncFailure failure, int retryAfter)
    {
        const qint64 delay =
            nextRetryDelayMs(m_failures, failure, retryAfter, QRandomGenerator::global()->generateDouble(), m_options);
        m_status.nextAttempt = Clock::now().addMSecs(delay);
        m_timer->start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
    }

    const Store &m_store;
    SyncClientOptions m_options;
    QTimer *m_timer = nullptr;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<SyncEngine> m_engine;
    SyncStatus m_status;
    int m_failures = 0;
};

SyncClient::SyncClient(const Store &store, SyncClientOptions options, QObject *parent) :
    QObject(parent), m_store(store), m_options(options)
{
    qRegisterMetaType<motcua::sync::SyncStatus>();
    m_thread.setObjectName(QStringLiteral("motcua-sync"));
}

SyncClient::~SyncClient()
{
    stop();
}

void SyncClient::start()
{
    if (m_worker)
        return;
    auto *worker = new SyncWorker(m_store, m_options);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    connect(worker, &SyncWorker::statusChanged, this, &SyncClient::statusChanged);
    connect(worker, &SyncWorker::lookupFinished, this, &SyncClient::lookupFinished);
    connect(worker, &SyncWorker::dossiersChanged, this, &SyncClient::dossiersChanged);
    connect(worker, &SyncWorker::enrollFinished, this, &SyncClient::enrollFinished);
    connect(&m_thread, &QThread::started, worker, &SyncWorker::begin);
    m_thread.start();
}

void SyncClient::stop()
{
    if (!m_worker)
        return;
    SyncWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->end(); }, Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;
}

void SyncClient::syncNow()
{
    if (SyncWorker *worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker] { worker->syncNow(); }, Qt::QueuedConnection);
}

void SyncClient::lookup(const QString &codeOrIdNumber)
{
    if (SyncWorker *worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker, codeOrIdNumber] { worker->lookup(codeOrIdNumber); }, Qt::QueuedConnection);
}

void SyncClient::enroll(const QUrl &centerUrl, const QString &code, const QByteArray &caPem)
{
    if (SyncWorker *worker = m_worker) {
        QMetaObject::invokeMethod(
            worker, [worker, centerUrl, code, caPem] { worker->enroll(centerUrl, code, caPem); }, Qt::QueuedConnection);
    } else {
        Q_EMIT enrollFinished(false, Tr::tr("The sync client is not running; start the program again."));
    }
}

}  // namespace motcua::sync

#include "SyncClient.moc"
