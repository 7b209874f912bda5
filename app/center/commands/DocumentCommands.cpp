// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: the documents the center publishes to its counters (catalog import, calendar import).
#include "app/center/Center.h"

#include "core/calendar/Holidays.h"
#include "core/catalog/CatalogImport.h"
#include "sync/center/CenterStore.h"

#include <QCoreApplication>
#include <QFile>

namespace motcua::center {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::center)
};

// Checked with the counters' own parsers first: a file they would refuse is never published. Returns what the
// file holds, e.g. "12 procedures".
Result<QString> checkDocument(const QByteArray &bytes, bool calendar)
{
    if (calendar) {
        auto parsed = Holidays::parse(bytes);
        if (!parsed)
            return parsed.error();
        return Tr::tr("%n year(s)", nullptr, int(parsed->size()));
    }
    auto parsed = catalog::parseCatalog(bytes);
    if (!parsed)
        return parsed.error();
    return Tr::tr("%n procedure(s)", nullptr, int(parsed->procedures.size()));
}

int runImport(Context &ctx, const QStringList &raw, bool calendar)
{
    auto a = Args::parse(raw, {});
    if (!a)
        return ctx.fail(a.error());
    if (a->positional().size() != 1)
        return ctx.badInput(calendar ? Tr::tr("Usage: calendar import FILE") : Tr::tr("Usage: catalog import FILE"));
    QFile file(a->positional().first());
    if (!file.open(QIODevice::ReadOnly))
        return ctx.badInput(Tr::tr("Cannot read %1.").arg(a->positional().first()));
    const QByteArray bytes = file.readAll();
    const auto summary = checkDocument(bytes, calendar);
    if (!summary)
        return ctx.fail(summary.error());
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    auto version = calendar ? (*store)->importCalendar(bytes) : (*store)->importCatalog(bytes);
    if (!version)
        return ctx.fail(version.error());
    ctx.out() << (calendar ? Tr::tr("Calendar version %1 published (%2).")
                           : Tr::tr("Catalog version %1 published (%2)."))
                     .arg(*version)
                     .arg(*summary)
              << Qt::endl;
    return ExitOk;
}

}  // namespace

void registerDocumentCommands(Registry &registry)
{
    registry.add({{QStringLiteral("catalog"), QStringLiteral("import")},
                  QStringLiteral("FILE"),
                  {},
                  [](Context &ctx, const QStringList &raw) { return runImport(ctx, raw, false); }});
    registry.add({{QStringLiteral("calendar"), QStringLiteral("import")},
                  QStringLiteral("FILE"),
                  {},
                  [](Context &ctx, const QStringList &raw) { return runImport(ctx, raw, true); }});
}

}  // namespace motcua::center
