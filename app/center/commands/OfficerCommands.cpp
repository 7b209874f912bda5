// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: officers (officer add, disable, enable, password). Passwords come on standard input.
#include "app/center/Center.h"

#include "core/officer/PasswordHash.h"
#include "sync/center/CenterStore.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace motcua::center {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::center)
};

QString readPasswordFromStdin()
{
    QTextStream in(stdin);
    return in.readLine();
}

int runOfficerAdd(Context &ctx, const QStringList &raw)
{
    auto a = Args::parse(
        raw, {{QStringLiteral("name"), true}, {QStringLiteral("unit"), true}, {QStringLiteral("role"), true}});
    if (!a)
        return ctx.fail(a.error());
    if (a->positional().size() != 1 || !a->has(QStringLiteral("name")) || !a->has(QStringLiteral("unit")))
        return ctx.badInput(
            Tr::tr("Usage: officer add LOGIN --name NAME --unit UNIT [--role ROLE] (password on stdin)"));
    const QString password = readPasswordFromStdin();
    if (password.size() < 8)
        return ctx.badInput(Tr::tr("Give the officer's first password on standard input (at least 8 characters)."));
    auto hash = hashPassword(password);
    if (!hash)
        return ctx.fail(hash.error());
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    sync::OfficerEntry o;
    o.login = a->positional().first();
    o.fullName = a->value(QStringLiteral("name"));
    o.unitId = a->value(QStringLiteral("unit"));
    o.role = a->value(QStringLiteral("role"), QStringLiteral("officer"));
    o.passwordHash = *hash;
    if (auto r = (*store)->addOfficer(o); !r)
        return ctx.fail(r.error());
    ctx.out() << Tr::tr("Officer %1 (%2) added to unit %3.").arg(o.login, o.fullName, o.unitId) << Qt::endl;
    return ExitOk;
}

int setPassword(Context &ctx, sync::CenterStore &store, const QString &login)
{
    const QString password = readPasswordFromStdin();
    if (password.size() < 8)
        return ctx.badInput(Tr::tr("Give the new password on standard input (at least 8 characters)."));
    auto hash = hashPassword(password);
    if (!hash)
        return ctx.fail(hash.error());
    if (auto r = store.setOfficerPassword(login, *hash); !r)
        return ctx.fail(r.error());
    ctx.out() << Tr::tr("The password of %1 was changed; counters get it at their next sync.").arg(login) << Qt::endl;
    return ExitOk;
}

// `what`: disable, enable or password.
int runOfficerSet(Context &ctx, const QStringList &raw, const QString &what)
{
    auto a = Args::parse(raw, {});
    if (!a)
        return ctx.fail(a.error());
    if (a->positional().size() != 1)
        return ctx.badInput(Tr::tr("Usage: officer %1 LOGIN").arg(what));
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    const QString login = a->positional().first();
    if (what == QLatin1String("password"))
        return setPassword(ctx, **store, login);
    const bool disable = what == QLatin1String("disable");
    if (auto r = (*store)->setOfficerDisabled(login, disable); !r)
        return ctx.fail(r.error());
    ctx.out() << (disable ? Tr::tr("Officer %1 disabled.").arg(login) : Tr::tr("Officer %1 enabled.").arg(login))
              << Qt::endl;
    return ExitOk;
}

Command setter(const QString &what, const QString &summary)
{
    return {{QStringLiteral("officer"), what},
            QStringLiteral("LOGIN"),
            summary,
            [what](Context &ctx, const QStringList &raw) { return runOfficerSet(ctx, raw, what); }};
}

}  // namespace

void registerOfficerCommands(Registry &registry)
{
    registry.add({{QStringLiteral("officer"), QStringLiteral("add")},
                  QStringLiteral("LOGIN --name NAME --unit UNIT [--role officer|supervisor|admin]"),
                  Tr::tr("(password on stdin)"),
                  runOfficerAdd});
    registry.add(setter(QStringLiteral("disable"), {}));
    registry.add(setter(QStringLiteral("enable"), {}));
    registry.add(setter(QStringLiteral("password"), Tr::tr("(password on stdin)")));
}

}  // namespace motcua::center
