// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/calendar/CalendarStore.h"

#include "core/Clock.h"
#include "core/Log.h"
#include "core/store/SettingsStore.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::calendar)
};

QString nowText()
{
    return Clock::now().toUTC().toString(Qt::ISODateWithMs);
}

// Replaces everything the store has for each year of `years` (inside the caller's transaction).
Result<void> writeYears(const QSqlDatabase &db, const QList<CalendarYear> &years, const QString &origin)
{
    const QString at = nowText();
    for (const CalendarYear &y : years) {
        if (auto r = sql::run(db, QStringLiteral("DELETE FROM calendar_days WHERE year = ?"), {y.year}); !r)
            return r.error();
        for (const CalendarDay &d : y.days) {
            auto r =
                sql::run(db,
                         QStringLiteral("INSERT INTO calendar_days(day, kind, name, source, year)"
                                        " VALUES(?, ?, ?, ?, ?)"),
                         {d.date.toString(Qt::ISODate), dayKindName(d.kind), d.name, daySourceName(y.source), y.year});
            if (!r)
                return r.error();
        }
        auto r = sql::run(db,
                          QStringLiteral("INSERT OR REPLACE INTO calendar_years(year, source, imported_at, origin)"
                                         " VALUES(?, ?, ?, ?)"),
                          {y.year, daySourceName(y.source), at, origin});
        if (!r)
            return r.error();
    }
    return {};
}

QString auditDetail(const CalendarImport &summary, const QString &origin)
{
    QJsonArray years;
    for (int y : summary.years)
        years.append(y);
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("years"), years},
                                                       {QStringLiteral("days_off"), summary.daysOff},
                                                       {QStringLiteral("workdays"), summary.workdays},
                                                       {QStringLiteral("origin"), origin}})
                                 .toJson(QJsonDocument::Compact));
}

CalendarImport summarize(const CalendarYears &years)
{
    CalendarImport summary;
    for (const CalendarYear &y : years) {
        summary.years.append(y.year);
        for (const CalendarDay &d : y.days)
            (d.kind == DayKind::Off ? summary.daysOff : summary.workdays) += 1;
    }
    return summary;
}

Result<void> appendAudit(const QSqlDatabase &db, const Actor &actor, const QString &subject, const QString &detail)
{
    auto a = AuditLog::append(db, actor, {QStringLiteral("calendar.import"), subject, detail});
    if (!a)
        return a.error();
    return {};
}

Error badWorkingHours(const Error &e)
{
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("The setting \"working_hours\" of this data file is wrong: %1").arg(e.message));
}

Error badRow(const QString &day)
{
    return makeError(ErrorCode::Corrupt, Tr::tr("The working calendar in the data file has a bad row (%1).").arg(day));
}

Error badYear()
{
    return makeError(ErrorCode::InvalidInput,
                     Tr::tr("The year must be between %1 and %2.").arg(Holidays::firstYear).arg(Holidays::lastYear));
}

}  // namespace

Result<CalendarImport> CalendarStore::importJson(const Store &store, const QByteArray &json, const Actor &actor,
                                                 const QString &origin)
{
    auto parsed = Holidays::parse(json);
    if (!parsed)
        return parsed.error();
    const CalendarImport summary = summarize(*parsed);
    auto r = store.write([&](const QSqlDatabase &db) -> Result<void> {
        if (auto w = writeYears(db, parsed->values(), origin); !w)
            return w;
        return appendAudit(db, actor, origin, auditDetail(summary, origin));
    });
    if (!r)
        return r.error();
    qCInfo(lcCalendar) << "Imported the working calendar of" << summary.years << "from" << origin;
    return summary;
}

Result<bool> CalendarStore::ensureSeeded(const Store &store, const QByteArray &shippedJson, const Actor &actor)
{
    auto parsed = Holidays::parse(shippedJson);
    if (!parsed)
        return parsed.error();
    // Seeded already (every start but the first): a read, so start-up never waits for a write.
    auto existing = sql::scalar(store.connection(), QStringLiteral("SELECT count(*) FROM calendar_years"));
    if (!existing)
        return existing.error();
    if (existing->toLongLong() > 0)
        return false;
    const QString origin = QStringLiteral("shipped");
    bool seeded = false;
    auto r = store.write([&](const QSqlDatabase &db) -> Result<void> {
        // Checked inside the write transaction, so two programs starting together seed once.
        auto count = sql::scalar(db, QStringLiteral("SELECT count(*) FROM calendar_years"));
        if (!count)
            return count.error();
        if (count->toLongLong() > 0)
            return {};
        if (auto w = writeYears(db, parsed->values(), origin); !w)
            return w;
        seeded = true;
        return appendAudit(db, actor, origin, auditDetail(summarize(*parsed), origin));
    });
    if (!r)
        return r.error();
    if (seeded)
        qCInfo(lcCalendar) << "Seeded the working calendar with the shipped days off";
    return seeded;
}

Result<bool> CalendarStore::storeGeneratedYear(const Store &store, int year, const Actor &actor)
{
    if (year < Holidays::firstYear || year > Holidays::lastYear)
        return badYear();
    bool written = false;
    auto r = store.write([&](const QSqlDatabase &db) -> Result<void> {
        auto count = sql::scalar(db, QStringLiteral("SELECT count(*) FROM calendar_years WHERE year = ?"), {year});
        if (!count)
            return count.error();
        if (count->toLongLong() > 0)
            return {};
        const CalendarYear generated = Holidays::generate(year);
        if (auto w = writeYears(db, {generated}, QStringLiteral("generated")); !w)
            return w;
        written = true;
        auto a = AuditLog::append(db, actor, {QStringLiteral("calendar.generate"), QString::number(year), {}});
        if (!a)
            return a.error();
        return {};
    });
    if (!r)
        return r.error();
    return written;
}

Result<WorkingCalendar> CalendarStore::load(const Store &store)
{
    const QSqlDatabase db = store.connection();
    WorkingCalendar calendar;

    auto hours = SettingsStore::stored(db, SettingsStore::Key::WorkingHours);
    if (!hours)
        return hours.error();
    if (*hours) {
        auto windows = WorkingCalendar::parseWorkingHours(**hours);
        if (!windows)
            return badWorkingHours(windows.error());
        calendar.setWorkingHours(*windows);
    }

    QMap<int, CalendarYear> years;
    auto yearRows = sql::run(db, QStringLiteral("SELECT year, source FROM calendar_years ORDER BY year"));
    if (!yearRows)
        return yearRows.error();
    while (yearRows->next()) {
        CalendarYear y;
        y.year = yearRows->value(0).toInt();
        if (!daySourceFromName(yearRows->value(1).toString(), &y.source))
            return badRow(QString::number(y.year));
        years.insert(y.year, y);
    }
    auto dayRows = sql::run(db, QStringLiteral("SELECT day, kind, name, source, year FROM calendar_days ORDER BY day"));
    if (!dayRows)
        return dayRows.error();
    while (dayRows->next()) {
        CalendarDay d;
        const QString dayText = dayRows->value(0).toString();
        d.date = QDate::fromString(dayText, Qt::ISODate);
        d.name = dayRows->value(2).toString();
        const int year = dayRows->value(4).toInt();
        if (!d.date.isValid() || d.date.year() != year || !dayKindFromName(dayRows->value(1).toString(), &d.kind) ||
            !daySourceFromName(dayRows->value(3).toString(), &d.source)) {
            return badRow(dayText);
        }
        auto it = years.find(year);
        if (it == years.end()) {
            // Rows of a year missing from calendar_years: keep them, with the source they carry.
            it = years.insert(year, CalendarYear{year, d.source, {}});
        }
        it->days.append(d);
    }
    for (const CalendarYear &y : std::as_const(years))
        calendar.setYear(y.year, y.days, y.source);
    return calendar;
}

}  // namespace motcua
