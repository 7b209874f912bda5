// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/calendar/Holidays.h"

#include "core/calendar/LunarCalendar.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::calendar)
};

const QString formatName = QStringLiteral("motcua-calendar/1");

bool isWeekend(QDate date)
{
    return date.dayOfWeek() >= Qt::Saturday;
}

QDate parseDate(const QString &text)
{
    // Strictly YYYY-MM-DD: QDate::fromString also accepts a few looser forms.
    if (text.size() != 10 || text.at(4) != QLatin1Char('-') || text.at(7) != QLatin1Char('-'))
        return {};
    return QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
}

void sortDays(QList<CalendarDay> &days)
{
    std::sort(days.begin(), days.end(), [](const CalendarDay &a, const CalendarDay &b) { return a.date < b.date; });
}

// Reads one list ("days_off" or "workdays") of one year; adds problems to `problems`.
void readDays(const QJsonObject &yearObject, const QString &key, int year, DayKind kind, CalendarYear &out,
              QHash<QDate, DayKind> &seen, QStringList &problems)
{
    const QJsonValue value = yearObject.value(key);
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        problems << Tr::tr("%1: \"%2\" is not a list").arg(year).arg(key);
        return;
    }
    const QJsonArray entries = value.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = QStringLiteral("%1 %2[%3]").arg(year).arg(key).arg(i + 1);
        if (!entries.at(i).isObject()) {
            problems << Tr::tr("%1: not an object with \"date\" and \"name\"").arg(where);
            continue;
        }
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonValue dateValue = entry.value(QStringLiteral("date"));
        const QJsonValue nameValue = entry.value(QStringLiteral("name"));
        if (!nameValue.isUndefined() && !nameValue.isString()) {
            problems << Tr::tr("%1: the name is not text").arg(where);
            continue;
        }
        const QDate date = parseDate(dateValue.toString());
        if (!date.isValid()) {
            problems << Tr::tr("%1: \"%2\" is not a date of the form YYYY-MM-DD")
                            .arg(where, dateValue.isString() ? dateValue.toString() : QStringLiteral("?"));
            continue;
        }
        const QString dateText = date.toString(Qt::ISODate);
        if (date.year() != year) {
            problems << Tr::tr("%1: %2 does not belong to the year %3").arg(where, dateText).arg(year);
            continue;
        }
        if (kind == DayKind::Work && !isWeekend(date)) {
            problems << Tr::tr("%1: %2 is a weekday, but only a Saturday or Sunday can be declared a working day")
                            .arg(where, dateText);
            continue;
        }
        if (const auto it = seen.constFind(date); it != seen.constEnd()) {
            if (*it == kind)
                problems << Tr::tr("%1: %2 is listed twice").arg(where, dateText);
            else
                problems << Tr::tr("%1: %2 is both a day off and a working day").arg(where, dateText);
            continue;
        }
        seen.insert(date, kind);
        out.days.append(CalendarDay{date, kind, nameValue.toString().trimmed(), DaySource::Official});
    }
}

Result<CalendarYears> parseCalendar(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(ErrorCode::InvalidInput, Tr::tr("The calendar file is not valid JSON: %1 (at byte %2).")
                                                      .arg(parseError.errorString())
                                                      .arg(parseError.offset));
    }
    if (!doc.isObject())
        return makeError(ErrorCode::InvalidInput, Tr::tr("The calendar file is not a JSON object."));
    const QJsonObject root = doc.object();
    QStringList problems;
    const QString format = root.value(QStringLiteral("format")).toString();
    if (format != formatName)
        problems << Tr::tr("the format is \"%1\", expected \"%2\"").arg(format, formatName);
    const QJsonValue yearsValue = root.value(QStringLiteral("years"));
    CalendarYears years;
    if (!yearsValue.isObject()) {
        problems << Tr::tr("\"years\" is missing or not an object");
    } else {
        const QJsonObject yearsObject = yearsValue.toObject();
        if (yearsObject.isEmpty())
            problems << Tr::tr("the file holds no year");
        for (auto it = yearsObject.constBegin(); it != yearsObject.constEnd(); ++it) {
            bool isNumber = false;
            const int year = it.key().toInt(&isNumber);
            if (!isNumber || it.key().size() != 4 || year < Holidays::firstYear || year > Holidays::lastYear) {
                problems << Tr::tr("\"%1\" is not a year between %2 and %3")
                                .arg(it.key())
                                .arg(Holidays::firstYear)
                                .arg(Holidays::lastYear);
                continue;
            }
            if (!it.value().isObject()) {
                problems << Tr::tr("%1: not an object with \"days_off\" and \"workdays\"").arg(year);
                continue;
            }
            const QJsonObject yearObject = it.value().toObject();
            const QJsonValue pending = yearObject.value(QStringLiteral("pending"));
            if (!pending.isUndefined() && !pending.isArray())
                problems << Tr::tr("%1: \"pending\" is not a list").arg(year);
            CalendarYear calendarYear;
            calendarYear.year = year;
            calendarYear.source = DaySource::Official;
            QHash<QDate, DayKind> seen;
            readDays(yearObject, QStringLiteral("days_off"), year, DayKind::Off, calendarYear, seen, problems);
            readDays(yearObject, QStringLiteral("workdays"), year, DayKind::Work, calendarYear, seen, problems);
            sortDays(calendarYear.days);
            years.insert(year, calendarYear);
        }
    }
    if (!problems.isEmpty()) {
        return makeError(ErrorCode::InvalidInput, Tr::tr("The calendar file was not imported. Problems (%1): %2")
                                                      .arg(problems.size())
                                                      .arg(problems.join(QStringLiteral("; "))));
    }
    return years;
}

// Names of generated days are data (as in the published tables), in Vietnamese.
QString compensatoryName(const QString &holiday)
{
    return QStringLiteral("Nghỉ bù ") + holiday;
}

}  // namespace

QString dayKindName(DayKind kind)
{
    return kind == DayKind::Off ? QStringLiteral("off") : QStringLiteral("work");
}

QString daySourceName(DaySource source)
{
    return source == DaySource::Official ? QStringLiteral("official") : QStringLiteral("generated");
}

bool dayKindFromName(const QString &name, DayKind *kind)
{
    if (name == QStringLiteral("off"))
        *kind = DayKind::Off;
    else if (name == QStringLiteral("work"))
        *kind = DayKind::Work;
    else
        return false;
    return true;
}

bool daySourceFromName(const QString &name, DaySource *source)
{
    if (name == QStringLiteral("official"))
        *source = DaySource::Official;
    else if (name == QStringLiteral("generated"))
        *source = DaySource::Generated;
    else
        return false;
    return true;
}

Result<CalendarYears> Holidays::parse(const QByteArray &json)
{
    return parseCalendar(json);
}

CalendarYear Holidays::generate(int year)
{
    CalendarYear out;
    out.year = year;
    out.source = DaySource::Generated;
    QList<CalendarDay> holidays;
    auto add = [&](QDate date, const QString &name) {
        if (date.isValid() && date.year() == year)
            holidays.append(CalendarDay{date, DayKind::Off, name, DaySource::Generated});
    };

    add(QDate(year, 1, 1), QStringLiteral("Tết Dương lịch"));

    const QDate tet = LunarCalendar::newYear(year);
    add(tet.addDays(-1), QStringLiteral("Tết Nguyên đán (ngày cuối năm âm lịch)"));
    add(tet, QStringLiteral("Tết Nguyên đán (mùng 1)"));
    for (int i = 2; i <= 4; ++i)
        add(tet.addDays(i - 1), QStringLiteral("Tết Nguyên đán (mùng %1)").arg(i));

    add(LunarCalendar::toSolar(LunarDate{10, 3, year, false}), QStringLiteral("Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
    add(QDate(year, 4, 30), QStringLiteral("Ngày Chiến thắng"));
    add(QDate(year, 5, 1), QStringLiteral("Quốc tế Lao động"));

    const QDate nationalDay(year, 9, 2);
    const int dow = nationalDay.dayOfWeek();
    const bool before = dow == Qt::Tuesday || dow == Qt::Friday || dow == Qt::Saturday;
    add(nationalDay.addDays(before ? -1 : 1), QStringLiteral("Quốc khánh (ngày liền kề)"));
    add(nationalDay, QStringLiteral("Quốc khánh"));
    sortDays(holidays);

    QSet<QDate> taken;
    for (const CalendarDay &d : holidays)
        taken.insert(d.date);
    QList<CalendarDay> compensatory;
    for (const CalendarDay &d : holidays) {
        if (!isWeekend(d.date))
            continue;
        QDate next = d.date.addDays(1);
        while (isWeekend(next) || taken.contains(next))
            next = next.addDays(1);
        taken.insert(next);
        compensatory.append(CalendarDay{next, DayKind::Off, compensatoryName(d.name), DaySource::Generated});
    }
    for (const CalendarDay &d : std::as_const(holidays)) {
        if (!isWeekend(d.date))  // a holiday on a weekend changes nothing by itself; its day off is the next one
            out.days.append(d);
    }
    out.days.append(compensatory);
    sortDays(out.days);
    return out;
}

}  // namespace motcua
