// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

namespace motcua::test {

TempDir::TempDir()
{
    REQUIRE(m_dir.isValid());
}

ProcessResult runProcess(const QString &program, const QStringList &args, const QByteArray &input,
                         const QStringList &extraEnv)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Sanitizer runtimes: do not let a leak report from a child change its exit code.
    env.insert(QStringLiteral("ASAN_OPTIONS"), QStringLiteral("detect_leaks=0"));
    for (const QString &kv : extraEnv)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(env);
    process.start(program, args);
    REQUIRE(process.waitForStarted(10000));
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(60000));
    ProcessResult r;
    r.crashed = process.exitStatus() != QProcess::NormalExit;
    r.exitCode = process.exitCode();
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

ProcessResult runCli(const QStringList &args, const QByteArray &input, const QStringList &extraEnv)
{
    return runProcess(QStringLiteral(MOTCUA_CLI_PATH), args, input, extraEnv);
}

void requireOneLineError(const ProcessResult &r, int exitCode)
{
    CHECK_FALSE(r.crashed);
    CHECK(r.exitCode == exitCode);
    CHECK(r.err.trimmed().count(QLatin1Char('\n')) == 0);
    CHECK(r.err.startsWith(QStringLiteral("motcua-cli: ")));
}

QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

QString sourcePath(const QString &relative)
{
    return QStringLiteral(MOTCUA_SOURCE_DIR "/") + relative;
}

}  // namespace motcua::test
