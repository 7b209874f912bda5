// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace motcua {

// A date of the Vietnamese lunisolar calendar (âm lịch).
struct LunarDate {
    int day = 0;        // 1..30
    int month = 0;      // 1..12
    int year = 0;       // the lunar year, named after the solar year in which it starts
    bool leap = false;  // a leap month (tháng nhuận) repeats the number of the month before it

    [[nodiscard]] bool isValid() const { return day > 0 && month > 0; }
    // "D/M/YYYY", a leap month as "D/Mn/YYYY" (e.g. "1/2n/2023").
    [[nodiscard]] QString toString() const;

    friend bool operator==(const LunarDate &, const LunarDate &) = default;
};

// The Vietnamese lunar calendar, computed with the astronomical method of Hồ Ngọc Đức (new moons and the sun's
// longitude after Jean Meeus, "Astronomical Algorithms") for the meridian of UTC+7. A month starts on the day
// (local time) of a new moon; month 11 holds the winter solstice; in a year of 13 months the first month without
// a major solar term is the leap month. Because Vietnam counts days in UTC+7 and China in UTC+8, the two calendars
// differ whenever a new moon falls between 23:00 and 24:00 Hanoi time (Tết 1968, 2007, 2030 …) or when that
// shifts month 11 or the leap month (Tết 1985). Valid for 1900–2100 (and well beyond).
class LunarCalendar final {
public:
    static constexpr double vietnamTimeZone = 7.0;

    // The lunar date of a solar (Gregorian) date; an invalid LunarDate for an invalid date.
    static LunarDate fromSolar(QDate date, double timeZoneHours = vietnamTimeZone);
    // The solar date of a lunar date; an invalid QDate when there is no such day (a leap month the year does not
    // have, day 30 of a 29-day month).
    static QDate toSolar(const LunarDate &lunar, double timeZoneHours = vietnamTimeZone);
    // The first day of lunar year `lunarYear` (mùng 1 Tết).
    static QDate newYear(int lunarYear, double timeZoneHours = vietnamTimeZone);

private:
    LunarCalendar() = delete;
};

}  // namespace motcua
