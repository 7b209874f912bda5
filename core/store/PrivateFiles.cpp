// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace motcua::privateFiles {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::PrivateFiles)
};

constexpr QFile::Permissions kOwnerFolder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kOwnerFile = QFile::ReadOwner | QFile::WriteOwner;

}  // namespace

Result<void> makeFolder(const QString &path)
{
    QStringList missing;
    for (QFileInfo at(QDir::cleanPath(QFileInfo(path).absoluteFilePath())); !at.exists();
         at = QFileInfo(at.absolutePath())) {
        if (at.absoluteFilePath() == at.absolutePath())
            break;  // the root
        missing.prepend(at.absoluteFilePath());
    }
    for (const QString &folder : std::as_const(missing)) {
        if (!QDir().mkdir(folder, kOwnerFolder) && !QFileInfo(folder).isDir())
            return makeError(ErrorCode::ReadOnly, Tr::tr("Could not create the folder %1.").arg(folder));
    }
    return {};
}

Result<void> makeFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerFile))
            return makeError(ErrorCode::ReadOnly,
                             Tr::tr("Could not create the file %1: %2").arg(path, file.errorString()));
        file.close();
    }
    return restrict(path);
}

Result<void> restrict(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.setPermissions(kOwnerFile))
        return makeError(ErrorCode::ReadOnly,
                         Tr::tr("Could not make %1 readable by its owner only: %2").arg(path, file.errorString()));
    return {};
}

}  // namespace motcua::privateFiles
