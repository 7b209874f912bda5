// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Paths.h"

#include <QDir>
#include <QStandardPaths>

namespace motcua::paths {

QString dataDirectory()
{
    const QString fromEnv = qEnvironmentVariable("MOTCUA_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return QDir(base).filePath(QStringLiteral("motcua"));
}

QString defaultStorePath()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("counter.sqlite"));
}

}  // namespace motcua::paths
