// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: the store itself (init, status, backup, restore, audit verify).
#include "app/cli/Cli.h"

#include "core/store/AuditLog.h"
#include "core/store/Backups.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

namespace motcua::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli)
};

QString humanBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

int runInit(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    const bool existed = QFileInfo(ctx.dbPath()).exists() && QFileInfo(ctx.dbPath()).size() > 0;
    Store *store = ctx.store();
    if (!store)
        return ctx.exitCode();
    if (!existed) {
        auto r = store->write([&](const QSqlDatabase &db) -> Result<void> {
            auto a = AuditLog::append(db, ctx.actor(), {QStringLiteral("store.init"), store->path(), QString()});
            if (!a)
                return a.error();
            return {};
        });
        if (!r)
            return ctx.fail(r.error());
    }
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("path"), store->path()},
                       {QStringLiteral("created"), !existed},
                       {QStringLiteral("schema_version"), store->schemaVersion()}});
    } else {
        ctx.out() << (existed ? Tr::tr("The data file %1 is ready (schema %2).")
                              : Tr::tr("Created the data file %1 (schema %2)."))
                         .arg(store->path())
                         .arg(store->schemaVersion())
                  << Qt::endl;
    }
    return ExitOk;
}

int runStatus(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    auto status = store->status();
    if (!status)
        return ctx.fail(status.error());
    const StoreStatus &s = *status;
    if (ctx.json()) {
        QJsonObject counts;
        for (const TableCount &c : s.counts)
            counts.insert(c.table, c.rows);
        QJsonValue backup = QJsonValue::Null;
        if (s.lastBackupAt.isValid())
            backup = QJsonObject{{QStringLiteral("at"), s.lastBackupAt.toString(Qt::ISODate)},
                                 {QStringLiteral("path"), s.lastBackupPath}};
        ctx.printJson({{QStringLiteral("path"), s.path},
                       {QStringLiteral("store_id"), s.storeId},
                       {QStringLiteral("schema_version"), s.schemaVersion},
                       {QStringLiteral("program_schema_version"), s.programSchemaVersion},
                       {QStringLiteral("integrity"), s.integrity},
                       {QStringLiteral("bytes"), s.fileBytes},
                       {QStringLiteral("counts"), counts},
                       {QStringLiteral("last_backup"), backup}});
        return ExitOk;
    }
    auto line = [&](const QString &label, const QString &value) {
        ctx.out() << QString(label + QLatin1Char(':')).leftJustified(22) << value << Qt::endl;
    };
    line(Tr::tr("Data file"), s.path);
    line(Tr::tr("Store id"), s.storeId);
    line(Tr::tr("Schema version"), Tr::tr("%1 (this program: %2)").arg(s.schemaVersion).arg(s.programSchemaVersion));
    line(Tr::tr("Integrity"), s.integrity);
    line(Tr::tr("Size"), humanBytes(s.fileBytes));
    line(Tr::tr("Last backup"),
         s.lastBackupAt.isValid()
             ? Tr::tr("%1 UTC (%2)").arg(s.lastBackupAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")), s.lastBackupPath)
             : Tr::tr("none"));
    for (const TableCount &c : s.counts)
        line(c.table, QString::number(c.rows));
    return ExitOk;
}

int runBackup(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {{QStringLiteral("out"), true}}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    Result<BackupInfo> taken = makeError(ErrorCode::Internal, QString());
    if (args->has(QStringLiteral("out"))) {
        const QString out = args->value(QStringLiteral("out"));
        if (out.isEmpty())
            return ctx.badInput(Tr::tr("--out needs a file name"));
        if (QFileInfo::exists(out))
            return ctx.badInput(Tr::tr("%1 already exists; choose a new file name").arg(out));
        taken = Backups::take(*store, out);
    } else {
        auto due = Backups::takeIfDue(*store);
        if (!due)
            return ctx.fail(due.error());
        if (!*due) {
            const auto newest = Backups::newest(store->path());
            ctx.out()
                << Tr::tr("The automatic backup of today exists already: %1").arg(newest ? newest->path : QString())
                << Qt::endl;
            return ExitOk;
        }
        taken = **due;
    }
    if (!taken)
        return ctx.fail(taken.error());
    auto r = store->write([&](const QSqlDatabase &db) -> Result<void> {
        auto a = AuditLog::append(db, ctx.actor(), {QStringLiteral("store.backup"), taken->path, QString()});
        if (!a)
            return a.error();
        return {};
    });
    if (!r)
        return ctx.fail(r.error());
    if (ctx.json())
        ctx.printJson({{QStringLiteral("path"), taken->path}, {QStringLiteral("bytes"), taken->bytes}});
    else
        ctx.out() << Tr::tr("Backup written to %1 (%2).").arg(taken->path, humanBytes(taken->bytes)) << Qt::endl;
    return ExitOk;
}

int runRestore(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {{QStringLiteral("from"), true}, {QStringLiteral("latest"), false}}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    QString from = args->value(QStringLiteral("from"));
    if (args->has(QStringLiteral("latest")) == args->has(QStringLiteral("from")))
        return ctx.badInput(Tr::tr("give either --latest or --from FILE"));
    if (args->has(QStringLiteral("latest"))) {
        const auto newest = Backups::newest(ctx.dbPath());
        if (!newest)
            return ctx.fail(
                makeError(ErrorCode::NotFound, Tr::tr("There is no automatic backup of %1.").arg(ctx.dbPath())));
        from = newest->path;
    }
    auto aside = Backups::restore(ctx.dbPath(), from);
    if (!aside)
        return ctx.fail(aside.error());
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    auto r = store->write([&](const QSqlDatabase &db) -> Result<void> {
        auto a = AuditLog::append(db, ctx.actor(), {QStringLiteral("store.restore"), from, *aside});
        if (!a)
            return a.error();
        return {};
    });
    if (!r)
        return ctx.fail(r.error());
    if (ctx.json())
        ctx.printJson({{QStringLiteral("restored_from"), from}, {QStringLiteral("previous_file"), *aside}});
    else
        ctx.out() << Tr::tr("Restored %1 from %2. The previous file was kept as %3.").arg(ctx.dbPath(), from, *aside)
                  << Qt::endl;
    return ExitOk;
}

int runAuditVerify(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    auto v = AuditLog::verify(store->connection());
    if (!v)
        return ctx.fail(v.error());
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("intact"), v->intact},
                       {QStringLiteral("entries"), v->entries},
                       {QStringLiteral("first_bad_entry"), v->firstBadSeq},
                       {QStringLiteral("problem"), v->problem}});
        return v->intact ? ExitOk : ExitFailure;
    }
    if (!v->intact)
        return ctx.fail(
            makeError(ErrorCode::Conflict, Tr::tr("The audit log has been tampered with: %1.").arg(v->problem)));
    ctx.out() << Tr::tr("The audit log is intact (%1 entries).").arg(v->entries) << Qt::endl;
    return ExitOk;
}

}  // namespace

void registerStoreCommands(Registry &registry)
{
    registry.add({{QStringLiteral("init")}, {}, Tr::tr("create the data file (or check that it is ready)"), runInit});
    registry.add(
        {{QStringLiteral("status")}, {}, Tr::tr("schema version, row counts, integrity, last backup"), runStatus});
    registry.add({{QStringLiteral("backup")},
                  QStringLiteral("[--out FILE]"),
                  Tr::tr("write a consistent copy (without --out: today's automatic backup)"),
                  runBackup});
    registry.add({{QStringLiteral("restore")},
                  QStringLiteral("--latest | --from FILE"),
                  Tr::tr("replace the data file by a backup; the current file is kept aside"),
                  runRestore});
    registry.add({{QStringLiteral("audit"), QStringLiteral("verify")},
                  {},
                  Tr::tr("check the hash chain of the audit log"),
                  runAuditVerify});
}

}  // namespace motcua::cli
