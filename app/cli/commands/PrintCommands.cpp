// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: printing the legal forms to PDF (needs the GUI libraries; rendered on the offscreen platform).
#include "app/cli/Cli.h"

#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierService.h"
#include "core/dossier/DossierStore.h"
#include "ui/print/Form01.h"
#include "ui/print/Forms.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace motcua::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli)
};

// The PDF goes into a folder that exists (the file itself is written by the renderer).
bool writableTarget(const QString &out)
{
    return !out.isEmpty() && QFileInfo(QFileInfo(out).absolutePath()).isDir();
}

int runPrint01(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw,
                            {{QStringLiteral("dossier"), true},
                             {QStringLiteral("out"), true},
                             {QStringLiteral("paper"), true},
                             {QStringLiteral("reprint"), false}},
                            0, 0);
    if (!args)
        return ctx.fail(args.error());
    if (!args->has(QStringLiteral("dossier")) || !args->has(QStringLiteral("out")))
        return ctx.badInput(Tr::tr("print 01 needs --dossier CODE and --out FILE.pdf"));
    const QString paperName =
        args->value(QStringLiteral("paper")).isEmpty() ? QStringLiteral("a4") : args->value(QStringLiteral("paper"));
    ui::print::Paper paper{};
    if (paperName == QStringLiteral("a4"))
        paper = ui::print::Paper::A4;
    else if (paperName == QStringLiteral("a5"))
        paper = ui::print::Paper::A5;
    else if (paperName == QStringLiteral("receipt80"))
        paper = ui::print::Paper::Receipt80;
    else
        return ctx.badInput(Tr::tr("--paper is a4, a5 or receipt80, not '%1'").arg(paperName));
    const QString out = args->value(QStringLiteral("out"));
    if (!writableTarget(out))
        return ctx.badInput(Tr::tr("cannot write %1: its folder does not exist").arg(out));
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    auto dossier = DossierStore(*store).loadByCode(args->value(QStringLiteral("dossier")));
    if (!dossier)
        return ctx.fail(dossier.error());
    auto unit = ui::print::UnitInfo::load(*store, dossier->receivingOfficer);
    if (!unit)
        return ctx.fail(unit.error());
    const bool reprint = args->has(QStringLiteral("reprint"));
    if (auto r = ui::print::renderForm01Pdf(*dossier, *unit, paper, reprint, out); !r)
        return ctx.fail(r.error());
    if (reprint) {
        // A reprint is marked on the paper and recorded on the dossier.
        auto identity = CounterIdentity::load(*store);
        if (!identity)
            return ctx.fail(identity.error());
        DossierService service(*store, *identity, ctx.actor().officer);
        auto recorded =
            service.record(dossier->code, EventType::Reprinted,
                           {{QStringLiteral("form"), QStringLiteral("01")}, {QStringLiteral("paper"), paperName}});
        if (!recorded)
            return ctx.fail(recorded.error());
    }
    if (ctx.json())
        ctx.printJson({{QStringLiteral("form"), QStringLiteral("01")},
                       {QStringLiteral("code"), dossier->code},
                       {QStringLiteral("out"), out}});
    else
        ctx.out() << out << Qt::endl;
    return ExitOk;
}

// Forms 02-06: one dossier each.
int runDossierForm(Context &ctx, const QStringList &raw, ui::print::FormId form)
{
    auto args = Args::parse(
        raw, {{QStringLiteral("dossier"), true}, {QStringLiteral("out"), true}, {QStringLiteral("paper"), true}}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    if (!args->has(QStringLiteral("dossier")) || !args->has(QStringLiteral("out")))
        return ctx.badInput(Tr::tr("this form needs --dossier CODE and --out FILE.pdf"));
    const QString paperName =
        args->value(QStringLiteral("paper")).isEmpty() ? QStringLiteral("a4") : args->value(QStringLiteral("paper"));
    if (paperName != QStringLiteral("a4") && paperName != QStringLiteral("a5"))
        return ctx.badInput(Tr::tr("--paper is a4 or a5 for this form, not '%1'").arg(paperName));
    const QString out = args->value(QStringLiteral("out"));
    if (!writableTarget(out))
        return ctx.badInput(Tr::tr("cannot write %1: its folder does not exist").arg(out));
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    auto dossier = DossierStore(*store).loadByCode(args->value(QStringLiteral("dossier")));
    if (!dossier)
        return ctx.fail(dossier.error());
    auto unit = ui::print::UnitInfo::load(*store, ctx.actor().officer);
    if (!unit)
        return ctx.fail(unit.error());
    const auto paper = paperName == QStringLiteral("a5") ? ui::print::Paper::A5 : ui::print::Paper::A4;
    if (auto r = ui::print::renderDossierFormPdf(form, *dossier, *unit, paper, out); !r)
        return ctx.fail(r.error());
    ctx.out() << out << Qt::endl;
    return ExitOk;
}

// Form 07: the register over a date range (Vietnam dates, inclusive), oldest first.
int runRegister(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(
        raw, {{QStringLiteral("from"), true}, {QStringLiteral("to"), true}, {QStringLiteral("out"), true}}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    const QDate from = QDate::fromString(args->value(QStringLiteral("from")), Qt::ISODate);
    const QDate to = QDate::fromString(args->value(QStringLiteral("to")), Qt::ISODate);
    if (!from.isValid() || !to.isValid() || from > to)
        return ctx.badInput(Tr::tr("print register needs --from and --to dates like 2026-03-01, in order"));
    const QString out = args->value(QStringLiteral("out"));
    if (!writableTarget(out))
        return ctx.badInput(Tr::tr("cannot write %1: its folder does not exist").arg(out));
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    DossierFilter filter;
    filter.receivedFrom = from;
    filter.receivedTo = to;
    auto rows = DossierStore(*store).list(filter, 1000000, 0);
    if (!rows)
        return ctx.fail(rows.error());
    std::reverse(rows->begin(), rows->end());
    auto unit = ui::print::UnitInfo::load(*store, ctx.actor().officer);
    if (!unit)
        return ctx.fail(unit.error());
    if (auto r = ui::print::renderRegisterPdf(*rows, *unit, from, to, out); !r)
        return ctx.fail(r.error());
    ctx.out() << out << Qt::endl;
    return ExitOk;
}

}  // namespace

void registerPrintCommands(Registry &registry)
{
    registry.add({{QStringLiteral("print"), QStringLiteral("01")},
                  QStringLiteral("--dossier CODE --out FILE.pdf [--paper a4|a5|receipt80] [--reprint]"),
                  Tr::tr("Form 01: receipt and appointment slip, two copies, with the QR code"),
                  runPrint01});
    using ui::print::FormId;
    const struct {
        FormId form;
        QString summary;
    } forms[] = {
        {FormId::SupplementRequest, Tr::tr("Form 02: request to supplement the dossier")},
        {FormId::Refusal, Tr::tr("Form 03: refusal to receive the dossier")},
        {FormId::Apology, Tr::tr("Form 04: apology and new appointment")},
        {FormId::StopNotice, Tr::tr("Form 05: notice that processing stopped")},
        {FormId::ControlSheet, Tr::tr("Form 06: control sheet of the processing steps")},
    };
    for (const auto &f : forms) {
        const FormId form = f.form;
        registry.add({{QStringLiteral("print"), QStringLiteral("%1").arg(int(form), 2, 10, QLatin1Char('0'))},
                      QStringLiteral("--dossier CODE --out FILE.pdf [--paper a4|a5]"),
                      f.summary,
                      [form](Context &c, const QStringList &a) { return runDossierForm(c, a, form); }});
    }
    registry.add({{QStringLiteral("print"), QStringLiteral("register")},
                  QStringLiteral("--from DATE --to DATE --out FILE.pdf"),
                  Tr::tr("Form 07: the register of dossiers received in a date range"),
                  runRegister});
}

}  // namespace motcua::cli
