// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: after and for a restore (epoch new, backup).
#include "app/center/Center.h"

#include "sync/center/CenterStore.h"

#include <QCoreApplication>
#include <QFile>

namespace motcua::center {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::center)
};

int runEpochNew(Context &ctx, const QStringList &raw)
{
    auto store = ctx.storeForCommandWithoutArguments(raw);
    if (!store)
        return ctx.fail(store.error());
    auto e = (*store)->startNewEpoch();
    if (!e)
        return ctx.fail(e.error());
    ctx.out() << Tr::tr("New epoch %1: every counter re-sends its events at its next sync.").arg(*e) << Qt::endl;
    return ExitOk;
}

int runBackup(Context &ctx, const QStringList &raw)
{
    auto a = Args::parse(raw, {{QStringLiteral("out"), true}}, 0, 0);
    if (!a)
        return ctx.fail(a.error());
    const QString target = a->value(QStringLiteral("out"));
    if (target.isEmpty())
        return ctx.badInput(Tr::tr("Usage: backup --out FILE"));
    if (ctx.config().database.backend != sync::CenterDbConfig::Backend::Sqlite)
        return ctx.badInput(Tr::tr("With PostgreSQL, back up with pg_dump or pg_basebackup (docs/deployment.md)."));
    if (QFile::exists(target))
        return ctx.badInput(Tr::tr("%1 exists already; choose a new file.").arg(target));
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    if (auto written = (*store)->backupTo(target); !written)
        return ctx.fail(written.error());
    ctx.out() << Tr::tr("Backup written to %1.").arg(target) << Qt::endl;
    return ExitOk;
}

}  // namespace

void registerBackupCommands(Registry &registry)
{
    registry.add({{QStringLiteral("epoch"), QStringLiteral("new")},
                  {},
                  Tr::tr("after restoring the database from a backup"),
                  runEpochNew});
    registry.add({{QStringLiteral("backup")},
                  QStringLiteral("--out FILE"),
                  Tr::tr("SQLite backend only (PostgreSQL: pg_dump / pg_basebackup)"),
                  runBackup});
}

}  // namespace motcua::center
