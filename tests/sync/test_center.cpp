// SPDX-License-Identifier: GPL-3.0-or-later
// The center's protocol, the same suite on SQLite and on PostgreSQL: enrollment, authorization, idempotent
// push, the feed's scope and order, and every kind of malformed request (4xx with an error body, nothing stored).

#include "CenterFixture.h"

#include "core/Clock.h"
#include "core/store/Sql.h"
#include "sync/center/CenterConfig.h"
#include "sync/center/CenterSql.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDriver>
#include <QThread>

#include <atomic>
#include <memory>
#include <set>
#include <thread>
#include <vector>

using namespace motcua;
using namespace motcua::test;
using Backend = sync::CenterDbConfig::Backend;
namespace centersql = motcua::sync::centersql;

#define CENTER_TEST(name, function)                                                                                    \
    TEST_CASE(name " (SQLite)", "[center][sqlite]")                                                                    \
    {                                                                                                                  \
        function(Backend::Sqlite);                                                                                     \
    }                                                                                                                  \
    TEST_CASE(name " (PostgreSQL)", "[center][postgres]")                                                              \
    {                                                                                                                  \
        function(Backend::Postgres);                                                                                   \
    }

namespace {

QJsonArray eventsJson(const QList<Event> &events)
{
    QJsonArray a;
    for (const Event &e : events)
        a.append(e.toJson());
    return a;
}

qint64 eventCount(CenterFixture &f)
{
    auto s = f.store->status();
    REQUIRE(s.ok());
    return s->events;
}

void enrollment(Backend backend)
{
    CenterFixture f(backend);
    auto added = f.store->addCounter(QStringLiteral("H49.01"), QStringLiteral("Quầy 1"), 72);
    REQUIRE(added.ok());
    CHECK(added->slot == 1);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("code"), added->enrollmentCode}}).toJson();
    auto first = f.call("POST", QStringLiteral("/v1/enroll"), {}, body);
    REQUIRE(first.status == 200);
    const QJsonObject o = first.object();
    CHECK(o.value(QStringLiteral("counter_id")).toString() == added->counterId);
    CHECK(o.value(QStringLiteral("agency_id")).toString() == QStringLiteral("000.00.01.H49"));
    CHECK(o.value(QStringLiteral("slot")).toInt() == 1);
    CHECK(o.value(QStringLiteral("secret")).toString().size() >= 40);

    // A code works once.
    auto replay = f.call("POST", QStringLiteral("/v1/enroll"), {}, body);
    CHECK(replay.status == 403);
    CHECK(replay.errorCode() == QLatin1String(sync::errors::kEnrollmentCode));

    // Typed in lower case with spaces is the same code; an expired one is refused.
    auto late = f.store->addCounter(QStringLiteral("H49.01"), QString(), 1);
    REQUIRE(late.ok());
    {
        ScopedClockOverride later([] { return QDateTime::currentDateTimeUtc().addSecs(2 * 3600); });
        auto expired = f.call("POST", QStringLiteral("/v1/enroll"), {},
                              QJsonDocument(QJsonObject{{QStringLiteral("code"), late->enrollmentCode}}).toJson());
        CHECK(expired.status == 403);
    }
    auto typed =
        f.call("POST", QStringLiteral("/v1/enroll"), {},
               QJsonDocument(QJsonObject{{QStringLiteral("code"),
                                          late->enrollmentCode.toLower().replace(QLatin1Char('-'), QLatin1Char(' '))}})
                   .toJson());
    CHECK(typed.status == 200);

    // Malformed enrollment requests.
    CHECK(f.call("POST", QStringLiteral("/v1/enroll"), {}, "{not json").status == 400);
    CHECK(f.call("POST", QStringLiteral("/v1/enroll"), {}, R"({"code": 42})").status == 400);
    CHECK(f.call("POST", QStringLiteral("/v1/enroll"), {}, R"(["code"])").status == 400);
}
CENTER_TEST("Enrollment codes work once, expire, and forgive case and spacing", enrollment)

void authorization(Backend backend)
{
    CenterFixture f(backend);
    const auto a = f.enroll(QStringLiteral("H49.01"));
    const auto b = f.enroll(QStringLiteral("H49.01"));
    CHECK(f.call("GET", QStringLiteral("/v1/hello"), a.authorization).status == 200);
    CHECK(f.call("GET", QStringLiteral("/v1/hello"), {}).status == 401);
    CHECK(f.call("GET", QStringLiteral("/v1/hello"), a.authorization.left(a.authorization.size() - 2) + "xx").status ==
          401);
    CHECK(f.call("GET", QStringLiteral("/v1/hello"), "Bearer nobody.secret").status == 401);
    CHECK(f.call("GET", QStringLiteral("/v1/hello"), "Basic abc").status == 401);

    // A counter pushes only what it authored: a forged counter id in the body or in an event is refused whole.
    const Event own = noteEvent(a.counterId);
    const Event forged = noteEvent(b.counterId);
    auto wrongBody = f.push(a, eventsJson({own}), b.counterId);
    CHECK(wrongBody.status == 403);
    auto wrongEvent = f.push(a, eventsJson({own, forged}));
    CHECK(wrongEvent.status == 403);
    CHECK(wrongEvent.errorCode() == QLatin1String(sync::errors::kForbidden));
    CHECK(eventCount(f) == 0);

    // Revoked: 403 with a reason the counter can show.
    REQUIRE(f.store->revokeCounter(a.counterId).ok());
    auto revoked = f.call("GET", QStringLiteral("/v1/hello"), a.authorization);
    CHECK(revoked.status == 403);
    CHECK(revoked.errorCode() == QLatin1String(sync::errors::kRevoked));
    CHECK(f.push(a, eventsJson({own})).status == 403);
    CHECK(eventCount(f) == 0);
}
CENTER_TEST("Only enrolled, unrevoked counters are served, and only with their own events", authorization)

void idempotentPush(Backend backend)
{
    CenterFixture f(backend);
    const auto a = f.enroll(QStringLiteral("H49.01"));
    const Event e1 = noteEvent(a.counterId);
    const Event e2 = noteEvent(a.counterId, e1.dossierId);
    auto first = f.push(a, eventsJson({e1, e2}));
    REQUIRE(first.status == 200);
    const QJsonArray results = first.object().value(QStringLiteral("results")).toArray();
    REQUIRE(results.size() == 2);
    CHECK(results[0].toObject().value(QStringLiteral("status")).toString() == QStringLiteral("accepted"));
    const qint64 seq1 = qint64(results[0].toObject().value(QStringLiteral("server_seq")).toDouble());
    const qint64 seq2 = qint64(results[1].toObject().value(QStringLiteral("server_seq")).toDouble());
    CHECK(seq2 == seq1 + 1);

    // The same events again (a retry after a lost answer): duplicates with the same sequence numbers.
    auto again = f.push(a, eventsJson({e2, e1}));
    REQUIRE(again.status == 200);
    const QJsonArray r2 = again.object().value(QStringLiteral("results")).toArray();
    CHECK(r2[0].toObject().value(QStringLiteral("status")).toString() == QStringLiteral("duplicate"));
    CHECK(qint64(r2[0].toObject().value(QStringLiteral("server_seq")).toDouble()) == seq2);
    CHECK(r2[1].toObject().value(QStringLiteral("status")).toString() == QStringLiteral("duplicate"));
    CHECK(qint64(r2[1].toObject().value(QStringLiteral("server_seq")).toDouble()) == seq1);
    CHECK(eventCount(f) == 2);
    // The first push went in without a look-up; the second met the unique index and was written again with one.
    CHECK(f.store->lookUpRetries() == 1);

    // The same id with different content: rejected and raised; the stored event is untouched.
    Event changed = e1;
    changed.payload = {{QStringLiteral("text"), QStringLiteral("sửa lén")}};
    auto conflict = f.push(a, eventsJson({changed}));
    REQUIRE(conflict.status == 200);
    const QJsonObject c = conflict.object().value(QStringLiteral("results")).toArray().at(0).toObject();
    CHECK(c.value(QStringLiteral("status")).toString() == QStringLiteral("rejected"));
    CHECK(c.value(QStringLiteral("reason")).toString().contains(QStringLiteral("conflict")));
    auto status = f.store->status();
    REQUIRE(status.ok());
    CHECK(status->alarms == 1);
    CHECK(status->events == 2);
    // The groups right after a retry look their events up first: no second try for this one.
    CHECK(f.store->lookUpRetries() == 1);

    // Once those groups are written, new events go in without a look-up again, and the next old one is found by
    // the index again, as a duplicate, with nothing stored twice.
    for (int i = 0; i < 16; ++i)
        REQUIRE(f.push(a, eventsJson({noteEvent(a.counterId)})).status == 200);
    auto late = f.push(a, eventsJson({noteEvent(a.counterId), e1}));
    REQUIRE(late.status == 200);
    const QJsonArray r3 = late.object().value(QStringLiteral("results")).toArray();
    REQUIRE(r3.size() == 2);
    CHECK(r3[0].toObject().value(QStringLiteral("status")).toString() == QStringLiteral("accepted"));
    CHECK(r3[1].toObject().value(QStringLiteral("status")).toString() == QStringLiteral("duplicate"));
    CHECK(qint64(r3[1].toObject().value(QStringLiteral("server_seq")).toDouble()) == seq1);
    CHECK(f.store->lookUpRetries() == 2);
    CHECK(eventCount(f) == 19);

    // The same id twice in one batch is a malformed request.
    const Event e3 = noteEvent(a.counterId);
    CHECK(f.push(a, eventsJson({e3, e3})).status == 400);
    CHECK(eventCount(f) == 19);
}
CENTER_TEST("Push is idempotent by event id, and the same id with other content is rejected and raised", idempotentPush)

void createdAgain(Backend backend)
{
    CenterFixture f(backend);
    const auto a = f.enroll(QStringLiteral("H49.01"));
    const auto b = f.enroll(QStringLiteral("H49.02"));
    const auto received = [](const QString &counterId, const QString &dossierId, const QString &code) {
        Event e = noteEvent(counterId, dossierId);
        e.type = EventType::Received;
        e.payload = {
            {QStringLiteral("code"), code},
            {QStringLiteral("procedure_code"), QStringLiteral("1.001")},
            {QStringLiteral("applicant"), QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Lê Văn Hùng")},
                                                      {QStringLiteral("id_number"), QStringLiteral("022090001234")}}},
            {QStringLiteral("received_at"), QStringLiteral("2026-11-23T02:00:00.000Z")}};
        return e;
    };
    const auto view = [&](const QString &dossierId) {
        QSqlQuery q(f.store->connection());
        q.prepare(QStringLiteral("SELECT unit_id, code, event_count, conflict FROM dossiers WHERE dossier_id = ?"));
        q.addBindValue(dossierId);
        REQUIRE(q.exec());
        REQUIRE(q.next());
        return QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
    };

    // A push that creates its dossier stores it without looking it up.
    const Event first = received(a.counterId, {}, QStringLiteral("H49.01-261123-0001"));
    REQUIRE(f.push(a, eventsJson({first})).status == 200);
    CHECK(f.store->lookUpRetries() == 0);
    CHECK(view(first.dossierId) == QStringList{QStringLiteral("H49.01"), QStringLiteral("H49.01-261123-0001"),
                                               QStringLiteral("1"), QStringLiteral("0")});

    // Another counter, of another unit, sends a second creating event for the same dossier: the insert meets the
    // stored dossier, the group is written again with the look-ups, and the event joins the dossier of the unit that
    // received it first (its counter subscribed), folded again from both events, now in conflict.
    const Event second = received(b.counterId, first.dossierId, QStringLiteral("H49.02-261123-0001"));
    auto again = f.push(b, eventsJson({second}));
    REQUIRE(again.status == 200);
    CHECK(again.object().value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("status")) ==
          QStringLiteral("accepted"));
    CHECK(f.store->lookUpRetries() == 1);
    CHECK(view(first.dossierId) == QStringList{QStringLiteral("H49.01"), QStringLiteral("H49.01-261123-0001"),
                                               QStringLiteral("2"), QStringLiteral("1")});
    CHECK(eventCount(f) == 2);
    auto feedB = f.feed(b, 0, 50);
    REQUIRE(feedB.status == 200);
    CHECK(feedB.object().value(QStringLiteral("events")).toArray().size() == 1);  // a's event, by subscription
}
CENTER_TEST("A dossier created again is found by its key and folded with the events it had", createdAgain)

void malformed(Backend backend)
{
    CenterFixture f(backend);
    const auto a = f.enroll(QStringLiteral("H49.01"));
    auto expect4xx = [&](const sync::ApiResponse &r, int status, const char *code) {
        INFO(r.body.toStdString());
        CHECK(r.status == status);
        CHECK(r.errorCode() == QLatin1String(code));
        CHECK_FALSE(r.object().value(QStringLiteral("message")).toString().isEmpty());
    };
    const QByteArray push = "/v1/push";
    expect4xx(f.call("POST", QString::fromLatin1(push), a.authorization, "{\"counter_id\":"), 400,
              sync::errors::kBadJson);
    expect4xx(f.call("POST", QString::fromLatin1(push), a.authorization, "[]"), 400, sync::errors::kBadRequest);
    expect4xx(f.call("POST", QString::fromLatin1(push), a.authorization,
                     QByteArray(R"({"counter_id":")") + a.counterId.toUtf8() + R"(","events":{}})"),
              400, sync::errors::kBadRequest);
    expect4xx(f.call("POST", QString::fromLatin1(push), a.authorization,
                     QByteArray(R"({"counter_id":")") + a.counterId.toUtf8() + R"(","events":[42]})"),
              400, sync::errors::kBadRequest);
    QJsonObject unknownType = noteEvent(a.counterId).toJson();
    unknownType.insert(QStringLiteral("type"), QStringLiteral("teleported"));
    expect4xx(f.push(a, QJsonArray{unknownType}), 400, sync::errors::kUnknownEventType);
    QJsonObject wrongTypes = noteEvent(a.counterId).toJson();
    wrongTypes.insert(QStringLiteral("schema_version"), QStringLiteral("one"));
    expect4xx(f.push(a, QJsonArray{wrongTypes}), 400, sync::errors::kBadRequest);
    QJsonObject badId = noteEvent(a.counterId).toJson();
    badId.insert(QStringLiteral("event_id"), QStringLiteral("1; DROP TABLE events"));
    expect4xx(f.push(a, QJsonArray{badId}), 400, sync::errors::kBadRequest);

    QJsonArray tooMany;
    for (int i = 0; i <= sync::kMaxPushBatch; ++i)
        tooMany.append(noteEvent(a.counterId).toJson());
    expect4xx(f.push(a, tooMany), 413, sync::errors::kTooLarge);
    expect4xx(f.call("POST", QString::fromLatin1(push), a.authorization, QByteArray(sync::kMaxBodyBytes + 1, ' ')), 413,
              sync::errors::kTooLarge);

    // Feed parameters.
    QUrlQuery negative;
    negative.addQueryItem(QStringLiteral("after"), QStringLiteral("-1"));
    expect4xx(f.call("GET", QStringLiteral("/v1/feed"), a.authorization, {}, negative), 400, sync::errors::kBadRequest);
    QUrlQuery text;
    text.addQueryItem(QStringLiteral("after"), QStringLiteral("abc"));
    expect4xx(f.call("GET", QStringLiteral("/v1/feed"), a.authorization, {}, text), 400, sync::errors::kBadRequest);
    expect4xx(f.feed(a, 999), 400, sync::errors::kCursorBeyondEnd);
    expect4xx(f.feed(a, 0, 10, QStringLiteral("not-the-epoch")), 409, sync::errors::kEpochChanged);

    // Paths and methods.
    expect4xx(f.call("GET", QStringLiteral("/v1/nothing"), a.authorization), 404, sync::errors::kNotFound);
    expect4xx(f.call("GET", QStringLiteral("/v2/push"), a.authorization), 404, sync::errors::kNotFound);
    expect4xx(f.call("GET", QString::fromLatin1(push), a.authorization), 405, sync::errors::kMethodNotAllowed);
    expect4xx(f.call("POST", QStringLiteral("/v1/lookup"), a.authorization, R"({"code":"A","id_number":"1"})"), 400,
              sync::errors::kBadRequest);

    CHECK(eventCount(f) == 0);
    // … and the center still serves.
    CHECK(f.push(a, eventsJson({noteEvent(a.counterId)})).status == 200);
    CHECK(f.call("GET", QStringLiteral("/v1/health"), {}).status == 200);
}
CENTER_TEST("Malformed requests get a 4xx with an error body and store nothing", malformed)

void feedScope(Backend backend)
{
    CenterFixture f(backend);
    const auto a1 = f.enroll(QStringLiteral("H49.01"));
    const auto a2 = f.enroll(QStringLiteral("H49.01"));
    const auto b1 = f.enroll(QStringLiteral("H49.02"));
    QList<Event> unitA;
    for (int i = 0; i < 7; ++i)
        unitA << noteEvent(i % 2 ? a1.counterId : a2.counterId);
    QList<Event> ofA1, ofA2;
    for (const Event &e : unitA)
        (e.counterId == a1.counterId ? ofA1 : ofA2) << e;
    REQUIRE(f.push(a1, eventsJson(ofA1)).status == 200);
    REQUIRE(f.push(a2, eventsJson(ofA2)).status == 200);
    const Event elsewhere = noteEvent(b1.counterId);
    REQUIRE(f.push(b1, eventsJson({elsewhere})).status == 200);

    // a2 pages through its unit's feed 3 at a time: every event of unit A once, in order, none of unit B; its own
    // events only when it asks for them (a counter restored from a backup does).
    const auto readAll = [&](bool own, std::vector<qint64> *seqs) {
        qint64 cursor = 0;
        std::set<QString> ids;
        for (int guard = 0; guard < 10; ++guard) {
            auto page = f.feed(a2, cursor, 3, {}, own);
            REQUIRE(page.status == 200);
            const QJsonObject o = page.object();
            for (const QJsonValue &v : o.value(QStringLiteral("events")).toArray()) {
                seqs->push_back(qint64(v.toObject().value(QStringLiteral("seq")).toDouble()));
                ids.insert(v.toObject()
                               .value(QStringLiteral("event"))
                               .toObject()
                               .value(QStringLiteral("event_id"))
                               .toString());
            }
            const qint64 next = qint64(o.value(QStringLiteral("last_seq")).toDouble());
            CHECK(next >= cursor);
            cursor = next;
            if (!o.value(QStringLiteral("more")).toBool())
                break;
        }
        CHECK(cursor == 8);  // the high-water mark: the whole feed was read
        return ids;
    };
    std::vector<qint64> seqs;
    const std::set<QString> everything = readAll(true, &seqs);
    CHECK(everything.size() == size_t(unitA.size()));
    CHECK(std::is_sorted(seqs.begin(), seqs.end()));
    CHECK(std::adjacent_find(seqs.begin(), seqs.end()) == seqs.end());
    CHECK(everything.count(elsewhere.eventId) == 0);
    std::vector<qint64> othersSeqs;
    const std::set<QString> others = readAll(false, &othersSeqs);
    CHECK(others.size() == size_t(ofA1.size()));
    for (const Event &e : ofA1)
        CHECK(others.count(e.eventId) == 1);
    CHECK(std::is_sorted(othersSeqs.begin(), othersSeqs.end()));
    const sync::ApiResponse badOwn =
        f.call("GET", QStringLiteral("/v1/feed"), a2.authorization, {}, QUrlQuery(QStringLiteral("after=0&own=2")));
    CHECK(badOwn.status == 400);
    CHECK(badOwn.errorCode() == QLatin1String(sync::errors::kBadRequest));

    // b1 looks up a dossier of unit A (a citizen picks the result up there): it gets its events and, from now on,
    // that dossier's new events in its feed.
    const QString dossier = ofA1.first().dossierId;
    auto bCursor = qint64(f.feed(b1, 0).object().value(QStringLiteral("last_seq")).toDouble());
    QSqlQuery code(f.store->connection());
    REQUIRE(code.exec(QStringLiteral("UPDATE dossiers SET code = 'X-1' WHERE dossier_id = '%1'").arg(dossier)));
    auto lookup = f.call("POST", QStringLiteral("/v1/lookup"), b1.authorization, R"({"code":"x-1"})");
    REQUIRE(lookup.status == 200);
    CHECK(lookup.object().value(QStringLiteral("events")).toArray().size() == 1);
    const Event later = noteEvent(a1.counterId, dossier, QStringLiteral("kết quả đã có"));
    REQUIRE(f.push(a1, eventsJson({later})).status == 200);
    auto bFeed = f.feed(b1, bCursor);
    REQUIRE(bFeed.status == 200);
    const QJsonArray bEvents = bFeed.object().value(QStringLiteral("events")).toArray();
    REQUIRE(bEvents.size() == 1);
    CHECK(
        bEvents[0].toObject().value(QStringLiteral("event")).toObject().value(QStringLiteral("event_id")).toString() ==
        later.eventId);
    CHECK(f.call("POST", QStringLiteral("/v1/lookup"), b1.authorization, R"({"code":"NOPE"})").status == 404);
}
CENTER_TEST("The feed holds the unit's dossiers and subscribed ones, in order, page by page", feedScope)

// Writers commit concurrently while a reader follows the feed: the reader must never skip an event (the late-commit
// hazard of sequences on PostgreSQL).
void concurrentFeed(Backend backend)
{
    CenterFixture f(backend);
    constexpr int kWriters = 4;
    constexpr int kBatches = 25;
    constexpr int kPerBatch = 8;
    std::vector<CenterFixture::Enrolled> writers;
    for (int i = 0; i < kWriters; ++i)
        writers.push_back(f.enroll(QStringLiteral("H49.01")));
    const auto reader = f.enroll(QStringLiteral("H49.01"));
    std::atomic<int> running{kWriters};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            for (int b = 0; b < kBatches; ++b) {
                QList<Event> batch;
                for (int i = 0; i < kPerBatch; ++i)
                    batch << noteEvent(writers[size_t(w)].counterId);
                sync::ApiResponse r;
                for (int attempt = 0; attempt < 20; ++attempt) {
                    r = f.push(writers[size_t(w)], eventsJson(batch));
                    if (r.status == 200)
                        break;
                    QThread::msleep(5);
                }
                if (r.status != 200)
                    ++failures;
            }
            --running;
        });
    }
    std::set<QString> seen;
    qint64 cursor = 0;
    qint64 lastSeq = 0;
    bool ordered = true;
    std::thread follower([&] {
        for (;;) {
            const bool writersDone = running.load() == 0;
            auto page = f.feed(reader, cursor, 50);
            if (page.status == 200) {
                const QJsonObject o = page.object();
                for (const QJsonValue &v : o.value(QStringLiteral("events")).toArray()) {
                    const qint64 seq = qint64(v.toObject().value(QStringLiteral("seq")).toDouble());
                    ordered = ordered && seq > lastSeq;
                    lastSeq = seq;
                    seen.insert(v.toObject()
                                    .value(QStringLiteral("event"))
                                    .toObject()
                                    .value(QStringLiteral("event_id"))
                                    .toString());
                }
                cursor = qint64(o.value(QStringLiteral("last_seq")).toDouble());
                if (writersDone && !o.value(QStringLiteral("more")).toBool())
                    break;
            }
        }
    });
    for (auto &t : threads)
        t.join();
    follower.join();
    CHECK(failures.load() == 0);
    CHECK(ordered);
    CHECK(seen.size() == size_t(kWriters * kBatches * kPerBatch));
    CHECK(eventCount(f) == kWriters * kBatches * kPerBatch);
}
CENTER_TEST("A feed reader never skips events committed concurrently", concurrentFeed)

// Pushes that arrive while another is being written share a transaction (group commit). Within the group each push is
// handled as if alone and in order: a duplicate of an earlier push of the group, or a conflicting copy, is answered
// as it would be one request later. If the shared transaction fails, each push is stored alone.
void groupCommit(Backend backend)
{
    CenterFixture f(backend);
    const auto a = f.enroll(QStringLiteral("H49.01"));
    const auto b = f.enroll(QStringLiteral("H49.02"));
    const sync::CounterAuth authA{a.counterId, QStringLiteral("H49.01")};
    const sync::CounterAuth authB{b.counterId, QStringLiteral("H49.02")};
    const Event a1 = noteEvent(a.counterId);
    const Event a2 = noteEvent(a.counterId, a1.dossierId);
    const Event a3 = noteEvent(a.counterId, a1.dossierId);
    const Event b1 = noteEvent(b.counterId);
    const Event b2 = noteEvent(b.counterId, b1.dossierId);
    Event a1Changed = a1;
    a1Changed.payload = {{QStringLiteral("text"), QStringLiteral("sửa lén")}};
    const Event a4 = noteEvent(a.counterId, b1.dossierId, QStringLiteral("trả kết quả tại H49.01"));

    // The second push comes with its canonical bytes, as the HTTP handler passes them; the others without.
    const auto results = f.store->ingestTogether({{authA, {a1, a2, a3}, {}},
                                                  {authB, {b1, b2}, {b1.canonicalBytes(), b2.canonicalBytes()}},
                                                  {authA, {a2, a1Changed, a4}, {}},  // retry, conflict, other unit
                                                  {authA, {a4}, {}}});               // a retry racing the first copy
    REQUIRE(results.size() == 4);
    for (const auto &r : results)
        REQUIRE(r.ok());
    const auto seqs = [](const QList<sync::PushOutcome> &outcomes) {
        QList<qint64> out;
        for (const auto &o : outcomes)
            out << o.serverSeq;
        return out;
    };
    CHECK(seqs(*results[0]) == QList<qint64>{1, 2, 3});
    CHECK(seqs(*results[1]) == QList<qint64>{4, 5});
    const QList<sync::PushOutcome> &third = *results[2];
    CHECK(third[0].status == sync::PushStatus::Duplicate);
    CHECK(third[0].serverSeq == 2);
    CHECK(third[1].status == sync::PushStatus::Rejected);
    CHECK(third[1].reason.contains(QStringLiteral("conflict")));
    CHECK(third[2].status == sync::PushStatus::Accepted);
    CHECK(third[2].serverSeq == 6);
    CHECK(results[3]->at(0).status == sync::PushStatus::Duplicate);
    CHECK(results[3]->at(0).serverSeq == 6);
    auto status = f.store->status();
    REQUIRE(status.ok());
    CHECK(status->events == 6);
    CHECK(status->alarms == 1);

    // a4 went to b1's dossier, which belongs to H49.02: counter a is now subscribed to it, and b sees a4 in its feed.
    auto feedA = f.feed(a, 0, 50);
    REQUIRE(feedA.status == 200);
    CHECK(feedA.object().value(QStringLiteral("events")).toArray().size() == 2);  // b1 and b2; a4 is its own
    auto feedB = f.feed(b, 0, 50);
    REQUIRE(feedB.status == 200);
    const QJsonArray bEvents = feedB.object().value(QStringLiteral("events")).toArray();
    REQUIRE(bEvents.size() == 1);
    CHECK(bEvents[0].toObject().value(QStringLiteral("seq")).toInteger() == 6);

    // The shared transaction fails part-way: every push is then stored alone, and nothing is lost or doubled.
    const Event c1 = noteEvent(a.counterId);
    const Event c2 = noteEvent(b.counterId);
    const Event c3 = noteEvent(a.counterId, c1.dossierId);
    sql::FaultInjector::failAt(4);
    const auto retried = f.store->ingestTogether({{authA, {c1}, {}}, {authB, {c2}, {}}, {authA, {c3, c1}, {}}});
    const int statements = sql::FaultInjector::executedCount();
    sql::FaultInjector::disarm();
    CHECK(statements > 8);  // the failed group, then three transactions of their own
    REQUIRE(retried.size() == 3);
    for (const auto &r : retried)
        REQUIRE(r.ok());
    CHECK(seqs(*retried[0]) == QList<qint64>{7});
    CHECK(seqs(*retried[1]) == QList<qint64>{8});
    CHECK(retried[2]->at(0).serverSeq == 9);
    CHECK(retried[2]->at(1).status == sync::PushStatus::Duplicate);
    CHECK(retried[2]->at(1).serverSeq == 7);
    CHECK(eventCount(f) == 9);
    auto high = f.store->highWater();
    REQUIRE(high.ok());
    CHECK(*high == 9);
}
CENTER_TEST("Pushes written together keep each push's answers, and a failed group is written push by push", groupCommit)

void documentsAndOfficers(Backend backend)
{
    CenterFixture f(backend);
    const auto a = f.enroll(QStringLiteral("H49.01"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("after_version"), QStringLiteral("0"));
    auto none = f.call("GET", QStringLiteral("/v1/catalog"), a.authorization, {}, q);
    REQUIRE(none.status == 200);
    CHECK(none.object().value(QStringLiteral("unchanged")).toBool());
    auto v1 = f.store->importCatalog(R"({"format":"motcua-catalog/1","procedures":[]})");
    REQUIRE(v1.ok());
    auto got = f.call("GET", QStringLiteral("/v1/catalog"), a.authorization, {}, q);
    CHECK(got.object().value(QStringLiteral("version")).toInt() == *v1);
    CHECK(got.object().value(QStringLiteral("document")).isObject());
    CHECK_FALSE(f.store->importCatalog("{broken").ok());

    sync::OfficerEntry lan{QStringLiteral("lan"),
                           QStringLiteral("Trần Thị Lan"),
                           QStringLiteral("officer"),
                           QStringLiteral("H49.01"),
                           QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$x$y"),
                           false,
                           0,
                           {}};
    sync::OfficerEntry minh = lan;
    minh.login = QStringLiteral("minh");
    minh.unitId = QStringLiteral("H49.02");
    REQUIRE(f.store->addOfficer(lan).ok());
    REQUIRE(f.store->addOfficer(minh).ok());
    CHECK(f.store->addOfficer(lan).error().code == ErrorCode::Conflict);
    auto officers = f.call("GET", QStringLiteral("/v1/officers"), a.authorization, {}, q);
    const QJsonArray list = officers.object().value(QStringLiteral("officers")).toArray();
    REQUIRE(list.size() == 1);  // only the counter's unit
    CHECK(list[0].toObject().value(QStringLiteral("login")).toString() == QStringLiteral("lan"));
    // Disabling makes a newer version that counters pick up incrementally.
    const qint64 version = qint64(officers.object().value(QStringLiteral("version")).toDouble());
    REQUIRE(f.store->setOfficerDisabled(QStringLiteral("lan"), true).ok());
    QUrlQuery after;
    after.addQueryItem(QStringLiteral("after_version"), QString::number(version));
    auto changed = f.call("GET", QStringLiteral("/v1/officers"), a.authorization, {}, after);
    REQUIRE(changed.object().value(QStringLiteral("officers")).toArray().size() == 1);
    CHECK(changed.object()
              .value(QStringLiteral("officers"))
              .toArray()[0]
              .toObject()
              .value(QStringLiteral("disabled"))
              .toBool());
}
CENTER_TEST("Catalog versions and officers are served to the counter's unit", documentsAndOfficers)

void epochs(Backend backend)
{
    CenterFixture f(backend);
    const auto a = f.enroll(QStringLiteral("H49.01"));
    auto before = f.store->epoch();
    REQUIRE(before.ok());
    CHECK(f.feed(a, 0, 10, *before).status == 200);
    auto after = f.store->startNewEpoch();
    REQUIRE(after.ok());
    CHECK(*after != *before);
    auto stale = f.feed(a, 0, 10, *before);
    CHECK(stale.status == 409);
    CHECK(stale.object().value(QStringLiteral("epoch")).toString() == *after);
}
CENTER_TEST("A new epoch is announced to counters that still know the old one", epochs)

// A running SQLite center is copied into a file that opens as the same center; PostgreSQL is backed up with pg_dump.
void backup(Backend backend)
{
    CenterFixture f(backend);
    const auto a = f.enroll(QStringLiteral("H49.01"));
    REQUIRE(f.store->ingest({a.counterId, QStringLiteral("H49.01")}, {noteEvent(a.counterId), noteEvent(a.counterId)})
                .ok());
    const QString file = f.dir.path() + QStringLiteral("/copy's ? dir/backup.db");
    REQUIRE(QDir().mkpath(QFileInfo(file).absolutePath()));
    auto done = f.store->backupTo(file);
    if (backend == Backend::Postgres) {
        REQUIRE_FALSE(done.ok());
        CHECK(done.error().message.contains(QStringLiteral("pg_dump")));
        CHECK_FALSE(QFileInfo::exists(file));
        return;
    }
    REQUIRE(done.ok());
    CHECK_FALSE(f.store->backupTo(file).ok());  // an existing file is never overwritten
    sync::CenterDbConfig copyConfig = f.config;
    copyConfig.path = file;
    auto copy = sync::CenterStore::open(copyConfig);
    REQUIRE(copy.ok());
    CHECK(*(*copy)->epoch() == *f.store->epoch());
    CHECK((*copy)->status()->events == 2);
    CHECK(*(*copy)->highWater() == 2);
}
CENTER_TEST("A backup of the center opens as the same center, on SQLite only", backup)

// A thread's connection is closed when the thread ends, without being released by hand.
void connectionsEndWithTheirThread(Backend backend)
{
    CenterFixture f(backend);
    QString name;
    std::thread worker([&] {
        name = f.store->connection().connectionName();
        CHECK(f.store->units()->size() == 2);
    });
    worker.join();
    REQUIRE_FALSE(name.isEmpty());
    CHECK_FALSE(QSqlDatabase::contains(name));
    std::unique_ptr<QThread> pooled(QThread::create([&] { name = f.store->connection().connectionName(); }));
    pooled->start();
    REQUIRE(pooled->wait(10'000));
    CHECK_FALSE(QSqlDatabase::contains(name));
    // This thread's own stays open until released (or the store is closed).
    name = f.store->connection().connectionName();
    CHECK(QSqlDatabase::contains(name));
    f.store->releaseThreadConnection();
    CHECK_FALSE(QSqlDatabase::contains(name));
    CHECK(f.store->units()->size() == 2);  // and is opened again when needed
}
CENTER_TEST("A thread's connection is closed when the thread ends", connectionsEndWithTheirThread)

// A database of schema version 1 (events with a content hash; on SQLite, server_seq a BIGINT key beside a hidden
// rowid) is upgraded when the center opens it: every event, dossier and answer stays as it was, and pushes go on
// where they left off.
void upgradeFromVersion1(Backend backend)
{
    CenterFixture f(backend);
    const auto a = f.enroll(QStringLiteral("H49.01"));
    const auto b = f.enroll(QStringLiteral("H49.01"));
    QList<Event> first;
    for (int i = 0; i < 30; ++i)
        first << noteEvent(a.counterId, i % 3 == 0 || first.isEmpty() ? QString() : first.last().dossierId);
    REQUIRE(f.push(a, eventsJson(first)).status == 200);
    const QByteArray feedBefore = f.feed(b, 0).body;

    // Back to version 1, as an older center left it.
    f.service.reset();
    f.store.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(
            backend == Backend::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), QStringLiteral("v1"));
        db.setDatabaseName(backend == Backend::Sqlite ? f.config.path : f.config.name);
        db.setHostName(f.config.host);
        db.setPort(f.config.port);
        db.setUserName(f.config.user);
        REQUIRE(db.open());
        QSqlQuery q(db);
        QStringList steps;
        if (backend == Backend::Sqlite) {
            steps = {QStringLiteral("CREATE TABLE events_v1 (server_seq BIGINT PRIMARY KEY, event_id TEXT NOT NULL "
                                    "UNIQUE, dossier_id TEXT NOT NULL, unit_id TEXT NOT NULL, counter_id TEXT NOT "
                                    "NULL, content_hash TEXT NOT NULL, body TEXT NOT NULL, stored_at TEXT NOT NULL)"),
                     QStringLiteral("INSERT INTO events_v1 SELECT server_seq, event_id, dossier_id, unit_id, "
                                    "counter_id, 'hash of ' || event_id, body, stored_at FROM events"),
                     QStringLiteral("DROP TABLE events"),
                     QStringLiteral("ALTER TABLE events_v1 RENAME TO events"),
                     QStringLiteral("CREATE INDEX events_unit_seq ON events(unit_id, server_seq)"),
                     QStringLiteral("CREATE INDEX events_dossier_seq ON events(dossier_id, server_seq)")};
        } else {
            // Version 1 had its identifiers in the database's default collation: every column now in "C" goes back
            // to it (which ones must come back is checked after the upgrade, below), each table in one statement.
            steps = {QStringLiteral("ALTER TABLE events ADD COLUMN content_hash TEXT NOT NULL DEFAULT 'old'")};
            REQUIRE(q.exec(QStringLiteral("SELECT table_name, string_agg(format('ALTER COLUMN %I TYPE TEXT COLLATE "
                                          "\"default\"', column_name), ', ') FROM information_schema.columns WHERE "
                                          "table_schema = 'public' AND collation_name = 'C' GROUP BY table_name")));
            while (q.next())
                steps << QStringLiteral("ALTER TABLE %1 %2").arg(q.value(0).toString(), q.value(1).toString());
            REQUIRE(steps.size() == 8);  // the seven tables with identifiers, and the content hash
            // Version 1 to 3 had the events' primary key on server_seq alone, and (unit_id, server_seq) apart.
            steps << QStringLiteral("ALTER TABLE events DROP CONSTRAINT events_pkey, ADD PRIMARY KEY (server_seq)")
                  << QStringLiteral("CREATE INDEX events_unit_seq ON events(unit_id, server_seq)");
        }
        steps << QStringLiteral("UPDATE center_meta SET value = '1' WHERE key = 'schema_version'");
        for (const QString &step : std::as_const(steps))
            REQUIRE(q.exec(step));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    auto reopened = sync::CenterStore::open(f.config);
    REQUIRE(reopened.ok());
    f.store = std::move(reopened.value());
    f.service = std::make_unique<sync::CenterService>(*f.store, sync::ServiceOptions{});
    auto status = f.store->status();
    REQUIRE(status.ok());
    CHECK(status->schemaVersion == 4);
    CHECK(status->events == 30);
    CHECK(f.feed(b, 0).body == feedBefore);
    if (backend == Backend::Postgres) {
        // Version 3: every identifier column compares byte by byte.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("v3"));
        db.setDatabaseName(f.config.name);
        db.setHostName(f.config.host);
        db.setPort(f.config.port);
        db.setUserName(f.config.user);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SELECT table_name, column_name, coalesce(collation_name, '') FROM "
                                      "information_schema.columns WHERE table_schema = 'public' AND column_name IN "
                                      "('unit_id', 'counter_id', 'login', 'event_id', 'dossier_id', 'code', "
                                      "'id_number') ORDER BY 1, 2")));
        int columns = 0;
        while (q.next()) {
            INFO(q.value(0).toString().toStdString() << "." << q.value(1).toString().toStdString());
            CHECK(q.value(2).toString() == QStringLiteral("C"));
            ++columns;
        }
        CHECK(columns == 16);
        // Version 4: three indexes on events, the primary key being the feed's (unit_id, server_seq).
        REQUIRE(q.exec(QStringLiteral("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = "
                                      "'events' ORDER BY indexname")));
        QStringList indexes;
        while (q.next())
            indexes << q.value(0).toString();
        INFO(indexes.join(QStringLiteral("\n")).toStdString());
        REQUIRE(indexes.size() == 3);
        CHECK(indexes.at(0).contains(QStringLiteral("(dossier_id, server_seq)")));
        CHECK(indexes.at(1).contains(QStringLiteral("UNIQUE INDEX events_event_id_key")));
        CHECK(indexes.at(2).contains(QStringLiteral("UNIQUE INDEX events_pkey ON public.events USING btree (unit_id, "
                                                    "server_seq)")));
        q.finish();
        db.close();
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));
    }
    if (backend == Backend::Sqlite) {
        // server_seq is the rowid now: no separate index for it.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
        db.setDatabaseName(f.config.path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                                      "'events'")));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == 3);  // event_id (unique), (unit_id, server_seq), (dossier_id, server_seq)
        REQUIRE(q.exec(QStringLiteral("SELECT pk, type FROM pragma_table_info('events') WHERE name = 'server_seq'")));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == 1);
        CHECK(q.value(1).toString() == QStringLiteral("INTEGER"));
        // Created by this version: pages of 16 KiB.
        REQUIRE(q.exec(QStringLiteral("PRAGMA page_size")));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == 16384);
        q.finish();
        db.close();
        QSqlDatabase::removeDatabase(QStringLiteral("v2"));
    }

    // The same events again are duplicates with their old sequence numbers, one with other content is rejected,
    // and new ones follow the old ones.
    const auto again = f.push(a, eventsJson(first)).object().value(QStringLiteral("results")).toArray();
    REQUIRE(again.size() == 30);
    CHECK(again.last().toObject().value(QStringLiteral("status")).toString() == QStringLiteral("duplicate"));
    CHECK(again.last().toObject().value(QStringLiteral("server_seq")).toInteger() == 30);
    Event changed = first.first();
    changed.payload.insert(QStringLiteral("text"), QStringLiteral("đã sửa"));
    const auto conflict = f.push(a, eventsJson({changed})).object().value(QStringLiteral("results")).toArray();
    CHECK(conflict.first().toObject().value(QStringLiteral("status")).toString() == QStringLiteral("rejected"));
    const auto next = f.push(a, eventsJson({noteEvent(a.counterId)})).object().value(QStringLiteral("results"));
    CHECK(next.toArray().first().toObject().value(QStringLiteral("server_seq")).toInteger() == 31);
    CHECK(eventCount(f) == 31);
}
CENTER_TEST("A version 1 database is upgraded in place, and nothing in it changes", upgradeFromVersion1)

// The center's SQL helpers, which it writes every event through: on PostgreSQL a COPY, one array look-up and a
// pipelined commit through libpq on the driver's own connection, on SQLite multi-row statements. Both must store and
// find every value exactly as the driver's own statements would, whatever bytes it holds.
void bulkRows(Backend backend)
{
    TempDir dir;
    const sync::CenterDbConfig config = freshCenterConfig(backend, dir);
    const QString name = QStringLiteral("bulk");
    {
        QSqlDatabase db;
        if (backend == Backend::Sqlite) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(config.path);
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(config.host);
            db.setPort(config.port);
            db.setDatabaseName(config.name);
            db.setUserName(config.user);
        }
        REQUIRE(db.open());
        REQUIRE(sql::run(db, QStringLiteral("CREATE TABLE bulk (id BIGINT PRIMARY KEY, a TEXT NOT NULL, b TEXT, "
                                            "n BIGINT)"))
                    .ok());

        const QStringList texts = {
            QStringLiteral("tab\there"),
            QStringLiteral("line\nbreak\r\nand a carriage return\r"),
            QStringLiteral("back\\slash \\N \\t \\\\"),
            QStringLiteral("Tiếng Việt \"trong ngoặc\", {dấu ngoặc nhọn}, 'nháy đơn'"),
            QStringLiteral("NULL"),
            QStringLiteral(" spaces around "),
            QString(),                           // a null QString is empty text
            QString(300'000, QLatin1Char('x')),  // more than one piece of a COPY
        };
        QVariantList rows;
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const QVariant b = i % 3 == 0   ? QVariant()
                               : i % 3 == 1 ? QVariant(texts.at(i).toUtf8())
                                            : QVariant(texts.at(i));
            rows << qint64(i + 1) << texts.at(i) << b
                 << (i % 2 == 0 ? QVariant(qint64(-i) * 1'000'000'007) : QVariant(1));
        }
        sql::Transaction tx(db);
        REQUIRE(tx.begin().ok());
        REQUIRE(sql::cachedScalar(db, QStringLiteral("SELECT COUNT(*) FROM bulk")).ok());
        if (backend == Backend::Postgres)
            CHECK(centersql::postgresHandle(db) != nullptr);  // the driver's statement is done: libpq may take the next
        else
            CHECK(centersql::postgresHandle(db) == nullptr);
        REQUIRE(centersql::insertRows(db, QStringLiteral("INSERT INTO bulk(id, a, b, n)"), 4, rows).ok());

        // Found by every one of its values, quotes, backslashes and all; a value that is not there finds nothing.
        QStringList wanted = texts;
        wanted << QStringLiteral("not there") << QStringLiteral("tab\\there") << texts.at(0);  // and one twice
        QMap<QString, qint64> found;
        qsizetype rowsSeen = 0;
        REQUIRE(centersql::selectIn(db, QStringLiteral("SELECT a, id FROM bulk WHERE a IN"), wanted,
                                    [&](const sql::TextRow &row) {
                                        found.insert(QString::fromUtf8(row.text(0)), row.integer(1));
                                        ++rowsSeen;
                                    })
                    .ok());
        CHECK(found.size() == texts.size());
        CHECK(rowsSeen == texts.size());  // each row once, as IN has it
        for (qsizetype i = 0; i < texts.size(); ++i)
            CHECK(found.value(texts.at(i), -1) == i + 1);  // a null QString was stored, and is found, as ""

        REQUIRE(tx.commit().ok());

        // Read back through the driver: every value as it was given, NULL only where NULL was given.
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SELECT id, a, b, n FROM bulk ORDER BY id")));
        qsizetype i = 0;
        while (q.next()) {
            INFO("row " << i);
            CHECK(q.value(0).toLongLong() == i + 1);
            CHECK(q.value(1).toString() == (texts.at(i).isNull() ? QStringLiteral("") : texts.at(i)));
            if (i % 3 == 0)
                CHECK(q.value(2).isNull());
            else
                CHECK(q.value(2).toString() == texts.at(i));
            CHECK(q.value(3).toLongLong() == (i % 2 == 0 ? qint64(-i) * 1'000'000'007 : 1));
            ++i;
        }
        CHECK(i == texts.size());
        q.finish();

        // A row whose key exists fails the whole insert with the conflict mapped as every driver error is, stores
        // nothing, and leaves the connection usable.
        sql::Transaction again(db);
        REQUIRE(again.begin().ok());
        auto clash = centersql::insertRows(db, QStringLiteral("INSERT INTO bulk(id, a, b, n)"), 4,
                                           {qint64(100), QStringLiteral("new"), QVariant(), qint64(0), qint64(1),
                                            QStringLiteral("clash"), QVariant(), qint64(0)});
        REQUIRE_FALSE(clash.ok());
        // SQLSTATE 23505 on PostgreSQL, as the driver's statements map it; SQLITE_CONSTRAINT_PRIMARYKEY on SQLite.
        CHECK(clash.error().code == ErrorCode::Conflict);
        again.rollback();
        auto count = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM bulk"));
        REQUIRE(count.ok());
        CHECK(count->toLongLong() == texts.size());

        // A transaction begun with a query and committed after statements (one round trip each on PostgreSQL):
        // every value stored as given, whatever quotes and backslashes it holds.
        {
            centersql::Transaction together(db);
            auto first = together.beginWith(QStringLiteral("SELECT MAX(id) FROM bulk"));
            REQUIRE(first.ok());
            CHECK(first->toLongLong() == texts.size());
            QList<centersql::Transaction::Statement> statements;
            for (qsizetype i = 0; i < texts.size(); ++i)
                statements.append({QStringLiteral("INSERT INTO bulk(id, a, b, n) VALUES (?, ?, ?, ?)"),
                                   {qint64(300 + i), texts.at(i),
                                    i % 2    ? QVariant()
                                    : i == 2 ? QVariant(texts.at(i).toUtf8())
                                             : QVariant(texts.at(i)),
                                    qint64(-i)}});
            statements.append({QStringLiteral("UPDATE bulk SET n = ? WHERE id = ?"), {qint64(7), qint64(300)}});
            REQUIRE(together.commitAfter(statements).ok());
            QSqlQuery back(db);
            REQUIRE(back.exec(QStringLiteral("SELECT id, a, b, n FROM bulk WHERE id >= 300 ORDER BY id")));
            qsizetype i = 0;
            while (back.next()) {
                INFO("row " << i);
                CHECK(back.value(1).toString() == (texts.at(i).isNull() ? QStringLiteral("") : texts.at(i)));
                CHECK(back.value(2).isNull() == (i % 2 == 1));
                if (i % 2 == 0)
                    CHECK(back.value(2).toString() == back.value(1).toString());
                CHECK(back.value(3).toLongLong() == (i == 0 ? 7 : -i));
                ++i;
            }
            CHECK(i == texts.size());
        }
        {
            // A failing statement fails the commit and keeps nothing of the transaction; so do values that do not
            // match the placeholders. The connection is usable after either.
            for (const QList<centersql::Transaction::Statement> &bad :
                 {QList<centersql::Transaction::Statement>{
                      {QStringLiteral("INSERT INTO bulk(id, a) VALUES (?, ?)"), {qint64(500), QStringLiteral("a")}},
                      {QStringLiteral("INSERT INTO bulk(id, a) VALUES (?, ?)"), {qint64(300), QStringLiteral("b")}}},
                  QList<centersql::Transaction::Statement>{
                      {QStringLiteral("INSERT INTO bulk(id, a) VALUES (?, ?)"), {qint64(500)}}}}) {
                centersql::Transaction failing(db);
                REQUIRE(failing.beginWith(QStringLiteral("SELECT COUNT(*) FROM bulk")).ok());
                REQUIRE(centersql::insertRows(db, QStringLiteral("INSERT INTO bulk(id, a, b, n)"), 4,
                                              {qint64(600), QStringLiteral("lost"), QVariant(), qint64(0)})
                            .ok());
                CHECK_FALSE(failing.commitAfter(bad).ok());
                auto kept = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM bulk WHERE id IN (500, 600)"));
                REQUIRE(kept.ok());
                CHECK(kept->toLongLong() == 0);
            }
            auto total = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM bulk"));
            REQUIRE(total.ok());
            CHECK(total->toLongLong() == 2 * texts.size());
        }

        {
            // Values that look like SQL go to the server as parameters: stored exactly, whatever placeholders,
            // quotes, backslashes or statements they hold, and nothing else changes.
            const QStringList tricky = {
                QStringLiteral("?"),
                QStringLiteral("$1"),
                QStringLiteral("what? $1 and $2, ?? $$ $$"),
                QStringLiteral("it's a \"quote\" with a \\ backslash and \\' both"),
                QStringLiteral("'); DELETE FROM bulk; --"),
                QStringLiteral("E'\\x41' \\N \\t"),
            };
            centersql::Transaction together(db);
            REQUIRE(together.beginWith(QStringLiteral("SELECT COUNT(*) FROM bulk")).ok());
            QList<centersql::Transaction::Statement> statements;
            for (qsizetype i = 0; i < tricky.size(); ++i)
                statements.append({QStringLiteral("INSERT INTO bulk(id, a, b, n) VALUES (?, ?, ?, ?)"),
                                   {qint64(700 + i), tricky.at(i), QVariant(tricky.at(i).toUtf8()), qint64(i)}});
            statements.append({QStringLiteral("UPDATE bulk SET b = ? WHERE id = ? AND a = ?"),
                               {tricky.at(1), qint64(700), tricky.at(0)}});
            REQUIRE(together.commitAfter(statements).ok());
            QSqlQuery back(db);
            REQUIRE(back.exec(QStringLiteral("SELECT id, a, b FROM bulk WHERE id >= 700 ORDER BY id")));
            qsizetype i = 0;
            while (back.next()) {
                INFO("row " << i);
                CHECK(back.value(0).toLongLong() == 700 + i);
                CHECK(back.value(1).toString() == tricky.at(i));
                CHECK(back.value(2).toString() == (i == 0 ? tricky.at(1) : tricky.at(i)));
                ++i;
            }
            CHECK(i == tricky.size());
            back.finish();
            auto total = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM bulk"));
            REQUIRE(total.ok());
            CHECK(total->toLongLong() == 2 * texts.size() + tricky.size());
            REQUIRE(sql::run(db, QStringLiteral("DELETE FROM bulk WHERE id >= 700")).ok());
        }
        {
            // The fault injector counts the commit with its statements as one statement, and fails it whole.
            centersql::Transaction counted(db);
            REQUIRE(counted.beginWith(QStringLiteral("SELECT COUNT(*) FROM bulk")).ok());
            sql::FaultInjector::failAt(backend == Backend::Postgres ? 1 : 2);
            CHECK_FALSE(counted
                            .commitAfter({{QStringLiteral("INSERT INTO bulk(id, a) VALUES (?, ?)"),
                                           {qint64(800), QStringLiteral("injected")}}})
                            .ok());
            sql::FaultInjector::disarm();
            auto kept = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM bulk WHERE id = 800"));
            REQUIRE(kept.ok());
            CHECK(kept->toLongLong() == 0);
        }

        // While a forward-only query of the driver still hands out its rows, the helpers go through the driver.
        if (backend == Backend::Postgres) {
            QSqlQuery open(db);
            open.setForwardOnly(true);
            REQUIRE(open.exec(QStringLiteral("SELECT id FROM bulk ORDER BY id")));
            REQUIRE(open.next());
            CHECK(centersql::postgresHandle(db) == nullptr);
            REQUIRE(
                centersql::insertRows(db, QStringLiteral("INSERT INTO bulk(id, a, b, n)"), 4,
                                      {qint64(200), QStringLiteral("through the driver\t\\"), QVariant(), qint64(2)})
                    .ok());
            qsizetype seen = 0;
            REQUIRE(centersql::selectIn(db, QStringLiteral("SELECT a, id FROM bulk WHERE a IN"),
                                        {QStringLiteral("through the driver\t\\"), texts.at(2)},
                                        [&](const sql::TextRow &) { ++seen; })
                        .ok());
            CHECK(seen == 3);  // texts.at(2) twice: inserted, and committed after statements
            open.finish();
            CHECK(centersql::postgresHandle(db) != nullptr);
        }
        sql::releaseCache(name);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}
CENTER_TEST("Bulk inserts and look-ups store and find every value exactly", bulkRows)

}  // namespace

TEST_CASE("A counter's further pipelined requests ride on its first while the center has room",
          "[center][load][sqlite]")
{
    CenterFixture f(sync::CenterDbConfig::Backend::Sqlite);
    sync::ServiceOptions options;
    options.maxInFlight = 4;
    sync::CenterService service(*f.store, options);
    const auto from = [](const char *counter) {
        sync::ApiRequest r;
        r.method = "POST";
        r.path = sync::apiPrefix() + QStringLiteral("/push");
        if (counter)
            r.authorization = sync::bearer(QString::fromLatin1(counter), QStringLiteral("secret"));
        return r;
    };
    const sync::ApiRequest a = from("H49.01-Q01");
    const sync::ApiRequest b = from("H49.02-Q01");
    const sync::ApiRequest c = from("H49.03-Q01");
    const sync::ApiRequest d = from("H49.04-Q01");
    const sync::ApiRequest e = from("H49.05-Q01");
    const sync::ApiRequest anonymous = from(nullptr);
    CHECK(service.tryAdmit(a));
    CHECK(service.tryAdmit(a));  // its second push in flight, while fewer than half of max_in_flight are
    CHECK(service.inFlight() == 1);
    CHECK(service.tryAdmit(b));
    CHECK(service.inFlight() == 2);
    CHECK_FALSE(service.tryAdmit(b));  // half full: no more second pushes
    CHECK(service.tryAdmit(c));
    CHECK(service.tryAdmit(d));
    CHECK(service.inFlight() == 4);
    CHECK_FALSE(service.tryAdmit(e));
    CHECK_FALSE(service.tryAdmit(anonymous));
    sync::ApiRequest health;
    health.method = "GET";
    health.path = sync::apiPrefix() + QStringLiteral("/health");
    CHECK(service.tryAdmit(health));  // never shed

    // Handling an admitted request releases it (these credentials are unknown: 401).
    const auto handle = [&](const sync::ApiRequest &r) {
        return service.handle(r, sync::CenterService::Admission::Admitted).status;
    };
    CHECK(handle(a) == 401);
    CHECK(service.inFlight() == 4);  // the other push of that counter still counts
    CHECK_FALSE(service.tryAdmit(e));
    CHECK(handle(a) == 401);
    CHECK(service.inFlight() == 3);
    CHECK(service.tryAdmit(e));
    for (const sync::ApiRequest *r : {&b, &c, &d, &e})
        CHECK(handle(*r) == 401);
    CHECK(service.inFlight() == 0);

    // Up to four of a counter's pushes: the k-th while fewer than max_in_flight / k are in flight.
    options.maxInFlight = 12;
    sync::CenterService roomy(*f.store, options);
    for (int k = 1; k <= 4; ++k)
        CHECK(roomy.tryAdmit(a));
    CHECK_FALSE(roomy.tryAdmit(a));  // a fifth never
    CHECK(roomy.inFlight() == 1);
    CHECK(roomy.tryAdmit(b));
    CHECK(roomy.tryAdmit(b));  // 2 < 12 / 2
    CHECK(roomy.tryAdmit(b));  // 2 < 12 / 3
    CHECK(roomy.tryAdmit(c));
    CHECK_FALSE(roomy.tryAdmit(b));  // 3 = 12 / 4: no fourth push
    CHECK(roomy.tryAdmit(c));        // 3 < 12 / 2
    CHECK(roomy.tryAdmit(d));
    CHECK(roomy.inFlight() == 4);
    CHECK_FALSE(roomy.tryAdmit(c));  // 4 = 12 / 3: no third push
}

// Commit delay: a thread about to commit waits for the pushes announced on other threads (being read), so they share
// its transaction; it does not wait when none is announced, nor for one given up.
TEST_CASE("A push announced on another thread shares the transaction of the one before it", "[center][load][sqlite]")
{
    TempDir dir;
    sync::CenterDbConfig config = freshCenterConfig(Backend::Sqlite, dir);
    config.commitDelayMs = 10'000;  // far longer than any wait below: only an arrival can end it
    auto opened = sync::CenterStore::open(config);
    REQUIRE(opened.ok());
    sync::CenterStore &store = **opened;
    REQUIRE(
        store
            .addUnit({QStringLiteral("H49.01"), QStringLiteral("Phường Hồng Gai"), QStringLiteral("000.00.01.H49"), 20})
            .ok());
    auto a = store.addCounter(QStringLiteral("H49.01"), QStringLiteral("Quầy 1"), 1);
    auto b = store.addCounter(QStringLiteral("H49.01"), QStringLiteral("Quầy 2"), 1);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    const sync::CounterAuth authA{a->counterId, a->unitId};
    const sync::CounterAuth authB{b->counterId, b->unitId};
    const auto accepted = [](const Result<QList<sync::PushOutcome>> &r, qsizetype n) {
        REQUIRE(r.ok());
        REQUIRE(r->size() == n);
        for (const sync::PushOutcome &o : *r)
            CHECK(o.status == sync::PushStatus::Accepted);
    };
    QElapsedTimer clock;
    clock.start();

    SECTION("with no push announced, a lone push is written at once")
    {
        accepted(store.ingest(authA, {noteEvent(a->counterId)}), 1);
        CHECK(clock.elapsed() < 5'000);
        CHECK(store.groupCommits() == 1);
    }
    SECTION("the announced push joins the waiting thread's transaction")
    {
        sync::CenterStore::Arrival announced(store);
        Result<QList<sync::PushOutcome>> first = makeError(ErrorCode::Internal, QString());
        std::thread leader([&] { first = store.ingest(authA, {noteEvent(a->counterId), noteEvent(a->counterId)}); });
        QThread::msleep(300);
        CHECK(store.groupCommits() == 0);  // waiting for the announced push
        accepted(store.ingest(authB, {noteEvent(b->counterId)}, {}, &announced), 1);
        leader.join();
        accepted(first, 2);
        CHECK(store.groupCommits() == 1);
        CHECK(clock.elapsed() < 5'000);
    }
    SECTION("no more pushes are read at once than the machine has cores; the next one waits for a turn")
    {
        std::vector<std::unique_ptr<sync::CenterStore::Arrival>> reading;
        for (int i = 0; i < std::max(1, QThread::idealThreadCount()); ++i)
            reading.push_back(std::make_unique<sync::CenterStore::Arrival>(store));
        std::atomic<bool> started{false};
        std::thread next([&] {
            sync::CenterStore::Arrival mine(store);
            started = true;
        });
        QThread::msleep(300);
        CHECK_FALSE(started.load());
        reading.pop_back();  // that push was queued (or given up): its turn passes on
        next.join();
        CHECK(started.load());
    }
    SECTION("a push announced and then given up (a bad request) releases the waiting thread")
    {
        auto announced = std::make_unique<sync::CenterStore::Arrival>(store);
        Result<QList<sync::PushOutcome>> first = makeError(ErrorCode::Internal, QString());
        std::thread leader([&] { first = store.ingest(authA, {noteEvent(a->counterId)}); });
        QThread::msleep(300);
        CHECK(store.groupCommits() == 0);
        announced.reset();
        leader.join();
        accepted(first, 1);
        CHECK(store.groupCommits() == 1);
        CHECK(clock.elapsed() < 5'000);
    }
}

TEST_CASE("The center's configuration file is read, and a bad value is named with its section and key",
          "[center][config][sqlite]")
{
    TempDir dir;
    const QString ini = dir.file(QStringLiteral("center.ini"));
    const auto load = [&](const QByteArray &text) {
        QFile f(ini);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        return sync::loadCenterConfig(ini);
    };
    auto defaults = load("[database]\nbackend=sqlite\n");
    REQUIRE(defaults.ok());
    CHECK(defaults->database.commitDelayMs == 20);
    CHECK(defaults->database.path == dir.file(QStringLiteral("center.sqlite")));
    CHECK(defaults->server.threads == 16);

    auto tuned = load("[database]\nbackend=sqlite\ncommit_delay_ms=0\n[server]\nthreads=4\nmax_in_flight=32\n");
    REQUIRE(tuned.ok());
    CHECK(tuned->database.commitDelayMs == 0);
    CHECK(tuned->server.threads == 4);
    CHECK(tuned->service.maxInFlight == 32);

    for (const QByteArray &bad :
         {QByteArray("commit_delay_ms=-5"), QByteArray("commit_delay_ms=5000"), QByteArray("commit_delay_ms=soon")}) {
        auto r = load("[database]\nbackend=sqlite\n" + bad + "\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.contains(QStringLiteral("[database] commit_delay_ms")));
    }
    auto threads = load("[server]\nthreads=0\n");
    REQUIRE_FALSE(threads.ok());
    CHECK(threads.error().message.contains(QStringLiteral("[server] threads")));
    auto backend = load("[database]\nbackend=oracle\n");
    REQUIRE_FALSE(backend.ok());
    CHECK(backend.error().message.contains(QStringLiteral("[database] backend")));
}

// Deferred syncs (SQLite): the writer commits without syncing the log, the syncer thread syncs it, and a push is
// answered only after that. Until then its events stay out of the feed; a failed sync fails the pushes waiting for it
// and every push after, and a restart serves what the log holds.
TEST_CASE("A push is answered, and its events served, only once the log is synced to disk", "[center][load][sqlite]")
{
    TempDir dir;
    const sync::CenterDbConfig config = freshCenterConfig(Backend::Sqlite, dir);
    sync::CounterAuth auth;
    sync::CounterAuth other;
    {
        auto opened = sync::CenterStore::open(config);
        REQUIRE(opened.ok());
        sync::CenterStore &store = **opened;
        REQUIRE(store
                    .addUnit({QStringLiteral("H49.01"), QStringLiteral("Phường Hồng Gai"),
                              QStringLiteral("000.00.01.H49"), 20})
                    .ok());
        auto a = store.addCounter(QStringLiteral("H49.01"), QStringLiteral("Quầy 1"), 1);
        auto b = store.addCounter(QStringLiteral("H49.01"), QStringLiteral("Quầy 2"), 1);
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        auth = {a->counterId, a->unitId};
        other = {b->counterId, b->unitId};

        // The first push starts the writer (and with it the syncer): answered after one sync.
        auto first = store.ingest(auth, {noteEvent(auth.counterId)});
        REQUIRE(first.ok());
        CHECK(first->first().status == sync::PushStatus::Accepted);
        CHECK(store.deferredSyncs() >= 1);
        REQUIRE(store.highWater().ok());
        CHECK(*store.highWater() == 1);

        // Hold the next sync: the push is committed but neither answered nor in the feed.
        std::atomic<bool> entered{false};
        std::atomic<bool> release{false};
        std::atomic<bool> fail{false};
        store.setBeforeSyncForTests([&]() -> Result<void> {
            entered = true;
            while (!release)
                QThread::msleep(5);
            if (fail)
                return makeError(ErrorCode::Internal, QStringLiteral("injected sync failure"));
            return {};
        });
        std::atomic<bool> answered{false};
        Result<QList<sync::PushOutcome>> second = makeError(ErrorCode::Internal, QString());
        std::thread pusher([&] {
            second = store.ingest(auth, {noteEvent(auth.counterId), noteEvent(auth.counterId)});
            answered = true;
        });
        QElapsedTimer waited;
        waited.start();
        while (!entered && waited.elapsed() < 10'000)
            QThread::msleep(5);
        REQUIRE(entered);
        QThread::msleep(100);
        CHECK_FALSE(answered);
        CHECK(store.status()->events == 3);  // committed
        CHECK(*store.highWater() == 1);      // not served
        auto page = store.feed(other, 0, 100);
        REQUIRE(page.ok());
        CHECK(page->count == 1);
        CHECK(page->lastSeq == 1);
        release = true;
        pusher.join();
        REQUIRE(second.ok());
        CHECK(second->size() == 2);
        CHECK(*store.highWater() == 3);
        page = store.feed(other, 1, 100);
        REQUIRE(page.ok());
        CHECK(page->count == 2);

        // A failed sync: the waiting push fails, and so does every push after it, without storing anything.
        entered = false;
        release = false;
        fail = true;
        answered = false;
        std::thread failing([&] {
            second = store.ingest(auth, {noteEvent(auth.counterId)});
            answered = true;
        });
        waited.restart();
        while (!entered && waited.elapsed() < 10'000)
            QThread::msleep(5);
        REQUIRE(entered);
        release = true;
        failing.join();
        REQUIRE_FALSE(second.ok());
        auto after = store.ingest(other, {noteEvent(other.counterId)});
        REQUIRE_FALSE(after.ok());
        const auto together = store.ingestTogether({{other, {noteEvent(other.counterId)}, {}}});
        REQUIRE(together.size() == 1);
        CHECK_FALSE(together.first().ok());
        CHECK(store.status()->events == 4);  // the failed group's event, committed but never served
        CHECK(*store.highWater() == 3);
        store.releaseThreadConnection();
    }
    // A restart reads the log back: the store serves what it holds, and takes pushes again.
    auto reopened = sync::CenterStore::open(config);
    REQUIRE(reopened.ok());
    CHECK(*(*reopened)->highWater() == 4);
    auto again = (*reopened)->ingest(other, {noteEvent(other.counterId)});
    REQUIRE(again.ok());
    CHECK(again->first().status == sync::PushStatus::Accepted);
    CHECK(*(*reopened)->highWater() == 5);
    (*reopened)->releaseThreadConnection();
}
