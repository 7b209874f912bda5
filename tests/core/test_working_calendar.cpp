// SPDX-License-Identifier: GPL-3.0-or-later
// Days off, make-up days and due moments (DESIGN.md, "Working calendar").
#include "TestSupport.h"

#include "core/calendar/CalendarStore.h"
#include "core/calendar/Holidays.h"
#include "core/calendar/WorkingCalendar.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

#include <QFile>
#include <QSqlQuery>
#include <QTimeZone>

#include <ctime>

using namespace motcua;
using motcua::test::TempDir;

namespace {

QDate d(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// A moment in Vietnam time, "yyyy-MM-ddTHH:mm".
QDateTime vn(const char *text)
{
    const QDateTime local = QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyy-MM-ddTHH:mm"));
    return QDateTime(local.date(), local.time(), WorkingCalendar::vietnamTime());
}

QString text(const QDateTime &t)
{
    return t.toTimeZone(WorkingCalendar::vietnamTime()).toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
}

QByteArray shippedJson()
{
    QFile f(QStringLiteral(":/data/holidays-vn.json"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

WorkingCalendar officialCalendar()
{
    auto years = Holidays::parse(shippedJson());
    REQUIRE(years.ok());
    WorkingCalendar calendar;
    for (const CalendarYear &y : *years)
        calendar.setYear(y.year, y.days, y.source);
    return calendar;
}

QString due(const WorkingCalendar &c, const char *received, ProcessingKind kind, int days = 0)
{
    return text(c.due(vn(received), ProcessingTime{kind, days}));
}

std::unique_ptr<Store> openStore(const QString &path)
{
    auto r = Store::open(path);
    if (!r)
        FAIL("Store::open failed: " << r.error().message);
    return std::move(r.value());
}

qint64 count(const Store &store, const QString &sqlText)
{
    QSqlQuery q(store.connection());
    REQUIRE(q.exec(sqlText));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

const Actor officer{QStringLiteral("lan.nt"), QStringLiteral("counter-a")};

const QByteArray official2027 = R"({"format": "motcua-calendar/1", "years": {"2027": {
    "days_off": [{"date": "2027-01-01", "name": "Tết Dương lịch"}, {"date": "2027-02-04", "name": "Tết"},
                 {"date": "2027-02-05", "name": "Tết"}, {"date": "2027-02-08", "name": "Tết"},
                 {"date": "2027-02-09", "name": "Tết"}, {"date": "2027-02-10", "name": "Tết"}],
    "workdays": [{"date": "2027-01-30", "name": "Làm bù"}]}}})";

}  // namespace

TEST_CASE("The shipped official days off are read whole", "[calendar]")
{
    auto years = Holidays::parse(shippedJson());
    REQUIRE(years.ok());
    REQUIRE(years->keys() == QList<int>{2025, 2026});
    const CalendarYear &y2025 = years->value(2025);
    const CalendarYear &y2026 = years->value(2026);
    CHECK(y2025.days.size() == 13);
    CHECK(y2026.days.size() == 12);
    CHECK(y2026.days.first() ==
          CalendarDay{d("2026-01-01"), DayKind::Off, QStringLiteral("Tết Dương lịch"), DaySource::Official});
}

TEST_CASE("Official days off are not working days, make-up Saturdays are", "[calendar]")
{
    const WorkingCalendar c = officialCalendar();
    for (const char *day : {"2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
                            "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02",
                            "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                            "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-02"}) {
        INFO(day);
        CHECK_FALSE(c.isWorkingDay(d(day)));
        REQUIRE(c.special(d(day)).has_value());
        CHECK(c.special(d(day))->source == DaySource::Official);
    }
    CHECK(d("2025-04-26").dayOfWeek() == Qt::Saturday);
    CHECK(d("2026-01-10").dayOfWeek() == Qt::Saturday);
    CHECK(c.isWorkingDay(d("2025-04-26")));
    CHECK(c.isWorkingDay(d("2026-01-10")));
    // Ordinary days.
    CHECK(c.isWorkingDay(d("2026-03-09")));        // Monday
    CHECK(c.isWorkingDay(d("2026-03-13")));        // Friday
    CHECK_FALSE(c.isWorkingDay(d("2026-03-14")));  // Saturday
    CHECK_FALSE(c.isWorkingDay(d("2026-03-15")));  // Sunday
    CHECK(c.yearSource(2026) == DaySource::Official);
    CHECK_FALSE(c.yearSource(2027).has_value());
    CHECK(c.nextWorkingDay(d("2026-02-13")) == d("2026-02-23"));
}

TEST_CASE("Working days are counted through the working hours", "[calendar][due]")
{
    const WorkingCalendar c = officialCalendar();
    const auto W = ProcessingKind::WorkingDays;
    // 2026-03-09 is a Monday of an ordinary week.
    CHECK(due(c, "2026-03-09T10:00", W, 1) == QStringLiteral("2026-03-10T10:00"));
    CHECK(due(c, "2026-03-09T10:00", W, 3) == QStringLiteral("2026-03-12T10:00"));
    CHECK(due(c, "2026-03-09T16:00", W, 2) == QStringLiteral("2026-03-11T16:00"));
    // Received at lunch: counting starts at 13:30 (3.5 h Monday, 4.5 h Tuesday morning).
    CHECK(due(c, "2026-03-09T12:00", W, 1) == QStringLiteral("2026-03-10T11:30"));
    CHECK(due(c, "2026-03-09T11:30", W, 1) == QStringLiteral("2026-03-10T11:30"));
    // Before opening and after closing: from the next opening; 8 h from 07:00 end exactly at closing time.
    CHECK(due(c, "2026-03-09T06:15", W, 1) == QStringLiteral("2026-03-09T17:00"));
    CHECK(due(c, "2026-03-09T07:00", W, 1) == QStringLiteral("2026-03-09T17:00"));
    CHECK(due(c, "2026-03-09T18:00", W, 1) == QStringLiteral("2026-03-10T17:00"));
    CHECK(due(c, "2026-03-09T17:00", W, 2) == QStringLiteral("2026-03-11T17:00"));
    // Over a weekend, and received on a Saturday.
    CHECK(due(c, "2026-03-13T16:00", W, 1) == QStringLiteral("2026-03-16T16:00"));
    CHECK(due(c, "2026-03-14T09:00", W, 1) == QStringLiteral("2026-03-16T17:00"));
    // Seconds are kept.
    CHECK(c.due(vn("2026-03-09T10:00").addSecs(30), {W, 1}) == vn("2026-03-10T10:00").addSecs(30));
    // Zero days: due at once; negative: no answer.
    CHECK(due(c, "2026-03-09T10:00", W, 0) == QStringLiteral("2026-03-09T10:00"));
    CHECK_FALSE(c.due(vn("2026-03-09T10:00"), {W, -1}).isValid());
    CHECK_FALSE(c.due(QDateTime(), {W, 1}).isValid());
}

TEST_CASE("Working days skip Tết, holidays and use make-up Saturdays", "[calendar][due]")
{
    const WorkingCalendar c = officialCalendar();
    const auto W = ProcessingKind::WorkingDays;
    // Friday before Tết 2026: 16-20 Feb are off, 14-15 and 21-22 are weekends; the three working days are
    // 23, 24 and 25 Feb.
    CHECK(due(c, "2026-02-13T10:00", W, 3) == QStringLiteral("2026-02-25T10:00"));
    CHECK(due(c, "2026-02-13T10:00", W, 1) == QStringLiteral("2026-02-23T10:00"));
    CHECK(due(c, "2026-02-12T15:00", W, 2) == QStringLiteral("2026-02-23T15:00"));
    // Tết 2025 (27-31 Jan).
    CHECK(due(c, "2025-01-24T09:00", W, 1) == QStringLiteral("2025-02-03T09:00"));
    // New Year 2026: 1 and 2 Jan off; the make-up Saturday 10 Jan counts.
    CHECK(due(c, "2025-12-31T10:00", W, 1) == QStringLiteral("2026-01-05T10:00"));
    CHECK(due(c, "2026-01-09T10:00", W, 1) == QStringLiteral("2026-01-10T10:00"));
    CHECK(due(c, "2026-01-09T10:00", W, 2) == QStringLiteral("2026-01-12T10:00"));
    // 30/4 and 1/5 2026 (Thursday, Friday).
    CHECK(due(c, "2026-04-29T14:00", W, 1) == QStringLiteral("2026-05-04T14:00"));
}

TEST_CASE("Same-day procedures and the 15:00 edge", "[calendar][due]")
{
    const WorkingCalendar c = officialCalendar();
    const auto S = ProcessingKind::SameDay15h;
    CHECK(due(c, "2026-03-09T14:59", S) == QStringLiteral("2026-03-09T17:00"));
    CHECK(due(c, "2026-03-09T15:00", S) == QStringLiteral("2026-03-10T17:00"));
    CHECK(c.due(vn("2026-03-09T14:59").addSecs(59), {S, 0}) == vn("2026-03-09T17:00"));
    CHECK(due(c, "2026-03-09T06:30", S) == QStringLiteral("2026-03-09T17:00"));
    CHECK(due(c, "2026-03-09T12:00", S) == QStringLiteral("2026-03-09T17:00"));
    CHECK(due(c, "2026-03-09T17:30", S) == QStringLiteral("2026-03-10T17:00"));
    CHECK(due(c, "2026-03-13T15:00", S) == QStringLiteral("2026-03-16T17:00"));  // Friday -> Monday
    CHECK(due(c, "2026-03-14T09:00", S) == QStringLiteral("2026-03-16T17:00"));  // Saturday
    CHECK(due(c, "2026-02-17T09:00", S) == QStringLiteral("2026-02-23T17:00"));  // mùng 1 Tết
    CHECK(due(c, "2026-02-13T15:30", S) == QStringLiteral("2026-02-23T17:00"));  // Friday before Tết
    CHECK(due(c, "2026-01-09T16:00", S) == QStringLiteral("2026-01-10T17:00"));  // make-up Saturday next
    CHECK(due(c, "2026-01-10T10:00", S) == QStringLiteral("2026-01-10T17:00"));  // on the make-up Saturday
}

TEST_CASE("Calendar days count every day and a due day off moves to the next working day", "[calendar][due]")
{
    const WorkingCalendar c = officialCalendar();
    const auto C = ProcessingKind::CalendarDays;
    CHECK(due(c, "2026-03-02T10:00", C, 3) == QStringLiteral("2026-03-05T10:00"));
    CHECK(due(c, "2026-03-02T10:00", C, 5) == QStringLiteral("2026-03-09T10:00"));   // Saturday -> Monday
    CHECK(due(c, "2026-04-20T09:00", C, 10) == QStringLiteral("2026-05-04T09:00"));  // 30/4, 1/5, weekend
    CHECK(due(c, "2026-02-07T08:00", C, 10) == QStringLiteral("2026-02-23T08:00"));  // lands on mùng 1 Tết
    CHECK(due(c, "2026-01-03T19:45", C, 7) == QStringLiteral("2026-01-10T19:45"));   // make-up Saturday
    CHECK(due(c, "2026-03-09T18:30", C, 1) == QStringLiteral("2026-03-10T18:30"));   // time of day kept
}

TEST_CASE("Results do not depend on the machine's time zone", "[calendar][due][tz]")
{
    const WorkingCalendar c = officialCalendar();
    // The same instants given in UTC: 03:00Z is 10:00 in Vietnam.
    const QList<std::pair<QDateTime, ProcessingTime>> cases = {
        {QDateTime(d("2026-02-13"), QTime(3, 0), Qt::UTC), {ProcessingKind::WorkingDays, 3}},
        {QDateTime(d("2026-03-09"), QTime(7, 59), Qt::UTC), {ProcessingKind::SameDay15h, 0}},
        {QDateTime(d("2026-03-09"), QTime(8, 0), Qt::UTC), {ProcessingKind::SameDay15h, 0}},
        {QDateTime(d("2026-04-20"), QTime(2, 0), Qt::UTC), {ProcessingKind::CalendarDays, 10}},
        {QDateTime(d("2026-03-08"), QTime(23, 30), Qt::UTC), {ProcessingKind::WorkingDays, 1}},  // Mon 06:30 VN
    };
    const QStringList expected = {QStringLiteral("2026-02-25T10:00"), QStringLiteral("2026-03-09T17:00"),
                                  QStringLiteral("2026-03-10T17:00"), QStringLiteral("2026-05-04T09:00"),
                                  QStringLiteral("2026-03-09T17:00")};
    const QByteArray savedTz = qgetenv("TZ");
    for (const char *tz : {"Asia/Ho_Chi_Minh", "America/New_York", "Pacific/Kiritimati", "UTC"}) {
        INFO(tz);
        qputenv("TZ", tz);
        tzset();
        for (qsizetype i = 0; i < cases.size(); ++i) {
            const QDateTime due = c.due(cases.at(i).first, cases.at(i).second);
            CHECK(text(due) == expected.at(i));
            CHECK(due.offsetFromUtc() == 7 * 3600);
            // The same receipt handed over in the machine's local time gives the same instant.
            CHECK(c.due(cases.at(i).first.toLocalTime(), cases.at(i).second) == due);
        }
        CHECK_FALSE(c.isWorkingDay(d("2026-02-17")));
    }
    qputenv("TZ", savedTz);
    tzset();
}

TEST_CASE("Working hours are configurable", "[calendar]")
{
    auto hours = WorkingCalendar::parseWorkingHours(QStringLiteral("07:30-11:30, 13:00-17:00"));
    REQUIRE(hours.ok());
    CHECK(WorkingCalendar::workingHoursText(*hours) == QStringLiteral("07:30-11:30,13:00-17:00"));
    CHECK(WorkingCalendar::workingHoursText(WorkingCalendar::defaultWorkingHours()) ==
          QStringLiteral("07:00-11:30,13:30-17:00"));
    WorkingCalendar c = officialCalendar();
    c.setWorkingHours(*hours);
    CHECK(due(c, "2026-03-09T12:00", ProcessingKind::WorkingDays, 1) == QStringLiteral("2026-03-10T11:30"));
    CHECK(due(c, "2026-03-09T07:00", ProcessingKind::WorkingDays, 1) == QStringLiteral("2026-03-09T17:00"));
    CHECK(due(c, "2026-03-09T14:00", ProcessingKind::SameDay15h) == QStringLiteral("2026-03-09T17:00"));
    for (const char *bad : {"", "7-11", "07:00-11:30,11:00-17:00", "11:30-07:00", "07:00-11:30;13:30-17:00",
                            "25:00-26:00", "07:00-11:30,"}) {
        INFO(bad);
        if (QString::fromLatin1(bad) == QStringLiteral("07:00-11:30,"))
            continue;  // a trailing comma is harmless
        auto r = WorkingCalendar::parseWorkingHours(QString::fromLatin1(bad));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::InvalidInput);
    }
}

TEST_CASE("A calendar file with problems is refused whole, every problem listed", "[calendar][import]")
{
    auto notJson = Holidays::parse("{\"format\": ");
    REQUIRE_FALSE(notJson.ok());
    CHECK(notJson.error().code == ErrorCode::InvalidInput);

    const QByteArray bad = R"({"format": "motcua-calendar/1", "years": {
        "2026": {"days_off": [{"date": "2026-02-30", "name": "x"}, {"date": "2027-01-01", "name": "wrong year"},
                              {"date": "2026-03-08", "name": "both"}, {"date": "2026-03-03"}, {"date": "2026-03-03"}],
                 "workdays": [{"date": "2026-03-04", "name": "a Wednesday"}, {"date": "2026-03-08", "name": "both"},
                              {"date": "2026-03-07", "name": "ok"}],
                 "pending": ["tolerated"]},
        "20x6": {}}})";
    auto r = Holidays::parse(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::InvalidInput);
    const QString m = r.error().message;
    INFO(m);
    CHECK(m.contains(QStringLiteral("2026-02-30")));
    CHECK(m.contains(QStringLiteral("2027-01-01")));
    CHECK(m.contains(QStringLiteral("2026-03-04")));
    CHECK(m.contains(QStringLiteral("2026-03-08 is both")));
    CHECK(m.contains(QStringLiteral("2026-03-03 is listed twice")));
    CHECK(m.contains(QStringLiteral("20x6")));
    CHECK_FALSE(m.contains(QStringLiteral("2026-03-07")));
    CHECK(m.contains(QStringLiteral("Problems (6)")));
    CHECK(m.count(QStringLiteral("; ")) == 5);  // six problems

    CHECK_FALSE(Holidays::parse(R"({"format": "other/1", "years": {"2026": {}}})").ok());
    CHECK_FALSE(Holidays::parse(R"({"format": "motcua-calendar/1"})").ok());
    CHECK_FALSE(Holidays::parse(R"({"format": "motcua-calendar/1", "years": {"2026": {"days_off": 3}}})").ok());
    CHECK(Holidays::parse(R"({"format": "motcua-calendar/1", "years": {"2026": {"pending": []}}})").ok());
}

TEST_CASE("Generated days off follow the official pattern", "[calendar][generated]")
{
    // 2026: every generated day is an official day off (Tết 16-20 Feb; Giỗ Tổ 26/4 is a Sunday, so 27/4;
    // 30/4; 1/5; 1/1; 2/9). 3/9 is the adjacent day we choose (the 2026 notice was not out).
    const CalendarYear g2026 = Holidays::generate(2026);
    auto official = Holidays::parse(shippedJson());
    REQUIRE(official.ok());
    QSet<QDate> off2026;
    for (const CalendarDay &day : official->value(2026).days)
        off2026.insert(day.date);
    QStringList generated2026;
    for (const CalendarDay &day : g2026.days) {
        CHECK(day.source == DaySource::Generated);
        CHECK(day.kind == DayKind::Off);
        generated2026 << day.date.toString(Qt::ISODate);
        if (day.date != d("2026-09-03"))
            CHECK(off2026.contains(day.date));
    }
    CHECK(generated2026 ==
          QStringList{QStringLiteral("2026-01-01"), QStringLiteral("2026-02-16"), QStringLiteral("2026-02-17"),
                      QStringLiteral("2026-02-18"), QStringLiteral("2026-02-19"), QStringLiteral("2026-02-20"),
                      QStringLiteral("2026-04-27"), QStringLiteral("2026-04-30"), QStringLiteral("2026-05-01"),
                      QStringLiteral("2026-09-02"), QStringLiteral("2026-09-03")});
    // 2025: the solar holidays, Giỗ Tổ (7/4) and 1-2/9 (2/9 a Tuesday: the day before) are the official ones.
    QSet<QDate> off2025;
    for (const CalendarDay &day : official->value(2025).days)
        off2025.insert(day.date);
    for (const CalendarDay &day : Holidays::generate(2025).days) {
        if (day.date.month() != 1 && day.date.month() != 2)  // Tết 2025 was moved by the notice
            CHECK(off2025.contains(day.date));
    }

    // 2027 by hand: Tết (mùng 1) is Saturday 6 Feb; eve Friday 5 Feb; mùng 2 Sunday 7 Feb; mùng 3-4 on 8-9 Feb;
    // the weekend days 6 and 7 give 10 and 11 Feb off. Giỗ Tổ 10/3 = 16 Apr (months 1 and 2 of lunar 2027 have 30 days
    // in the published tables). 1/5 is a Saturday: 3/5 off. 2/9 is a Thursday: 3/9 (Friday) joins it to the weekend.
    const CalendarYear g2027 = Holidays::generate(2027);
    CHECK(g2027.source == DaySource::Generated);
    QStringList generated2027;
    for (const CalendarDay &day : g2027.days)
        generated2027 << day.date.toString(Qt::ISODate);
    CHECK(generated2027 ==
          QStringList{QStringLiteral("2027-01-01"), QStringLiteral("2027-02-05"), QStringLiteral("2027-02-08"),
                      QStringLiteral("2027-02-09"), QStringLiteral("2027-02-10"), QStringLiteral("2027-02-11"),
                      QStringLiteral("2027-04-16"), QStringLiteral("2027-04-30"), QStringLiteral("2027-05-03"),
                      QStringLiteral("2027-09-02"), QStringLiteral("2027-09-03")});

    // A calendar without data for 2027 uses these days.
    const WorkingCalendar c = officialCalendar();
    for (const char *day : {"2027-02-05", "2027-02-08", "2027-02-11"}) {
        INFO(day);
        CHECK_FALSE(c.isWorkingDay(d(day)));
        CHECK(c.special(d(day))->source == DaySource::Generated);
    }
    CHECK(c.isWorkingDay(d("2027-02-04")));
    CHECK(c.isWorkingDay(d("2027-02-12")));
    CHECK(due(c, "2027-02-04T10:00", ProcessingKind::WorkingDays, 1) == QStringLiteral("2027-02-12T10:00"));
}

TEST_CASE("A new store is seeded once with the shipped days off", "[calendar][store]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("counter.sqlite")));
    auto seeded = CalendarStore::ensureSeeded(*store, shippedJson());
    REQUIRE(seeded.ok());
    CHECK(*seeded);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM calendar_years WHERE source = 'official'")) == 2);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM calendar_days")) == 25);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'calendar.import'")) == 1);
    auto again = CalendarStore::ensureSeeded(*store, shippedJson());
    REQUIRE(again.ok());
    CHECK_FALSE(*again);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM audit_log")) == 1);

    auto c = CalendarStore::load(*store);
    REQUIRE(c.ok());
    CHECK_FALSE(c->isWorkingDay(d("2026-02-17")));
    CHECK(c->isWorkingDay(d("2026-01-10")));
    CHECK(c->yearSource(2025) == DaySource::Official);
    CHECK_FALSE(c->yearSource(2027).has_value());
    CHECK(text(c->due(vn("2026-02-13T10:00"), {ProcessingKind::WorkingDays, 3})) == QStringLiteral("2026-02-25T10:00"));

    // A broken shipped file is an error, and changes nothing.
    TempDir other;
    auto empty = openStore(other.file(QStringLiteral("counter.sqlite")));
    CHECK_FALSE(CalendarStore::ensureSeeded(*empty, "not json").ok());
    CHECK(count(*empty, QStringLiteral("SELECT count(*) FROM calendar_years")) == 0);
}

TEST_CASE("Generated years are stored as generated and replaced by an import", "[calendar][store][import]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("counter.sqlite")));
    REQUIRE(CalendarStore::ensureSeeded(*store, shippedJson()).ok());
    auto written = CalendarStore::storeGeneratedYear(*store, 2027, officer);
    REQUIRE(written.ok());
    CHECK(*written);
    CHECK(count(*store,
                QStringLiteral("SELECT count(*) FROM calendar_days WHERE year = 2027 AND source = 'generated'")) == 11);
    CHECK_FALSE(*CalendarStore::storeGeneratedYear(*store, 2027, officer));  // already there
    CHECK_FALSE(*CalendarStore::storeGeneratedYear(*store, 2026, officer));  // official data: untouched
    auto c = CalendarStore::load(*store);
    REQUIRE(c.ok());
    CHECK(c->yearSource(2027) == DaySource::Generated);
    CHECK_FALSE(c->isWorkingDay(d("2027-02-11")));

    // A file with a problem changes nothing.
    const qint64 auditBefore = count(*store, QStringLiteral("SELECT count(*) FROM audit_log"));
    QByteArray broken = official2027;
    broken.replace("2027-01-30", "2027-01-29");  // a Friday as a make-up day
    auto refused = CalendarStore::importJson(*store, broken, officer, QStringLiteral("broken.json"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM calendar_days WHERE year = 2027")) == 11);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM audit_log")) == auditBefore);

    auto imported = CalendarStore::importJson(*store, official2027, officer, QStringLiteral("tet-2027.json"));
    REQUIRE(imported.ok());
    CHECK(imported->years == QList<int>{2027});
    CHECK(imported->daysOff == 6);
    CHECK(imported->workdays == 1);
    CHECK(count(*store,
                QStringLiteral("SELECT count(*) FROM calendar_days WHERE year = 2027 AND source = 'generated'")) == 0);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM calendar_days WHERE year = 2027")) == 7);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM calendar_years WHERE year = 2027 AND source = 'official'"
                                       " AND origin = 'tet-2027.json'")) == 1);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM calendar_days WHERE year = 2026")) == 12);  // untouched
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'calendar.import'"
                                       " AND officer = 'lan.nt'")) == 1);
    c = CalendarStore::load(*store);
    REQUIRE(c.ok());
    CHECK(c->yearSource(2027) == DaySource::Official);
    CHECK(c->isWorkingDay(d("2027-02-11")));        // the generated day is gone
    CHECK_FALSE(c->isWorkingDay(d("2027-02-04")));  // the official one counts
    CHECK(c->isWorkingDay(d("2027-01-30")));        // make-up Saturday
}

TEST_CASE("A failed import leaves the store as it was", "[calendar][store][import]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("counter.sqlite")));
    REQUIRE(CalendarStore::ensureSeeded(*store, shippedJson()).ok());
    const qint64 days = count(*store, QStringLiteral("SELECT count(*) FROM calendar_days"));
    for (int i = 1; i <= 6; ++i) {
        INFO(i);
        sql::FaultInjector::failAt(i);
        auto r = CalendarStore::importJson(*store, official2027, officer, QStringLiteral("x"));
        sql::FaultInjector::disarm();
        if (r.ok())
            break;
        CHECK(count(*store, QStringLiteral("SELECT count(*) FROM calendar_days")) == days);
        CHECK(count(*store, QStringLiteral("SELECT count(*) FROM calendar_years")) == 2);
    }
}

TEST_CASE("The unit's working hours come from the settings", "[calendar][store]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("counter.sqlite")));
    auto set = [&](const QString &value) {
        auto r = store->write([&](const QSqlDatabase &db) -> Result<void> {
            auto q = sql::run(db, QStringLiteral("INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)"),
                              {CalendarStore::workingHoursKey(), value});
            if (!q)
                return q.error();
            return {};
        });
        REQUIRE(r.ok());
    };
    auto c = CalendarStore::load(*store);
    REQUIRE(c.ok());
    CHECK(c->workingHours() == WorkingCalendar::defaultWorkingHours());
    set(QStringLiteral("07:30-11:30,13:00-17:00"));
    c = CalendarStore::load(*store);
    REQUIRE(c.ok());
    CHECK(WorkingCalendar::workingHoursText(c->workingHours()) == QStringLiteral("07:30-11:30,13:00-17:00"));
    set(QStringLiteral("morning"));
    c = CalendarStore::load(*store);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == ErrorCode::InvalidInput);
}
