// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Real processes for the sync tests: a throwaway province CA made with openssl, `motcua-center serve` over TLS
// on a loopback port, and counters driven through motcua-cli.

#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>

namespace motcua::test {

inline quint16 freePort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

inline void openssl(const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    REQUIRE(p.waitForFinished(60000));
    INFO(p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
}

// A province CA and a server certificate for 127.0.0.1 signed by it; `prefix` names the files.
inline void makeCa(const QString &dir, const QString &prefix)
{
    openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), prefix + QStringLiteral("ca.key"), QStringLiteral("-out"),
             prefix + QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
             QStringLiteral("/CN=MotCua test province CA ") + prefix},
            dir);
    openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
             prefix + QStringLiteral("server.key"), QStringLiteral("-out"), prefix + QStringLiteral("server.csr"),
             QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")},
            dir);
    QFile ext(QDir(dir).filePath(prefix + QStringLiteral("ext.cnf")));
    REQUIRE(ext.open(QIODevice::WriteOnly));
    ext.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    ext.close();
    openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             prefix + QStringLiteral("server.csr"), QStringLiteral("-CA"), prefix + QStringLiteral("ca.pem"),
             QStringLiteral("-CAkey"), prefix + QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
             QStringLiteral("-out"), prefix + QStringLiteral("server.pem"), QStringLiteral("-days"),
             QStringLiteral("30"), QStringLiteral("-extfile"), prefix + QStringLiteral("ext.cnf")},
            dir);
}

struct Province {
    TempDir dir;
    quint16 port = freePort();
    QString ini = dir.file(QStringLiteral("center.ini"));
    QProcess center;
    QStringList counterEnv;

    // allowPlaintextCredentials: the counters' configuration turns on the administrator's plaintext fallback
    // (for machines without a keychain); false leaves them on the OS keychain.
    // threads, maxInFlight: the center's [server] settings.
    explicit Province(bool allowPlaintextCredentials = true, int threads = 4, int maxInFlight = 64) :
        m_threads(threads), m_maxInFlight(maxInFlight)
    {
        makeCa(dir.path(), QString());
        writeConfig(QString());
        // The counter's configuration: no keychain on a test machine, so the administrator's explicit fallback.
        const QString home = dir.file(QStringLiteral("home"));
        QDir().mkpath(home + QStringLiteral("/.config/motcua"));
        QFile conf(home + QStringLiteral("/.config/motcua/motcua.conf"));
        REQUIRE(conf.open(QIODevice::WriteOnly));
        conf.write(allowPlaintextCredentials ? "[sync]\nallow_plaintext_credentials=true\n" : "[sync]\n");
        conf.close();
        counterEnv = {QStringLiteral("HOME=") + home,
                      QStringLiteral("XDG_CONFIG_HOME=") + home + QStringLiteral("/.config")};
        REQUIRE(
            admin({QStringLiteral("unit"), QStringLiteral("add"), QStringLiteral("H49.01"), QStringLiteral("--name"),
                   QStringLiteral("Phường Hồng Gai"), QStringLiteral("--agency"), QStringLiteral("000.00.01.H49")})
                .exitCode == 0);
    }

    ~Province() { stop(); }
    Q_DISABLE_COPY_MOVE(Province)

    // The center's configuration: its database, this port, and the certificate, key and CA named by `prefix`.
    void writeConfig(const QString &prefix)
    {
        QFile f(ini);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[database]\nbackend=sqlite\npath=center.sqlite\n"
                               "[server]\nlisten=127.0.0.1\nport=%1\ncertificate=%4server.pem\nkey=%4server.key\n"
                               "ca=%4ca.pem\nthreads=%2\nmax_in_flight=%3\n")
                    .arg(port)
                    .arg(m_threads)
                    .arg(m_maxInFlight)
                    .arg(prefix)
                    .toUtf8());
    }

    // The center moves to another port with a certificate from a new province CA (named by `prefix`), and keeps its
    // database. Stopped; start() it again.
    void move(const QString &prefix)
    {
        stop();
        makeCa(dir.path(), prefix);
        port = freePort();
        writeConfig(prefix);
    }

    ProcessResult admin(const QStringList &args)
    {
        return runProcess(QStringLiteral(MOTCUA_CENTER_PATH), QStringList{QStringLiteral("--config"), ini} + args);
    }

    void start(const QString &crashAt = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!crashAt.isEmpty())
            env.insert(QStringLiteral("MOTCUA_CRASH_AT"), crashAt);
        center.setProcessEnvironment(env);
        center.setProcessChannelMode(QProcess::SeparateChannels);
        center.start(QStringLiteral(MOTCUA_CENTER_PATH), {QStringLiteral("--config"), ini, QStringLiteral("serve")});
        REQUIRE(center.waitForStarted());
        // Ready when it says it serves.
        QByteArray said;
        for (int i = 0; i < 100 && !said.contains("serving"); ++i) {
            center.waitForReadyRead(100);
            said += center.readAllStandardError();
        }
        INFO(said.toStdString());
        REQUIRE(said.contains(QByteArray("serving https://127.0.0.1:" + QByteArray::number(port))));
    }

    void stop()
    {
        if (center.state() != QProcess::NotRunning) {
            center.terminate();
            if (!center.waitForFinished(10000))
                center.kill();
            center.waitForFinished();
        }
    }

    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(port); }

    QString newCode()
    {
        auto r = admin({QStringLiteral("--json"), QStringLiteral("counter"), QStringLiteral("add"),
                        QStringLiteral("--unit"), QStringLiteral("H49.01")});
        REQUIRE(r.exitCode == 0);
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("enrollment_code")).toString();
    }

    qint64 centerEvents()
    {
        auto r = admin({QStringLiteral("--json"), QStringLiteral("status")});
        REQUIRE(r.exitCode == 0);
        return qint64(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("events")).toDouble());
    }

private:
    int m_threads = 4;
    int m_maxInFlight = 64;
};

struct CounterProc {
    Province &province;
    QString db;

    CounterProc(Province &p, const QString &name) : province(p), db(p.dir.file(name + QStringLiteral(".sqlite"))) {}

    ProcessResult cli(const QStringList &args, const QString &crashAt = {})
    {
        QStringList env = province.counterEnv;
        if (!crashAt.isEmpty())
            env << QStringLiteral("MOTCUA_CRASH_AT=") + crashAt;
        return runCli(QStringList{QStringLiteral("--db"), db} + args, {}, env);
    }

    void enroll()
    {
        auto r = cli({QStringLiteral("sync"), QStringLiteral("enroll"), province.url(), province.newCode(),
                      QStringLiteral("--ca"), province.dir.file(QStringLiteral("ca.pem"))});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
    }

    ProcessResult receive(const QString &crashAt = {})
    {
        const QString applicant = province.dir.file(QStringLiteral("applicant.json"));
        if (!QFile::exists(applicant)) {
            QFile f(applicant);
            REQUIRE(f.open(QIODevice::WriteOnly));
            f.write(R"({"id_number":"022095001234","full_name":"Nguyễn Văn Đức","birth_date":"1995-03-14",
                        "gender":"Nam","address":"Tổ 5, Hồng Gai","phone":"0912345678"})");
        }
        return cli({QStringLiteral("dossier"), QStringLiteral("receive"), QStringLiteral("--procedure"),
                    QStringLiteral("1.001193"), QStringLiteral("--applicant-json"), applicant},
                   crashAt);
    }

    QJsonObject syncNow(const QString &crashAt = {}, int expectExit = 0)
    {
        auto r = cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("now")}, crashAt);
        INFO(r.err.toStdString());
        if (expectExit >= 0)
            REQUIRE(r.exitCode == expectExit);
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    int count(const char *table)
    {
        auto r = cli({QStringLiteral("--json"), QStringLiteral("status")});
        REQUIRE(r.exitCode == 0);
        return QJsonDocument::fromJson(r.out.toUtf8())
            .object()
            .value(QStringLiteral("counts"))
            .toObject()
            .value(QString::fromLatin1(table))
            .toInt();
    }
};

}  // namespace motcua::test
