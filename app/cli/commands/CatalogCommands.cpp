// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: the procedure catalog (import, search, show).
#include "app/cli/Cli.h"

#include "core/catalog/CatalogSearch.h"
#include "core/catalog/CatalogStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

namespace motcua::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli)
};

constexpr int kDefaultLimit = 20;

QString matchWord(CatalogHit::Match match)
{
    switch (match) {
    case CatalogHit::Match::ExactCode:
        return QStringLiteral("exact_code");
    case CatalogHit::Match::CodePrefix:
        return QStringLiteral("code_prefix");
    case CatalogHit::Match::NamePrefix:
        return QStringLiteral("name_prefix");
    case CatalogHit::Match::NameWords:
        return QStringLiteral("name_words");
    }
    return {};
}

QString processingText(const ProcessingTime &time)
{
    switch (time.kind) {
    case ProcessingKind::WorkingDays:
        return Tr::tr("%1 working days").arg(time.days);
    case ProcessingKind::CalendarDays:
        return Tr::tr("%1 calendar days").arg(time.days);
    case ProcessingKind::SameDay15h:
        return Tr::tr("the same day (received from 15:00: the next working day)");
    }
    return {};
}

QString moneyText(qint64 vnd)
{
    return Tr::tr("%1 VND").arg(QLocale(QLocale::Vietnamese, QLocale::Vietnam).toString(vnd));
}

int runImport(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 1, 1);
    if (!args)
        return ctx.fail(args.error());
    const QString path = args->positional().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.badInput(Tr::tr("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    Store *store = ctx.store();
    if (!store)
        return ctx.exitCode();
    auto outcome = CatalogStore(*store).importJson(bytes, QFileInfo(path).fileName(), ctx.actor());
    if (!outcome)
        return ctx.fail(outcome.error());
    const CatalogVersion &v = outcome->version;
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("version"), v.version},
                       {QStringLiteral("procedures"), v.procedureCount},
                       {QStringLiteral("sha256"), v.sha256},
                       {QStringLiteral("already_current"), outcome->alreadyCurrent}});
    } else if (outcome->alreadyCurrent) {
        ctx.out() << Tr::tr("%1 is the current catalog already (version %2, %3 procedures); nothing was imported.")
                         .arg(path)
                         .arg(v.version)
                         .arg(v.procedureCount)
                  << Qt::endl;
    } else {
        ctx.out() << Tr::tr("Imported %1 procedures from %2 as catalog version %3.")
                         .arg(v.procedureCount)
                         .arg(path)
                         .arg(v.version)
                  << Qt::endl;
    }
    return ExitOk;
}

int runSearch(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {{QStringLiteral("limit"), true}}, 1, 1000);
    if (!args)
        return ctx.fail(args.error());
    int limit = kDefaultLimit;
    if (args->has(QStringLiteral("limit"))) {
        bool ok = false;
        limit = args->value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit <= 0)
            return ctx.badInput(Tr::tr("--limit needs a positive whole number"));
    }
    const QString query = args->positional().join(QLatin1Char(' ')).trimmed();
    if (query.isEmpty())
        return ctx.badInput(Tr::tr("give a code or words of a procedure's name to search for"));
    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    auto index = CatalogIndex::load(*store);
    if (!index)
        return ctx.fail(index.error());
    const QList<CatalogHit> hits = index->search(query, limit);
    if (ctx.json()) {
        QJsonArray list;
        for (const CatalogHit &h : hits)
            list.append(QJsonObject{{QStringLiteral("code"), h.code},
                                    {QStringLiteral("name"), h.name},
                                    {QStringLiteral("match"), matchWord(h.match)}});
        ctx.printJson({{QStringLiteral("query"), query},
                       {QStringLiteral("catalog_version"), index->version()},
                       {QStringLiteral("hits"), list}});
        return ExitOk;
    }
    for (const CatalogHit &h : hits)
        ctx.out() << h.code << QLatin1Char('\t') << h.name << Qt::endl;
    return ExitOk;
}

void printProcedure(Context &ctx, const Procedure &p, int version)
{
    QTextStream &out = ctx.out();
    auto line = [&](const QString &label, const QString &value) {
        out << QString(label + QLatin1Char(':')).leftJustified(20) << value << Qt::endl;
    };
    const QString none = Tr::tr("(none)");
    line(Tr::tr("Code"), p.code);
    line(Tr::tr("Name"), p.name);
    line(Tr::tr("Field"), p.field.isEmpty() ? none : p.field);
    line(Tr::tr("Level"), p.level.isEmpty() ? none : p.level);
    line(Tr::tr("Agency"), p.agency.isEmpty() ? none : p.agency);
    line(Tr::tr("Processing time"), processingText(p.processing));
    line(Tr::tr("Fee"), p.feeVnd ? moneyText(*p.feeVnd) : Tr::tr("not given"));
    if (!p.feeNote.isEmpty())
        line(Tr::tr("Fee note"), p.feeNote);
    for (const FeeLine &f : p.feeLines)
        line(Tr::tr("Fee line"),
             QString(f.name + QStringLiteral(": ") + moneyText(f.feeVnd) +
                     (f.note.isEmpty() ? QString() : QString(QStringLiteral(" (") + f.note + QLatin1Char(')')))));
    for (const ZoneVariant &z : p.zoneVariants) {
        QStringList parts;
        if (z.processing)
            parts.append(processingText(*z.processing));
        if (z.feeVnd)
            parts.append(moneyText(*z.feeVnd));
        if (!z.note.isEmpty())
            parts.append(z.note);
        line(Tr::tr("Zone %1").arg(z.zone), parts.join(QStringLiteral("; ")));
    }
    for (const QString &basis : p.legalBasis)
        line(Tr::tr("Legal basis"), basis);
    line(Tr::tr("Verified"), p.verified ? Tr::tr("yes") : Tr::tr("no (plausible, unconfirmed)"));
    line(Tr::tr("Catalog version"), QString::number(version));
    if (!p.notes.isEmpty())
        line(Tr::tr("Notes"), p.notes);
    out << Tr::tr("Documents:") << Qt::endl;
    if (p.documents.isEmpty()) {
        out << QStringLiteral("  ") << none << Qt::endl;
        return;
    }
    out << QStringLiteral("  ") << QStringLiteral("#").leftJustified(4) << Tr::tr("Originals").leftJustified(11)
        << Tr::tr("Certified").leftJustified(11) << Tr::tr("Copies").leftJustified(8) << Tr::tr("Document") << Qt::endl;
    for (qsizetype i = 0; i < p.documents.size(); ++i) {
        const DocumentRequirement &d = p.documents.at(i);
        out << QStringLiteral("  ") << QString::number(i + 1).leftJustified(4)
            << QString::number(d.originals).leftJustified(11) << QString::number(d.certifiedCopies).leftJustified(11)
            << QString::number(d.copies).leftJustified(8) << d.name;
        if (d.presentOnly)
            out << QStringLiteral(" ") << Tr::tr("(shown, not kept)");
        out << Qt::endl;
    }
}

int runShow(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {{QStringLiteral("catalog-version"), true}}, 1, 1);
    if (!args)
        return ctx.fail(args.error());
    int version = 0;
    if (args->has(QStringLiteral("catalog-version"))) {
        bool ok = false;
        version = args->value(QStringLiteral("catalog-version")).toInt(&ok);
        if (!ok || version <= 0)
            return ctx.badInput(Tr::tr("--catalog-version needs a positive whole number"));
    }
    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    const CatalogStore catalog(*store);
    if (version == 0) {
        auto current = catalog.currentVersion();
        if (!current)
            return ctx.fail(current.error());
        version = *current;
    }
    auto procedure = catalog.procedure(args->positional().constFirst(), version);
    if (!procedure)
        return ctx.fail(procedure.error());
    if (ctx.json()) {
        QJsonObject o = procedure->doc;
        o.insert(QStringLiteral("catalog_version"), version);
        ctx.printJson(o);
        return ExitOk;
    }
    printProcedure(ctx, *procedure, version);
    return ExitOk;
}

}  // namespace

void registerCatalogCommands(Registry &registry)
{
    registry.add({{QStringLiteral("catalog"), QStringLiteral("import")},
                  QStringLiteral("FILE"),
                  Tr::tr("import a procedure catalog (JSON) as a new version"),
                  runImport});
    registry.add({{QStringLiteral("catalog"), QStringLiteral("search")},
                  QStringLiteral("TEXT... [--limit N]"),
                  Tr::tr("find procedures by code or name words, with or without diacritics"),
                  runSearch});
    registry.add({{QStringLiteral("catalog"), QStringLiteral("show")},
                  QStringLiteral("CODE [--catalog-version N]"),
                  Tr::tr("all fields of one procedure, with its documents"),
                  runShow});
}

}  // namespace motcua::cli
