// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: the center's database at a glance (init, status).
#include "app/center/Center.h"

#include "sync/center/CenterStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

namespace motcua::center {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::center)
};

int runInit(Context &ctx, const QStringList &raw)
{
    auto store = ctx.storeForCommandWithoutArguments(raw);
    if (!store)
        return ctx.fail(store.error());
    auto epoch = (*store)->epoch();
    if (!epoch)
        return ctx.fail(epoch.error());
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("backend"), (*store)->backendName()}, {QStringLiteral("epoch"), *epoch}});
        return ExitOk;
    }
    ctx.out() << Tr::tr("The center's database is ready (%1, epoch %2).").arg((*store)->backendName(), *epoch)
              << Qt::endl;
    return ExitOk;
}

QJsonObject statusJson(const sync::CenterStatus &s)
{
    QJsonArray counters;
    for (const sync::CounterStatus &c : std::as_const(s.counters)) {
        counters.append(QJsonObject{
            {QStringLiteral("counter_id"), c.counterId},
            {QStringLiteral("unit_id"), c.unitId},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("slot"), c.slot},
            {QStringLiteral("enrolled"), c.enrolled},
            {QStringLiteral("revoked"), c.revoked},
            {QStringLiteral("last_contact"), c.lastContact.isValid() ? c.lastContact.toString(Qt::ISODate) : QString()},
            {QStringLiteral("backlog"), double(c.backlog)}});
    }
    return {{QStringLiteral("epoch"), s.epoch},
            {QStringLiteral("backend"), s.backend},
            {QStringLiteral("events"), double(s.events)},
            {QStringLiteral("dossiers"), double(s.dossiers)},
            {QStringLiteral("high_water"), double(s.highWater)},
            {QStringLiteral("catalog_version"), s.catalogVersion},
            {QStringLiteral("alarms"), s.alarms},
            {QStringLiteral("counters"), counters}};
}

void printStatus(Context &ctx, const sync::CenterStatus &s)
{
    ctx.out() << Tr::tr("Epoch: %1").arg(s.epoch) << Qt::endl
              << Tr::tr("Database: %1, schema %2").arg(s.backend).arg(s.schemaVersion) << Qt::endl
              << Tr::tr("Events: %1 (newest seq %2), dossiers: %3").arg(s.events).arg(s.highWater).arg(s.dossiers)
              << Qt::endl
              << Tr::tr("Catalog version: %1").arg(s.catalogVersion) << Qt::endl
              << Tr::tr("Alarms: %1").arg(s.alarms) << Qt::endl
              << Tr::tr("Counters: %1").arg(s.counters.size()) << Qt::endl;
    for (const sync::CounterStatus &c : std::as_const(s.counters)) {
        const QString state = c.revoked ? Tr::tr("revoked") : (c.enrolled ? Tr::tr("enrolled") : Tr::tr("waiting"));
        ctx.out()
            << QStringLiteral("  %1  %2  %3  ").arg(c.counterId, -16).arg(state, -10).arg(c.name, -20)
            << Tr::tr("last contact %1, backlog %2")
                   .arg(c.lastContact.isValid()
                            ? c.lastContact.toTimeZone(QTimeZone(7 * 3600)).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                            : Tr::tr("never"))
                   .arg(c.backlog)
            << Qt::endl;
    }
}

int runStatus(Context &ctx, const QStringList &raw)
{
    auto store = ctx.storeForCommandWithoutArguments(raw);
    if (!store)
        return ctx.fail(store.error());
    auto s = (*store)->status();
    if (!s)
        return ctx.fail(s.error());
    if (ctx.json())
        ctx.printJson(statusJson(*s));
    else
        printStatus(ctx, *s);
    return ExitOk;
}

}  // namespace

void registerStatusCommands(Registry &registry)
{
    registry.add({{QStringLiteral("init")}, {}, Tr::tr("create the database if needed and print its epoch"), runInit});
    registry.add({{QStringLiteral("status")}, {}, Tr::tr("counters, last contact, backlog, epoch"), runStatus});
}

}  // namespace motcua::center
