// Real processes over real TLS: motcua-center serve with a certificate from a throwaway province CA, motcua-cli as
// the counter. Then `kill -9` (SIGKILL at named crash points) on either side at the worst moments; every case must
// end with each event stored exactly once.

#include "TestSupport.h"

#include "core/dossier/CounterIdentity.h"
#include "core/store/Store.h"
#include "sync/client/SyncClient.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>

using namespace motcua::test;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

void openssl(const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    REQUIRE(p.waitForFinished(60000));
    INFO(p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
}

// A province CA and a server certificate for 127.0.0.1 signed by it; `prefix` names the files.
void makeCa(const QString &dir, const QString &prefix)
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

    Province()
    {
        makeCa(dir.path(), QString());
        QFile f(ini);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[database]\nbackend=sqlite\npath=center.sqlite\n"
                               "[server]\nlisten=127.0.0.1\nport=%1\ncertificate=server.pem\nkey=server.key\n"
                               "ca=ca.pem\nthreads=4\n")
                    .arg(port)
                    .toUtf8());
        f.close();
        // The counter's configuration: no keychain on a test machine, so the administrator's explicit fallback.
        const QString home = dir.file(QStringLiteral("home"));
        QDir().mkpath(home + QStringLiteral("/.config/motcua"));
        QFile conf(home + QStringLiteral("/.config/motcua/motcua.conf"));
        REQUIRE(conf.open(QIODevice::WriteOnly));
        conf.write("[sync]\nallow_plaintext_credentials=true\n");
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

}  // namespace

TEST_CASE("Counters enroll and sync over HTTPS with the province CA pinned", "[sync][processes][tls]")
{
    Province p;
    p.start();
    CounterProc a(p, QStringLiteral("a"));

    // A certificate from another CA is refused, and the code is not spent.
    makeCa(p.dir.path(), QStringLiteral("other-"));
    const QString code = p.newCode();
    auto wrong = a.cli({QStringLiteral("sync"), QStringLiteral("enroll"), p.url(), code, QStringLiteral("--ca"),
                        p.dir.file(QStringLiteral("other-ca.pem"))});
    CHECK(wrong.exitCode == 1);
    CHECK(wrong.err.contains(QStringLiteral("certificate")));
    auto right = a.cli({QStringLiteral("sync"), QStringLiteral("enroll"), p.url(), code, QStringLiteral("--ca"),
                        p.dir.file(QStringLiteral("ca.pem"))});
    INFO(right.err.toStdString());
    REQUIRE(right.exitCode == 0);
    // Plain HTTP to a public address is refused by the counter before anything is sent.
    CounterProc b(p, QStringLiteral("b"));
    auto plain =
        b.cli({QStringLiteral("sync"), QStringLiteral("enroll"), QStringLiteral("http://192.0.2.1:8480"), p.newCode()});
    CHECK(plain.exitCode == 2);

    REQUIRE(a.receive().exitCode == 0);
    REQUIRE(a.receive().exitCode == 0);
    const QJsonObject r = a.syncNow();
    CHECK(r.value(QStringLiteral("pushed")).toInt() == 2);
    CHECK(p.centerEvents() == 2);

    // Revoked: the counter says why and keeps its data.
    REQUIRE(p.admin({QStringLiteral("counter"), QStringLiteral("revoke"), QStringLiteral("H49.01-Q01")}).exitCode == 0);
    REQUIRE(a.receive().exitCode == 0);
    auto revoked = a.cli({QStringLiteral("sync"), QStringLiteral("now")});
    CHECK(revoked.exitCode == 1);
    CHECK(revoked.err.contains(QStringLiteral("revoked")));
    CHECK(a.count("events") == 3);
}

TEST_CASE("The window's sync client enrolls on its own thread, pins the CA, and then syncs",
          "[sync][processes][tls][client]")
{
    Province p;
    p.start();
    auto store = motcua::Store::open(p.dir.file(QStringLiteral("window.sqlite")));
    REQUIRE(store.ok());
    motcua::sync::SyncClientOptions options;
    options.allowPlaintextCredentials = true;  // no keychain in this test; the keychain has its own test
    motcua::sync::SyncClient client(**store, options);
    QSignalSpy finished(&client, &motcua::sync::SyncClient::enrollFinished);
    QSignalSpy status(&client, &motcua::sync::SyncClient::statusChanged);
    client.start();
    auto readFile = [&p](const char *name) {
        QFile f(p.dir.file(QString::fromLatin1(name)));
        REQUIRE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    };

    // Another CA's certificate: refused, and the answer comes by signal, not from the call.
    makeCa(p.dir.path(), QStringLiteral("other-"));
    const QString code = p.newCode();
    client.enroll(QUrl(p.url()), code, readFile("other-ca.pem"));
    CHECK(finished.isEmpty());  // the call returned before the HTTPS exchange: the window is not held
    REQUIRE(finished.wait(30000));
    CHECK_FALSE(finished.at(0).at(0).toBool());
    CHECK(finished.at(0).at(1).toString().contains(QStringLiteral("certificate")));
    CHECK_FALSE(motcua::CounterIdentity::load(**store)->isSetUp());

    // The right CA: the same code still works (it was not spent), and the client goes online.
    client.enroll(QUrl(p.url()), code, readFile("ca.pem"));
    REQUIRE(finished.wait(30000));
    INFO(finished.at(1).at(1).toString().toStdString());
    REQUIRE(finished.at(1).at(0).toBool());
    CHECK(finished.at(1).at(1).toString().contains(QStringLiteral("H49.01-Q01")));
    auto identity = motcua::CounterIdentity::load(**store);
    REQUIRE(identity.ok());
    CHECK(identity->counterId == QStringLiteral("H49.01-Q01"));
    CHECK_FALSE(identity->standalone);
    bool online = false;
    for (int i = 0; i < 60 && !online; ++i) {
        for (const QList<QVariant> &args : std::as_const(status))
            online =
                online || args.at(0).value<motcua::sync::SyncStatus>().state == motcua::sync::SyncStatus::State::Online;
        if (!online)
            status.wait(500);
    }
    CHECK(online);
    client.stop();
}

TEST_CASE("kill -9 on the counter side at every step ends with exactly-once delivery", "[sync][processes][crash]")
{
    Province p;
    p.start();
    CounterProc a(p, QStringLiteral("a"));
    CounterProc b(p, QStringLiteral("b"));
    a.enroll();
    b.enroll();

    // Before the local commit: nothing was recorded. After it: recorded and queued.
    CHECK(a.receive(QStringLiteral("receive.before_commit")).crashed);
    CHECK(a.count("events") == 0);
    CHECK(a.receive(QStringLiteral("receive.after_commit")).crashed);
    CHECK(a.count("events") == 1);
    CHECK(a.count("outbox") == 1);

    // After the center answered, before the outbox was cleared: the retry finds duplicates, nothing doubles.
    REQUIRE(a.receive().exitCode == 0);
    a.syncNow(QStringLiteral("push.before_clear"), -1);
    CHECK(p.centerEvents() == 2);
    CHECK(a.count("outbox") == 2);
    const QJsonObject retry = a.syncNow();
    CHECK(retry.value(QStringLiteral("duplicates")).toInt() == 2);
    CHECK(retry.value(QStringLiteral("pushed")).toInt() == 0);
    CHECK(p.centerEvents() == 2);
    CHECK(a.count("outbox") == 0);

    // In the middle of a pulled page: neither the events nor the cursor were kept; the next pull brings them once.
    b.syncNow(QStringLiteral("pull.mid_page"), -1);
    CHECK(b.count("events") == 0);
    b.syncNow();
    CHECK(b.count("events") == 2);
    b.syncNow();
    CHECK(b.count("events") == 2);
}

TEST_CASE("kill -9 of the center in a batch or before its answer ends with exactly-once delivery",
          "[sync][processes][crash]")
{
    Province p;
    CounterProc a(p, QStringLiteral("a"));
    p.start();
    a.enroll();
    for (int i = 0; i < 3; ++i)
        REQUIRE(a.receive().exitCode == 0);
    p.stop();

    // Dies in the middle of the batch: nothing of it was stored; the counter keeps everything queued.
    p.start(QStringLiteral("center.ingest.mid_batch"));
    a.syncNow({}, 1);
    REQUIRE(p.center.waitForFinished(10000));
    CHECK(p.center.exitStatus() == QProcess::CrashExit);
    CHECK(p.centerEvents() == 0);
    CHECK(a.count("outbox") == 3);

    // Dies after committing, before answering: the counter retries and gets duplicates.
    p.start(QStringLiteral("center.ingest.after_commit"));
    a.syncNow({}, 1);
    REQUIRE(p.center.waitForFinished(10000));
    CHECK(p.centerEvents() == 3);
    CHECK(a.count("outbox") == 3);

    p.start();
    const QJsonObject r = a.syncNow();
    CHECK(r.value(QStringLiteral("duplicates")).toInt() == 3);
    CHECK(p.centerEvents() == 3);
    CHECK(a.count("outbox") == 0);
}
