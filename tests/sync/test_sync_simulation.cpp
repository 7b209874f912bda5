// SPDX-License-Identifier: GPL-3.0-or-later
// Deterministic simulation: one center, eight or more counters in three units, a network that loses, repeats,
// delays and reorders, counters that go offline, clocks that are off by hours. After healing, every replica must
// hold the same events and show the same dossiers, with nothing lost and nothing doubled.

#include "SimSupport.h"

#include <catch2/catch.hpp>

#include <QFileInfo>
#include <QTemporaryDir>

using namespace motcua;
using namespace motcua::test;

namespace {

struct World {
    explicit World(quint64 seed)
    {
        seedUuid7ForTests(seed);
        sync::CenterDbConfig config;
        config.path = dir.file(QStringLiteral("center.sqlite"));
        auto opened = sync::CenterStore::open(config);
        REQUIRE(opened.ok());
        center = std::move(opened.value());
        service = std::make_unique<sync::CenterService>(*center, sync::ServiceOptions{});
        network = std::make_unique<SimNetwork>(*service, clock, seed);
    }
    ~World() { seedUuid7ForTests(0); }
    Q_DISABLE_COPY_MOVE(World)

    void addCounters(int count)
    {
        const QStringList units = {QStringLiteral("H49.01"), QStringLiteral("H49.02"), QStringLiteral("H49.03")};
        for (int u = 0; u < units.size(); ++u) {
            REQUIRE(center
                        ->addUnit({units[u], QStringLiteral("Đơn vị %1").arg(u + 1),
                                   QStringLiteral("000.00.%1.H49").arg(u + 1, 2, 10, QLatin1Char('0')), 20})
                        .ok());
        }
        for (int i = 0; i < count; ++i) {
            auto c = std::make_unique<SimCounter>();
            c->unitId = units[i % units.size()];
            auto added = center->addCounter(c->unitId, QStringLiteral("Quầy %1").arg(i + 1), 72);
            REQUIRE(added.ok());
            c->store = openSimStore(dir.file(QStringLiteral("counter-%1.sqlite").arg(i)));
            c->transport = std::make_unique<SimTransport>(*network);
            // Enrollment happens on a good day.
            const Faults saved = network->faults;
            network->faults = {};
            auto enrolled = sync::SyncEngine::enroll(*c->transport, added->enrollmentCode);
            network->faults = saved;
            REQUIRE(enrolled.ok());
            REQUIRE(sync::SyncEngine::saveEnrollment(*c->store, *enrolled, QStringLiteral("sim://center")).ok());
            c->counterId = enrolled->counterId;
            auto identity = CounterIdentity::load(*c->store);
            REQUIRE(identity.ok());
            c->identity = *identity;
            sync::EngineOptions options;
            options.pushBatch = 1 + network->below(7);  // small batches: more requests, more faults
            options.pullPage = 1 + network->below(9);
            c->engine =
                std::make_unique<sync::SyncEngine>(*c->store, *c->transport, c->counterId, enrolled->secret, options);
            // Skewed clocks: most a few minutes off, some hours, one a day ahead.
            const int kind = network->below(10);
            c->skewMs = kind < 6 ? (network->below(600) - 300) * 1000LL
                                 : (kind < 9 ? (network->below(8) - 4) * 3600 * 1000LL : 24 * 3600 * 1000LL);
            counters.push_back(std::move(c));
        }
    }

    // Runs `work` with the counter's own (skewed) clock.
    template <typename F> auto asCounter(SimCounter &c, F work)
    {
        ScopedClockOverride skewed([t = clock.now.addMSecs(c.skewMs)] { return t; });
        return work();
    }

    sync::RoundResult round(SimCounter &c)
    {
        auto r = asCounter(c, [&] { return c.engine->runRound(); });
        const qint64 cursor = c.store->meta(QString::fromLatin1(sync::syncmeta::kCursor))->toLongLong();
        INFO("counter " << c.counterId.toStdString());
        CHECK(cursor >= c.lastCursor);  // cursors only move forward (no epoch change in this world)
        c.lastCursor = cursor;
        return r;
    }

    FastTempDir dir;
    SimClock clock;
    std::unique_ptr<sync::CenterStore> center;
    std::unique_ptr<sync::CenterService> service;
    std::unique_ptr<SimNetwork> network;
    std::vector<std::unique_ptr<SimCounter>> counters;
    int received = 0;
};

QStringList localCodes(const Store &store)
{
    QSqlQuery q(store.connection());
    q.exec(QStringLiteral("SELECT code FROM dossiers ORDER BY code"));
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

// One random step of the world.
void step(World &w)
{
    SimNetwork &net = *w.network;
    w.clock.now = w.clock.now.addSecs(1 + net.below(90));
    SimCounter &c = *w.counters[size_t(net.below(int(w.counters.size())))];
    const int action = net.below(100);
    if (action < 30) {
        DossierService service(*c.store, c.identity, QStringLiteral("canbo%1").arg(c.identity.slot));
        const int n = ++w.received;
        auto r = w.asCounter(c, [&] { return service.receive(simReceiveRequest(Clock::now(), n)); });
        REQUIRE(r.ok());
    } else if (action < 55) {
        const QStringList codes = localCodes(*c.store);
        if (codes.isEmpty())
            return;
        const QString code = codes[net.below(int(codes.size()))];
        DossierService service(*c.store, c.identity, QStringLiteral("canbo%1").arg(c.identity.slot));
        // Lifecycle steps where legal, notes and fees always: an illegal step is refused before writing.
        static const std::vector<std::pair<EventType, QJsonObject>> steps = {
            {EventType::Note, {{QStringLiteral("text"), QStringLiteral("Công dân gọi điện hỏi")}}},
            {EventType::Fee,
             {{QStringLiteral("amount_vnd"), 8000}, {QStringLiteral("note"), QStringLiteral("lệ phí")}}},
            {EventType::ProcessingStep, {{QStringLiteral("step"), QStringLiteral("appraise")}}},
            {EventType::ResultReady, {}},
            {EventType::Returned,
             {{QStringLiteral("receiver"), QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Trần Thị Lan")},
                                                       {QStringLiteral("id_number"), QStringLiteral("022195001234")},
                                                       {QStringLiteral("relation"), QStringLiteral("self")}}},
              {QStringLiteral("identity_checked"), true}}},
        };
        const auto &[type, payload] = steps[size_t(net.below(int(steps.size())))];
        auto r = w.asCounter(c, [&] { return service.record(code, type, payload); });
        if (!r)
            CHECK(r.error().code == ErrorCode::InvalidInput);
    } else if (action < 80) {
        w.round(c);
    } else if (action < 88) {
        c.transport->online = !c.transport->online;
    } else if (action < 94) {
        // A citizen comes to this counter for a dossier of another unit: look it up, then hand the result over.
        QSqlQuery q(w.center->connection());
        q.exec(QStringLiteral("SELECT code FROM dossiers WHERE unit_id <> '%1' AND code <> '' ORDER BY code")
                   .arg(c.unitId));
        QStringList codes;
        while (q.next())
            codes << q.value(0).toString();
        if (codes.isEmpty())
            return;
        const QString code = codes[net.below(int(codes.size()))];
        auto found = w.asCounter(c, [&] { return c.engine->lookup(code); });
        if (found) {
            DossierService service(*c.store, c.identity, QStringLiteral("canbo%1").arg(c.identity.slot));
            auto r = w.asCounter(c, [&] {
                return service.record(code, EventType::Note, {{QStringLiteral("text"), QStringLiteral("Tra cứu")}});
            });
            CHECK(r.ok());
        }
    } else {
        net.deliverSomeDelayed();
    }
}

void heal(World &w)
{
    w.network->faults = {};
    w.network->deliverSomeDelayed(true);
    for (auto &c : w.counters)
        c->transport->online = true;
    // Push everything, then pull everything, twice (a pull can bring nothing new to push, but be sure).
    for (int pass = 0; pass < 3; ++pass) {
        for (auto &c : w.counters) {
            const sync::RoundResult r = w.round(*c);
            INFO("counter " << c->counterId.toStdString() << ": " << r.message.toStdString());
            REQUIRE(r.ok());
        }
    }
}

void checkConverged(World &w)
{
    // The center: one row per event id, and its dossier view is the fold of its events.
    QSqlQuery q(w.center->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT event_id) FROM events")));
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() == q.value(1).toLongLong());
    std::map<QString, QByteArray> centerEvents;
    std::map<QString, QString> eventUnit;
    std::map<QString, QString> dossierUnit;
    REQUIRE(q.exec(QStringLiteral("SELECT event_id, body, unit_id, dossier_id FROM events")));
    while (q.next()) {
        auto e = Event::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
        REQUIRE(e.ok());
        centerEvents[q.value(0).toString()] = e->canonicalBytes();
        eventUnit[q.value(0).toString()] = q.value(2).toString();
        dossierUnit[q.value(3).toString()] = q.value(2).toString();
    }

    std::map<QString, std::map<QString, QString>> viewsByUnit;  // unit -> dossier -> view row
    for (auto &c : w.counters) {
        INFO("counter " << c->counterId.toStdString());
        DossierStore dossiers(*c->store);
        CHECK(*dossiers.pendingOutbox() == 0);
        QSqlQuery quarantined(c->store->connection());
        REQUIRE(quarantined.exec(QStringLiteral("SELECT count(*) FROM outbox")));
        REQUIRE(quarantined.next());
        CHECK(quarantined.value(0).toInt() == 0);

        const auto local = storeEvents(*c->store);
        for (const auto &[id, bytes] : local) {
            // Every event a counter holds is at the center, with the same content.
            auto it = centerEvents.find(id);
            REQUIRE(it != centerEvents.end());
            CHECK(it->second == bytes);
        }
        // Every event of the counter's unit is at the counter.
        for (const auto &[id, unit] : eventUnit) {
            if (unit == c->unitId)
                CHECK(local.count(id) == 1);
        }
        // Views: the same fold everywhere; the counters of a unit agree row for row on the unit's dossiers.
        QSqlQuery v(c->store->connection());
        REQUIRE(v.exec(QStringLiteral("SELECT dossier_id, code, status, due_at, conflict, event_count, last_hlc "
                                      "FROM dossiers")));
        while (v.next()) {
            const QString dossier = v.value(0).toString();
            const QString row = QStringList{v.value(1).toString(), v.value(2).toString(), v.value(3).toString(),
                                            v.value(4).toString(), v.value(5).toString(), v.value(6).toString()}
                                    .join(QLatin1Char('|'));
            if (dossierUnit[dossier] != c->unitId)
                continue;
            auto &unitViews = viewsByUnit[c->unitId];
            auto [it, fresh] = unitViews.emplace(dossier, row);
            if (!fresh)
                CHECK(it->second.toStdString() == row.toStdString());
        }
    }
    // A rebuilt view equals the incrementally maintained one.
    for (auto &c : w.counters) {
        QSqlQuery before(c->store->connection());
        REQUIRE(before.exec(QStringLiteral("SELECT group_concat(dossier_id || status || conflict || event_count, ',') "
                                           "FROM (SELECT * FROM dossiers ORDER BY dossier_id)")));
        REQUIRE(before.next());
        const QString was = before.value(0).toString();
        before.finish();
        REQUIRE(DossierStore(*c->store).rebuildViews().ok());
        QSqlQuery after(c->store->connection());
        REQUIRE(after.exec(QStringLiteral("SELECT group_concat(dossier_id || status || conflict || event_count, ',') "
                                          "FROM (SELECT * FROM dossiers ORDER BY dossier_id)")));
        REQUIRE(after.next());
        CHECK(after.value(0).toString().toStdString() == was.toStdString());
    }
}

void runSeed(quint64 seed)
{
    INFO("seed " << seed << " failed; replay it alone with MOTCUA_SIM_SEED=" << seed);
    World w(seed);
    w.network->faults = {0.08, 0.08, 0.05, 0.05, 0.03};
    w.addCounters(8 + int(seed % 3));
    const int steps = 70 + w.network->below(50);
    for (int i = 0; i < steps; ++i)
        step(w);
    heal(w);
    checkConverged(w);
    CHECK(w.received > 0);
}

void runSeeds(quint64 first, quint64 count)
{
    if (const QByteArray only = qgetenv("MOTCUA_SIM_SEED"); !only.isEmpty()) {
        if (only.toULongLong() >= first && only.toULongLong() < first + count)
            runSeed(only.toULongLong());
        else
            SUCCEED("another test case replays that seed");
        return;
    }
    for (quint64 seed = first; seed < first + count; ++seed)
        runSeed(seed);
}

}  // namespace

// 200 seeds in four parts, so that ctest can run them side by side. MOTCUA_SIM_SEED=n replays one seed.
TEST_CASE("Simulated province converges, seeds 1-50", "[simulation]")
{
    runSeeds(1, 50);
}

TEST_CASE("Simulated province converges, seeds 51-100", "[simulation]")
{
    runSeeds(51, 50);
}

TEST_CASE("Simulated province converges, seeds 101-150", "[simulation]")
{
    runSeeds(101, 50);
}

TEST_CASE("Simulated province converges, seeds 151-200", "[simulation]")
{
    runSeeds(151, 50);
}
