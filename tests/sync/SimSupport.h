// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An in-process provincial center and counters, joined by a transport that loses, repeats, delays and reorders
// requests and answers on purpose. Everything random comes from one seeded generator, so a failing seed replays.

#include "TestSupport.h"

#include "core/Clock.h"
#include "core/dossier/CounterIdentity.h"
#include "core/dossier/Dossier.h"
#include "core/dossier/DossierService.h"
#include "core/dossier/DossierStore.h"
#include "core/dossier/Uuid7.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "sync/Protocol.h"
#include "sync/center/CenterService.h"
#include "sync/center/CenterStore.h"
#include "sync/client/SyncEngine.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <deque>
#include <map>
#include <memory>
#include <random>
#include <set>

namespace motcua::test {

// A temporary folder in memory when the machine has one: these tests commit thousands of small transactions, and
// what they check is the logic, not the disk's fsync.
class FastTempDir final {
public:
    FastTempDir() :
        m_dir(QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                  ? QStringLiteral("/dev/shm/motcua-test-XXXXXX")
                  : QDir::temp().filePath(QStringLiteral("motcua-test-XXXXXX")))
    {
    }
    [[nodiscard]] QString path() const { return m_dir.path(); }
    [[nodiscard]] QString file(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

struct Faults {
    double dropRequest = 0;  // never reaches the center
    double dropAnswer = 0;   // the center did the work; the answer is lost
    double duplicate = 0;    // delivered twice
    double delay = 0;        // held back and delivered later (out of order); the caller times out
    double rateLimit = 0;    // 429 without reaching the center
};

// The simulated world's clock: every counter reads it with its own skew.
struct SimClock {
    QDateTime now = QDateTime(QDate(2026, 3, 2), QTime(1, 0), QTimeZone::utc());  // 08:00 in Vietnam
};

class SimNetwork {
public:
    SimNetwork(sync::CenterService &center, SimClock &clock, quint64 seed) :
        m_center(center), m_clock(clock), m_rng(seed)
    {
    }

    Faults faults;

    double uniform() { return std::uniform_real_distribution<double>(0, 1)(m_rng); }
    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }
    std::mt19937_64 &rng() { return m_rng; }

    sync::ApiResponse deliver(const sync::ApiRequest &request)
    {
        // The center reads the true time.
        ScopedClockOverride centerTime([t = m_clock.now] { return t; });
        return m_center.handle(request);
    }

    sync::ApiResponse call(const sync::ApiRequest &request, bool online)
    {
        ++calls;
        if (!online)
            return sync::ApiResponse::noAnswer(QStringLiteral("offline"));
        if (uniform() < faults.rateLimit) {
            sync::ApiResponse r = sync::ApiResponse::error(429, sync::errors::kRateLimited, QStringLiteral("busy"));
            r.retryAfterSeconds = 1;
            return r;
        }
        if (uniform() < faults.dropRequest)
            return sync::ApiResponse::noAnswer(QStringLiteral("request lost"));
        if (uniform() < faults.delay) {
            m_delayed.push_back(request);
            return sync::ApiResponse::noAnswer(QStringLiteral("timeout"));
        }
        sync::ApiResponse answer = deliver(request);
        if (uniform() < faults.duplicate)
            answer = deliver(request);
        if (uniform() < faults.dropAnswer)
            return sync::ApiResponse::noAnswer(QStringLiteral("answer lost"));
        return answer;
    }

    // Delivers some held-back requests now, in random order; their answers go nowhere.
    void deliverSomeDelayed(bool all = false)
    {
        while (!m_delayed.empty() && (all || uniform() < 0.5)) {
            const size_t i = size_t(below(int(m_delayed.size())));
            const sync::ApiRequest r = m_delayed[i];
            m_delayed.erase(m_delayed.begin() + qsizetype(i));
            deliver(r);
        }
    }

    int calls = 0;

private:
    sync::CenterService &m_center;
    SimClock &m_clock;
    std::mt19937_64 m_rng;
    std::deque<sync::ApiRequest> m_delayed;
};

// One counter's transport: its online flag in front of the shared network.
class SimTransport final : public sync::Transport {
public:
    SimTransport(SimNetwork &network) : m_network(network) {}
    sync::ApiResponse call(const sync::ApiRequest &request) override { return m_network.call(request, online); }
    bool online = true;

private:
    SimNetwork &m_network;
};

struct SimCounter {
    QString counterId;
    QString unitId;
    qint64 skewMs = 0;
    std::unique_ptr<Store> store;
    std::unique_ptr<SimTransport> transport;
    std::unique_ptr<sync::SyncEngine> engine;
    CounterIdentity identity;
    qint64 lastCursor = 0;
};

inline std::unique_ptr<Store> openSimStore(const QString &path)
{
    auto r = Store::open(path);
    if (!r)
        FAIL("Store::open: " << r.error().message.toStdString());
    return std::move(r.value());
}

inline ReceiveRequest simReceiveRequest(const QDateTime &at, int n)
{
    ReceiveRequest r;
    r.procedureCode = QStringLiteral("1.001193");
    r.procedureName = QStringLiteral("Đăng ký khai sinh");
    r.catalogVersion = 1;
    r.processing = {ProcessingKind::WorkingDays, 3};
    r.applicant = {{QStringLiteral("id_number"), QStringLiteral("0220950%1").arg(n % 100000, 5, 10, QLatin1Char('0'))},
                   {QStringLiteral("full_name"), QStringLiteral("Nguyễn Văn %1").arg(n)},
                   {QStringLiteral("birth_date"), QStringLiteral("1995-03-14")},
                   {QStringLiteral("gender"), QStringLiteral("Nam")},
                   {QStringLiteral("address"), QStringLiteral("Tổ 5, khu 3, phường Hồng Gai, Quảng Ninh")}};
    r.documents = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Tờ khai")},
                                         {QStringLiteral("originals"), 1},
                                         {QStringLiteral("certified_copies"), 0},
                                         {QStringLiteral("copies"), 0}}};
    r.receivedAt = at;
    return r;
}

// The event ids a store holds, with their canonical bytes.
inline std::map<QString, QByteArray> storeEvents(const Store &store)
{
    std::map<QString, QByteArray> out;
    QSqlQuery q(store.connection());
    q.exec(QStringLiteral("SELECT DISTINCT dossier_id FROM events"));
    QStringList dossiers;
    while (q.next())
        dossiers << q.value(0).toString();
    for (const QString &d : std::as_const(dossiers)) {
        auto events = DossierStore::eventsOf(store.connection(), d);
        REQUIRE(events.ok());
        for (const Event &e : std::as_const(*events))
            out[e.eventId] = e.canonicalBytes();
    }
    return out;
}

}  // namespace motcua::test
