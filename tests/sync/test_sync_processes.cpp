// SPDX-License-Identifier: GPL-3.0-or-later
// Real processes over real TLS: motcua-center serve with a certificate from a throwaway province CA, motcua-cli as
// the counter. Then `kill -9` (SIGKILL at named crash points) on either side at the worst moments; every case must
// end with each event stored exactly once.

#include "ProcessFixtures.h"
#include "TestSupport.h"

#include "core/dossier/CounterIdentity.h"
#include "core/store/Store.h"
#include "sync/Protocol.h"
#include "sync/client/HttpTransport.h"
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
#include <QThread>

#include <latch>

using namespace motcua::test;

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

TEST_CASE("A counter follows its center to a new address and a new province CA without enrolling again",
          "[sync][processes][tls]")
{
    Province p;
    p.start();
    CounterProc a(p, QStringLiteral("a"));
    a.enroll();
    REQUIRE(a.receive().exitCode == 0);
    REQUIRE(a.syncNow().value(QStringLiteral("pushed")).toInt() == 1);
    const QString oldUrl = p.url();
    const auto centerIn = [&](const ProcessResult &r) {
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("center_url")).toString();
    };

    // The province moves its center to another port and renews its CA; the counter's old address answers no more.
    p.move(QStringLiteral("renewed-"));
    p.start();
    REQUIRE(a.receive().exitCode == 0);
    CHECK(a.cli({QStringLiteral("sync"), QStringLiteral("now")}).exitCode == 1);

    // Bad input: not an address, an unreadable CA file.
    auto notUrl = a.cli({QStringLiteral("sync"), QStringLiteral("move"), QStringLiteral("127.0.0.1 port 8480")});
    CHECK(notUrl.exitCode == 2);
    CHECK(notUrl.err.contains(QStringLiteral("https://host:port")));
    auto noCa = a.cli({QStringLiteral("sync"), QStringLiteral("move"), p.url(), QStringLiteral("--ca"),
                       p.dir.file(QStringLiteral("missing.pem"))});
    CHECK(noCa.exitCode == 2);
    // The new address with the old CA: TLS fails, and nothing changes.
    auto oldCa = a.cli({QStringLiteral("sync"), QStringLiteral("move"), p.url()});
    INFO(oldCa.err.toStdString());
    CHECK(oldCa.exitCode == 1);
    CHECK(oldCa.err.contains(QStringLiteral("Nothing was changed")));
    CHECK(centerIn(a.cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("status")})) == oldUrl);

    // Another province's center (its own database, its own CA) does not know this counter: nothing changes.
    {
        Province other;
        other.start();
        auto elsewhere = a.cli({QStringLiteral("sync"), QStringLiteral("move"), other.url(), QStringLiteral("--ca"),
                                other.dir.file(QStringLiteral("ca.pem"))});
        INFO(elsewhere.err.toStdString());
        CHECK(elsewhere.exitCode == 2);
        CHECK(elsewhere.err.contains(QStringLiteral("does not accept")));
    }
    CHECK(centerIn(a.cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("status")})) == oldUrl);

    // The new address with the new CA: the same counter syncs on, and what waited goes out.
    auto moved = a.cli({QStringLiteral("sync"), QStringLiteral("move"), p.url(), QStringLiteral("--ca"),
                        p.dir.file(QStringLiteral("renewed-ca.pem"))});
    INFO(moved.err.toStdString());
    REQUIRE(moved.exitCode == 0);
    CHECK(moved.out.contains(QStringLiteral("H49.01-Q01")));
    CHECK(centerIn(a.cli({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("status")})) == p.url());
    CHECK(a.syncNow().value(QStringLiteral("pushed")).toInt() == 1);
    CHECK(p.centerEvents() == 2);
    CHECK(a.count("events") == 2);
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

TEST_CASE("Requests waiting for a worker count as in flight: beyond max_in_flight the center answers 429 at once",
          "[sync][processes][load]")
{
    // One worker and room for two requests: a burst from many connections must be shed, not queued.
    Province p(true, /*threads=*/1, /*maxInFlight=*/1);
    p.start();
    QByteArray caPem;
    {
        QFile f(p.dir.file(QStringLiteral("ca.pem")));
        REQUIRE(f.open(QIODevice::ReadOnly));
        caPem = f.readAll();
    }
    constexpr int kClients = 24;
    // Every client first opens its TLS connection (a health call), then all ask at the same moment.
    std::latch ready(kClients);
    std::vector<int> statuses(kClients, 0);
    std::vector<int> retryAfter(kClients, 0);
    std::vector<QThread *> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(QThread::create([&, i] {
            motcua::sync::HttpTransport transport(QUrl(p.url()), caPem);
            (void)transport.call({"GET", motcua::sync::apiPrefix() + QStringLiteral("/health"), {}, {}, {}, {}});
            ready.arrive_and_wait();
            motcua::sync::ApiRequest request{"GET", motcua::sync::apiPrefix() + QStringLiteral("/feed"), {}, {}, {},
                                             {}};
            request.authorization = motcua::sync::bearer(QStringLiteral("H49.01-Q09"), QStringLiteral("not-a-secret"));
            const auto answer = transport.call(request);
            statuses[size_t(i)] = answer.status;
            retryAfter[size_t(i)] = answer.retryAfterSeconds;
        }));
    }
    for (QThread *t : clients)
        t->start();
    for (QThread *t : clients) {
        t->wait();
        delete t;
    }
    int shed = 0;
    int answered = 0;
    for (int i = 0; i < kClients; ++i) {
        INFO("client " << i << " status " << statuses[size_t(i)]);
        CHECK((statuses[size_t(i)] == 401 || statuses[size_t(i)] == 429));
        if (statuses[size_t(i)] == 429) {
            ++shed;
            CHECK(retryAfter[size_t(i)] >= 1);
        } else {
            ++answered;
        }
    }
    CHECK(shed > 0);
    CHECK(answered > 0);
    // Health is never shed, and the center serves on.
    motcua::sync::HttpTransport transport(QUrl(p.url()), caPem);
    CHECK(transport.call({"GET", motcua::sync::apiPrefix() + QStringLiteral("/health"), {}, {}, {}, {}}).status == 200);
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
