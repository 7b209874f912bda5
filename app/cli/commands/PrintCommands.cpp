// Command group: printing the legal forms to PDF (needs the GUI libraries; rendered on the offscreen platform).
#include "app/cli/Cli.h"

#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierService.h"
#include "core/dossier/DossierStore.h"
#include "ui/print/Form01.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace motcua::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli)
};

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
    if (out.isEmpty() || !QFileInfo(QFileInfo(out).absolutePath()).isDir())
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

}  // namespace

void registerPrintCommands(Registry &registry)
{
    registry.add({{QStringLiteral("print"), QStringLiteral("01")},
                  QStringLiteral("--dossier CODE --out FILE.pdf [--paper a4|a5|receipt80] [--reprint]"),
                  Tr::tr("Form 01: receipt and appointment slip, two copies, with the QR code"),
                  runPrint01});
}

}  // namespace motcua::cli
