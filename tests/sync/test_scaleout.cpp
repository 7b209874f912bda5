// SPDX-License-Identifier: GPL-3.0-or-later
// Scale-out: two stateless `motcua-center serve` processes on one PostgreSQL, behind nginx (the shipped sample
// configuration, packaging/center/nginx-motcua.conf, with TLS terminated by nginx). Counters push and pull through
// nginx at the same time; every event must be stored once, and every counter's feed must be complete and in order.
// PostgreSQL comes from the ctest fixture (tests/support/pg-cluster.sh); nginx is started here, on loopback, in a
// temporary folder.

#include "CenterFixture.h"
#include "ProcessFixtures.h"
#include "SimSupport.h"
#include "TestSupport.h"

#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierService.h"
#include "core/store/Store.h"
#include "sync/Protocol.h"
#include "sync/client/Credentials.h"
#include "sync/client/HttpTransport.h"
#include "sync/client/SyncEngine.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

#include <unistd.h>

#include <map>
#include <set>

using namespace motcua;
using namespace motcua::test;
using motcua::sync::ApiRequest;
using motcua::sync::ApiResponse;

namespace {

const QString kDatabase = QStringLiteral("motcua_scaleout");

// A database of its own in the fixture's cluster, so the other PostgreSQL tests may run alongside.
void freshDatabase(const QMap<QString, QString> &env)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("scaleout-admin"));
        db.setHostName(env.value(QStringLiteral("MOTCUA_TEST_PG_HOST")));
        db.setPort(env.value(QStringLiteral("MOTCUA_TEST_PG_PORT")).toInt());
        db.setDatabaseName(QStringLiteral("motcua"));
        db.setUserName(QStringLiteral("motcua"));
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SET client_min_messages TO warning")));
        REQUIRE(q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(kDatabase)));
        REQUIRE(q.exec(QStringLiteral("CREATE DATABASE %1").arg(kDatabase)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("scaleout-admin"));
}

QString readText(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

void writeText(const QString &path, const QString &text)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

// Replaces `pattern` in the sample configuration; the sample must still have it.
void substitute(QString &text, const QString &pattern, const QString &replacement)
{
    const QRegularExpression re(pattern, QRegularExpression::MultilineOption);
    INFO("nginx sample configuration: no match for " << pattern.toStdString());
    REQUIRE(text.contains(re));
    text.replace(re, replacement);
}

struct Instance {
    QProcess process;
    QString ini;
    quint16 port = 0;
};

struct Counter {
    QString name;
    QString unit;
    std::unique_ptr<Store> store;
    CounterIdentity identity;
    QString secret;
    std::set<QString> authored;  // event ids created here
};

}  // namespace

TEST_CASE("Two serve processes on one PostgreSQL behind nginx: each event stored once, every feed complete and in "
          "order",
          "[postgres][scaleout][processes]")
{
    const auto env = pgEnvironment();
    REQUIRE_FALSE(env.isEmpty());  // runs only under the ctest fixture that starts the cluster
    freshDatabase(env);
    TempDir dir;
    // nginx's workers run as an unprivileged user when the test runs as root: they must reach the folder.
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                          QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                          QFileDevice::ExeOther);
    makeCa(dir.path(), QString());

    // Two serve processes, plain HTTP on loopback ports, one database.
    std::array<Instance, 2> instances;
    for (size_t i = 0; i < instances.size(); ++i) {
        Instance &in = instances[i];
        in.port = freePort();
        in.ini = dir.file(QStringLiteral("center-%1.ini").arg(i + 1));
        writeText(in.ini, QStringLiteral("[database]\nbackend=postgresql\nhost=%1\nport=%2\nname=%3\nuser=motcua\n"
                                         "[server]\nlisten=127.0.0.1\nport=%4\nthreads=4\n")
                              .arg(env.value(QStringLiteral("MOTCUA_TEST_PG_HOST")),
                                   env.value(QStringLiteral("MOTCUA_TEST_PG_PORT")), kDatabase)
                              .arg(in.port));
    }
    auto admin = [&](const QStringList &args) {
        auto r = runProcess(QStringLiteral(MOTCUA_CENTER_PATH),
                            QStringList{QStringLiteral("--config"), instances[0].ini} + args);
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return r;
    };
    admin({QStringLiteral("init")});
    admin({QStringLiteral("unit"), QStringLiteral("add"), QStringLiteral("H49.01"), QStringLiteral("--name"),
           QStringLiteral("Phường Hồng Gai"), QStringLiteral("--agency"), QStringLiteral("000.00.01.H49")});
    admin({QStringLiteral("unit"), QStringLiteral("add"), QStringLiteral("H49.02"), QStringLiteral("--name"),
           QStringLiteral("Phường Bãi Cháy"), QStringLiteral("--agency"), QStringLiteral("000.00.02.H49")});
    // Their request log lines (info level) tell which process served what.
    QProcessEnvironment serveEnv = QProcessEnvironment::systemEnvironment();
    serveEnv.remove(QStringLiteral("QT_LOGGING_RULES"));
    for (Instance &in : instances) {
        in.process.setProcessEnvironment(serveEnv);
        in.process.setProcessChannelMode(QProcess::SeparateChannels);
        in.process.start(QStringLiteral(MOTCUA_CENTER_PATH),
                         {QStringLiteral("--config"), in.ini, QStringLiteral("--verbose"), QStringLiteral("serve")});
        REQUIRE(in.process.waitForStarted());
    }
    auto stopAll = qScopeGuard([&instances] {
        for (Instance &in : instances) {
            in.process.terminate();
            if (!in.process.waitForFinished(10000))
                in.process.kill();
        }
    });
    for (Instance &in : instances) {
        QByteArray said;
        for (int i = 0; i < 100 && !said.contains("serving"); ++i) {
            in.process.waitForReadyRead(100);
            said += in.process.readAllStandardError();
        }
        INFO(said.toStdString());
        REQUIRE(said.contains("serving"));
    }

    // nginx with the shipped sample, pointed at this test's ports, certificate and folder.
    const quint16 nginxPort = freePort();
    QString site = readText(QStringLiteral(MOTCUA_SOURCE_DIR "/packaging/center/nginx-motcua.conf"));
    substitute(site, QStringLiteral("^\\s*listen 443 ssl;"),
               QStringLiteral("    listen 127.0.0.1:%1 ssl;").arg(nginxPort));
    substitute(site, QStringLiteral("^\\s*listen \\[::\\]:443 ssl;\\n"), QString());
    substitute(site, QStringLiteral("server 127\\.0\\.0\\.1:8481 "),
               QStringLiteral("server 127.0.0.1:%1 ").arg(instances[0].port));
    substitute(site, QStringLiteral("server 127\\.0\\.0\\.1:8482 "),
               QStringLiteral("server 127.0.0.1:%1 ").arg(instances[1].port));
    substitute(site, QStringLiteral("ssl_certificate\\s+\\S+;"),
               QStringLiteral("ssl_certificate %1;").arg(dir.file(QStringLiteral("server.pem"))));
    substitute(site, QStringLiteral("ssl_certificate_key\\s+\\S+;"),
               QStringLiteral("ssl_certificate_key %1;").arg(dir.file(QStringLiteral("server.key"))));
    substitute(site, QStringLiteral("access_log\\s+/var/log/nginx/"), QStringLiteral("access_log %1/").arg(dir.path()));
    substitute(site, QStringLiteral("error_log\\s+/var/log/nginx/"), QStringLiteral("error_log %1/").arg(dir.path()));
    writeText(dir.file(QStringLiteral("site.conf")), site);
    const QString user = ::getuid() == 0 ? QStringLiteral("user nobody nogroup;\n") : QString();
    writeText(
        dir.file(QStringLiteral("nginx.conf")),
        user + QStringLiteral("worker_processes 2;\npid %1;\nerror_log %2 warn;\nevents { worker_connections 256; }\n"
                              "http {\n  client_body_temp_path %3/body;\n  proxy_temp_path %3/proxy;\n"
                              "  fastcgi_temp_path %3/fastcgi;\n  uwsgi_temp_path %3/uwsgi;\n"
                              "  scgi_temp_path %3/scgi;\n  default_type application/octet-stream;\n"
                              "  include %4;\n}\n")
                   .arg(dir.file(QStringLiteral("nginx.pid")), dir.file(QStringLiteral("error.log")), dir.path(),
                        dir.file(QStringLiteral("site.conf"))));
    const QStringList nginxArgs{QStringLiteral("-p"), dir.path(),
                                QStringLiteral("-e"), dir.file(QStringLiteral("error.log")),
                                QStringLiteral("-c"), dir.file(QStringLiteral("nginx.conf"))};
    {
        auto checked = runProcess(QStringLiteral("nginx"), nginxArgs + QStringList{QStringLiteral("-t")});
        INFO(checked.err.toStdString());
        REQUIRE(checked.exitCode == 0);
    }
    QProcess nginx;
    nginx.setProcessChannelMode(QProcess::MergedChannels);
    nginx.start(QStringLiteral("nginx"), nginxArgs + QStringList{QStringLiteral("-g"), QStringLiteral("daemon off;")});
    REQUIRE(nginx.waitForStarted());
    auto stopNginx = qScopeGuard([&nginx] {
        nginx.terminate();
        if (!nginx.waitForFinished(10000))
            nginx.kill();
    });

    const QUrl url(QStringLiteral("https://127.0.0.1:%1").arg(nginxPort));
    QByteArray caPem;
    {
        QFile f(dir.file(QStringLiteral("ca.pem")));
        REQUIRE(f.open(QIODevice::ReadOnly));
        caPem = f.readAll();
    }
    {
        sync::HttpTransport probe(url, caPem);
        ApiResponse health;
        for (int i = 0; i < 50; ++i) {
            health = probe.call({"GET", sync::apiPrefix() + QStringLiteral("/health"), {}, {}, {}, {}});
            if (health.status == 200)
                break;
            QThread::msleep(100);
        }
        INFO(health.transportError.toStdString() << " " << health.body.toStdString());
        REQUIRE(health.status == 200);
    }

    // Five counters in two units, enrolled through nginx.
    std::vector<std::unique_ptr<Counter>> counters;
    const QStringList units{QStringLiteral("H49.01"), QStringLiteral("H49.01"), QStringLiteral("H49.01"),
                            QStringLiteral("H49.02"), QStringLiteral("H49.02")};
    for (int i = 0; i < units.size(); ++i) {
        auto c = std::make_unique<Counter>();
        c->name = QStringLiteral("counter-%1").arg(i + 1);
        c->unit = units.at(i);
        c->store = openSimStore(dir.file(c->name + QStringLiteral(".sqlite")));
        const QString code = QJsonDocument::fromJson(admin({QStringLiteral("--json"), QStringLiteral("counter"),
                                                            QStringLiteral("add"), QStringLiteral("--unit"), c->unit})
                                                         .out.toUtf8())
                                 .object()
                                 .value(QStringLiteral("enrollment_code"))
                                 .toString();
        sync::HttpTransport transport(url, caPem);
        sync::PlaintextCredentials credentials(dir.file(c->name + QStringLiteral(".credentials")));
        auto enrolled = sync::SyncEngine::enrollAndSave(*c->store, transport, credentials, code, url.toString(), caPem);
        INFO(c->name.toStdString() << ": " << (enrolled ? QString() : enrolled.error().message).toStdString());
        REQUIRE(enrolled.ok());
        c->secret = enrolled->secret;
        auto identity = CounterIdentity::load(*c->store);
        REQUIRE(identity.ok());
        c->identity = *identity;
        counters.push_back(std::move(c));
    }

    // All counters at once: receive dossiers, sync, receive more, sync — small batches and pages, so that pushes
    // from different counters interleave on both processes and feeds are read while others commit.
    constexpr int kRounds = 4;
    constexpr int kPerRound = 12;
    std::vector<QString> failures(counters.size());
    std::vector<std::set<QString>> authored(counters.size());
    std::vector<QThread *> threads;
    for (size_t i = 0; i < counters.size(); ++i) {
        threads.push_back(QThread::create([&, i] {
            Counter &c = *counters[i];
            sync::HttpTransport transport(url, caPem);
            sync::EngineOptions options;
            options.pushBatch = 7;
            options.pullPage = 11;
            sync::SyncEngine engine(*c.store, transport, c.identity.counterId, c.secret, options);
            DossierService service(*c.store, c.identity, QStringLiteral("canbo-%1").arg(i + 1));
            int n = int(i) * 1000;
            for (int round = 0; round < kRounds && failures[i].isEmpty(); ++round) {
                for (int k = 0; k < kPerRound; ++k) {
                    auto received = service.receive(simReceiveRequest(Clock::now(), ++n));
                    if (!received) {
                        failures[i] = received.error().message;
                        break;
                    }
                }
                const auto r = engine.runRound();
                if (!r.ok())
                    failures[i] = QStringLiteral("round %1: %2").arg(round).arg(r.message);
            }
        }));
    }
    for (QThread *t : threads)
        t->start();
    for (QThread *t : threads) {
        t->wait();
        delete t;
    }
    for (size_t i = 0; i < failures.size(); ++i) {
        INFO(counters[i]->name.toStdString() << ": " << failures[i].toStdString());
        CHECK(failures[i].isEmpty());
    }
    // One more round each, after everyone finished, brings in what others pushed last.
    for (auto &c : counters) {
        sync::HttpTransport transport(url, caPem);
        sync::SyncEngine engine(*c->store, transport, c->identity.counterId, c->secret);
        const auto r = engine.runRound();
        INFO(c->name.toStdString() << ": " << r.message.toStdString());
        REQUIRE(r.ok());
        CHECK(r.report.pending == 0);
    }

    // Every event authored by a counter, per unit.
    std::map<QString, std::map<QString, QByteArray>> unitEvents;  // unit -> event id -> bytes
    size_t total = 0;
    for (auto &c : counters) {
        auto held = storeEvents(*c->store);
        for (const auto &[id, bytes] : held) {
            if (QJsonDocument::fromJson(bytes).object().value(QStringLiteral("counter_id")).toString() ==
                c->identity.counterId) {
                unitEvents[c->unit][id] = bytes;
                ++total;
            }
        }
    }
    REQUIRE(total == size_t(counters.size()) * kRounds * kPerRound);

    // At the center: each event once, server_seq unique.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("scaleout-check"));
        db.setHostName(env.value(QStringLiteral("MOTCUA_TEST_PG_HOST")));
        db.setPort(env.value(QStringLiteral("MOTCUA_TEST_PG_PORT")).toInt());
        db.setDatabaseName(kDatabase);
        db.setUserName(QStringLiteral("motcua"));
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral(
            "SELECT count(*), count(DISTINCT event_id), count(DISTINCT server_seq), max(server_seq) FROM events")));
        REQUIRE(q.next());
        CHECK(q.value(0).toLongLong() == qint64(total));
        CHECK(q.value(1).toLongLong() == qint64(total));
        CHECK(q.value(2).toLongLong() == qint64(total));
        CHECK(q.value(3).toLongLong() == qint64(total));  // no gaps: a failed batch gave its numbers back
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("scaleout-check"));

    // Every counter holds exactly its unit's events, with the center's bytes; and its feed, read from the start
    // in small pages through nginx with its own events included, is complete, strictly ordered and duplicate-free.
    for (auto &c : counters) {
        INFO(c->name.toStdString());
        const auto held = storeEvents(*c->store);
        CHECK(held == unitEvents[c->unit]);

        sync::HttpTransport transport(url, caPem);
        qint64 after = 0;
        qint64 lastSeq = 0;
        std::set<QString> seen;
        bool ordered = true;
        for (int page = 0; page < 1000; ++page) {
            ApiRequest request{"GET", sync::apiPrefix() + QStringLiteral("/feed"), {}, {}, {}, {}};
            request.query.addQueryItem(QStringLiteral("after"), QString::number(after));
            request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("13"));
            request.query.addQueryItem(QStringLiteral("own"), QStringLiteral("1"));  // the whole unit, its own too
            request.authorization = sync::bearer(c->identity.counterId, c->secret);
            const ApiResponse r = transport.call(request);
            INFO(r.body.toStdString());
            REQUIRE(r.status == 200);
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            for (const QJsonValue &v : body.value(QStringLiteral("events")).toArray()) {
                const qint64 seq = qint64(v.toObject().value(QStringLiteral("seq")).toDouble());
                ordered = ordered && seq > lastSeq;
                lastSeq = seq;
                seen.insert(v.toObject()
                                .value(QStringLiteral("event"))
                                .toObject()
                                .value(QStringLiteral("event_id"))
                                .toString());
            }
            after = qint64(body.value(QStringLiteral("last_seq")).toDouble());
            if (!body.value(QStringLiteral("more")).toBool())
                break;
        }
        CHECK(ordered);
        std::set<QString> expected;
        for (const auto &[id, bytes] : unitEvents[c->unit])
            expected.insert(id);
        CHECK(seen == expected);
    }

    // Both processes did their share of the work.
    stopAll.dismiss();
    for (Instance &in : instances) {
        in.process.terminate();
        REQUIRE(in.process.waitForFinished(10000));
        const QByteArray log = in.process.readAllStandardError();
        INFO(log.right(3000).toStdString());
        CHECK_FALSE(log.contains("does not belong to the calling thread"));
        CHECK(log.count("path=/v1/push status=200") > 0);
        CHECK(log.count("path=/v1/feed status=200") > 0);
    }
}
