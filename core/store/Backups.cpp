// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Backups.h"

#include "core/Clock.h"
#include "core/Log.h"
#include "core/store/PrivateFiles.h"
#include "core/store/Schema.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QTimeZone>
#include <QUuid>

#include <functional>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::Backups)
};

const QString kAutoPrefix = QStringLiteral("auto-");
const QString kStampFormat = QStringLiteral("yyyyMMdd-HHmmss");

QString autoName(const QDateTime &at)
{
    return kAutoPrefix + at.toUTC().toString(kStampFormat) + QStringLiteral("Z.sqlite");
}

// Runs `check` on a private read-only connection to the backup at `path`.
Result<void> inspect(const QString &path, const std::function<Result<void>(const QSqlDatabase &)> &check)
{
    const QString name = QStringLiteral("motcua-backup-check-") + QUuid::createUuid().toString(QUuid::Id128);
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            result = makeError(ErrorCode::Corrupt, Tr::tr("The backup %1 cannot be opened.").arg(path),
                               db.lastError().text());
        else
            result = check(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// Notes in a store just put back from a backup when that happened (Backups::kRestoredAtKey).
Result<void> markRestored(const QString &path)
{
    const QString name = QStringLiteral("motcua-restore-mark-") + QUuid::createUuid().toString(QUuid::Id128);
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            result = makeError(ErrorCode::Io, Tr::tr("The restored file %1 cannot be opened.").arg(path),
                               db.lastError().text());
        } else {
            auto r = sql::run(
                db,
                QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                {QString::fromLatin1(Backups::kRestoredAtKey), Clock::now().toUTC().toString(Qt::ISODateWithMs)});
            if (!r)
                result = r.error();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// PRAGMA quick_check of the copy says "ok".
Result<void> checkCopy(const QString &path)
{
    return inspect(path, [&](const QSqlDatabase &db) -> Result<void> {
        auto check = sql::scalar(db, QStringLiteral("PRAGMA quick_check"));
        if (!check || check->toString() != QStringLiteral("ok"))
            return makeError(ErrorCode::Corrupt, Tr::tr("The backup %1 failed its integrity check.").arg(path),
                             check ? check->toString() : check.error().detail);
        return {};
    });
}

// A restore must bring back a MotCua store this program can open, not any SQLite file.
Result<void> checkIsStore(const QString &path)
{
    return inspect(path, [&](const QSqlDatabase &db) -> Result<void> {
        auto appId = sql::scalar(db, QStringLiteral("PRAGMA application_id"));
        auto version = sql::scalar(db, QStringLiteral("PRAGMA user_version"));
        if (!appId || !version || appId->toInt() != schema::kApplicationId)
            return makeError(ErrorCode::InvalidInput,
                             Tr::tr("%1 is not a MotCua data file; nothing was restored.").arg(path));
        if (version->toInt() > schema::latestVersion())
            return makeError(ErrorCode::NewerSchema,
                             Tr::tr("%1 was written by a newer version of MotCua; nothing was restored.").arg(path));
        return {};
    });
}

}  // namespace

QString Backups::preMigrationPath(const QString &storePath, int fromVersion)
{
    return QDir(Store::backupDirectoryFor(storePath))
        .filePath(QStringLiteral("pre-upgrade-schema%1-%2Z.sqlite")
                      .arg(fromVersion)
                      .arg(Clock::now().toString(kStampFormat)));
}

Result<BackupInfo> Backups::take(const Store &store, const QString &outPath)
{
    const QFileInfo out(outPath);
    if (out.exists())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("%1 already exists; a backup never overwrites a file.").arg(outPath));
    if (!out.absoluteDir().exists() && !privateFiles::makeFolder(out.absolutePath()))
        return makeError(ErrorCode::ReadOnly,
                         Tr::tr("Could not create the folder %1 for the backup.").arg(out.absolutePath()));

    const QString tmp = out.absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(tmp);
    // VACUUM INTO writes into an empty file that exists already, keeping its mode: the owner's only.
    if (auto made = privateFiles::makeFile(tmp); !made)
        return made.error();
    auto r = sql::run(store.connection(), QStringLiteral("VACUUM INTO ?"), {tmp});
    if (!r) {
        QFile::remove(tmp);
        Error e = r.error();
        e.message = Tr::tr("The backup to %1 failed: %2").arg(outPath, e.message);
        return e;
    }
    if (auto c = checkCopy(tmp); !c) {
        QFile::remove(tmp);
        return c.error();
    }
    if (!QFile::rename(tmp, out.absoluteFilePath())) {
        QFile::remove(tmp);
        return makeError(ErrorCode::Io, Tr::tr("The backup could not be moved into place at %1.").arg(outPath));
    }
    qCInfo(lcBackup) << "Backup written to" << out.absoluteFilePath();
    return BackupInfo{out.absoluteFilePath(), Clock::now(), QFileInfo(out.absoluteFilePath()).size()};
}

Result<std::optional<BackupInfo>> Backups::takeIfDue(const Store &store)
{
    const auto last = newest(store.path());
    const QDateTime now = Clock::now();
    if (last && last->takenAt.isValid() && last->takenAt.secsTo(now) < 24 * 3600 && last->takenAt <= now)
        return std::optional<BackupInfo>{};

    const QString path = QDir(Store::backupDirectoryFor(store.path())).filePath(autoName(now));
    auto taken = take(store, path);
    if (!taken)
        return taken.error();

    const QList<BackupInfo> all = list(store.path());
    for (qsizetype i = kKeepAutomatic; i < all.size(); ++i) {
        qCInfo(lcBackup) << "Removing old automatic backup" << all.at(i).path;
        QFile::remove(all.at(i).path);
    }
    return std::optional<BackupInfo>{*taken};
}

QList<BackupInfo> Backups::list(const QString &storePath)
{
    static const QRegularExpression pattern(QStringLiteral("^auto-(\\d{8}-\\d{6})Z\\.sqlite$"));
    const QDir dir(Store::backupDirectoryFor(storePath));
    QList<BackupInfo> result;
    const QStringList names =
        dir.entryList({QStringLiteral("auto-*.sqlite")}, QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString &name : names) {
        const auto match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        QDateTime at = QDateTime::fromString(match.captured(1), kStampFormat);
        at.setTimeZone(QTimeZone::utc());
        result.append({dir.filePath(name), at, QFileInfo(dir.filePath(name)).size()});
    }
    return result;
}

std::optional<BackupInfo> Backups::newest(const QString &storePath)
{
    const QList<BackupInfo> all = list(storePath);
    if (all.isEmpty())
        return std::nullopt;
    return all.first();
}

Result<QString> Backups::restore(const QString &storePath, const QString &backupPath)
{
    if (!QFileInfo::exists(backupPath))
        return makeError(ErrorCode::NotFound, Tr::tr("There is no backup at %1.").arg(backupPath));
    if (auto c = checkCopy(backupPath); !c)
        return c.error();
    if (auto c = checkIsStore(backupPath); !c)
        return c.error();

    QLockFile lock(Store::lockFilePathFor(storePath));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock.getLockInfo(&pid, &host, &app);
        return makeError(ErrorCode::InUse,
                         Tr::tr("The data file %1 is in use by PID %2; close that program before restoring.")
                             .arg(storePath)
                             .arg(pid));
    }

    const QString aside =
        storePath + QStringLiteral(".replaced-") + Clock::now().toString(kStampFormat) + QLatin1Char('Z');
    // The file and its journal move aside together, and come back together if anything fails.
    QStringList moved;
    auto putBack = [&] {
        for (const QString &suffix : std::as_const(moved))
            QFile::rename(aside + suffix, storePath + suffix);
    };
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (!QFileInfo::exists(storePath + suffix))
            continue;
        if (!QFile::rename(storePath + suffix, aside + suffix)) {
            putBack();
            return makeError(ErrorCode::Io,
                             Tr::tr("Could not move %1 aside to %2.").arg(storePath + suffix, aside + suffix));
        }
        moved << suffix;
    }
    if (!QFile::copy(backupPath, storePath)) {
        QFile::remove(storePath);
        putBack();
        return makeError(ErrorCode::Io, Tr::tr("Could not copy the backup %1 to %2.").arg(backupPath, storePath));
    }
    QFile(storePath).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (auto marked = markRestored(storePath); !marked) {
        QFile::remove(storePath);
        putBack();
        Error e = marked.error();
        e.message = Tr::tr("The backup %1 could not be put in place: %2").arg(backupPath, e.message);
        return e;
    }
    qCInfo(lcBackup) << "Restored" << storePath << "from" << backupPath << "; previous file kept as" << aside;
    return aside;
}

}  // namespace motcua
