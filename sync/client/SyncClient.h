// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/SyncStatus.h"
#include "sync/client/SyncEngine.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>

namespace motcua {
class Store;
}

namespace motcua::sync {

class SyncWorker;

struct SyncClientOptions {
    int intervalMs = 30 * 1000;        // between successful rounds
    int minBackoffMs = 2 * 1000;       // first retry after a failure
    int maxBackoffMs = 5 * 60 * 1000;  // retries never wait longer than this
    bool allowPlaintextCredentials = false;
    EngineOptions engine;
};

// The wait before the next attempt: exponential in the failures since the last success, jittered by `jitter01`
// (0…1, drawn by the caller) over ±50 %, never less than Retry-After, capped. Re-armed after every failure.
qint64 nextRetryDelayMs(int consecutiveFailures, SyncFailure failure, int retryAfterSeconds, double jitter01,
                        const SyncClientOptions &options);

// The counter's sync client: runs rounds on its own thread with its own store connection, retries with jittered
// exponential backoff, honours 429 + Retry-After, and reports its state by signal. The window talks to it only
// through signals and slots (queued across the thread).
class SyncClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncClient)

public:
    SyncClient(const Store &store, SyncClientOptions options, QObject *parent = nullptr);
    ~SyncClient() override;

    void start();
    void stop();

public Q_SLOTS:
    void syncNow();
    // Fetches a dossier of another unit (by code or ID number) and subscribes to it; answers with lookupFinished.
    void lookup(const QString &codeOrIdNumber);
    // Enrolls this counter with a provincial center (the one-time code an admin gave; `caPem` pins the province
    // CA for this first call, empty to trust the system's CAs), keeps the credential and starts syncing. Runs on
    // the client's thread, so the window stays responsive; answers with enrollFinished.
    void enroll(const QUrl &centerUrl, const QString &code, const QByteArray &caPem);

Q_SIGNALS:
    void statusChanged(const motcua::sync::SyncStatus &status);
    void lookupFinished(const QString &query, bool found, const QString &message);
    void enrollFinished(bool ok, const QString &message);
    // Events of other counters were stored here: lists and open dossiers should refresh.
    void dossiersChanged();

private:
    const Store &m_store;
    SyncClientOptions m_options;
    QThread m_thread;
    QPointer<SyncWorker> m_worker;
};

}  // namespace motcua::sync
