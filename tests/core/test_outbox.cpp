// SPDX-License-Identifier: GPL-3.0-or-later
#include "DossierFixtures.h"
#include "TestSupport.h"

#include "core/dossier/DossierStore.h"
#include "core/dossier/Outbox.h"
#include "core/store/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace motcua;
using namespace motcua::test;

namespace {

qint64 number(const Store &store, const QString &query)
{
    QSqlQuery q(store.connection());
    REQUIRE(q.exec(query));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

// Receives `n` dossiers at the counter of `store`; returns their event ids in the order received.
QStringList receiveDossiers(const Store &store, int n)
{
    REQUIRE(counterIdentity().save(store).ok());
    auto id = CounterIdentity::load(store);
    REQUIRE(id.ok());
    DossierService service(store, *id, QStringLiteral("lan.nt"));
    for (int i = 0; i < n; ++i)
        REQUIRE(service.receive(receiveRequest(vnTime(2026, 3, 2, 9, i))).ok());
    QStringList ids;
    QSqlQuery q(store.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT event_id FROM outbox ORDER BY seq")));
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

Result<void> write(const Store &store, const std::function<Result<void>(const QSqlDatabase &)> &work)
{
    return store.write(work);
}

}  // namespace

TEST_CASE("The outbox hands out its events in batches and settles what the center answered", "[dossier][outbox]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    const QStringList ids = receiveDossiers(*store, 5);
    REQUIRE(ids.size() == 5);
    const Outbox outbox(*store);

    QByteArray json = "[";
    auto first = outbox.appendPending(0, 3, json);
    REQUIRE(first.ok());
    json += ']';
    CHECK(first->eventIds == QSet<QString>{ids[0], ids[1], ids[2]});
    const QJsonArray events = QJsonDocument::fromJson(json).array();
    REQUIRE(events.size() == 3);
    CHECK(events.at(0).toObject().value(QStringLiteral("event_id")).toString() == ids[0]);

    QByteArray rest;
    auto second = outbox.appendPending(first->lastSeq, 3, rest);
    REQUIRE(second.ok());
    CHECK(second->eventIds == QSet<QString>{ids[3], ids[4]});
    QByteArray none;
    auto after = outbox.appendPending(second->lastSeq, 3, none);
    REQUIRE(after.ok());
    CHECK(after->eventIds.isEmpty());
    CHECK(after->lastSeq == 0);
    CHECK(none.isEmpty());

    // The center took the first batch but rejected its middle event.
    REQUIRE(write(*store, [&](const QSqlDatabase &db) -> Result<void> {
                if (auto q = Outbox::quarantine(db, ids[1], QStringLiteral("bad")); !q)
                    return q;
                return Outbox::settleRange(db, 0, first->lastSeq);
            }).ok());
    CHECK(number(*store, QStringLiteral("SELECT count(*) FROM outbox")) == 3);
    CHECK(number(*store, QStringLiteral("SELECT count(*) FROM outbox WHERE quarantined = 1 AND attempts = 1")) == 1);
    QByteArray pending;
    auto left = outbox.appendPending(0, 10, pending);
    REQUIRE(left.ok());
    CHECK(left->eventIds == QSet<QString>{ids[3], ids[4]});  // the quarantined one is not pushed again

    REQUIRE(write(*store, [&](const QSqlDatabase &db) { return Outbox::settle(db, {ids[3]}); }).ok());
    CHECK(number(*store, QStringLiteral("SELECT count(*) FROM outbox")) == 2);

    SECTION("a new epoch queues the own events again and releases the quarantined ones")
    {
        int requeued = -1;
        REQUIRE(write(*store, [&](const QSqlDatabase &db) -> Result<void> {
                    auto r = Outbox::requeueForNewEpoch(db, counterIdentity().counterId);
                    if (!r)
                        return r.error();
                    requeued = *r;
                    return {};
                }).ok());
        CHECK(requeued == 3);
        CHECK(number(*store, QStringLiteral("SELECT count(*) FROM outbox WHERE quarantined = 0")) == 5);
        REQUIRE(write(*store, [&](const QSqlDatabase &db) -> Result<void> {
                    auto r = Outbox::requeueForNewEpoch(db, counterIdentity().counterId);
                    if (!r)
                        return r.error();
                    requeued = *r;
                    return {};
                }).ok());
        CHECK(requeued == 0);  // all queued already
    }
    SECTION("clearing empties the queue and keeps the events")
    {
        REQUIRE(write(*store, [&](const QSqlDatabase &db) { return Outbox::clear(db); }).ok());
        CHECK(number(*store, QStringLiteral("SELECT count(*) FROM outbox")) == 0);
        CHECK(number(*store, QStringLiteral("SELECT count(*) FROM events")) == 5);
    }
}

TEST_CASE("The store records the center's sequence numbers and knows which dossiers it holds", "[dossier][outbox]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    const QStringList ids = receiveDossiers(*store, 3);
    QSqlQuery q(store->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT dossier_id FROM events LIMIT 1")));
    REQUIRE(q.next());
    const QString dossier = q.value(0).toString();

    auto held = DossierStore::holdsEventsOf(store->connection(), dossier);
    REQUIRE(held.ok());
    CHECK(*held);
    auto other =
        DossierStore::holdsEventsOf(store->connection(), QStringLiteral("0190b2a0-0000-7000-8000-000000000000"));
    REQUIRE(other.ok());
    CHECK_FALSE(*other);

    REQUIRE(write(*store, [&](const QSqlDatabase &db) {
                return DossierStore::setServerSeqs(db, {{ids[0], 41}, {ids[2], 43}});
            }).ok());
    CHECK(number(*store, QStringLiteral("SELECT count(*) FROM events WHERE server_seq IS NOT NULL")) == 2);
    CHECK(number(*store, QStringLiteral("SELECT server_seq FROM events WHERE event_id = '%1'").arg(ids[2])) == 43);
    REQUIRE(write(*store, [&](const QSqlDatabase &db) { return DossierStore::setServerSeqs(db, {}); }).ok());
}
