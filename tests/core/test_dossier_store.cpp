// SPDX-License-Identifier: GPL-3.0-or-later
#include "DossierFixtures.h"
#include "TestSupport.h"

#include "core/Clock.h"
#include "core/dossier/CanonicalJson.h"
#include "core/dossier/DossierCodes.h"
#include "core/dossier/DossierStore.h"
#include "core/dossier/Hlc.h"
#include "core/store/AuditLog.h"
#include "core/store/Sql.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

using namespace motcua;
using namespace motcua::test;

namespace {

qint64 count(const Store &store, const QString &table)
{
    QSqlQuery q(store.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM ") + table));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

}  // namespace

TEST_CASE("Dossier codes have the national format and parse back", "[dossier][codes]")
{
    CHECK(DossierCodes::format(QStringLiteral("000.00.04.H40"), QDate(2023, 4, 14), 2) ==
          QStringLiteral("000.00.04.H40-230414-0002"));
    QString agency;
    QDate day;
    int seq = 0;
    REQUIRE(DossierCodes::parse(QStringLiteral("000.00.04.H49-260302-0457"), &agency, &day, &seq));
    CHECK(agency == QStringLiteral("000.00.04.H49"));
    CHECK(day == QDate(2026, 3, 2));
    CHECK(seq == 457);
    for (const char *bad : {"", "000.00.04.H49", "000.00.04.H49-260302-45", "000.00.04.H49-261302-0001",
                            "000.00.04.H49-260302-0000", "H49 X-260302-0001", "000.00.04.H49-2603O2-0001"})
        CHECK_FALSE(DossierCodes::parse(QString::fromLatin1(bad), nullptr, nullptr, nullptr));
}

TEST_CASE("20 offline counters of one unit issue 450 codes each on the same day without a duplicate",
          "[dossier][codes]")
{
    TempDir dir;
    const QDate day(2026, 3, 2);
    QSet<QString> all;
    for (int slot = 1; slot <= 20; ++slot) {
        auto store = openStore(dir.file(QStringLiteral("counter-%1.sqlite").arg(slot)));
        auto r = store->write([&](const QSqlDatabase &db) -> Result<void> {
            for (int i = 0; i < 450; ++i) {
                auto code = DossierCodes::issue(db, QStringLiteral("000.00.04.H49"), day, slot, 20);
                if (!code)
                    return code.error();
                QString agency;
                QDate d;
                int seq = 0;
                REQUIRE(DossierCodes::parse(*code, &agency, &d, &seq));
                CHECK(d == day);
                all.insert(*code);
            }
            return {};
        });
        REQUIRE(r.ok());
    }
    CHECK(all.size() == 20 * 450);
}

TEST_CASE("Exhausting a counter's range is a clear error, never a duplicate", "[dossier][codes]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    const DossierCodes::Range range = DossierCodes::reserve(3, 20);
    CHECK(range.first == 999);
    CHECK(range.last == 1497);
    QSet<QString> codes;
    Error last;
    auto r = store->write([&](const QSqlDatabase &db) -> Result<void> {
        for (int i = 0; i < 600; ++i) {
            auto code = DossierCodes::issue(db, QStringLiteral("000.00.04.H49"), QDate(2026, 3, 2), 3, 20);
            if (!code) {
                last = code.error();
                break;
            }
            codes.insert(*code);
        }
        return {};
    });
    REQUIRE(r.ok());
    CHECK(codes.size() == range.last - range.first + 1);
    CHECK(last.code == ErrorCode::Exhausted);
    CHECK(last.message.contains(QStringLiteral("999–1497")));
    // The next day starts afresh.
    auto next = store->write([&](const QSqlDatabase &db) -> Result<void> {
        auto code = DossierCodes::issue(db, QStringLiteral("000.00.04.H49"), QDate(2026, 3, 3), 3, 20);
        REQUIRE(code.ok());
        CHECK(*code == QStringLiteral("000.00.04.H49-260303-0999"));
        return {};
    });
    CHECK(next.ok());
}

TEST_CASE("Receiving writes the event, its outbox row, the dossier view and the audit entry together",
          "[dossier][service]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    REQUIRE(counterIdentity().save(*store).ok());
    auto id = CounterIdentity::load(*store);
    REQUIRE(id.ok());
    DossierService service(*store, *id, QStringLiteral("lan.nt"));

    auto received = service.receive(receiveRequest(vnTime(2026, 3, 2, 9, 30)));
    REQUIRE(received.ok());
    CHECK(received->code == QStringLiteral("000.00.04.H49-260302-0001"));
    CHECK(received->status == DossierStatus::Received);
    CHECK(count(*store, QStringLiteral("events")) == 1);
    CHECK(count(*store, QStringLiteral("outbox")) == 1);
    CHECK(count(*store, QStringLiteral("dossiers")) == 1);
    CHECK(count(*store, QStringLiteral("audit_log")) == 1);

    SECTION("a failure at any statement leaves nothing behind")
    {
        for (int i = 1; i <= 30; ++i) {
            sql::FaultInjector::failAt(i);
            auto r = service.receive(receiveRequest(vnTime(2026, 3, 2, 10, 0)));
            const bool reached = sql::FaultInjector::executedCount() >= i;
            sql::FaultInjector::disarm();
            if (!reached) {
                REQUIRE(r.ok());  // the fault index is past the last statement: the write went through
                break;
            }
            CHECK_FALSE(r.ok());
            CHECK(count(*store, QStringLiteral("events")) == 1);
            CHECK(count(*store, QStringLiteral("outbox")) == 1);
            CHECK(count(*store, QStringLiteral("dossiers")) == 1);
            CHECK(count(*store, QStringLiteral("audit_log")) == 1);
        }
        auto audit = AuditLog::verify(store->connection());
        REQUIRE(audit.ok());
        CHECK(audit->intact);
    }
}

TEST_CASE("Illegal transitions and incomplete steps are refused with a clear message", "[dossier][service]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    DossierService service(*store, counterIdentity(), QStringLiteral("lan.nt"));
    auto d = service.receive(receiveRequest(vnTime(2026, 3, 2, 9, 30)));
    REQUIRE(d.ok());
    const QString code = d->code;

    auto returned =
        service.record(code, EventType::Returned,
                       {{QStringLiteral("receiver"), QJsonObject{{QStringLiteral("full_name"), QStringLiteral("X")}}},
                        {QStringLiteral("identity_checked"), true}});
    REQUIRE_FALSE(returned.ok());
    CHECK(returned.error().code == ErrorCode::InvalidInput);
    CHECK(returned.error().message.contains(QStringLiteral("cannot be marked")));

    CHECK_FALSE(service.record(code, EventType::Transferred, {}).ok());  // agency missing
    REQUIRE(
        service
            .record(code, EventType::Transferred, {{QStringLiteral("agency"), QStringLiteral("UBND phường Hồng Gai")}})
            .ok());
    REQUIRE(
        service.record(code, EventType::ProcessingStep, {{QStringLiteral("step"), QStringLiteral("appraise")}}).ok());
    CHECK_FALSE(
        service.record(code, EventType::ProcessingStep, {{QStringLiteral("step"), QStringLiteral("dance")}}).ok());
    // An extension must move the date later.
    CHECK_FALSE(service
                    .record(code, EventType::Extended,
                            {{QStringLiteral("new_due_at"), QStringLiteral("2026-03-01T00:00:00Z")},
                             {QStringLiteral("reason"), QStringLiteral("x")}})
                    .ok());
    REQUIRE(service.record(code, EventType::ResultReady, {}).ok());
    // Returning needs an identity check.
    auto unchecked =
        service.record(code, EventType::Returned,
                       {{QStringLiteral("receiver"), QJsonObject{{QStringLiteral("full_name"), QStringLiteral("X")}}}});
    REQUIRE_FALSE(unchecked.ok());
    CHECK(unchecked.error().message.contains(QStringLiteral("identity")));
    auto done = service.record(
        code, EventType::Returned,
        {{QStringLiteral("receiver"), QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Nguyễn Văn Đức")}}},
         {QStringLiteral("identity_checked"), true}});
    REQUIRE(done.ok());
    CHECK(done->status == DossierStatus::Returned);
    CHECK(done->timeline.size() == 5);
    CHECK_FALSE(done->conflict);
    // Notes are welcome even after the end.
    CHECK(service.record(code, EventType::Note, {{QStringLiteral("text"), QStringLiteral("lưu trữ")}}).ok());
    // An unknown code is NotFound.
    auto missing = service.record(QStringLiteral("000.00.04.H49-260302-9999"), EventType::Note,
                                  {{QStringLiteral("text"), QStringLiteral("x")}});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
}

TEST_CASE("A counter that is not set up cannot receive", "[dossier][service]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    DossierService service(*store, CounterIdentity{}, QStringLiteral("lan.nt"));
    auto r = service.receive(receiveRequest(vnTime(2026, 3, 2, 9, 30)));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(QStringLiteral("not set up")));
}

TEST_CASE("The store's clock persists and never goes backwards when the wall clock does", "[dossier][hlc]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("c.sqlite"));
    QDateTime now = QDateTime(QDate(2026, 3, 2), QTime(3, 0), QTimeZone::utc());
    ScopedClockOverride clock([&] { return now; });
    HlcTimestamp first;
    {
        auto store = openStore(path);
        REQUIRE(store
                    ->write([&](const QSqlDatabase &db) -> Result<void> {
                        auto t = HybridClock::tick(db);
                        REQUIRE(t.ok());
                        first = *t;
                        return {};
                    })
                    .ok());
    }
    now = now.addSecs(-3600);  // someone sets the clock back an hour
    auto store = openStore(path);
    REQUIRE(store
                ->write([&](const QSqlDatabase &db) -> Result<void> {
                    auto t = HybridClock::tick(db);
                    REQUIRE(t.ok());
                    CHECK(first < *t);
                    return {};
                })
                .ok());
}

TEST_CASE("Dossier search finds by code, ID number, phone and name words without diacritics", "[dossier][search]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    DossierService service(*store, counterIdentity(), QStringLiteral("lan.nt"));
    auto a = service.receive(receiveRequest(vnTime(2026, 3, 2, 9, 30), QStringLiteral("Nguyễn Văn Đức")));
    ReceiveRequest other = receiveRequest(vnTime(2026, 3, 2, 9, 45), QStringLiteral("Trần Thị Hồng Đào"));
    other.applicant.insert(QStringLiteral("id_number"), QStringLiteral("022185009876"));
    other.applicant.insert(QStringLiteral("birth_date"), QStringLiteral("1985-07-20"));
    other.applicant.insert(QStringLiteral("gender"), QStringLiteral("Nữ"));
    other.applicant.insert(QStringLiteral("phone"), QStringLiteral("02033123456"));
    auto b = service.receive(other);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    DossierStore dossiers(*store);
    auto codes = [&](const QString &q) {
        auto r = dossiers.search(q, 50);
        REQUIRE(r.ok());
        QStringList out;
        for (const DossierSummary &s : *r)
            out << s.code;
        out.sort();
        return out;
    };
    CHECK(codes(b->code) == QStringList{b->code});
    CHECK(codes(QStringLiteral("000.00.04.h49-260302")) == QStringList{a->code, b->code});
    CHECK(codes(QStringLiteral("022185009876")) == QStringList{b->code});
    CHECK(codes(QStringLiteral("0203 312 3456")) == QStringList{b->code});
    CHECK(codes(QStringLiteral("duc nguyen")) == QStringList{a->code});
    CHECK(codes(QStringLiteral("dao hong")) == QStringList{b->code});
    CHECK(codes(QStringLiteral("tr th")) == QStringList{b->code});
    CHECK(codes(QStringLiteral("\"; DROP TABLE dossiers; --")).isEmpty());
    CHECK(codes(QStringLiteral("nobody")).isEmpty());

    // The view is derived: rebuilt from events, it answers the same.
    auto rebuilt = dossiers.rebuildViews();
    REQUIRE(rebuilt.ok());
    CHECK(*rebuilt == 2);
    CHECK(codes(QStringLiteral("duc")) == QStringList{a->code});
}

TEST_CASE("An applicant with only a name (no ID number, phone or e-mail) can be received", "[dossier][service]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    DossierService service(*store, counterIdentity(), QStringLiteral("lan.nt"));
    ReceiveRequest r = receiveRequest(vnTime(2026, 3, 2, 9, 30));
    r.applicant = {{QStringLiteral("full_name"), QStringLiteral("Lò Văn Páo")}};
    auto d = service.receive(r);
    REQUIRE(d.ok());
    auto found = DossierStore(*store).search(QStringLiteral("lo van pao"), 10);
    REQUIRE(found.ok());
    REQUIRE(found->size() == 1);
    CHECK(found->first().phone.isEmpty());
    CHECK(found->first().idNumber.isEmpty());
}

TEST_CASE("A counter whose slot changed during the day never draws from its old reserve", "[dossier][codes]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    const QDate day(2026, 3, 2);
    auto issue = [&](int slot, int slots) {
        QString code;
        auto r = store->write([&](const QSqlDatabase &db) -> Result<void> {
            auto c = DossierCodes::issue(db, QStringLiteral("000.00.04.H49"), day, slot, slots);
            if (!c)
                return c.error();
            code = *c;
            return {};
        });
        return r.ok() ? code : QString();
    };
    CHECK(issue(1, 20) == QStringLiteral("000.00.04.H49-260302-0001"));
    CHECK(issue(1, 20) == QStringLiteral("000.00.04.H49-260302-0002"));
    // Slot 1 went to another PC; this one is slot 2 now.
    CHECK(issue(2, 20) == QStringLiteral("000.00.04.H49-260302-0500"));
    CHECK(issue(2, 20) == QStringLiteral("000.00.04.H49-260302-0501"));
}

TEST_CASE("Times in event payloads are Vietnam time when they carry no offset, whatever the machine's zone",
          "[dossier][service]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    DossierService service(*store, counterIdentity(), QStringLiteral("lan.nt"));
    auto d = service.receive(receiveRequest(vnTime(2026, 3, 2, 9, 30)));
    REQUIRE(d.ok());
    const QByteArray oldTz = qgetenv("TZ");
    qputenv("TZ", "America/New_York");
    tzset();
    auto extended = service.record(d->code, EventType::Extended,
                                   {{QStringLiteral("new_due_at"), QStringLiteral("2026-03-20T17:00")},
                                    {QStringLiteral("reason"), QStringLiteral("cần xác minh thêm")}});
    qputenv("TZ", oldTz);
    tzset();
    REQUIRE(extended.ok());
    CHECK(extended->dueAt == vnTime(2026, 3, 20, 17, 0));
    CHECK(extended->timeline.last().payload.value(QStringLiteral("new_due_at")).toString() ==
          QStringLiteral("2026-03-20T10:00:00Z"));
    auto bad =
        service.record(d->code, EventType::Note,
                       {{QStringLiteral("text"), QStringLiteral("x")}, {QStringLiteral("at"), QStringLiteral("soon")}});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::InvalidInput);
}

TEST_CASE("Resolving needs a conflict, and agency identifiers are kept upper-case", "[dossier][service]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    REQUIRE(counterIdentity(1, 20, QStringLiteral("000.00.04.h49")).save(*store).ok());
    auto id = CounterIdentity::load(*store);
    REQUIRE(id.ok());
    CHECK(id->agencyId == QStringLiteral("000.00.04.H49"));
    DossierService service(*store, *id, QStringLiteral("lan.nt"));
    auto d = service.receive(receiveRequest(vnTime(2026, 3, 2, 9, 30)));
    REQUIRE(d.ok());
    CHECK(DossierStore(*store).loadByCode(d->code.toLower()).ok());
    auto none = service.record(d->code, EventType::ConflictResolved, {{QStringLiteral("note"), QStringLiteral("x")}});
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.contains(QStringLiteral("no conflict")));
}

TEST_CASE("An event's wire form written straight from its row is the JSON object the row reads as", "[dossier][event]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    REQUIRE(counterIdentity().save(*store).ok());
    auto id = CounterIdentity::load(*store);
    REQUIRE(id.ok());
    // An officer's login and a note with everything JSON must escape.
    DossierService service(*store, *id, QStringLiteral("lan.nt \"chị\" \\ \t\x01"));
    auto received = service.receive(receiveRequest(vnTime(2026, 3, 2, 9, 30)));
    REQUIRE(received.ok());
    {
        // A row this program would never write (parents not a JSON array): it goes through the parser, as before.
        QSqlQuery bad(store->connection());
        const QString columns = QLatin1String(DossierStore::kEventColumns);
        REQUIRE(bad.exec(QStringLiteral("INSERT INTO events(%1) SELECT 'x' || event_id, dossier_id, counter_id, "
                                        "officer, hlc, type, schema_version, catalog_version, 'oops', payload, "
                                        "recorded_at FROM events")
                             .arg(columns)));
    }
    // Each row read both ways: as UTF-8 text (what a push is written from) and through the driver.
    QList<QByteArray> written;
    const QString select =
        QStringLiteral("SELECT %1 FROM events ORDER BY event_id").arg(QLatin1String(DossierStore::kEventColumns));
    REQUIRE(sql::selectText(store->connection(), select, {}, [&](const sql::TextRow &row) {
                QByteArray text;
                DossierStore::appendEventJsonFromRow(text, row);
                written.append(text);
            }).ok());
    QSqlQuery q(store->connection());
    REQUIRE(q.exec(select));
    int rows = 0;
    while (q.next()) {
        REQUIRE(rows < written.size());
        const QByteArray &text = written.at(rows);
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        INFO(text.toStdString());
        REQUIRE(error.error == QJsonParseError::NoError);
        CHECK(doc.object() == DossierStore::eventJsonFromRow(q));
        // A well-formed row is written in canonical form, which the center takes as it is.
        if (!q.value(0).toString().startsWith(QLatin1Char('x'))) {
            auto event = Event::fromJson(doc.object());
            REQUIRE(event.ok());
            CHECK(text == event->canonicalBytes());
            CHECK(json::isCanonical(text));
        }
        ++rows;
    }
    CHECK(rows == 2);
    QByteArray quoted;
    DossierStore::appendJsonString(quoted, QStringLiteral("a\"b\\c\nd\x1f"));
    CHECK(quoted == "\"a\\\"b\\\\c\\nd\\u001f\"");
}
