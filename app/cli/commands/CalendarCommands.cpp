// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: the working calendar (due moments, lunar dates, days off).
#include "app/cli/Cli.h"

#include "core/calendar/CalendarStore.h"
#include "core/calendar/Holidays.h"
#include "core/calendar/LunarCalendar.h"
#include "core/calendar/WorkingCalendar.h"
#include "core/catalog/CatalogStore.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace motcua::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli)
};

const QString minuteFormat = QStringLiteral("yyyy-MM-ddTHH:mm");

QDate parseDay(const QString &text)
{
    if (text.size() != 10)
        return {};
    return QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
}

// "YYYY-MM-DDTHH:MM" (or with ":SS"), in Vietnam time.
QDateTime parseMoment(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('T'));
    if (parts.size() != 2)
        return {};
    const QDate date = parseDay(parts.at(0));
    QTime time;
    if (parts.at(1).size() == 5)
        time = QTime::fromString(parts.at(1), QStringLiteral("HH:mm"));
    else if (parts.at(1).size() == 8)
        time = QTime::fromString(parts.at(1), QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, WorkingCalendar::vietnamTime());
}

bool parseCount(const QString &text, int *value)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 0 || n > 3650 || text.startsWith(QLatin1Char('+')))
        return false;
    *value = n;
    return true;
}

int runDue(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw,
                            {{QStringLiteral("received"), true},
                             {QStringLiteral("working-days"), true},
                             {QStringLiteral("calendar-days"), true},
                             {QStringLiteral("same-day"), false},
                             {QStringLiteral("procedure"), true}},
                            0, 0);
    if (!args)
        return ctx.fail(args.error());
    if (!args->has(QStringLiteral("received")))
        return ctx.badInput(Tr::tr("--received YYYY-MM-DDTHH:MM is required"));
    const QDateTime received = parseMoment(args->value(QStringLiteral("received")));
    if (!received.isValid()) {
        return ctx.badInput(
            Tr::tr("'%1' is not a time of the form YYYY-MM-DDTHH:MM").arg(args->value(QStringLiteral("received"))));
    }
    const int kinds = int(args->has(QStringLiteral("working-days"))) + int(args->has(QStringLiteral("calendar-days"))) +
                      int(args->has(QStringLiteral("same-day"))) + int(args->has(QStringLiteral("procedure")));
    if (kinds != 1)
        return ctx.badInput(
            Tr::tr("give exactly one of --working-days N, --calendar-days N, --same-day, --procedure CODE"));
    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    ProcessingTime time;
    if (args->has(QStringLiteral("procedure"))) {
        // The kind and length the catalog in force gives the procedure.
        auto procedure = CatalogStore(*store).procedure(args->value(QStringLiteral("procedure")));
        if (!procedure)
            return ctx.fail(procedure.error());
        time = procedure->processing;
    } else if (args->has(QStringLiteral("same-day"))) {
        time.kind = ProcessingKind::SameDay15h;
    } else {
        const QString option = args->has(QStringLiteral("working-days")) ? QStringLiteral("working-days")
                                                                         : QStringLiteral("calendar-days");
        time.kind =
            option == QStringLiteral("working-days") ? ProcessingKind::WorkingDays : ProcessingKind::CalendarDays;
        if (!parseCount(args->value(option), &time.days)) {
            return ctx.badInput(
                Tr::tr("--%1 needs a whole number of days from 0 to 3650, not '%2'").arg(option, args->value(option)));
        }
    }
    auto calendar = CalendarStore::load(*store);
    if (!calendar)
        return ctx.fail(calendar.error());
    const QDateTime due = calendar->due(received, time);
    if (!due.isValid())
        return ctx.fail(makeError(ErrorCode::Internal, Tr::tr("No working day was found within ten years.")));
    const QString dueText = due.toTimeZone(WorkingCalendar::vietnamTime()).toString(minuteFormat);
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("received"), received.toString(minuteFormat)},
                       {QStringLiteral("kind"), processingKindName(time.kind)},
                       {QStringLiteral("days"), time.days},
                       {QStringLiteral("due"), dueText}});
    } else {
        ctx.out() << dueText << Qt::endl;
    }
    return ExitOk;
}

int runLunar(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 1, 1);
    if (!args)
        return ctx.fail(args.error());
    const QDate date = parseDay(args->positional().at(0));
    if (!date.isValid() || date.year() < Holidays::firstYear || date.year() > Holidays::lastYear) {
        return ctx.badInput(Tr::tr("'%1' is not a date of the form YYYY-MM-DD between %2 and %3")
                                .arg(args->positional().at(0))
                                .arg(Holidays::firstYear)
                                .arg(Holidays::lastYear));
    }
    const LunarDate lunar = LunarCalendar::fromSolar(date);
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("date"), date.toString(Qt::ISODate)},
                       {QStringLiteral("lunar"), lunar.toString()},
                       {QStringLiteral("day"), lunar.day},
                       {QStringLiteral("month"), lunar.month},
                       {QStringLiteral("year"), lunar.year},
                       {QStringLiteral("leap"), lunar.leap}});
    } else {
        ctx.out() << lunar.toString() << Qt::endl;
    }
    return ExitOk;
}

int runImport(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 1, 1);
    if (!args)
        return ctx.fail(args.error());
    const QString path = args->positional().at(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(makeError(ErrorCode::NotFound, Tr::tr("Cannot read %1: %2").arg(path, file.errorString())));
    const QByteArray json = file.readAll();
    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    auto imported = CalendarStore::importJson(*store, json, ctx.actor(), QFileInfo(path).fileName());
    if (!imported)
        return ctx.fail(imported.error());
    if (ctx.json()) {
        QJsonArray years;
        for (int y : imported->years)
            years.append(y);
        ctx.printJson({{QStringLiteral("years"), years},
                       {QStringLiteral("days_off"), imported->daysOff},
                       {QStringLiteral("workdays"), imported->workdays}});
    } else {
        QStringList years;
        for (int y : imported->years)
            years << QString::number(y);
        ctx.out() << Tr::tr("Imported the days off of %1: %2 days off, %3 make-up working days.")
                         .arg(years.join(QStringLiteral(", ")))
                         .arg(imported->daysOff)
                         .arg(imported->workdays)
                  << Qt::endl;
    }
    return ExitOk;
}

int runDays(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {{QStringLiteral("year"), true}}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    bool ok = false;
    const int year = args->value(QStringLiteral("year")).toInt(&ok);
    if (!args->has(QStringLiteral("year")) || !ok || year < Holidays::firstYear || year > Holidays::lastYear) {
        return ctx.badInput(
            Tr::tr("--year needs a year between %1 and %2").arg(Holidays::firstYear).arg(Holidays::lastYear));
    }
    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    auto calendar = CalendarStore::load(*store);
    if (!calendar)
        return ctx.fail(calendar.error());
    const CalendarYear days = calendar->year(year);
    if (ctx.json()) {
        QJsonArray list;
        for (const CalendarDay &d : days.days) {
            list.append(QJsonObject{{QStringLiteral("date"), d.date.toString(Qt::ISODate)},
                                    {QStringLiteral("kind"), dayKindName(d.kind)},
                                    {QStringLiteral("source"), daySourceName(d.source)},
                                    {QStringLiteral("name"), d.name}});
        }
        ctx.printJson({{QStringLiteral("year"), year},
                       {QStringLiteral("source"), daySourceName(days.source)},
                       {QStringLiteral("days"), list}});
        return ExitOk;
    }
    for (const CalendarDay &d : days.days) {
        ctx.out() << d.date.toString(Qt::ISODate) << '\t' << dayKindName(d.kind) << '\t' << daySourceName(d.source)
                  << '\t' << d.name << Qt::endl;
    }
    return ExitOk;
}

}  // namespace

void registerCalendarCommands(Registry &registry)
{
    registry.add({{QStringLiteral("calendar"), QStringLiteral("due")},
                  QStringLiteral("--received T (--working-days N | --calendar-days N | --same-day | --procedure CODE)"),
                  Tr::tr("when a procedure received at T (Vietnam time) is due"),
                  runDue});
    registry.add({{QStringLiteral("calendar"), QStringLiteral("lunar")},
                  QStringLiteral("YYYY-MM-DD"),
                  Tr::tr("the Vietnamese lunar date (D/M/YYYY; a leap month as D/Mn/YYYY)"),
                  runLunar});
    registry.add({{QStringLiteral("calendar"), QStringLiteral("import")},
                  QStringLiteral("FILE"),
                  Tr::tr("load official days off (motcua-calendar/1 JSON); replaces the years it holds"),
                  runImport});
    registry.add({{QStringLiteral("calendar"), QStringLiteral("days")},
                  QStringLiteral("--year YYYY"),
                  Tr::tr("list the days off and make-up working days of a year"),
                  runDays});
}

}  // namespace motcua::cli
