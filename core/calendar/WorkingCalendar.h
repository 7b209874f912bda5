// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/calendar/Holidays.h"
#include "core/calendar/ProcessingTime.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QTime>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace motcua {

// One stretch of working time within a day, e.g. 07:00–11:30.
struct WorkingWindow {
    QTime start;
    QTime end;

    friend bool operator==(const WorkingWindow &, const WorkingWindow &) = default;
};

// Working days and hours of a unit, and the due moment of a procedure (DESIGN.md, "Working calendar").
// Everything is in Vietnam time (UTC+7, no daylight saving) whatever the time zone of the machine: a QDateTime
// given in another zone is converted first, and every result is in vietnamTime().
//
// Years with official (or stored generated) data are set with setYear(); any other year uses the days
// Holidays::generate() computes, once per year, on first use. A WorkingCalendar is cheap to copy and its const
// functions may be called from several threads.
class WorkingCalendar final {
public:
    WorkingCalendar();

    static QTimeZone vietnamTime();
    // 07:00–11:30 and 13:30–17:00.
    static QList<WorkingWindow> defaultWorkingHours();
    // "07:00-11:30,13:30-17:00": windows in order, each starting after the previous one ends.
    static Result<QList<WorkingWindow>> parseWorkingHours(const QString &text);
    static QString workingHoursText(const QList<WorkingWindow> &windows);
    // The length of one working day in the counting of durations: 8 hours.
    static constexpr qint64 workingDayMs = 8LL * 3600 * 1000;
    // Receipts from this time on count as received the next working day for same-day procedures.
    static QTime sameDayCutoff() { return QTime(15, 0); }

    // Replaces the days of `year` (those of other years in `days` are ignored).
    void setYear(int year, const QList<CalendarDay> &days, DaySource source);
    // Windows must be as parseWorkingHours() accepts them (non-empty, ordered, not overlapping).
    void setWorkingHours(const QList<WorkingWindow> &windows);
    [[nodiscard]] const QList<WorkingWindow> &workingHours() const { return m_windows; }

    // Whether the days of `year` come from setYear() (and with which source), or would be generated.
    [[nodiscard]] std::optional<DaySource> yearSource(int year) const;
    // The special days of `year`: the ones set, or the generated ones.
    [[nodiscard]] CalendarYear year(int year) const;
    // The day off or make-up working day on `date`, if any.
    [[nodiscard]] std::optional<CalendarDay> special(QDate date) const;

    // Monday to Friday unless a day off; Saturday and Sunday only when declared a working day.
    [[nodiscard]] bool isWorkingDay(QDate date) const;
    // The first working day after `date`.
    [[nodiscard]] QDate nextWorkingDay(QDate date) const;
    // The end of the last working window (17:00 by default).
    [[nodiscard]] QTime closingTime() const;

    // The moment a procedure received at `received` is due, in vietnamTime(). Invalid for an invalid receipt
    // time, a negative number of days, or when no working day comes within 10 years.
    //  * WorkingDays N: N × 8 working hours counted through the working windows from the receipt (during a break,
    //    after closing or on a day off the count starts at the next opening); due the instant they run out, so a
    //    count that ends at closing time is due at closing time that day.
    //  * SameDay15h: received on a working day before 15:00 → closing time that day; otherwise closing time of
    //    the next working day.
    //  * CalendarDays N: the receipt moment plus N days; on a day off, the next working day at the same time.
    [[nodiscard]] QDateTime due(const QDateTime &received, const ProcessingTime &time) const;

private:
    struct Days {
        DaySource source = DaySource::Official;
        QHash<QDate, CalendarDay> byDate;
    };
    struct GeneratedCache;

    [[nodiscard]] std::shared_ptr<const Days> daysOf(int year) const;

    QHash<int, std::shared_ptr<const Days>> m_years;
    QList<WorkingWindow> m_windows;
    std::shared_ptr<GeneratedCache> m_generated;  // shared by copies: the generated days never change
};

}  // namespace motcua
