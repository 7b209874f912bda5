// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace motcua {

enum class DayKind {
    Off,   // no work on a weekday
    Work,  // a weekend day declared a working day (make-up day, ngày làm bù)
};

enum class DaySource {
    Official,   // published by the government (imported, shipped, or pulled from the center)
    Generated,  // computed from the rules of the Labor Code for a year with no published table
};

struct CalendarDay {
    QDate date;
    DayKind kind = DayKind::Off;
    QString name;
    DaySource source = DaySource::Official;

    friend bool operator==(const CalendarDay &, const CalendarDay &) = default;
};

// The days of one year that differ from the plain rule "Monday to Friday are working days".
struct CalendarYear {
    int year = 0;
    DaySource source = DaySource::Official;
    QList<CalendarDay> days;  // sorted by date
};

// Every year of a calendar file, by year.
using CalendarYears = QMap<int, CalendarYear>;

// The words the store and the files use: "off"/"work", "official"/"generated".
QString dayKindName(DayKind kind);
QString daySourceName(DaySource source);
bool dayKindFromName(const QString &name, DayKind *kind);
bool daySourceFromName(const QString &name, DaySource *source);

// Days off for civil servants in Viet Nam (Labor Code 2019, Art. 112 and the yearly notices of the government).
class Holidays final {
public:
    // The first and last year the program supports (the lunar calendar is checked over this range).
    static constexpr int firstYear = 1900;
    static constexpr int lastYear = 2100;

    // Reads a "motcua-calendar/1" file:
    //   {"format": "motcua-calendar/1", "years": {"2026": {"days_off": [{"date": "2026-01-01", "name": "…"}, …],
    //                                                        "workdays": [{"date": …, "name": …}], "pending": […]}}}
    // "pending" (announced but not yet dated) is accepted and ignored. A file with any problem (not JSON, a bad
    // date, a date outside its year, a workday that is not a Saturday or Sunday, a day listed twice or both off
    // and work …) is refused whole with every problem listed (ErrorCode::InvalidInput).
    static Result<CalendarYears> parse(const QByteArray &json);

    // The days off of `year` by the rules of the Labor Code, for a year with no published table (all marked
    // DaySource::Generated):
    //   * Tết Dương lịch, 1 January;
    //   * Tết Nguyên đán, 5 days: the last day of the lunar year and mùng 1 to mùng 4 (the usual pattern; the
    //     government may shift days, so only a published table is authoritative);
    //   * Giỗ Tổ Hùng Vương, 10/3 of the lunar calendar (UTC+7);
    //   * Ngày Chiến thắng 30/4 and Quốc tế Lao động 1/5;
    //   * Quốc khánh 2/9 and one adjacent day. The Code lets the Prime Minister choose the day before or after;
    //     we take the one that joins the holiday to a weekend, as the notices of 2021–2025 did: 1/9 when 2/9 is a
    //     Tuesday, Friday or Saturday, 3/9 otherwise (Monday, Wednesday, Thursday, Sunday);
    //   * a holiday on a Saturday or Sunday gives the next working day off (nghỉ bù, Art. 112(3)), one day for
    //     each such holiday, after the holiday block.
    static CalendarYear generate(int year);

private:
    Holidays() = delete;
};

}  // namespace motcua
