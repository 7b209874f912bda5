// SPDX-License-Identifier: GPL-3.0-or-later
// Recovery: a sync round that fails at any SQL statement (counter or center side) converges on the next round; a
// center restored from an older backup announces a new epoch and the counters send everything again.

#include "SimSupport.h"

#include "core/catalog/CatalogStore.h"
#include "core/officer/OfficerStore.h"
#include "core/officer/PasswordHash.h"
#include "core/store/Backups.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSet>
#include <QSqlQuery>

#include <deque>
#include <functional>
#include <utility>
#include <vector>

using namespace motcua;
using namespace motcua::test;

namespace {

// A center and two counters of one unit, joined without faults.
struct SmallWorld {
    SmallWorld()
    {
        open();
        REQUIRE(center
                    ->addUnit({QStringLiteral("H49.01"), QStringLiteral("Phường Hồng Gai"),
                               QStringLiteral("000.00.01.H49"), 20})
                    .ok());
        for (int i = 0; i < 2; ++i) {
            auto c = std::make_unique<SimCounter>();
            c->unitId = QStringLiteral("H49.01");
            auto added = center->addCounter(c->unitId, QString(), 72);
            REQUIRE(added.ok());
            c->store = openSimStore(dir.file(QStringLiteral("counter-%1.sqlite").arg(i)));
            c->transport = std::make_unique<SimTransport>(*network);
            auto enrolled = sync::SyncEngine::enroll(*c->transport, added->enrollmentCode);
            REQUIRE(enrolled.ok());
            REQUIRE(sync::SyncEngine::saveEnrollment(*c->store, *enrolled, QStringLiteral("sim://center")).ok());
            c->counterId = enrolled->counterId;
            secrets.append(enrolled->secret);
            c->identity = *CounterIdentity::load(*c->store);
            sync::EngineOptions options;
            options.pushBatch = 2;
            options.pullPage = 3;
            c->engine =
                std::make_unique<sync::SyncEngine>(*c->store, *c->transport, c->counterId, enrolled->secret, options);
            counters.push_back(std::move(c));
        }
    }

    void open()
    {
        sync::CenterDbConfig config;
        config.path = dir.file(QStringLiteral("center.sqlite"));
        auto opened = sync::CenterStore::open(config);
        REQUIRE(opened.ok());
        center = std::move(opened.value());
        service = std::make_unique<sync::CenterService>(*center, sync::ServiceOptions{});
        network = std::make_unique<SimNetwork>(*service, clock, 1);
        for (auto &c : counters)
            c->transport = std::make_unique<SimTransport>(*network);
        for (size_t i = 0; i < counters.size(); ++i) {
            auto &c = counters[i];
            c->engine =
                std::make_unique<sync::SyncEngine>(*c->store, *c->transport, c->counterId, secrets[qsizetype(i)]);
        }
    }

    void receive(SimCounter &c, int n)
    {
        DossierService service(*c.store, c.identity, QStringLiteral("lan"));
        for (int i = 0; i < n; ++i) {
            clock.now = clock.now.addSecs(60);
            ScopedClockOverride at([t = clock.now] { return t; });
            REQUIRE(service.receive(simReceiveRequest(clock.now, ++received)).ok());
        }
    }

    sync::RoundResult round(SimCounter &c)
    {
        ScopedClockOverride at([t = clock.now] { return t; });
        return c.engine->runRound();
    }

    qint64 centerEvents()
    {
        auto s = center->status();
        REQUIRE(s.ok());
        return s->events;
    }

    // A backup of the center's database as it is now (the nightly copy).
    QString backUpCenter()
    {
        const QString backup = dir.file(QStringLiteral("center-backup.sqlite"));
        QSqlQuery q(center->connection());
        REQUIRE(q.exec(QStringLiteral("VACUUM INTO '%1'").arg(backup)));
        return backup;
    }

    // The center's disk dies; the administrator puts `backup` in its place and starts the center on it (without a
    // new epoch yet).
    void restoreCenter(const QString &backup)
    {
        network.reset();
        service.reset();
        center.reset();
        const QString live = dir.file(QStringLiteral("center.sqlite"));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(live + suffix);
        REQUIRE(QFile::copy(backup, live));
        open();
    }

    FastTempDir dir;
    SimClock clock;
    std::unique_ptr<sync::CenterStore> center;
    std::unique_ptr<sync::CenterService> service;
    std::unique_ptr<SimNetwork> network;
    std::vector<std::unique_ptr<SimCounter>> counters;
    QStringList secrets;
    int received = 0;
};

int localEvents(const Store &store)
{
    QSqlQuery q(store.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT event_id) FROM events")));
    REQUIRE(q.next());
    REQUIRE(q.value(0).toInt() == q.value(1).toInt());
    return q.value(0).toInt();
}

// Makes each request the moment start() is called, as the real transport hands it to the center at once, and keeps
// the answer for finish(). What the counter's outbox and the center hold at each start() shows how pushes overlap.
class EagerTransport final : public sync::Transport {
public:
    EagerTransport(sync::Transport &inner, std::function<void()> onStart) :
        m_inner(inner), m_onStart(std::move(onStart))
    {
    }
    sync::ApiResponse call(const sync::ApiRequest &request) override { return m_inner.call(request); }
    void start(const sync::ApiRequest &request) override
    {
        m_onStart();
        ++m_started;
        m_inFlightAtStart.push_back(int(m_answers.size()) + 1);
        if (m_started == refuseStarted || refuse.contains(m_started)) {
            // Refused at the door: the center never reads it.
            sync::ApiResponse busy;
            busy.status = 429;
            busy.body = R"({"error":"rate_limited","message":"busy"})";
            busy.retryAfterSeconds = 1;
            m_answers.push_back(busy);
            m_mostInFlight = std::max(m_mostInFlight, int(m_answers.size()));
            return;
        }
        m_answers.push_back(m_inner.call(request));
        if (m_started == loseAnswerOf)
            m_answers.back() = sync::ApiResponse::noAnswer(QStringLiteral("the answer was lost"));
        m_mostInFlight = std::max(m_mostInFlight, int(m_answers.size()));
    }
    sync::ApiResponse finish() override
    {
        REQUIRE_FALSE(m_answers.empty());
        sync::ApiResponse answer = m_answers.front();
        m_answers.pop_front();
        return answer;
    }
    [[nodiscard]] int mostInFlight() const { return m_mostInFlight; }
    [[nodiscard]] int started() const { return m_started; }
    [[nodiscard]] bool idle() const { return m_answers.empty(); }
    // How many requests were on their way as each one started (itself included), in order.
    [[nodiscard]] const std::vector<int> &inFlightAtStart() const { return m_inFlightAtStart; }
    int loseAnswerOf = 0;   // the n-th started request's answer never arrives (the center has stored it)
    int refuseStarted = 0;  // the n-th started request is answered 429 without reaching the center
    QSet<int> refuse;       // as refuseStarted, for several

private:
    sync::Transport &m_inner;
    std::function<void()> m_onStart;
    std::deque<sync::ApiResponse> m_answers;  // of the requests started and not finished, oldest first
    std::vector<int> m_inFlightAtStart;
    int m_started = 0;
    int m_mostInFlight = 0;
};

}  // namespace

TEST_CASE("Pushes overlap: the next batch is at the center before the counter settles the previous one", "[sync][push]")
{
    const int depth = GENERATE(1, 2);
    INFO(depth << " push(es) in flight");
    SmallWorld w;
    SimCounter &c = *w.counters[0];
    w.receive(c, 7);
    DossierStore dossiers(*c.store);
    REQUIRE(*dossiers.pendingOutbox() == 7);
    struct Seen {
        int pending;
        qint64 atCenter;
    };
    std::vector<Seen> seen;
    EagerTransport eager(*c.transport, [&] { seen.push_back({*dossiers.pendingOutbox(), w.centerEvents()}); });
    sync::EngineOptions options;
    options.pushBatch = 2;
    options.pushesInFlight = depth;
    sync::SyncEngine engine(*c.store, eager, c.counterId, w.secrets[0], options);

    SECTION("every answer arrives")
    {
        ScopedClockOverride at([t = w.clock.now] { return t; });
        const sync::RoundResult r = engine.runRound();
        REQUIRE(r.ok());
        CHECK(r.report.pushed == 7);
        CHECK(eager.mostInFlight() == depth);
        CHECK(eager.idle());
        // Four batches (2, 2, 2, 1). With one in flight, batch k + 1 is sent once batch k is answered but before it
        // is settled, so at each start the outbox still lists the answered batch: 7, 7, 5, 3 pending while the
        // center has 0, 2, 4, 6. With two, the first two go out at once and each later one when the oldest is
        // answered: 7, 7, 7, 5.
        REQUIRE(seen.size() == 4);
        const std::vector<int> pending = depth == 1 ? std::vector<int>{7, 7, 5, 3} : std::vector<int>{7, 7, 7, 5};
        const std::vector<qint64> atCenter{0, 2, 4, 6};
        for (size_t i = 0; i < seen.size(); ++i) {
            INFO("push " << i + 1);
            CHECK(seen[i].pending == pending[i]);
            CHECK(seen[i].atCenter == atCenter[i]);
        }
        CHECK(*dossiers.pendingOutbox() == 0);
        CHECK(w.centerEvents() == 7);
    }
    SECTION("an answer is lost")
    {
        eager.loseAnswerOf = 2;
        {
            ScopedClockOverride at([t = w.clock.now] { return t; });
            const sync::RoundResult failed = engine.runRound();
            CHECK_FALSE(failed.ok());
        }
        // The second batch reached the center but its answer did not reach the counter: it stays in the outbox, and
        // nothing more was sent after the failure. With two in flight the third batch had gone out when the first
        // was answered; its answer was not waited for in vain, and it stays in the outbox too.
        const int sent = depth + 1;
        const qint64 stored = 2 * sent;
        CHECK(eager.idle());
        CHECK(int(seen.size()) == sent);
        CHECK(w.centerEvents() == stored);
        CHECK(*dossiers.pendingOutbox() == 5);
        eager.loseAnswerOf = 0;
        ScopedClockOverride at([t = w.clock.now] { return t; });
        const sync::RoundResult next = engine.runRound();
        REQUIRE(next.ok());
        CHECK(next.report.duplicates == stored - 2);
        CHECK(next.report.pushed == 5 - (stored - 2));
        CHECK(*dossiers.pendingOutbox() == 0);
        CHECK(w.centerEvents() == 7);
        CHECK(localEvents(*c.store) == 7);
    }
}

TEST_CASE("The push window grows to four while the center takes riding pushes, and a 429 makes it one for a while",
          "[sync][push]")
{
    SmallWorld w;
    SimCounter &c = *w.counters[0];
    w.receive(c, 20);
    DossierStore dossiers(*c.store);
    REQUIRE(*dossiers.pendingOutbox() == 20);
    EagerTransport eager(*c.transport, [] {});
    sync::EngineOptions options;
    options.pushBatch = 2;  // ten batches
    options.pushesInFlight = 4;
    sync::SyncEngine engine(*c.store, eager, c.counterId, w.secrets[0], options);
    SECTION("taken: two, then three, then four")
    {
        ScopedClockOverride at([t = w.clock.now] { return t; });
        const sync::RoundResult r = engine.runRound();
        REQUIRE(r.ok());
        CHECK(r.report.pushed == 20);
        CHECK(eager.mostInFlight() == 4);
    }
    SECTION("refused: one at a time, the refused batch sent again, then two again after one push taken alone")
    {
        eager.refuseStarted = 2;  // the first push that rides on another
        ScopedClockOverride at([t = w.clock.now] { return t; });
        const sync::RoundResult r = engine.runRound();
        REQUIRE(r.ok());
        CHECK(r.report.pushed == 20);
        CHECK(eager.started() == 11);  // ten batches and the refused one again
        // 1, 2 (refused), 2 (sent before the refusal was read), the refused batch alone; taken, so two again (the
        // first of them alone as the queue empties), growing with each riding push taken.
        const std::vector<int> expected{1, 2, 2, 1, 1, 2, 2, 2, 3, 3, 4};
        CHECK(eager.inFlightAtStart() == expected);
    }
    SECTION("refused twice: the second time, two pushes are taken alone before it tries two again")
    {
        eager.refuse = {2, 6};  // both times the first push riding on another
        ScopedClockOverride at([t = w.clock.now] { return t; });
        const sync::RoundResult r = engine.runRound();
        REQUIRE(r.ok());
        CHECK(r.report.pushed == 20);
        CHECK(eager.started() == 12);
        // As above up to the second refusal (the sixth start), then two batches alone before two again.
        const std::vector<int> expected{1, 2, 2, 1, 1, 2, 2, 1, 1, 1, 2, 2};
        CHECK(eager.inFlightAtStart() == expected);
    }
    CHECK(eager.idle());
    CHECK(*dossiers.pendingOutbox() == 0);
    CHECK(w.centerEvents() == 20);
}

// Settling a batch: a rejected event stays in the outbox, quarantined, while the rest of its batch leaves it (the
// whole range at once); an event the answer leaves out stays queued for the next round.
TEST_CASE("A rejected event stays quarantined and one the answer leaves out stays queued", "[sync][push]")
{
    SmallWorld w;
    SimCounter &c = *w.counters[0];
    w.receive(c, 3);
    QStringList ids;
    QSqlQuery q(c.store->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT o.event_id, e.dossier_id FROM outbox o JOIN events e USING (event_id) "
                                  "ORDER BY o.seq")));
    QStringList dossierIds;
    while (q.next()) {
        ids << q.value(0).toString();
        dossierIds << q.value(1).toString();
    }
    q.finish();
    REQUIRE(ids.size() == 3);
    sync::EngineOptions options;
    options.pushBatch = 3;  // one batch

    SECTION("rejected: quarantined, the others cleared")
    {
        // The center already has the second event with other content.
        auto stored = DossierStore::eventsOf(c.store->connection(), dossierIds.at(1));
        REQUIRE(stored.ok());
        REQUIRE(stored->size() == 1);
        Event forged = stored->first();
        forged.payload.insert(QStringLiteral("sets"), 9);
        auto pushed = w.center->ingest({c.counterId, c.unitId}, {forged});
        REQUIRE(pushed.ok());
        sync::SyncEngine engine(*c.store, *c.transport, c.counterId, w.secrets[0], options);
        ScopedClockOverride at([t = w.clock.now] { return t; });
        const sync::RoundResult round = engine.runRound();
        REQUIRE(round.ok());
        CHECK(round.report.pushed == 2);
        CHECK(round.report.rejected == 1);
        REQUIRE(q.exec(QStringLiteral("SELECT event_id, quarantined FROM outbox")));
        REQUIRE(q.next());
        CHECK(q.value(0).toString() == ids.at(1));
        CHECK(q.value(1).toInt() == 1);
        CHECK_FALSE(q.next());
    }
    SECTION("left out of the answer: still queued, and pushed by the next round")
    {
        // An answer that says nothing of the third event.
        class Forgetful final : public sync::Transport {
        public:
            Forgetful(sync::Transport &inner, QString forget) : m_inner(inner), m_forget(std::move(forget)) {}
            sync::ApiResponse call(const sync::ApiRequest &request) override
            {
                sync::ApiResponse answer = m_inner.call(request);
                if (request.path.endsWith(QLatin1String("/push")) && !m_forget.isEmpty()) {
                    QJsonObject body = QJsonDocument::fromJson(answer.body).object();
                    QJsonArray kept;
                    for (const QJsonValue &v : body.value(QStringLiteral("results")).toArray()) {
                        if (v.toObject().value(QStringLiteral("event_id")).toString() != m_forget)
                            kept.append(v);
                    }
                    body.insert(QStringLiteral("results"), kept);
                    answer.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
                    m_forget.clear();
                }
                return answer;
            }

        private:
            sync::Transport &m_inner;
            QString m_forget;
        };
        Forgetful forgetful(*c.transport, ids.at(2));
        sync::SyncEngine engine(*c.store, forgetful, c.counterId, w.secrets[0], options);
        ScopedClockOverride at([t = w.clock.now] { return t; });
        const sync::RoundResult first = engine.runRound();
        REQUIRE(first.ok());
        CHECK(first.report.pushed == 2);
        REQUIRE(q.exec(QStringLiteral("SELECT event_id, quarantined FROM outbox")));
        REQUIRE(q.next());
        CHECK(q.value(0).toString() == ids.at(2));
        CHECK(q.value(1).toInt() == 0);
        CHECK_FALSE(q.next());
        q.finish();
        const sync::RoundResult second = engine.runRound();
        REQUIRE(second.ok());
        CHECK(second.report.duplicates == 1);  // the center had it all along
        CHECK(*DossierStore(*c.store).pendingOutbox() == 0);
    }
    CHECK(w.centerEvents() == 3);
}

TEST_CASE("A refused push that was the last on its way is sent again in the same round", "[sync][push]")
{
    SmallWorld w;
    SimCounter &c = *w.counters[0];
    w.receive(c, 4);
    EagerTransport eager(*c.transport, [] {});
    eager.refuseStarted = 2;  // the second and last batch, sent while the first was on its way
    sync::EngineOptions options;
    options.pushBatch = 2;
    options.pushesInFlight = 4;
    sync::SyncEngine engine(*c.store, eager, c.counterId, w.secrets[0], options);
    ScopedClockOverride at([t = w.clock.now] { return t; });
    const sync::RoundResult r = engine.runRound();
    REQUIRE(r.ok());
    CHECK(r.report.pushed == 4);
    CHECK(r.report.pending == 0);
    CHECK(eager.started() == 3);
    CHECK(eager.idle());
    CHECK(w.centerEvents() == 4);
}

TEST_CASE("A sync round failing at any SQL statement converges on the next round", "[sync][faults]")
{
    // Count the statements of one round (both sides: the center runs in-process).
    int statements = 0;
    {
        SmallWorld w;
        w.receive(*w.counters[1], 2);
        REQUIRE(w.round(*w.counters[1]).ok());
        w.receive(*w.counters[0], 3);
        sql::FaultInjector::failAt(1000000);
        REQUIRE(w.round(*w.counters[0]).ok());
        statements = sql::FaultInjector::executedCount();
        sql::FaultInjector::disarm();
    }
    REQUIRE(statements > 20);
    int failedRounds = 0;
    for (int i = 1; i <= statements; ++i) {
        INFO("statement " << i << " of " << statements);
        SmallWorld w;
        w.receive(*w.counters[1], 2);
        REQUIRE(w.round(*w.counters[1]).ok());
        w.receive(*w.counters[0], 3);
        sql::FaultInjector::failAt(i);
        const sync::RoundResult failed = w.round(*w.counters[0]);
        sql::FaultInjector::disarm();
        if (!failed.ok())
            ++failedRounds;
        const sync::RoundResult next = w.round(*w.counters[0]);
        REQUIRE(next.ok());
        // Everything arrived once: 3 + 2 received events at the center and at counter 0, nothing waiting.
        CHECK(w.centerEvents() == 5);
        CHECK(localEvents(*w.counters[0]->store) == 5);
        CHECK(*DossierStore(*w.counters[0]->store).pendingOutbox() == 0);
        REQUIRE(w.round(*w.counters[1]).ok());
        CHECK(localEvents(*w.counters[1]->store) == 5);
    }
    // Most injected failures must actually stop the round (the injector reached real statements).
    CHECK(failedRounds > statements / 2);
}

TEST_CASE("A center restored from an older backup gets a new epoch and the counters send everything again",
          "[sync][epoch]")
{
    SmallWorld w;
    SimCounter &a = *w.counters[0];
    SimCounter &b = *w.counters[1];
    w.receive(a, 4);
    REQUIRE(w.round(a).ok());
    // Nightly backup of the center.
    const QString backup = w.backUpCenter();
    // The day goes on: more dossiers at both counters, all synced.
    w.receive(a, 3);
    w.receive(b, 2);
    REQUIRE(w.round(a).ok());
    REQUIRE(w.round(b).ok());
    REQUIRE(w.round(a).ok());
    REQUIRE(w.centerEvents() == 9);
    const qint64 cursorBefore = b.store->meta(QString::fromLatin1(sync::syncmeta::kCursor))->toLongLong();
    REQUIRE(cursorBefore == 9);

    // The center's disk dies; the administrator restores last night's backup and starts a new epoch.
    w.restoreCenter(backup);
    REQUIRE(w.centerEvents() == 4);
    REQUIRE(w.center->startNewEpoch().ok());

    // Each counter notices, queues its own events again, pulls from the start; nothing is lost or doubled.
    for (int pass = 0; pass < 2; ++pass) {
        for (auto &c : w.counters) {
            const sync::RoundResult r = w.round(*c);
            INFO(r.message.toStdString());
            REQUIRE(r.ok());
            if (pass == 0)
                CHECK(r.report.requeued == (c.get() == &a ? 7 : 2));
        }
    }
    CHECK(w.centerEvents() == 9);
    QSqlQuery distinct(w.center->connection());
    REQUIRE(distinct.exec(QStringLiteral("SELECT count(DISTINCT event_id) FROM events")));
    REQUIRE(distinct.next());
    CHECK(distinct.value(0).toInt() == 9);
    for (auto &c : w.counters) {
        CHECK(localEvents(*c->store) == 9);
        CHECK(*DossierStore(*c->store).pendingOutbox() == 0);
        CHECK(c->store->meta(QString::fromLatin1(sync::syncmeta::kCursor))->toLongLong() == 9);
    }
}

TEST_CASE("After a center restore the counters take its catalog, calendar and officers again", "[sync][epoch]")
{
    SmallWorld w;
    SimCounter &a = *w.counters[0];
    QByteArray catalog;
    {
        QFile f(sourcePath(QStringLiteral("resources/data/demo-catalog.json")));
        REQUIRE(f.open(QIODevice::ReadOnly));
        catalog = f.readAll();
    }
    QByteArray calendar;
    {
        QFile f(sourcePath(QStringLiteral("resources/data/holidays-vn.json")));
        REQUIRE(f.open(QIODevice::ReadOnly));
        calendar = f.readAll();
    }
    const auto officer = [&](const QString &login, const QString &name) {
        auto hash = hashPassword(QStringLiteral("mật khẩu 2026"));
        REQUIRE(hash.ok());
        REQUIRE(
            w.center
                ->addOfficer({login, name, QStringLiteral("officer"), QStringLiteral("H49.01"), *hash, false, 0, {}})
                .ok());
    };
    const auto signsIn = [&](const QString &login) {
        auto in = OfficerStore(*a.store).login(login, QStringLiteral("mật khẩu 2026"));
        REQUIRE(in.ok());
        return in->outcome == LoginOutcome::Ok;
    };
    const auto procedureName = [&] {
        auto p = CatalogStore(*a.store).procedure(QStringLiteral("1.001193"));
        REQUIRE(p.ok());
        return p->name;
    };
    officer(QStringLiteral("lan.nt"), QStringLiteral("Nguyễn Thị Lan"));
    REQUIRE(w.round(a).ok());
    const QString backup = w.backUpCenter();
    // After the backup: the catalog and calendar (version 1 at the center), and a second officer (version 2).
    REQUIRE(w.center->importCatalog(catalog).ok());
    REQUIRE(w.center->importCalendar(calendar).ok());
    officer(QStringLiteral("minh.vd"), QStringLiteral("Vũ Đức Minh"));
    REQUIRE(w.round(a).ok());
    CHECK(signsIn(QStringLiteral("minh.vd")));
    CHECK(a.store->meta(QString::fromLatin1(sync::syncmeta::kCatalogVersion))->toInt() == 1);

    // The center is restored from the backup and goes on: the administrator imports a corrected catalog and the
    // calendar (versions 1 again), and adds an officer (version 2 again).
    w.restoreCenter(backup);
    REQUIRE(w.center->startNewEpoch().ok());
    QByteArray corrected = catalog;
    corrected.replace("\"Đăng ký khai sinh\"", "\"Đăng ký khai sinh (đã sửa)\"");
    REQUIRE(corrected != catalog);
    REQUIRE(w.center->importCatalog(corrected).ok());
    REQUIRE(w.center->importCalendar(calendar).ok());
    officer(QStringLiteral("hoa.pt"), QStringLiteral("Phạm Thị Hoa"));

    const sync::RoundResult r = w.round(a);
    INFO(r.message.toStdString());
    REQUIRE(r.ok());
    CHECK(r.report.catalogUpdated);
    CHECK(r.report.calendarUpdated);
    CHECK(procedureName() == QStringLiteral("Đăng ký khai sinh (đã sửa)"));
    CHECK(signsIn(QStringLiteral("hoa.pt")));
    CHECK(signsIn(QStringLiteral("lan.nt")));
    // The officer the restored center never had stays as the counter knew it (the center cannot say it is gone).
    CHECK(signsIn(QStringLiteral("minh.vd")));
    // From then on, only what is new.
    const sync::RoundResult quiet = w.round(a);
    REQUIRE(quiet.ok());
    CHECK_FALSE(quiet.report.catalogUpdated);
    CHECK(quiet.report.officersUpdated == 0);
}

TEST_CASE("A counter restored from its own backup gets back from the center what it wrote after the backup",
          "[sync][restore]")
{
    SmallWorld w;
    SimCounter &a = *w.counters[0];
    SimCounter &b = *w.counters[1];
    w.receive(a, 2);
    w.receive(b, 1);
    REQUIRE(w.round(a).ok());
    REQUIRE(w.round(b).ok());
    REQUIRE(w.round(a).ok());
    REQUIRE(localEvents(*a.store) == 3);
    const QString backup = w.dir.file(QStringLiteral("counter-a-backup.sqlite"));
    REQUIRE(Backups::take(*a.store, backup).ok());

    // The day goes on at both counters, and everything reaches the center.
    w.receive(a, 3);
    w.receive(b, 2);
    REQUIRE(w.round(a).ok());
    REQUIRE(w.round(b).ok());
    sync::RoundResult before = w.round(a);
    REQUIRE(before.ok());
    CHECK(before.report.pulled == 2);  // b's two; a's own events are not sent back to it
    REQUIRE(localEvents(*a.store) == 8);
    REQUIRE(w.centerEvents() == 8);

    // a's disk fails; last night's backup is put back.
    const QString path = a.store->path();
    a.engine.reset();
    a.store.reset();
    REQUIRE(Backups::restore(path, backup).ok());
    a.store = openSimStore(path);
    CHECK_FALSE(a.store->meta(QString::fromLatin1(Backups::kRestoredAtKey))->isEmpty());
    REQUIRE(localEvents(*a.store) == 3);
    a.engine = std::make_unique<sync::SyncEngine>(*a.store, *a.transport, a.counterId, w.secrets[0]);

    // One round brings back its own three dossiers as well as b's two, and the mark is cleared.
    const sync::RoundResult r = w.round(a);
    INFO(r.message.toStdString());
    REQUIRE(r.ok());
    CHECK(r.report.pulled == 5);
    CHECK(localEvents(*a.store) == 8);
    CHECK(a.store->meta(QString::fromLatin1(Backups::kRestoredAtKey))->isEmpty());
    CHECK(*DossierStore(*a.store).pendingOutbox() == 0);
    CHECK(w.centerEvents() == 8);
    // The next rounds are ordinary again.
    w.receive(b, 1);
    REQUIRE(w.round(b).ok());
    const sync::RoundResult next = w.round(a);
    REQUIRE(next.ok());
    CHECK(next.report.pulled == 1);
    CHECK(localEvents(*a.store) == 9);
}

TEST_CASE("Officers made at the center sign in at the counter after a round, and a disabled one no longer can",
          "[sync][officers]")
{
    SmallWorld w;
    SimCounter &a = *w.counters[0];
    auto hash = hashPassword(QStringLiteral("mật khẩu 2026"));
    REQUIRE(hash.ok());
    REQUIRE(w.center
                ->addOfficer({QStringLiteral("lan.nt"),
                              QStringLiteral("Nguyễn Thị Lan"),
                              QStringLiteral("officer"),
                              QStringLiteral("H49.01"),
                              *hash,
                              false,
                              0,
                              {}})
                .ok());
    OfficerStore officers(*a.store);
    CHECK(officers.login(QStringLiteral("lan.nt"), QStringLiteral("mật khẩu 2026"))->outcome == LoginOutcome::Unknown);

    const sync::RoundResult r = w.round(a);
    INFO(r.message.toStdString());
    REQUIRE(r.ok());
    CHECK(r.report.officersUpdated == 1);
    auto in = officers.login(QStringLiteral("lan.nt"), QStringLiteral("mật khẩu 2026"));
    REQUIRE(in.ok());
    CHECK(in->outcome == LoginOutcome::Ok);
    CHECK(in->officer.fullName == QStringLiteral("Nguyễn Thị Lan"));
    CHECK(officers.login(QStringLiteral("lan.nt"), QStringLiteral("sai"))->outcome == LoginOutcome::WrongPassword);

    REQUIRE(w.center->setOfficerDisabled(QStringLiteral("lan.nt"), true).ok());
    REQUIRE(w.round(a).ok());
    CHECK(officers.login(QStringLiteral("lan.nt"), QStringLiteral("mật khẩu 2026"))->outcome == LoginOutcome::Disabled);
    // Nothing new at the center: the next round changes nothing.
    const sync::RoundResult quiet = w.round(a);
    REQUIRE(quiet.ok());
    CHECK(quiet.report.officersUpdated == 0);
}

TEST_CASE("A long pull reports its progress page by page, up to the center's high-water mark", "[sync][progress]")
{
    SmallWorld w;
    SimCounter &a = *w.counters[0];
    SimCounter &b = *w.counters[1];
    w.receive(a, 25);
    REQUIRE(a.engine->runRound().ok());

    // The other counter of the unit catches up in pages of 3 events.
    std::vector<sync::PullProgress> seen;
    b.engine->setProgressSink([&seen](const sync::PullProgress &p) { seen.push_back(p); });
    const auto r = b.engine->runRound();
    REQUIRE(r.ok());
    CHECK(r.report.pulled == 25);
    REQUIRE(seen.size() >= 9);  // 25 events in pages of 3
    for (size_t i = 0; i < seen.size(); ++i) {
        INFO("page " << i);
        CHECK(seen[i].startCursor == 0);
        CHECK(seen[i].cursor <= seen[i].highWater);
        if (i > 0) {
            CHECK(seen[i].cursor > seen[i - 1].cursor);
            CHECK(seen[i].pulled >= seen[i - 1].pulled);
        }
    }
    CHECK(seen.back().cursor == seen.back().highWater);
    CHECK(seen.back().pulled == 25);
    CHECK(seen.back().highWater == w.centerEvents());
}
