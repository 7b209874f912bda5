// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/WalSync.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace motcua::sql {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::Store)
};

#ifdef Q_OS_UNIX
Error ioError(const QString &path, int code)
{
    return makeError(ErrorCode::Internal, Tr::tr("Cannot write the center's database log to disk."),
                     QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(code))));
}

int syncFile(int fd)
{
#ifdef Q_OS_LINUX
    return ::fdatasync(fd);
#else
    return ::fsync(fd);
#endif
}
#endif
}  // namespace

WalSync::WalSync(QString databasePath) : m_walPath(std::move(databasePath) + QStringLiteral("-wal")) {}

WalSync::~WalSync()
{
    close();
}

bool WalSync::supported()
{
#ifdef Q_OS_UNIX
    return true;
#else
    return false;
#endif
}

Result<void> WalSync::open()
{
#ifdef Q_OS_UNIX
    const QByteArray path = QFile::encodeName(m_walPath);
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(m_walPath, errno);
    // The log's directory entry, once: a log created since the directory was last synced is otherwise lost with it.
    const QByteArray dir = QFile::encodeName(QFileInfo(m_walPath).absolutePath());
    const int dirFd = ::open(dir.constData(), O_RDONLY | O_CLOEXEC);
    if (dirFd < 0 || ::fsync(dirFd) != 0) {
        const int code = errno;
        if (dirFd >= 0)
            ::close(dirFd);
        ::close(fd);
        return ioError(QString::fromLocal8Bit(dir), code);
    }
    ::close(dirFd);
    m_fd = fd;
    return {};
#else
    return makeError(ErrorCode::Internal, Tr::tr("Cannot write the center's database log to disk."),
                     QStringLiteral("no external sync on this system"));
#endif
}

void WalSync::close()
{
#ifdef Q_OS_UNIX
    if (m_fd >= 0)
        ::close(m_fd);
#endif
    m_fd = -1;
}

Result<void> WalSync::sync()
{
#ifdef Q_OS_UNIX
    // SQLite deletes the log when its last connection closes and creates it anew on the next open: a descriptor of
    // the old file would sync nothing that matters.
    if (m_fd >= 0) {
        struct stat opened {};
        struct stat current {};
        const QByteArray path = QFile::encodeName(m_walPath);
        if (::fstat(m_fd, &opened) != 0 || ::stat(path.constData(), &current) != 0 || opened.st_ino != current.st_ino ||
            opened.st_dev != current.st_dev)
            close();
    }
    if (m_fd < 0) {
        if (auto r = open(); !r)
            return r;
    }
    if (syncFile(m_fd) != 0)
        return ioError(m_walPath, errno);
    return {};
#else
    return open();
#endif
}

}  // namespace motcua::sql
