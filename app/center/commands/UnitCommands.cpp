// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: units and their counters (unit add, unit list, counter add, counter revoke).
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

int runUnitAdd(Context &ctx, const QStringList &raw)
{
    auto a = Args::parse(
        raw, {{QStringLiteral("name"), true}, {QStringLiteral("agency"), true}, {QStringLiteral("slots"), true}});
    if (!a)
        return ctx.fail(a.error());
    if (a->positional().size() != 1 || !a->has(QStringLiteral("name")) || !a->has(QStringLiteral("agency")))
        return ctx.badInput(Tr::tr("Usage: unit add ID --name NAME --agency AGENCY_ID [--slots N]"));
    const auto slots = a->number(QStringLiteral("slots"), 20);
    if (!slots)
        return ctx.badInput(Tr::tr("--slots must be a number."));
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    const sync::UnitRecord unit{a->positional().first(), a->value(QStringLiteral("name")),
                                a->value(QStringLiteral("agency")), *slots};
    if (auto r = (*store)->addUnit(unit); !r)
        return ctx.fail(r.error());
    ctx.out() << Tr::tr("Unit %1 (%2) added.").arg(unit.unitId, unit.name) << Qt::endl;
    return ExitOk;
}

int runUnitList(Context &ctx, const QStringList &raw)
{
    auto store = ctx.storeForCommandWithoutArguments(raw);
    if (!store)
        return ctx.fail(store.error());
    auto units = (*store)->units();
    if (!units)
        return ctx.fail(units.error());
    if (ctx.json()) {
        QJsonArray list;
        for (const sync::UnitRecord &u : std::as_const(*units))
            list.append(QJsonObject{{QStringLiteral("unit_id"), u.unitId},
                                    {QStringLiteral("name"), u.name},
                                    {QStringLiteral("agency_id"), u.agencyId},
                                    {QStringLiteral("slots"), u.slots}});
        ctx.printJson({{QStringLiteral("units"), list}});
        return ExitOk;
    }
    for (const sync::UnitRecord &u : std::as_const(*units))
        ctx.out() << QStringLiteral("%1  %2  %3  ").arg(u.unitId, -10).arg(u.agencyId, -16).arg(u.name)
                  << Tr::tr("(%1 slots)").arg(u.slots) << Qt::endl;
    return ExitOk;
}

void printCounter(Context &ctx, const sync::NewCounter &c)
{
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("counter_id"), c.counterId},
                       {QStringLiteral("unit_id"), c.unitId},
                       {QStringLiteral("slot"), c.slot},
                       {QStringLiteral("enrollment_code"), c.enrollmentCode},
                       {QStringLiteral("expires_at"), c.expiresAt.toString(Qt::ISODate)}});
        return;
    }
    ctx.out() << Tr::tr("Counter %1 (unit %2, code slot %3) created.").arg(c.counterId, c.unitId).arg(c.slot)
              << Qt::endl
              << Tr::tr("Enrollment code: %1").arg(c.enrollmentCode) << Qt::endl
              << Tr::tr("It works once and expires %1 (Vietnam time). It is not stored: write it down now.")
                     .arg(c.expiresAt.toTimeZone(QTimeZone(7 * 3600)).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
              << Qt::endl;
}

int runCounterAdd(Context &ctx, const QStringList &raw)
{
    auto a = Args::parse(
        raw, {{QStringLiteral("unit"), true}, {QStringLiteral("name"), true}, {QStringLiteral("valid-hours"), true}});
    if (!a)
        return ctx.fail(a.error());
    if (!a->has(QStringLiteral("unit")) || !a->positional().isEmpty())
        return ctx.badInput(Tr::tr("Usage: counter add --unit UNIT [--name NAME] [--valid-hours H]"));
    const auto hours = a->number(QStringLiteral("valid-hours"), 72);
    if (!hours)
        return ctx.badInput(Tr::tr("--valid-hours must be a number."));
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    auto c = (*store)->addCounter(a->value(QStringLiteral("unit")), a->value(QStringLiteral("name")), *hours);
    if (!c)
        return ctx.fail(c.error());
    printCounter(ctx, *c);
    return ExitOk;
}

int runCounterRevoke(Context &ctx, const QStringList &raw)
{
    auto a = Args::parse(raw, {});
    if (!a)
        return ctx.fail(a.error());
    if (a->positional().size() != 1)
        return ctx.badInput(Tr::tr("Usage: counter revoke COUNTER_ID"));
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    if (auto r = (*store)->revokeCounter(a->positional().first()); !r)
        return ctx.fail(r.error());
    ctx.out() << Tr::tr("Counter %1 revoked: its next request is refused.").arg(a->positional().first()) << Qt::endl;
    return ExitOk;
}

}  // namespace

void registerUnitCommands(Registry &registry)
{
    registry.add({{QStringLiteral("unit"), QStringLiteral("add")},
                  QStringLiteral("ID --name NAME --agency AGENCY_ID [--slots N]"),
                  {},
                  runUnitAdd});
    registry.add({{QStringLiteral("unit"), QStringLiteral("list")}, {}, {}, runUnitList});
    registry.add({{QStringLiteral("counter"), QStringLiteral("add")},
                  QStringLiteral("--unit UNIT [--name NAME] [--valid-hours H]"),
                  Tr::tr("prints a one-time enrollment code"),
                  runCounterAdd});
    registry.add(
        {{QStringLiteral("counter"), QStringLiteral("revoke")}, QStringLiteral("COUNTER_ID"), {}, runCounterRevoke});
}

}  // namespace motcua::center
