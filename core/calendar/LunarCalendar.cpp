// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/calendar/LunarCalendar.h"

#include <cmath>
#include <numbers>

namespace motcua {

namespace {

// Julian day number of the new moon with index k (k = 0: the new moon of 1900-01-01), in days (UT, fractional).
double newMoon(int k)
{
    const double t = k / 1236.85;  // Julian centuries since 1900-01-01 12:00
    const double t2 = t * t;
    const double t3 = t2 * t;
    constexpr double dr = std::numbers::pi / 180;
    double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
    const double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;     // sun's mean anomaly
    const double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;  // moon's mean anomaly
    const double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;     // moon's argument of latitude
    double c1 = (0.1734 - 0.000393 * t) * std::sin(m * dr) + 0.0021 * std::sin(2 * dr * m);
    c1 = c1 - 0.4068 * std::sin(mpr * dr) + 0.0161 * std::sin(dr * 2 * mpr);
    c1 = c1 - 0.0004 * std::sin(dr * 3 * mpr);
    c1 = c1 + 0.0104 * std::sin(dr * 2 * f) - 0.0051 * std::sin(dr * (m + mpr));
    c1 = c1 - 0.0074 * std::sin(dr * (m - mpr)) + 0.0004 * std::sin(dr * (2 * f + m));
    c1 = c1 - 0.0004 * std::sin(dr * (2 * f - m)) - 0.0006 * std::sin(dr * (2 * f + mpr));
    c1 = c1 + 0.0010 * std::sin(dr * (2 * f - mpr)) + 0.0005 * std::sin(dr * (2 * mpr + m));
    double deltaT = 0;
    if (t < -11)
        deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
    else
        deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
    return jd1 + c1 - deltaT;
}

// The sun's apparent longitude in radians [0, 2π) at Julian day `jdn` (UT, fractional).
double sunLongitude(double jdn)
{
    const double t = (jdn - 2451545.0) / 36525;  // Julian centuries since J2000
    const double t2 = t * t;
    constexpr double dr = std::numbers::pi / 180;
    const double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    const double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(dr * m);
    dl += (0.019993 - 0.000101 * t) * std::sin(dr * 2 * m) + 0.000290 * std::sin(dr * 3 * m);
    double l = (l0 + dl) * dr;
    l -= 2 * std::numbers::pi * std::floor(l / (2 * std::numbers::pi));
    return l;
}

// The sun's longitude at local midnight starting day `dayNumber`, as one of 12 sectors of 30° (0: 0°–30°).
int sunSector(qint64 dayNumber, double timeZone)
{
    return int(std::floor(sunLongitude(double(dayNumber) - 0.5 - timeZone / 24) / std::numbers::pi * 6));
}

// The (local) day on which new moon k falls.
qint64 newMoonDay(int k, double timeZone)
{
    return qint64(std::floor(newMoon(k) + 0.5 + timeZone / 24));
}

constexpr double synodicMonth = 29.530588853;
constexpr double newMoonEpoch = 2415021.076998695;

// The first day of the lunar month 11 (the one holding the winter solstice) that ends in solar year `year`.
qint64 lunarMonth11(int year, double timeZone)
{
    const qint64 off = QDate(year, 12, 31).toJulianDay() - 2415021;
    const int k = int(std::floor(double(off) / synodicMonth));
    qint64 nm = newMoonDay(k, timeZone);
    if (sunSector(nm, timeZone) >= 9)  // the sun is past 270°: this new moon comes after the solstice
        nm = newMoonDay(k - 1, timeZone);
    return nm;
}

// In a 13-month year starting with month 11 on day a11: how many months after it the leap month comes
// (the first month in which the sun enters no new sector, i.e. without a major solar term).
int leapMonthOffset(qint64 a11, double timeZone)
{
    const int k = int(std::floor((double(a11) - newMoonEpoch) / synodicMonth + 0.5));
    int i = 1;
    int arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
    int last = 0;
    do {
        last = arc;
        ++i;
        arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
    } while (arc != last && i < 14);
    return i - 1;
}

}  // namespace

QString LunarDate::toString() const
{
    return QStringLiteral("%1/%2%3/%4").arg(day).arg(month).arg(leap ? QStringLiteral("n") : QString()).arg(year);
}

LunarDate LunarCalendar::fromSolar(QDate date, double timeZoneHours)
{
    if (!date.isValid())
        return {};
    const qint64 dayNumber = date.toJulianDay();
    const int k = int(std::floor((double(dayNumber) - newMoonEpoch) / synodicMonth));
    qint64 monthStart = newMoonDay(k + 1, timeZoneHours);
    // k comes from the mean lunation; the true new moon may be up to about 14 hours off it, so near a new moon
    // the month may have started one or two new moons earlier than k + 1. (The published versions of the
    // algorithm stop at k and give day 0 on a few days, e.g. 2054-05-07 and 2062-04-09.)
    for (int back = 0; monthStart > dayNumber && back < 2; ++back)
        monthStart = newMoonDay(k - back, timeZoneHours);
    qint64 a11 = lunarMonth11(date.year(), timeZoneHours);
    qint64 b11 = a11;
    int lunarYear = 0;
    if (a11 >= monthStart) {
        lunarYear = date.year();
        a11 = lunarMonth11(date.year() - 1, timeZoneHours);
    } else {
        lunarYear = date.year() + 1;
        b11 = lunarMonth11(date.year() + 1, timeZoneHours);
    }
    LunarDate lunar;
    lunar.day = int(dayNumber - monthStart + 1);
    const int diff = int((monthStart - a11) / 29);
    lunar.month = diff + 11;
    if (b11 - a11 > 365) {
        const int leapDiff = leapMonthOffset(a11, timeZoneHours);
        if (diff >= leapDiff) {
            lunar.month = diff + 10;
            lunar.leap = diff == leapDiff;
        }
    }
    if (lunar.month > 12)
        lunar.month -= 12;
    if (lunar.month >= 11 && diff < 4)
        lunarYear -= 1;
    lunar.year = lunarYear;
    return lunar;
}

QDate LunarCalendar::toSolar(const LunarDate &lunar, double timeZoneHours)
{
    if (lunar.day < 1 || lunar.day > 30 || lunar.month < 1 || lunar.month > 12)
        return {};
    qint64 a11 = 0;
    qint64 b11 = 0;
    if (lunar.month < 11) {
        a11 = lunarMonth11(lunar.year - 1, timeZoneHours);
        b11 = lunarMonth11(lunar.year, timeZoneHours);
    } else {
        a11 = lunarMonth11(lunar.year, timeZoneHours);
        b11 = lunarMonth11(lunar.year + 1, timeZoneHours);
    }
    int off = lunar.month - 11;
    if (off < 0)
        off += 12;
    if (b11 - a11 > 365) {
        const int leapOff = leapMonthOffset(a11, timeZoneHours);
        int leapMonth = leapOff - 2;
        if (leapMonth < 0)
            leapMonth += 12;
        if (lunar.leap && lunar.month != leapMonth)
            return {};
        if (lunar.leap || off >= leapOff)
            off += 1;
    } else if (lunar.leap) {
        return {};
    }
    const int k = int(std::floor(0.5 + (double(a11) - newMoonEpoch) / synodicMonth));
    const qint64 monthStart = newMoonDay(k + off, timeZoneHours);
    const QDate solar = QDate::fromJulianDay(monthStart + lunar.day - 1);
    // Day 30 of a 29-day month would be the first day of the next month.
    if (fromSolar(solar, timeZoneHours) != lunar)
        return {};
    return solar;
}

QDate LunarCalendar::newYear(int lunarYear, double timeZoneHours)
{
    return toSolar(LunarDate{1, 1, lunarYear, false}, timeZoneHours);
}

}  // namespace motcua
