// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <catch2/catch.hpp>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <ostream>

// Catch2 prints QStrings readably.
inline std::ostream &operator<<(std::ostream &os, const QString &s)
{
    return os << s.toStdString();
}

namespace motcua::test {

// A fresh temporary folder per test, removed afterwards.
class TempDir final {
public:
    TempDir();
    [[nodiscard]] QString path() const { return m_dir.path(); }
    [[nodiscard]] QString file(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

struct ProcessResult {
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

// Runs a program to completion (60 s at most) with `input` on stdin.
ProcessResult runProcess(const QString &program, const QStringList &args, const QByteArray &input = {},
                         const QStringList &extraEnv = {});
// Runs motcua-cli (the one built with the tests).
ProcessResult runCli(const QStringList &args, const QByteArray &input = {}, const QStringList &extraEnv = {});

// A failed run of a program: the given exit code, no crash, and one line on stderr starting "motcua-cli: ".
void requireOneLineError(const ProcessResult &r, int exitCode);

QByteArray fileSha256(const QString &path);
QString sourcePath(const QString &relative);  // a path inside the source tree

}  // namespace motcua::test
