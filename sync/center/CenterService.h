// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Protocol.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <optional>

namespace motcua {
struct Event;
}

namespace motcua::sync {

class CenterStore;
struct CounterAuth;

struct ServiceOptions {
    // Requests handled at once before the center answers 429 with Retry-After (load shedding, so hundreds of
    // counters reconnecting after an outage do not pile up behind the database).
    int maxInFlight = 64;
    int retryAfterSeconds = 2;
    // Handed to counters at enrollment: the province CA they pin (PEM), and the URL they should use.
    QByteArray caPem;
    QString publicUrl;
};

// The center's protocol endpoints (docs/sync-protocol.md), independent of what carries the request: the HTTPS
// server adapts QHttpServerRequest to ApiRequest, and the simulation tests call handle() directly.
// Thread-safe: each calling thread uses its own database connection.
class CenterService final {
public:
    CenterService(CenterStore &store, ServiceOptions options);

    // A transport that queues requests for worker threads (the HTTPS server) admits each one as it arrives, so
    // that waiting requests count as in flight too: false means the center is too busy, and the request gets
    // busy() at once. An admitted request is handled with Admission::Admitted, which releases it.
    // max_in_flight counts counters rather than requests: a counter's further pipelined pushes (up to Transport::
    // kMaxInFlight) ride on its first, the k-th while fewer than max_in_flight / k are in flight, so a process holds
    // at most about twice max_in_flight requests (1 + 1/2 + 1/3 + 1/4 of it).
    enum class Admission { Now, Admitted };
    [[nodiscard]] bool tryAdmit(const ApiRequest &request);
    ApiResponse busy(const ApiRequest &request);

    ApiResponse handle(const ApiRequest &request, Admission admission = Admission::Now);

    [[nodiscard]] int inFlight() const { return m_inFlight.load(); }

private:
    ApiResponse route(const ApiRequest &request, QString *counterForLog, int *itemsForLog);
    ApiResponse authenticated(const ApiRequest &request, CounterAuth *auth);
    ApiResponse health();
    ApiResponse enroll(const ApiRequest &request);
    ApiResponse hello(const CounterAuth &auth);
    ApiResponse push(const ApiRequest &request, const CounterAuth &auth, int *items);
    // Reads a push body of any spelling with QJsonDocument; an answer when it is wrong.
    static std::optional<ApiResponse> parsePush(const ApiRequest &request, const CounterAuth &auth,
                                                QList<Event> *events, QList<QByteArray> *canonical);
    ApiResponse feed(const ApiRequest &request, const CounterAuth &auth, int *items);
    ApiResponse catalog(const ApiRequest &request, bool calendar);
    ApiResponse officers(const ApiRequest &request, const CounterAuth &auth);
    ApiResponse lookup(const ApiRequest &request, const CounterAuth &auth);
    ApiResponse storeFailure(const QString &what, const QString &detail);
    ApiResponse busyResponse() const;
    void log(const ApiRequest &request, const ApiResponse &response, const QString &counter, int items,
             qint64 ms) const;

    void release(const ApiRequest &request);

    CenterStore &m_store;
    ServiceOptions m_options;
    std::atomic<int> m_inFlight{0};  // what max_in_flight limits (see tryAdmit())
    QMutex m_admitMutex;
    QHash<QByteArray, int> m_admitted;  // requests in flight per credential's counter id (not verified yet)
};

}  // namespace motcua::sync
