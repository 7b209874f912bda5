// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "core/Clock.h"
#include "core/dossier/Dossier.h"
#include "core/dossier/Event.h"
#include "core/dossier/Hlc.h"
#include "core/dossier/Uuid7.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

using namespace motcua;

namespace {

// Builds events of one dossier with explicit causality, as several counters would.
class History final {
public:
    History() : m_dossier(createUuid7()) {}

    Event &add(EventType type, const QStringList &parents, QJsonObject payload = {},
               const QString &counter = QStringLiteral("A"))
    {
        Event e;
        e.eventId = createUuid7(1'780'000'000'000 + m_events.size());
        e.dossierId = m_dossier;
        e.counterId = counter;
        e.officer = QStringLiteral("officer-") + counter;
        e.hlc = {1'780'000'000'000 + qint64(m_events.size()) * 1000, 0};
        e.type = type;
        e.catalogVersion = 1;
        e.parents = parents;
        e.payload = std::move(payload);
        e.occurredAt = QDateTime::fromMSecsSinceEpoch(e.hlc.wallMs, QTimeZone::utc());
        m_events.append(e);
        return m_events.last();
    }
    QList<Event> &events() { return m_events; }

private:
    QString m_dossier;
    QList<Event> m_events;
};

QJsonObject receivedPayload()
{
    return {{QStringLiteral("code"), QStringLiteral("000.00.04.H49-260302-0001")},
            {QStringLiteral("procedure_code"), QStringLiteral("1.001193")},
            {QStringLiteral("procedure_name"), QStringLiteral("Đăng ký khai sinh")},
            {QStringLiteral("applicant"), QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Trần Thị Hoa")}}},
            {QStringLiteral("received_at"), QStringLiteral("2026-03-02T03:00:00Z")},
            {QStringLiteral("due_at"), QStringLiteral("2026-03-05T03:00:00Z")},
            {QStringLiteral("fee_vnd"), 8000}};
}

// A comparable digest of a folded state.
QString digest(const DossierState &s)
{
    QStringList timeline;
    for (const TimelineEntry &t : s.timeline)
        timeline << t.eventId + (t.applied ? QStringLiteral("+") : QStringLiteral("-"));
    return QStringList{dossierStatusName(s.status),
                       s.code,
                       s.dueAt.toString(Qt::ISODate),
                       s.finishedAt.toString(Qt::ISODate),
                       timelinessName(s.timeliness),
                       s.conflict ? QStringLiteral("conflict") : QStringLiteral("clean"),
                       s.conflictEventIds.join(QLatin1Char(',')),
                       s.heads.join(QLatin1Char(',')),
                       QString::number(s.feeTotal()),
                       s.notes.join(QLatin1Char('|')),
                       timeline.join(QLatin1Char(' ')),
                       QString::number(s.eventCount)}
        .join(QLatin1Char('\n'));
}

}  // namespace

TEST_CASE("UUIDv7 ids have version 7, the variant bits, and sort by time", "[dossier][uuid]")
{
    const QString a = createUuid7(1'700'000'000'000);
    const QString b = createUuid7(1'700'000'000'001);
    CHECK(isUuid7(a));
    CHECK(isUuid7(b));
    CHECK(a < b);
    CHECK(QStringLiteral("89ab").contains(a.at(19)));
    CHECK(a.left(13) == QStringLiteral("018bcfe5-6800"));  // 1_700_000_000_000 ms = 0x018BCFE56800
    QSet<QString> many;
    for (int i = 0; i < 10000; ++i)
        many.insert(createUuid7(1'700'000'000'000));
    CHECK(many.size() == 10000);
    CHECK_FALSE(isUuid7(QStringLiteral("not-a-uuid")));
    CHECK_FALSE(isUuid7(QUuid::createUuid().toString(QUuid::WithoutBraces)));  // version 4
}

TEST_CASE("The hybrid logical clock never goes backwards", "[dossier][hlc]")
{
    HlcTimestamp t{1000, 0};
    t = HybridClock::next(t, 2000);
    CHECK(t == HlcTimestamp{2000, 0});
    t = HybridClock::next(t, 1500);  // the wall clock went back
    CHECK(t == HlcTimestamp{2000, 1});
    t = HybridClock::next(t, 2000);
    CHECK(t == HlcTimestamp{2000, 2});
    // A remote event from the future (within the allowed drift) is adopted …
    t = HybridClock::merge(t, {2500, 7}, 2100);
    CHECK(t == HlcTimestamp{2500, 8});
    // … but a clock years ahead is capped at our time plus the drift limit.
    const qint64 now = 1'780'000'000'000;
    t = HybridClock::merge({now, 0}, {now + 365LL * 24 * 3600 * 1000, 0}, now);
    CHECK(t.wallMs == now + HybridClock::kMaxForwardDriftMs);
    // The text form sorts like the value.
    CHECK(HlcTimestamp{0xfff, 2}.toString() < HlcTimestamp{0x1000, 0}.toString());
    CHECK(HlcTimestamp{0x19a2b3c4d5e, 0x2f}.toString() == QStringLiteral("019a2b3c4d5e.002f"));
    CHECK(HlcTimestamp{0, 0}.toString() == QStringLiteral("000000000000.0000"));
    CHECK(HlcTimestamp{0xffffffffffff, 0xffff}.toString() == QStringLiteral("ffffffffffff.ffff"));
    CHECK(HlcTimestamp{0x1000000000000, 0x10000}.toString() == QStringLiteral("1000000000000.10000"));  // too wide
    HlcTimestamp parsed;
    REQUIRE(HlcTimestamp::parse(HlcTimestamp{123456789, 42}.toString(), &parsed));
    CHECK(parsed == HlcTimestamp{123456789, 42});
    CHECK_FALSE(HlcTimestamp::parse(QStringLiteral("garbage"), &parsed));
}

TEST_CASE("The whole lifecycle folds to the expected state", "[dossier][fold]")
{
    History h;
    const QString r = h.add(EventType::Received, {}, receivedPayload()).eventId;
    const QString t =
        h.add(EventType::Transferred, {r}, {{QStringLiteral("agency"), QStringLiteral("UBND phường")}}).eventId;
    const QString s1 =
        h.add(EventType::ProcessingStep, {t}, {{QStringLiteral("step"), QStringLiteral("appraise")}}).eventId;
    const QString sup =
        h.add(EventType::SupplementRequested, {s1}, {{QStringLiteral("reason"), QStringLiteral("thiếu giấy")}}).eventId;
    DossierState mid = foldDossier(h.events());
    CHECK(mid.status == DossierStatus::WaitingSupplement);
    const QString back =
        h.add(EventType::Supplemented, {sup}, {{QStringLiteral("due_at"), QStringLiteral("2026-03-09T10:00:00Z")}})
            .eventId;
    const QString ext = h.add(EventType::Extended, {back},
                              {{QStringLiteral("new_due_at"), QStringLiteral("2026-03-12T10:00:00Z")},
                               {QStringLiteral("reason"), QStringLiteral("cần xác minh")}})
                            .eventId;
    const QString s2 =
        h.add(EventType::ProcessingStep, {ext}, {{QStringLiteral("step"), QStringLiteral("sign")}}).eventId;
    h.add(EventType::Note, {s2}, {{QStringLiteral("text"), QStringLiteral("gọi điện báo công dân")}});
    h.add(EventType::Fee, {s2}, {{QStringLiteral("amount_vnd"), 2000}});
    const QString ready =
        h.add(EventType::ResultReady, {s2}, {{QStringLiteral("at"), QStringLiteral("2026-03-11T08:00:00Z")}}).eventId;
    h.add(EventType::Returned, {ready},
          {{QStringLiteral("receiver"), QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Trần Thị Hoa")}}},
           {QStringLiteral("identity_checked"), true}});

    const DossierState s = foldDossier(h.events());
    CHECK(s.status == DossierStatus::Returned);
    CHECK(s.code == QStringLiteral("000.00.04.H49-260302-0001"));
    CHECK(s.dueAt == QDateTime(QDate(2026, 3, 12), QTime(10, 0), QTimeZone::utc()));
    CHECK(s.finishedAt == QDateTime(QDate(2026, 3, 11), QTime(8, 0), QTimeZone::utc()));
    CHECK(s.timeliness == Timeliness::Early);
    CHECK(s.feeTotal() == 10000);
    CHECK(s.notes == QStringList{QStringLiteral("gọi điện báo công dân")});
    CHECK_FALSE(s.conflict);
    CHECK(s.timeline.size() == 11);
    CHECK(s.heads.size() == 3);  // the note, the fee and the return
}

TEST_CASE("Timeliness compares the result with the due moment", "[dossier][fold]")
{
    auto finishAt = [](const QString &at) {
        History h;
        const QString r = h.add(EventType::Received, {}, receivedPayload()).eventId;  // due 2026-03-05 10:00 VN
        h.add(EventType::ResultReady, {r}, {{QStringLiteral("at"), at}});
        return foldDossier(h.events()).timeliness;
    };
    CHECK(finishAt(QStringLiteral("2026-03-04T09:00:00Z")) == Timeliness::Early);
    CHECK(finishAt(QStringLiteral("2026-03-05T02:00:00Z")) == Timeliness::OnTime);
    CHECK(finishAt(QStringLiteral("2026-03-05T03:00:00Z")) == Timeliness::OnTime);
    CHECK(finishAt(QStringLiteral("2026-03-05T03:00:01Z")) == Timeliness::Late);
}

TEST_CASE("Concurrent exclusive events are all kept and flag a conflict until resolved", "[dossier][fold][conflict]")
{
    History h;
    const QString r = h.add(EventType::Received, {}, receivedPayload()).eventId;
    const QString ready = h.add(EventType::ResultReady, {r}).eventId;
    // Two counters, both offline, hand the result over.
    const QString a =
        h.add(EventType::Returned, {ready},
              {{QStringLiteral("receiver"), QJsonObject{{QStringLiteral("full_name"), QStringLiteral("A")}}},
               {QStringLiteral("identity_checked"), true}},
              QStringLiteral("A"))
            .eventId;
    const QString b =
        h.add(EventType::Returned, {ready},
              {{QStringLiteral("receiver"), QJsonObject{{QStringLiteral("full_name"), QStringLiteral("B")}}},
               {QStringLiteral("identity_checked"), true}},
              QStringLiteral("B"))
            .eventId;
    DossierState s = foldDossier(h.events());
    CHECK(s.status == DossierStatus::Returned);
    CHECK(s.conflict);
    CHECK(s.conflictEventIds == QStringList{b});  // the first in HLC order applies, the other is kept and flagged
    CHECK(s.timeline.size() == 4);
    CHECK(s.heads == QStringList{std::min(a, b), std::max(a, b)});

    // A note that saw both branches does not resolve it …
    const QString note =
        h.add(EventType::Note, {a, b}, {{QStringLiteral("text"), QStringLiteral("đã kiểm tra")}}).eventId;
    CHECK(foldDossier(h.events()).conflict);
    // … a resolution that saw only one branch does not either …
    h.add(EventType::ConflictResolved, {a}, {{QStringLiteral("note"), QStringLiteral("giữ bản của quầy A")}});
    CHECK(foldDossier(h.events()).conflict);
    // … a supervisor's resolution that saw both does, and the status stays what the first return made it.
    Event &resolved =
        h.add(EventType::ConflictResolved, {note}, {{QStringLiteral("note"), QStringLiteral("giữ bản của quầy A")}});
    resolved.hlc = {1, 0};  // wherever it sorts, it resolves what it saw
    s = foldDossier(h.events());
    CHECK_FALSE(s.conflict);
    CHECK(s.status == DossierStatus::Returned);
    CHECK(s.timeline.size() == 7);
}

TEST_CASE("Any permutation and duplication of a dossier's events folds to the same state", "[dossier][fold][property]")
{
    QRandomGenerator rng(20261122);
    const QList<EventType> exclusive = {
        EventType::Transferred,  EventType::ProcessingStep, EventType::SupplementRequested,
        EventType::Supplemented, EventType::Extended,       EventType::ResultReady,
        EventType::Returned,     EventType::Withdrawn,      EventType::Stopped};
    for (int round = 0; round < 300; ++round) {
        History h;
        QStringList ids{h.add(EventType::Received, {}, receivedPayload()).eventId};
        const int n = 2 + int(rng.bounded(10));
        for (int i = 0; i < n; ++i) {
            // Parents: a random subset of earlier events (concurrent branches happen when it misses the newest).
            QStringList parents;
            const QString base = ids.at(int(rng.bounded(int(ids.size()))));
            parents << base;
            if (rng.bounded(3) == 0)
                parents << ids.at(int(rng.bounded(int(ids.size()))));
            parents.removeDuplicates();
            const bool commutative = rng.bounded(4) == 0;
            const EventType type =
                commutative ? EventType::Note : exclusive.at(int(rng.bounded(int(exclusive.size()))));
            QJsonObject payload{{QStringLiteral("text"), QStringLiteral("n%1").arg(i)},
                                {QStringLiteral("due_at"), QStringLiteral("2026-03-1%1T03:00:00Z").arg(i % 10)},
                                {QStringLiteral("new_due_at"), QStringLiteral("2026-04-1%1T03:00:00Z").arg(i % 10)}};
            Event &e = h.add(type, parents, payload, rng.bounded(2) ? QStringLiteral("A") : QStringLiteral("B"));
            // Same wall time on different counters: the HLC counter and the id break ties.
            if (rng.bounded(3) == 0)
                e.hlc = h.events().at(h.events().size() - 2).hlc;
            ids << e.eventId;
        }
        const QString expected = digest(foldDossier(h.events()));
        for (int k = 0; k < 5; ++k) {
            QList<Event> shuffled = h.events();
            const int dups = int(rng.bounded(4));
            for (int d = 0; d < dups; ++d)
                shuffled.append(shuffled.at(int(rng.bounded(int(shuffled.size())))));
            std::shuffle(shuffled.begin(), shuffled.end(), rng);
            const QString got = digest(foldDossier(shuffled));
            if (got != expected)
                FAIL("round " << round << " permutation " << k << " differs:\n"
                              << got.toStdString() << "\n---\n"
                              << expected.toStdString());
        }
    }
    SUCCEED("300 random histories, 5 permutations with duplicates each");
}

TEST_CASE("Events round-trip through JSON and bad JSON is refused with a reason", "[dossier][event]")
{
    History h;
    Event e = h.add(EventType::Received, {}, receivedPayload());
    auto back = Event::fromJson(e.toJson());
    REQUIRE(back.ok());
    CHECK(back->canonicalBytes() == e.canonicalBytes());

    QJsonObject bad = e.toJson();
    bad.insert(QStringLiteral("type"), QStringLiteral("teleported"));
    auto r = Event::fromJson(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(QStringLiteral("teleported")));
    bad = e.toJson();
    bad.insert(QStringLiteral("parents"), QStringLiteral("not a list"));
    CHECK_FALSE(Event::fromJson(bad).ok());
    bad = e.toJson();
    bad.insert(QStringLiteral("schema_version"), 99);
    CHECK_FALSE(Event::fromJson(bad).ok());
    bad = e.toJson();
    bad.remove(QStringLiteral("event_id"));
    CHECK_FALSE(Event::fromJson(bad).ok());
}

TEST_CASE("An event's canonical bytes are exactly those QJsonDocument writes, whatever the text", "[dossier][event]")
{
    // canonicalBytes() writes the common case directly; the definition is QJsonDocument's compact form.
    const auto defining = [](const Event &e) { return QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact); };
    History h;
    QList<Event> events;
    events << h.add(EventType::Received, {}, receivedPayload());
    events << h.add(EventType::Note, {},
                    QJsonObject{{QStringLiteral("text"), QStringLiteral("ghi chú \"trích\" \\ \n\t\x01 ✓")}});
    events << h.add(EventType::Note, {events.first().eventId});
    Event odd = events.first();
    odd.officer = QStringLiteral("nguyễn.văn.a");  // not ASCII: the defining path
    events << odd;
    odd.officer = QStringLiteral("a\"b\\c");
    events << odd;
    odd.officer = QStringLiteral("tab\there");
    events << odd;
    odd = events.first();
    odd.parents = {events.at(1).eventId, events.at(2).eventId, QStringLiteral("x") + QChar(0x7f) + QStringLiteral("y")};
    events << odd;
    odd.occurredAt = QDateTime();
    odd.catalogVersion = -7;
    odd.payload =
        QJsonObject{{QStringLiteral("n"), 1.5},
                    {QStringLiteral("big"), 9007199254740993.0},
                    {QStringLiteral("list"), QJsonArray{1, QStringLiteral("b"), QJsonValue::Null, true}},
                    {QStringLiteral("nested"), QJsonObject{{QStringLiteral("z"), 1}, {QStringLiteral("a"), 2}}}};
    events << odd;
    for (const Event &e : std::as_const(events)) {
        INFO(defining(e).toStdString());
        CHECK(e.canonicalBytes() == defining(e));
    }
}

TEST_CASE("Times are read the same with and without Qt's ISO parser", "[dossier][time]")
{
    // The definition: Qt's parser, and a time without an offset is Vietnam time.
    const auto reference = [](const QString &text) {
        const QString t = text.trimmed();
        QDateTime parsed = QDateTime::fromString(t, Qt::ISODateWithMs);
        if (!parsed.isValid())
            return QDateTime();
        if (parsed.timeSpec() == Qt::LocalTime) {
            const QDateTime fields = QDateTime::fromString(t + QLatin1Char('Z'), Qt::ISODateWithMs);
            if (!fields.isValid())
                return QDateTime();
            parsed = QDateTime(fields.date(), fields.time(), vietnamTimeZone());
        }
        return parsed.toUTC();
    };
    QRandomGenerator random(2026);
    const auto two = [&](int max) { return QStringLiteral("%1").arg(random.bounded(max), 2, 10, QLatin1Char('0')); };
    for (int i = 0; i < 20000; ++i) {
        QString text = QStringLiteral("%1-%2-%3T%4:%5")
                           .arg(random.bounded(1, 10000), 4, 10, QLatin1Char('0'))
                           .arg(two(14))
                           .arg(two(33))
                           .arg(two(26))
                           .arg(two(61));
        if (random.bounded(8) > 0)
            text += QLatin1Char(':') + two(62);
        switch (random.bounded(5)) {
        case 0:
            text += QLatin1Char('.') + QString::number(random.bounded(1000)).rightJustified(3, QLatin1Char('0'));
            break;
        case 1:
            text += QLatin1Char('.') + QString::number(random.bounded(100));
            break;
        default:
            break;
        }
        switch (random.bounded(6)) {
        case 0:
            text += QLatin1Char('Z');
            break;
        case 1:
        case 2:
            text += (random.bounded(2) ? QLatin1Char('+') : QLatin1Char('-')) + two(16) + QLatin1Char(':') + two(61);
            break;
        case 3:
            text += QStringLiteral("+0700");
            break;
        case 4:
            text = QLatin1Char(' ') + text + QLatin1Char(' ');
            break;
        default:
            break;
        }
        INFO(text.toStdString());
        const QDateTime expected = reference(text);
        const QDateTime got = parseVietnamTime(text);
        REQUIRE(got.isValid() == expected.isValid());
        if (expected.isValid()) {
            REQUIRE(got == expected);
            REQUIRE(got.toString(Qt::ISODateWithMs) == expected.toString(Qt::ISODateWithMs));
        }
    }
    CHECK(parseVietnamTime(QStringLiteral("2026-03-20T17:00:00")) ==
          QDateTime(QDate(2026, 3, 20), QTime(10, 0), Qt::UTC));
    CHECK_FALSE(parseVietnamTime(QStringLiteral("2026-02-30T10:00:00Z")).isValid());
}
