// SPDX-License-Identifier: GPL-3.0-or-later
// Command groups: the counter's identity (counter setup, counter show) and dossiers (receive, show, list,
// search, event).
#include "app/cli/Cli.h"

#include "core/Clock.h"
#include "core/calendar/CalendarStore.h"
#include "core/catalog/CatalogStore.h"
#include "core/dossier/ApplicantCheck.h"
#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierService.h"
#include "core/dossier/DossierStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace motcua::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli)
};

QString vnText(const QDateTime &t)
{
    return t.isValid() ? t.toTimeZone(vietnamTimeZone()).toString(QStringLiteral("yyyy-MM-ddTHH:mm")) : QString();
}

// "2026-03-02T09:30" (Vietnam time) or any ISO 8601 time with an offset.
Result<QDateTime> parseReceived(const QString &text)
{
    // Without an offset the time is Vietnam time; it is never read through the machine's own zone.
    static const QRegularExpression local(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})$"));
    QDateTime t;
    if (const auto m = local.match(text.trimmed()); m.hasMatch()) {
        const QDate d = QDate::fromString(m.captured(1), Qt::ISODate);
        const QTime h = QTime::fromString(m.captured(2), QStringLiteral("HH:mm"));
        if (d.isValid() && h.isValid())
            t = QDateTime(d, h, vietnamTimeZone());
    } else {
        t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
        if (t.isValid() && t.timeSpec() == Qt::LocalTime)
            t = QDateTime();  // seconds without an offset: ambiguous, refuse
    }
    if (!t.isValid())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("'%1' is not a date and time like 2026-03-02T09:30").arg(text));
    return t.toUTC();
}

Result<QJsonObject> readJsonObject(const QString &path, const QString &what)
{
    QByteArray bytes;
    if (path == QStringLiteral("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, Tr::tr("Could not read standard input."));
        bytes = in.readAll();
    } else {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::InvalidInput, Tr::tr("Could not read %1 (%2).").arg(path, f.errorString()));
        bytes = f.readAll();
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("%1 is not valid JSON (at byte %2: %3).").arg(what).arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        return makeError(ErrorCode::InvalidInput, Tr::tr("%1 must be a JSON object.").arg(what));
    return doc.object();
}

// Every problem of the applicant file, one "field: message" line each; exits 2.
int applicantProblems(Context &ctx, const QList<ApplicantProblem> &problems)
{
    for (const ApplicantProblem &p : problems)
        ctx.badInput(applicantFieldKey(p.field) + QStringLiteral(": ") + p.message);
    return ctx.exitCode();
}

QJsonObject summaryJson(const DossierSummary &s)
{
    return {{QStringLiteral("code"), s.code},
            {QStringLiteral("procedure_code"), s.procedureCode},
            {QStringLiteral("procedure_name"), s.procedureName},
            {QStringLiteral("applicant"), s.applicantName},
            {QStringLiteral("id_number"), s.idNumber},
            {QStringLiteral("phone"), s.phone},
            {QStringLiteral("status"), s.status},
            {QStringLiteral("received_at"), vnText(s.receivedAt)},
            {QStringLiteral("due_at"), vnText(s.dueAt)},
            {QStringLiteral("timeliness"), s.timeliness},
            {QStringLiteral("conflict"), s.conflict}};
}

void printSummaries(Context &ctx, const QList<DossierSummary> &rows)
{
    if (ctx.json()) {
        QJsonArray array;
        for (const DossierSummary &s : rows)
            array.append(summaryJson(s));
        ctx.printJson({{QStringLiteral("dossiers"), array}});
        return;
    }
    for (const DossierSummary &s : rows) {
        ctx.out() << s.code << '\t' << s.status << '\t' << vnText(s.dueAt) << '\t' << s.applicantName << '\t'
                  << s.procedureName << (s.conflict ? QStringLiteral("\t!conflict") : QString()) << Qt::endl;
    }
}

QJsonObject stateJson(const DossierState &s)
{
    QJsonArray timeline;
    for (const TimelineEntry &t : s.timeline) {
        timeline.append(QJsonObject{{QStringLiteral("event_id"), t.eventId},
                                    {QStringLiteral("type"), eventTypeName(t.type)},
                                    {QStringLiteral("at"), vnText(t.at)},
                                    {QStringLiteral("officer"), t.officer},
                                    {QStringLiteral("counter_id"), t.counterId},
                                    {QStringLiteral("applied"), t.applied},
                                    {QStringLiteral("conflicting"), t.conflicting},
                                    {QStringLiteral("payload"), t.payload}});
    }
    return {{QStringLiteral("code"), s.code},
            {QStringLiteral("dossier_id"), s.dossierId},
            {QStringLiteral("status"), dossierStatusName(s.status)},
            {QStringLiteral("procedure_code"), s.procedureCode},
            {QStringLiteral("procedure_name"), s.procedureName},
            {QStringLiteral("catalog_version"), s.catalogVersion},
            {QStringLiteral("applicant"), s.applicant},
            {QStringLiteral("documents"), s.documents},
            {QStringLiteral("received_at"), vnText(s.receivedAt)},
            {QStringLiteral("due_at"), vnText(s.dueAt)},
            {QStringLiteral("finished_at"), vnText(s.finishedAt)},
            {QStringLiteral("timeliness"), timelinessName(s.timeliness)},
            {QStringLiteral("conflict"), s.conflict},
            {QStringLiteral("fee_total_vnd"), s.feeTotal()},
            {QStringLiteral("receiving_counter"), s.receivingCounter},
            {QStringLiteral("timeline"), timeline}};
}

void printState(Context &ctx, const DossierState &s)
{
    if (ctx.json()) {
        ctx.printJson(stateJson(s));
        return;
    }
    auto line = [&](const QString &label, const QString &value) {
        ctx.out() << QString(label + QLatin1Char(':')).leftJustified(18) << value << Qt::endl;
    };
    line(Tr::tr("Code"), s.code);
    line(Tr::tr("Status"),
         dossierStatusName(s.status) + (s.conflict ? Tr::tr(" (conflict: a supervisor must decide)") : QString()));
    line(Tr::tr("Procedure"), s.procedureCode + QStringLiteral(" ") + s.procedureName);
    line(Tr::tr("Applicant"), s.applicant.value(QStringLiteral("full_name")).toString());
    line(Tr::tr("Received"), vnText(s.receivedAt));
    line(Tr::tr("Due"), vnText(s.dueAt));
    if (s.finishedAt.isValid())
        line(Tr::tr("Finished"),
             vnText(s.finishedAt) + QStringLiteral(" (") + timelinessName(s.timeliness) + QLatin1Char(')'));
    line(Tr::tr("Fees"), QLocale::c().toString(s.feeTotal()) + QStringLiteral(" VND"));
    ctx.out() << Tr::tr("Timeline:") << Qt::endl;
    for (const TimelineEntry &t : s.timeline) {
        ctx.out() << QStringLiteral("  ") << vnText(t.at) << '\t' << eventTypeName(t.type) << '\t' << t.officer << '@'
                  << t.counterId << (t.applied ? QString() : Tr::tr("\t(not applied: conflict)")) << Qt::endl;
    }
}

Result<DossierService> service(Context &ctx, Store &store)
{
    auto identity = CounterIdentity::load(store);
    if (!identity)
        return identity.error();
    return DossierService(store, *identity, ctx.actor().officer);
}

int runCounterSetup(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw,
                            {{QStringLiteral("agency-id"), true},
                             {QStringLiteral("counter-id"), true},
                             {QStringLiteral("unit"), true},
                             {QStringLiteral("slot"), true},
                             {QStringLiteral("slots"), true}},
                            0, 0);
    if (!args)
        return ctx.fail(args.error());
    Store *store = ctx.store();
    if (!store)
        return ctx.exitCode();
    auto current = CounterIdentity::load(*store);
    if (!current)
        return ctx.fail(current.error());
    if (current->isSetUp() && !current->standalone)
        return ctx.badInput(
            Tr::tr("This counter is enrolled with the provincial center; its identity comes from there."));
    CounterIdentity id = *current;
    auto number = [&](const QString &name, int fallback, int *out) {
        if (!args->has(name)) {
            *out = fallback;
            return true;
        }
        bool ok = false;
        *out = args->value(name).toInt(&ok);
        return ok;
    };
    if (!number(QStringLiteral("slot"), id.slot > 0 ? id.slot : 1, &id.slot) ||
        !number(QStringLiteral("slots"), id.slots > 0 ? id.slots : 20, &id.slots))
        return ctx.badInput(Tr::tr("--slot and --slots take whole numbers"));
    if (args->has(QStringLiteral("agency-id")))
        id.agencyId = args->value(QStringLiteral("agency-id"));
    if (args->has(QStringLiteral("counter-id")))
        id.counterId = args->value(QStringLiteral("counter-id"));
    if (args->has(QStringLiteral("unit")))
        id.unitName = args->value(QStringLiteral("unit"));
    if (id.counterId.isEmpty())
        id.counterId = QStringLiteral("standalone-%1").arg(id.slot);
    id.standalone = true;
    if (auto r = id.save(*store); !r)
        return ctx.fail(r.error());
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("counter_id"), id.counterId},
                       {QStringLiteral("agency_id"), id.agencyId},
                       {QStringLiteral("unit"), id.unitName},
                       {QStringLiteral("slot"), id.slot},
                       {QStringLiteral("slots"), id.slots}});
    } else {
        ctx.out() << Tr::tr("Standalone counter %1 of %2 (%3), code slot %4 of %5.")
                         .arg(id.counterId, id.agencyId, id.unitName)
                         .arg(id.slot)
                         .arg(id.slots)
                  << Qt::endl;
    }
    return ExitOk;
}

int runReceive(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw,
                            {{QStringLiteral("procedure"), true},
                             {QStringLiteral("applicant-json"), true},
                             {QStringLiteral("received"), true},
                             {QStringLiteral("sets"), true},
                             {QStringLiteral("return"), true},
                             {QStringLiteral("return-unit"), true}},
                            0, 0);
    if (!args)
        return ctx.fail(args.error());
    if (!args->has(QStringLiteral("procedure")) || !args->has(QStringLiteral("applicant-json")))
        return ctx.badInput(Tr::tr("dossier receive needs --procedure CODE and --applicant-json FILE"));
    QDateTime received = Clock::now();
    if (args->has(QStringLiteral("received"))) {
        auto r = parseReceived(args->value(QStringLiteral("received")));
        if (!r)
            return ctx.fail(r.error());
        received = *r;
    }
    auto applicantJson = readJsonObject(args->value(QStringLiteral("applicant-json")), Tr::tr("The applicant file"));
    if (!applicantJson)
        return ctx.fail(applicantJson.error());
    const CheckedApplicant applicant = checkApplicantJson(*applicantJson);
    if (!applicant.problems.isEmpty())
        return applicantProblems(ctx, applicant.problems);

    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    CatalogStore catalog(*store);
    auto procedure = catalog.procedure(args->value(QStringLiteral("procedure")));
    if (!procedure)
        return ctx.fail(procedure.error());
    auto version = catalog.currentVersion();
    if (!version)
        return ctx.fail(version.error());

    ReceiveRequest request;
    request.procedureCode = procedure->code;
    request.procedureName = procedure->name;
    request.catalogVersion = *version;
    request.processing = procedure->processing;
    request.applicant = applicant.applicant;
    for (const DocumentRequirement &d : procedure->documents) {
        request.documents.append(QJsonObject{{QStringLiteral("name"), d.name},
                                             {QStringLiteral("originals"), d.originals},
                                             {QStringLiteral("certified_copies"), d.certifiedCopies},
                                             {QStringLiteral("copies"), d.copies}});
    }
    request.feeVnd = procedure->feeVnd.value_or(0);
    bool ok = true;
    request.sets = args->has(QStringLiteral("sets")) ? args->value(QStringLiteral("sets")).toInt(&ok) : 1;
    if (!ok)
        return ctx.badInput(Tr::tr("--sets takes a whole number"));
    if (args->has(QStringLiteral("return")))
        request.returnMethod = args->value(QStringLiteral("return"));
    request.returnUnit = args->value(QStringLiteral("return-unit"));
    request.receivedAt = received;  // the service computes the due moment

    auto svc = service(ctx, *store);
    if (!svc)
        return ctx.fail(svc.error());
    auto state = svc->receive(request);
    if (!state)
        return ctx.fail(state.error());
    if (ctx.json())
        ctx.printJson(stateJson(*state));
    else
        ctx.out() << state->code << Qt::endl;
    return ExitOk;
}

int runShow(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 1, 1);
    if (!args)
        return ctx.fail(args.error());
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    auto state = DossierStore(*store).loadByCode(args->positional().first());
    if (!state)
        return ctx.fail(state.error());
    printState(ctx, *state);
    return ExitOk;
}

int runList(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw,
                            {{QStringLiteral("status"), true},
                             {QStringLiteral("procedure"), true},
                             {QStringLiteral("from"), true},
                             {QStringLiteral("to"), true},
                             {QStringLiteral("overdue"), false},
                             {QStringLiteral("limit"), true},
                             {QStringLiteral("offset"), true}},
                            0, 0);
    if (!args)
        return ctx.fail(args.error());
    DossierFilter filter;
    if (args->has(QStringLiteral("status"))) {
        DossierStatus s{};
        if (!dossierStatusFromName(args->value(QStringLiteral("status")), &s))
            return ctx.badInput(Tr::tr("unknown status '%1'").arg(args->value(QStringLiteral("status"))));
        filter.status = args->value(QStringLiteral("status"));
    }
    filter.procedureCode = args->value(QStringLiteral("procedure"));
    for (const auto &[name, target] : {std::pair{QStringLiteral("from"), &filter.receivedFrom},
                                       std::pair{QStringLiteral("to"), &filter.receivedTo}}) {
        if (!args->has(name))
            continue;
        *target = QDate::fromString(args->value(name), Qt::ISODate);
        if (!target->isValid())
            return ctx.badInput(Tr::tr("--%1 takes a date like 2026-03-02").arg(name));
    }
    filter.overdueOnly = args->has(QStringLiteral("overdue"));
    bool okLimit = true;
    bool okOffset = true;
    const int limit = args->has(QStringLiteral("limit")) ? args->value(QStringLiteral("limit")).toInt(&okLimit) : 100;
    const int offset = args->has(QStringLiteral("offset")) ? args->value(QStringLiteral("offset")).toInt(&okOffset) : 0;
    if (!okLimit || !okOffset || limit < 1 || offset < 0)
        return ctx.badInput(Tr::tr("--limit and --offset take whole numbers"));
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    auto rows = DossierStore(*store).list(filter, limit, offset);
    if (!rows)
        return ctx.fail(rows.error());
    printSummaries(ctx, *rows);
    return ExitOk;
}

int runSearch(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {{QStringLiteral("limit"), true}}, 1, 64);
    if (!args)
        return ctx.fail(args.error());
    bool ok = true;
    const int limit = args->has(QStringLiteral("limit")) ? args->value(QStringLiteral("limit")).toInt(&ok) : 50;
    if (!ok || limit < 1)
        return ctx.badInput(Tr::tr("--limit takes a whole number"));
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    auto rows = DossierStore(*store).search(args->positional().join(QLatin1Char(' ')), limit);
    if (!rows)
        return ctx.fail(rows.error());
    printSummaries(ctx, *rows);
    return ExitOk;
}

int runEvent(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {{QStringLiteral("json"), true}}, 2, 2);
    if (!args)
        return ctx.fail(args.error());
    const QString code = args->positional().at(0);
    EventType type{};
    if (!eventTypeFromName(args->positional().at(1), &type))
        return ctx.badInput(Tr::tr("unknown event type '%1' (one of: %2)")
                                .arg(args->positional().at(1), eventTypeNames().join(QStringLiteral(", "))));
    QJsonObject payload;
    if (args->has(QStringLiteral("json"))) {
        auto p = readJsonObject(args->value(QStringLiteral("json")), Tr::tr("The event file"));
        if (!p)
            return ctx.fail(p.error());
        payload = *p;
    }
    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    // A supplement restarts the legal processing time from the day the dossier is complete again (the due
    // moment is computed here unless the file gives one).
    if (type == EventType::Supplemented && !payload.contains(QStringLiteral("due_at"))) {
        auto current = DossierStore(*store).loadByCode(code);
        if (!current)
            return ctx.fail(current.error());
        auto calendar = CalendarStore::load(*store);
        if (!calendar)
            return ctx.fail(calendar.error());
        auto procedure = CatalogStore(*store).procedure(current->procedureCode, current->catalogVersion);
        if (!procedure)
            return ctx.fail(procedure.error());
        payload.insert(QStringLiteral("due_at"),
                       calendar->due(Clock::now(), procedure->processing).toUTC().toString(Qt::ISODate));
    }
    auto svc = service(ctx, *store);
    if (!svc)
        return ctx.fail(svc.error());
    auto state = svc->record(code, type, payload);
    if (!state)
        return ctx.fail(state.error());
    if (ctx.json())
        ctx.printJson(stateJson(*state));
    else
        ctx.out() << Tr::tr("%1 is now %2.").arg(state->code, dossierStatusName(state->status)) << Qt::endl;
    return ExitOk;
}

}  // namespace

void registerDossierCommands(Registry &registry)
{
    registry.add({{QStringLiteral("counter"), QStringLiteral("setup")},
                  QStringLiteral("--agency-id ID [--unit NAME] [--counter-id ID] [--slot N --slots M]"),
                  Tr::tr("set up a standalone (demo, training) counter"),
                  runCounterSetup});
    registry.add(
        {{QStringLiteral("dossier"), QStringLiteral("receive")},
         QStringLiteral(
             "--procedure CODE --applicant-json FILE [--received TIME] [--sets N] [--return counter|post|online]"),
         Tr::tr("receive a dossier; prints its code"),
         runReceive});
    registry.add({{QStringLiteral("dossier"), QStringLiteral("show")},
                  QStringLiteral("CODE"),
                  Tr::tr("status, due moment and timeline of a dossier"),
                  runShow});
    registry.add({{QStringLiteral("dossier"), QStringLiteral("list")},
                  QStringLiteral("[--status S] [--procedure CODE] [--from DATE] [--to DATE] [--overdue]"),
                  Tr::tr("list dossiers, newest first"),
                  runList});
    registry.add({{QStringLiteral("dossier"), QStringLiteral("search")},
                  QStringLiteral("TEXT"),
                  Tr::tr("find dossiers by code, ID number, phone or name words"),
                  runSearch});
    registry.add({{QStringLiteral("dossier"), QStringLiteral("event")},
                  QStringLiteral("CODE TYPE [--json FILE]"),
                  Tr::tr("record a later step (transferred, result_ready, returned, note, …)"),
                  runEvent});
}

}  // namespace motcua::cli
