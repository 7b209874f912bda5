// SPDX-License-Identifier: GPL-3.0-or-later
// The center's HTTP front in this process (plain HTTP on loopback): connections that go away before their answer,
// keep-alive, load shedding. The sanitizer build turns any use of a socket the server has deleted into a failure.

#include "CenterFixture.h"

#include "sync/center/CenterServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace motcua;
using namespace motcua::test;

namespace {

// Runs `work` on a thread of its own while this thread serves the center's event loop, until `work` returns.
template <typename Work> void whileServing(Work work)
{
    std::atomic<bool> done{false};
    std::unique_ptr<QThread> client(QThread::create([&] {
        work();
        done = true;
    }));
    client->start();
    QElapsedTimer timer;
    timer.start();
    while (!done && timer.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    REQUIRE(done);
    client->wait();
}

// Serves events until the service has released every request it admitted (their answers are written or dropped) and
// no request has come in for a second: requests the clients sent may still wait in the sockets, to be read and
// admitted by this thread's event loop, after a first moment with none in flight.
void drain(const sync::CenterService &service)
{
    QElapsedTimer timer;
    timer.start();
    QElapsedTimer quiet;
    quiet.start();
    while (timer.elapsed() < 60000 && (service.inFlight() > 0 || quiet.elapsed() < 1000)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (service.inFlight() > 0)
            quiet.restart();
    }
}

struct HttpAnswer {
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// Reads one HTTP/1.1 answer with a Content-Length from `socket` (blocking; called on a client thread).
HttpAnswer readAnswer(QTcpSocket &socket)
{
    HttpAnswer a;
    QByteArray buffer;
    qsizetype headEnd = -1;
    while ((headEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (!socket.waitForReadyRead(30000))
            return a;
        buffer += socket.readAll();
    }
    a.head = buffer.left(headEnd);
    buffer.remove(0, headEnd + 4);
    const QList<QByteArray> lines = a.head.split('\n');
    a.status = lines.value(0).split(' ').value(1).toInt();
    qsizetype length = 0;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    while (buffer.size() < length) {
        if (!socket.waitForReadyRead(30000))
            return a;
        buffer += socket.readAll();
    }
    a.body = buffer.left(length);
    return a;
}

QByteArray getRequest(const char *path)
{
    return QByteArray("GET ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

QByteArray pushRequest(const QByteArray &authorization, const QByteArray &body)
{
    return "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: " +
           authorization + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

struct LocalCenter {
    CenterFixture fixture{sync::CenterDbConfig::Backend::Sqlite};
    std::unique_ptr<sync::CenterServer> server;
    quint16 port = 0;

    explicit LocalCenter(int threads)
    {
        server = std::make_unique<sync::CenterServer>(*fixture.service);
        sync::ServerConfig config;
        config.threads = threads;
        auto started = server->start(config);
        REQUIRE(started.ok());
        port = *started;
    }
};

}  // namespace

TEST_CASE("Connections that hang up before their answer leave the center serving", "[center][http]")
{
    // One worker, so that most requests wait in its queue while their clients hang up: their answers come back to
    // sockets the server has already deleted.
    LocalCenter center(/*threads=*/1);
    const auto counter = center.fixture.enroll(QStringLiteral("H49.01"));
    QJsonArray events;
    for (int i = 0; i < 40; ++i)
        events.append(noteEvent(counter.counterId).toJson());
    const QByteArray push =
        pushRequest(counter.authorization, QJsonDocument(QJsonObject{{QStringLiteral("counter_id"), counter.counterId},
                                                                     {QStringLiteral("events"), events}})
                                               .toJson(QJsonDocument::Compact));

    constexpr int kClients = 48;
    constexpr int kRounds = 4;
    for (int round = 0; round < kRounds; ++round) {
        whileServing([&] {
            std::vector<std::unique_ptr<QTcpSocket>> sockets;
            for (int i = 0; i < kClients; ++i) {
                auto s = std::make_unique<QTcpSocket>();
                s->connectToHost(QHostAddress::LocalHost, center.port);
                if (!s->waitForConnected(10000))
                    continue;
                s->write(i % 2 == 0 ? push : getRequest("/v1/feed"));
                s->waitForBytesWritten(10000);
                sockets.push_back(std::move(s));
            }
            // Gone at once (a reset), or closed politely after the request: both before most answers.
            for (size_t i = 0; i < sockets.size(); ++i) {
                if (i % 2 == 0)
                    sockets[i]->abort();
                else
                    sockets[i]->disconnectFromHost();
            }
        });
        drain(*center.fixture.service);
        INFO("round " << round);
        CHECK(center.fixture.service->inFlight() == 0);
    }

    // The center still answers, on a new connection, and stored the pushed events once.
    HttpAnswer health;
    HttpAnswer again;
    whileServing([&] {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, center.port);
        REQUIRE(s.waitForConnected(10000));
        s.write(getRequest("/v1/health"));
        health = readAnswer(s);
        s.write(push);
        again = readAnswer(s);
    });
    CHECK(health.status == 200);
    CHECK(again.status == 200);
    auto status = center.fixture.store->status();
    REQUIRE(status.ok());
    CHECK(status->events == 40);
}

TEST_CASE("A kept-alive connection gets every answer in order, with its headers", "[center][http]")
{
    LocalCenter center(/*threads=*/2);
    std::vector<HttpAnswer> answers;
    whileServing([&] {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, center.port);
        REQUIRE(s.waitForConnected(10000));
        for (const char *path : {"/v1/health", "/v1/feed", "/v1/health", "/v1/nowhere"}) {
            s.write(getRequest(path));
            answers.push_back(readAnswer(s));
        }
    });
    REQUIRE(answers.size() == 4);
    CHECK(answers[0].status == 200);
    CHECK(answers[0].head.toLower().contains("content-type: application/json"));
    CHECK(answers[0].head.toLower().contains("cache-control: no-store"));
    CHECK(QJsonDocument::fromJson(answers[0].body).isObject());
    CHECK(answers[1].status == 401);
    CHECK(QJsonDocument::fromJson(answers[1].body).object().contains(QStringLiteral("error")));
    CHECK(answers[2].status == 200);
    CHECK(answers[3].status == 404);
    CHECK(center.fixture.service->inFlight() == 0);
}
