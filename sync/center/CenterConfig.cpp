// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::CenterConfig)
};

QString resolve(const QDir &base, const QString &value)
{
    if (value.isEmpty())
        return value;
    return QDir::cleanPath(base.absoluteFilePath(value));
}

Error bad(const QString &file, const QString &key, const QString &what)
{
    return makeError(ErrorCode::InvalidInput, Tr::tr("%1: %2 %3").arg(file, key, what));
}

}  // namespace

CenterConfig defaultCenterConfig(const QString &dataDir, quint16 port)
{
    CenterConfig c;
    c.database.backend = CenterDbConfig::Backend::Sqlite;
    c.database.path = QDir(dataDir).filePath(QStringLiteral("center.sqlite"));
    c.server.address = QHostAddress::LocalHost;
    c.server.port = port;
    c.server.threads = 4;
    c.service.publicUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
    return c;
}

Result<CenterConfig> loadCenterConfig(const QString &path)
{
    if (!QFileInfo::exists(path))
        return makeError(ErrorCode::NotFound, Tr::tr("The configuration file %1 does not exist.").arg(path));
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return makeError(ErrorCode::InvalidInput, Tr::tr("%1 is not a readable INI file.").arg(path));
    const QDir base = QFileInfo(path).absoluteDir();
    CenterConfig c;
    c.file = QFileInfo(path).absoluteFilePath();

    const QString backend = ini.value(QStringLiteral("database/backend"), QStringLiteral("sqlite")).toString();
    if (backend == QLatin1String("sqlite")) {
        c.database.backend = CenterDbConfig::Backend::Sqlite;
        c.database.path =
            resolve(base, ini.value(QStringLiteral("database/path"), QStringLiteral("center.sqlite")).toString());
    } else if (backend == QLatin1String("postgresql") || backend == QLatin1String("postgres")) {
        c.database.backend = CenterDbConfig::Backend::Postgres;
        c.database.host = ini.value(QStringLiteral("database/host"), c.database.host).toString();
        bool ok = false;
        c.database.port = ini.value(QStringLiteral("database/port"), 5432).toInt(&ok);
        if (!ok || c.database.port < 1 || c.database.port > 65535)
            return bad(path, QStringLiteral("[database] port"), Tr::tr("must be a port number."));
        c.database.name = ini.value(QStringLiteral("database/name"), c.database.name).toString();
        c.database.user = ini.value(QStringLiteral("database/user"), c.database.user).toString();
        const QString passwordFile = resolve(base, ini.value(QStringLiteral("database/password_file")).toString());
        if (!passwordFile.isEmpty()) {
            QFile f(passwordFile);
            if (!f.open(QIODevice::ReadOnly))
                return bad(path, QStringLiteral("[database] password_file"), Tr::tr("cannot be read."));
            c.database.password = QString::fromUtf8(f.readAll()).trimmed();
        }
    } else {
        return bad(path, QStringLiteral("[database] backend"), Tr::tr("must be sqlite or postgresql."));
    }
    {
        bool delayOk = false;
        c.database.commitDelayMs = ini.value(QStringLiteral("database/commit_delay_ms"), 20).toInt(&delayOk);
        if (!delayOk || c.database.commitDelayMs < 0 || c.database.commitDelayMs > 1000)
            return bad(path, QStringLiteral("[database] commit_delay_ms"), Tr::tr("must be between 0 and 1000."));
    }

    const QString listen = ini.value(QStringLiteral("server/listen"), QStringLiteral("127.0.0.1")).toString();
    if (!c.server.address.setAddress(listen))
        return bad(path, QStringLiteral("[server] listen"), Tr::tr("must be an IP address."));
    bool ok = false;
    const int port = ini.value(QStringLiteral("server/port"), 8443).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return bad(path, QStringLiteral("[server] port"), Tr::tr("must be a port number."));
    c.server.port = quint16(port);
    c.server.certificatePath = resolve(base, ini.value(QStringLiteral("server/certificate")).toString());
    c.server.keyPath = resolve(base, ini.value(QStringLiteral("server/key")).toString());
    c.server.threads = ini.value(QStringLiteral("server/threads"), 16).toInt(&ok);
    if (!ok || c.server.threads < 1 || c.server.threads > 256)
        return bad(path, QStringLiteral("[server] threads"), Tr::tr("must be between 1 and 256."));
    c.service.maxInFlight = ini.value(QStringLiteral("server/max_in_flight"), 64).toInt(&ok);
    if (!ok || c.service.maxInFlight < 1)
        return bad(path, QStringLiteral("[server] max_in_flight"), Tr::tr("must be a positive number."));
    c.service.publicUrl = ini.value(QStringLiteral("server/public_url")).toString();
    const QString caPath = resolve(base, ini.value(QStringLiteral("server/ca")).toString());
    if (!caPath.isEmpty()) {
        QFile f(caPath);
        if (!f.open(QIODevice::ReadOnly))
            return bad(path, QStringLiteral("[server] ca"), Tr::tr("cannot be read."));
        c.service.caPem = f.readAll();
    }
    return c;
}

}  // namespace motcua::sync
