// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/calendar/WorkingCalendar.h"

#include "core/Clock.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::calendar)
};

constexpr int searchLimitDays = 3660;  // ten years: beyond that the data make no sense

Result<QList<WorkingWindow>> parseWindows(const QString &text)
{
    QList<WorkingWindow> windows;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto bad = [&text]() {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("\"%1\" is not a list of working hours like 07:00-11:30,13:30-17:00").arg(text));
    };
    for (const QString &part : parts) {
        const QStringList ends = part.trimmed().split(QLatin1Char('-'));
        if (ends.size() != 2)
            return bad();
        const QTime start = QTime::fromString(ends.at(0).trimmed(), QStringLiteral("HH:mm"));
        const QTime end = QTime::fromString(ends.at(1).trimmed(), QStringLiteral("HH:mm"));
        if (!start.isValid() || !end.isValid() || start >= end)
            return bad();
        if (!windows.isEmpty() && start < windows.constLast().end)
            return bad();
        windows.append(WorkingWindow{start, end});
    }
    if (windows.isEmpty())
        return bad();
    return windows;
}

qint64 msOf(QTime time)
{
    return time.msecsSinceStartOfDay();
}

}  // namespace

struct WorkingCalendar::GeneratedCache {
    QMutex mutex;
    QHash<int, std::shared_ptr<const Days>> years;
};

WorkingCalendar::WorkingCalendar() : m_windows(defaultWorkingHours()), m_generated(std::make_shared<GeneratedCache>())
{
}

QTimeZone WorkingCalendar::vietnamTime()
{
    return vietnamTimeZone();
}

QList<WorkingWindow> WorkingCalendar::defaultWorkingHours()
{
    return {WorkingWindow{QTime(7, 0), QTime(11, 30)}, WorkingWindow{QTime(13, 30), QTime(17, 0)}};
}

Result<QList<WorkingWindow>> WorkingCalendar::parseWorkingHours(const QString &text)
{
    return parseWindows(text);
}

QString WorkingCalendar::workingHoursText(const QList<WorkingWindow> &windows)
{
    QStringList parts;
    for (const WorkingWindow &w : windows)
        parts << QString(w.start.toString(QStringLiteral("HH:mm")) + QLatin1Char('-') +
                         w.end.toString(QStringLiteral("HH:mm")));
    return parts.join(QLatin1Char(','));
}

void WorkingCalendar::setYear(int year, const QList<CalendarDay> &days, DaySource source)
{
    auto d = std::make_shared<Days>();
    d->source = source;
    for (const CalendarDay &day : days) {
        if (day.date.year() == year)
            d->byDate.insert(day.date, day);
    }
    m_years.insert(year, std::move(d));
}

void WorkingCalendar::setWorkingHours(const QList<WorkingWindow> &windows)
{
    Q_ASSERT(!windows.isEmpty());
    m_windows = windows;
}

std::shared_ptr<const WorkingCalendar::Days> WorkingCalendar::daysOf(int year) const
{
    if (const auto it = m_years.constFind(year); it != m_years.constEnd())
        return *it;
    QMutexLocker lock(&m_generated->mutex);
    auto &cached = m_generated->years[year];
    if (!cached) {
        auto d = std::make_shared<Days>();
        d->source = DaySource::Generated;
        for (const CalendarDay &day : Holidays::generate(year).days)
            d->byDate.insert(day.date, day);
        cached = std::move(d);
    }
    return cached;
}

std::optional<DaySource> WorkingCalendar::yearSource(int year) const
{
    if (const auto it = m_years.constFind(year); it != m_years.constEnd())
        return (*it)->source;
    return std::nullopt;
}

CalendarYear WorkingCalendar::year(int year) const
{
    const auto d = daysOf(year);
    CalendarYear out;
    out.year = year;
    out.source = d->source;
    out.days = d->byDate.values();
    std::sort(out.days.begin(), out.days.end(),
              [](const CalendarDay &a, const CalendarDay &b) { return a.date < b.date; });
    return out;
}

std::optional<CalendarDay> WorkingCalendar::special(QDate date) const
{
    if (!date.isValid())
        return std::nullopt;
    const auto d = daysOf(date.year());
    if (const auto it = d->byDate.constFind(date); it != d->byDate.constEnd())
        return *it;
    return std::nullopt;
}

bool WorkingCalendar::isWorkingDay(QDate date) const
{
    if (!date.isValid())
        return false;
    if (const auto s = special(date))
        return s->kind == DayKind::Work;
    return date.dayOfWeek() <= Qt::Friday;
}

QDate WorkingCalendar::nextWorkingDay(QDate date) const
{
    for (int i = 1; i <= searchLimitDays; ++i) {
        const QDate next = date.addDays(i);
        if (isWorkingDay(next))
            return next;
    }
    return {};
}

QTime WorkingCalendar::closingTime() const
{
    return m_windows.isEmpty() ? QTime() : m_windows.constLast().end;
}

QDateTime WorkingCalendar::due(const QDateTime &received, const ProcessingTime &time) const
{
    if (!received.isValid() || time.days < 0 || m_windows.isEmpty())
        return {};
    const QTimeZone zone = vietnamTime();
    const QDateTime local = received.toTimeZone(zone);
    const QDate day = local.date();
    const QTime at = local.time();

    switch (time.kind) {
    case ProcessingKind::SameDay15h: {
        if (isWorkingDay(day) && at < sameDayCutoff())
            return QDateTime(day, closingTime(), zone);
        const QDate next = nextWorkingDay(day);
        return next.isValid() ? QDateTime(next, closingTime(), zone) : QDateTime();
    }
    case ProcessingKind::CalendarDays: {
        const QDate target = day.addDays(time.days);
        if (isWorkingDay(target))
            return QDateTime(target, at, zone);
        const QDate next = nextWorkingDay(target);
        return next.isValid() ? QDateTime(next, at, zone) : QDateTime();
    }
    case ProcessingKind::WorkingDays:
        break;
    }

    qint64 remaining = time.days * workingDayMs;
    if (remaining == 0)
        return local;
    QDate d = day;
    qint64 cursor = msOf(at);
    for (int i = 0; i <= searchLimitDays + time.days * 7; ++i) {
        if (isWorkingDay(d)) {
            for (const WorkingWindow &w : m_windows) {
                const qint64 end = msOf(w.end);
                if (cursor >= end)
                    continue;
                const qint64 start = std::max(cursor, msOf(w.start));
                const qint64 available = end - start;
                if (remaining <= available)
                    return QDateTime(d, QTime::fromMSecsSinceStartOfDay(int(start + remaining)), zone);
                remaining -= available;
                cursor = end;
            }
        }
        d = d.addDays(1);
        cursor = 0;
    }
    return {};
}

}  // namespace motcua
