// SPDX-License-Identifier: GPL-3.0-or-later
// The Vietnamese lunar calendar (UTC+7) against published data.
#include "TestSupport.h"

#include "core/calendar/LunarCalendar.h"

#include <QDate>
#include <QMap>

using namespace motcua;

namespace {

QDate d(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// Lunar new year (Chinese New Year, 春节) as published in the Chinese calendar tables for 1900–2100 (the
// month-length table of the Purple Mountain Observatory / Hong Kong Observatory almanac that many calendar
// libraries ship), computed for the meridian of UTC+8.
const char *const chineseNewYear[] = {
    "1900-01-31", "1901-02-19", "1902-02-08", "1903-01-29", "1904-02-16",
    "1905-02-04", "1906-01-25", "1907-02-13", "1908-02-02", "1909-01-22",  // 1900–1909
    "1910-02-10", "1911-01-30", "1912-02-18", "1913-02-06", "1914-01-26",
    "1915-02-14", "1916-02-03", "1917-01-23", "1918-02-11", "1919-02-01",  // 1910–1919
    "1920-02-20", "1921-02-08", "1922-01-28", "1923-02-16", "1924-02-05",
    "1925-01-24", "1926-02-13", "1927-02-02", "1928-01-23", "1929-02-10",  // 1920–1929
    "1930-01-30", "1931-02-17", "1932-02-06", "1933-01-26", "1934-02-14",
    "1935-02-04", "1936-01-24", "1937-02-11", "1938-01-31", "1939-02-19",  // 1930–1939
    "1940-02-08", "1941-01-27", "1942-02-15", "1943-02-05", "1944-01-25",
    "1945-02-13", "1946-02-02", "1947-01-22", "1948-02-10", "1949-01-29",  // 1940–1949
    "1950-02-17", "1951-02-06", "1952-01-27", "1953-02-14", "1954-02-03",
    "1955-01-24", "1956-02-12", "1957-01-31", "1958-02-18", "1959-02-08",  // 1950–1959
    "1960-01-28", "1961-02-15", "1962-02-05", "1963-01-25", "1964-02-13",
    "1965-02-02", "1966-01-21", "1967-02-09", "1968-01-30", "1969-02-17",  // 1960–1969
    "1970-02-06", "1971-01-27", "1972-02-15", "1973-02-03", "1974-01-23",
    "1975-02-11", "1976-01-31", "1977-02-18", "1978-02-07", "1979-01-28",  // 1970–1979
    "1980-02-16", "1981-02-05", "1982-01-25", "1983-02-13", "1984-02-02",
    "1985-02-20", "1986-02-09", "1987-01-29", "1988-02-17", "1989-02-06",  // 1980–1989
    "1990-01-27", "1991-02-15", "1992-02-04", "1993-01-23", "1994-02-10",
    "1995-01-31", "1996-02-19", "1997-02-07", "1998-01-28", "1999-02-16",  // 1990–1999
    "2000-02-05", "2001-01-24", "2002-02-12", "2003-02-01", "2004-01-22",
    "2005-02-09", "2006-01-29", "2007-02-18", "2008-02-07", "2009-01-26",  // 2000–2009
    "2010-02-14", "2011-02-03", "2012-01-23", "2013-02-10", "2014-01-31",
    "2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05",  // 2010–2019
    "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10",
    "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13",  // 2020–2029
    "2030-02-03", "2031-01-23", "2032-02-11", "2033-01-31", "2034-02-19",
    "2035-02-08", "2036-01-28", "2037-02-15", "2038-02-04", "2039-01-24",  // 2030–2039
    "2040-02-12", "2041-02-01", "2042-01-22", "2043-02-10", "2044-01-30",
    "2045-02-17", "2046-02-06", "2047-01-26", "2048-02-14", "2049-02-02",  // 2040–2049
    "2050-01-23", "2051-02-11", "2052-02-01", "2053-02-19", "2054-02-08",
    "2055-01-28", "2056-02-15", "2057-02-04", "2058-01-24", "2059-02-12",  // 2050–2059
    "2060-02-02", "2061-01-21", "2062-02-09", "2063-01-29", "2064-02-17",
    "2065-02-05", "2066-01-26", "2067-02-14", "2068-02-03", "2069-01-23",  // 2060–2069
    "2070-02-11", "2071-01-31", "2072-02-19", "2073-02-07", "2074-01-27",
    "2075-02-15", "2076-02-05", "2077-01-24", "2078-02-12", "2079-02-02",  // 2070–2079
    "2080-01-22", "2081-02-09", "2082-01-29", "2083-02-17", "2084-02-06",
    "2085-01-26", "2086-02-14", "2087-02-03", "2088-01-24", "2089-02-10",  // 2080–2089
    "2090-01-30", "2091-02-18", "2092-02-07", "2093-01-27", "2094-02-15",
    "2095-02-05", "2096-01-25", "2097-02-12", "2098-02-01", "2099-01-21",  // 2090–2099
    "2100-02-09",                                                          // 2100–2100
};

// Years whose Vietnamese Tết (UTC+7) is not China's. In all but 1985 the new moon falls between 16:00 and 17:00 UT,
// i.e. before midnight in Hanoi and after midnight in Beijing: 1968-01-29 16:29 UT (Tết Mậu Thân: Jan 29 in the
// North, Jan 30 in China), 2007-02-17 16:14 UT (Tết Đinh Hợi, Feb 17 vs Feb 18), 2030-02-02 16:07 UT (Feb 2 vs
// Feb 3), and likewise 1903, 1935, 1965, 1969 and 2053. In 1985 the UTC+7 count puts the leap month elsewhere, so
// Tết Ất Sửu came a month earlier (Jan 21 in Vietnam, Feb 20 in China). 1916: the Chinese table of that time
// used the Beijing meridian (UTC+7:46), which gives Feb 3 as UTC+7 does.
const QMap<int, QDate> &vietnamDiffers()
{
    static const QMap<int, QDate> m = {
        {1903, d("1903-01-28")}, {1935, d("1935-02-03")}, {1965, d("1965-02-01")},
        {1968, d("1968-01-29")}, {1969, d("1969-02-16")}, {1985, d("1985-01-21")},
        {2007, d("2007-02-17")}, {2030, d("2030-02-02")}, {2053, d("2053-02-18")},
    };
    return m;
}

QDate vietnameseTet(int year)
{
    return vietnamDiffers().value(year, d(chineseNewYear[year - 1900]));
}

}  // namespace

TEST_CASE("The Vietnamese Tết of well-known years", "[lunar]")
{
    // Mùng 1 Tết as announced in Vietnam (government holiday notices, printed calendars).
    const QMap<int, QDate> known = {
        {1968, d("1968-01-29")}, {1985, d("1985-01-21")}, {2000, d("2000-02-05")}, {2007, d("2007-02-17")},
        {2008, d("2008-02-07")}, {2009, d("2009-01-26")}, {2010, d("2010-02-14")}, {2011, d("2011-02-03")},
        {2012, d("2012-01-23")}, {2013, d("2013-02-10")}, {2014, d("2014-01-31")}, {2015, d("2015-02-19")},
        {2016, d("2016-02-08")}, {2017, d("2017-01-28")}, {2018, d("2018-02-16")}, {2019, d("2019-02-05")},
        {2020, d("2020-01-25")}, {2021, d("2021-02-12")}, {2022, d("2022-02-01")}, {2023, d("2023-01-22")},
        {2024, d("2024-02-10")}, {2025, d("2025-01-29")}, {2026, d("2026-02-17")}, {2050, d("2050-01-23")},
    };
    for (auto it = known.constBegin(); it != known.constEnd(); ++it) {
        INFO(it.key());
        CHECK(LunarCalendar::newYear(it.key()) == it.value());
        CHECK(vietnameseTet(it.key()) == it.value());  // the table below agrees with them
    }
    // The shipped official days off call 2025-01-29 and 2026-02-17 "mùng 1".
    CHECK(LunarCalendar::fromSolar(d("2025-01-29")) == LunarDate{1, 1, 2025, false});
    CHECK(LunarCalendar::fromSolar(d("2026-02-17")) == LunarDate{1, 1, 2026, false});
}

TEST_CASE("Tết of every year 1900-2100 (UTC+7)", "[lunar]")
{
    for (int year = 1900; year <= 2100; ++year) {
        INFO(year);
        const QDate tet = vietnameseTet(year);
        REQUIRE(tet.isValid());
        CHECK(LunarCalendar::newYear(year) == tet);
        CHECK(LunarCalendar::fromSolar(tet) == LunarDate{1, 1, year, false});
        // The day before is the last day (29 or 30) of month 12 of the previous lunar year.
        const LunarDate eve = LunarCalendar::fromSolar(tet.addDays(-1));
        CHECK(eve.year == year - 1);
        CHECK(eve.month == 12);
        CHECK_FALSE(eve.leap);
        CHECK((eve.day == 29 || eve.day == 30));
    }
}

TEST_CASE("In UTC+8 the same algorithm gives the Chinese table", "[lunar]")
{
    // China has counted in UTC+8 since 1929 (before, the Beijing meridian): an independent check of the astronomy.
    for (int year = 1929; year <= 2100; ++year) {
        INFO(year);
        CHECK(LunarCalendar::newYear(year, 8.0) == d(chineseNewYear[year - 1900]));
    }
}

TEST_CASE("Lunar dates, leap months and the way back", "[lunar]")
{
    // Giỗ Tổ Hùng Vương (10/3) in the official days off: 2025-04-07 and 2026-04-26.
    CHECK(LunarCalendar::fromSolar(d("2025-04-07")) == LunarDate{10, 3, 2025, false});
    CHECK(LunarCalendar::fromSolar(d("2026-04-26")) == LunarDate{10, 3, 2026, false});
    CHECK(LunarCalendar::toSolar({10, 3, 2026, false}) == d("2026-04-26"));
    CHECK(LunarCalendar::fromSolar(d("2026-04-26")).toString() == QStringLiteral("10/3/2026"));

    // Leap months (first day), from the same published tables: 2017 month 6, 2020 month 4, 2023 month 2,
    // 2025 month 6, 2028 month 5.
    struct Leap {
        const char *firstDay;
        int month;
        int year;
    };
    for (const Leap &l : {Leap{"2017-07-23", 6, 2017}, Leap{"2020-05-23", 4, 2020}, Leap{"2023-03-22", 2, 2023},
                          Leap{"2025-07-25", 6, 2025}, Leap{"2028-06-23", 5, 2028}}) {
        INFO(l.firstDay);
        const LunarDate lunar = LunarCalendar::fromSolar(d(l.firstDay));
        CHECK(lunar == LunarDate{1, l.month, l.year, true});
        CHECK(LunarCalendar::toSolar(lunar) == d(l.firstDay));
        // The day before is the last day of the ordinary month of the same number.
        const LunarDate before = LunarCalendar::fromSolar(d(l.firstDay).addDays(-1));
        CHECK(before.month == l.month);
        CHECK_FALSE(before.leap);
    }
    CHECK(LunarCalendar::fromSolar(d("2023-03-22")).toString() == QStringLiteral("1/2n/2023"));

    // No such days.
    CHECK_FALSE(LunarCalendar::toSolar({1, 3, 2026, true}).isValid());  // 2026 has no leap month 3
    CHECK_FALSE(LunarCalendar::toSolar({1, 1, 2024, true}).isValid());  // 2024 has no leap month at all
    CHECK_FALSE(LunarCalendar::toSolar({31, 1, 2026, false}).isValid());
    CHECK_FALSE(LunarCalendar::toSolar({0, 1, 2026, false}).isValid());
    // Month 12 of lunar 2025 has 29 days (Tết 2026 is 2026-02-17; 1/12 is 2026-01-19).
    CHECK(LunarCalendar::toSolar({1, 12, 2025, false}) == d("2026-01-19"));
    CHECK(LunarCalendar::toSolar({29, 12, 2025, false}) == d("2026-02-16"));
    CHECK_FALSE(LunarCalendar::toSolar({30, 12, 2025, false}).isValid());
    CHECK_FALSE(LunarCalendar::fromSolar(QDate()).isValid());
}

TEST_CASE("Every day of 1900-2100 converts to a lunar date and back", "[lunar]")
{
    QDate day(1900, 2, 1);
    const QDate last(2100, 12, 31);
    LunarDate previous = LunarCalendar::fromSolar(day.addDays(-1));
    int failures = 0;
    for (; day <= last; day = day.addDays(1)) {
        const LunarDate lunar = LunarCalendar::fromSolar(day);
        // Consecutive: the next day of the month, or day 1 of a new month after day 29 or 30.
        const bool next = lunar.day == previous.day + 1 ? lunar.month == previous.month && lunar.leap == previous.leap
                                                        : lunar.day == 1 && (previous.day == 29 || previous.day == 30);
        if (!next || LunarCalendar::toSolar(lunar) != day) {
            if (++failures <= 5)
                FAIL_CHECK(day.toString(Qt::ISODate) << " -> " << lunar.toString());
        }
        previous = lunar;
    }
    CHECK(failures == 0);
}
