// SPDX-License-Identifier: GPL-3.0-or-later
// The counter's HTTP/1.1 client: the answer parser on every framing and on broken input, and the transport against
// a scripted server on loopback (keep-alive, an idle connection the server closed, chunked answers, answers cut
// short, silence).

#include "sync/client/HttpResponseParser.h"
#include "sync/client/HttpTransport.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QJsonObject>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using motcua::sync::ApiRequest;
using motcua::sync::ApiResponse;
using motcua::sync::HttpResponseParser;
using motcua::sync::HttpTransport;
using State = HttpResponseParser::State;

namespace {

// Feeds the answer in pieces of `step` bytes, as a socket may deliver it.
State feedInPieces(HttpResponseParser &parser, const QByteArray &bytes, qsizetype step)
{
    State s = State::NeedMore;
    for (qsizetype i = 0; i < bytes.size() && s == State::NeedMore; i += step)
        s = parser.feed(QByteArrayView(bytes).sliced(i, std::min(step, bytes.size() - i)));
    return s;
}

}  // namespace

TEST_CASE("The answer parser reads every framing, whatever the pieces", "[http]")
{
    const QByteArray fixed = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
                             "Retry-After: 7\r\n\r\n{\"ok\":true}";
    const QByteArray chunked = "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                               "4\r\n{\"ok\r\n7;ext=1\r\n\":true}\r\n0\r\nX-Trailer: 1\r\n\r\n";
    const QByteArray interim =
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"ok\":true}";
    for (const qsizetype step : {qsizetype(1), qsizetype(3), qsizetype(17), qsizetype(4096)}) {
        INFO("pieces of " << step);
        HttpResponseParser a(1024);
        REQUIRE(feedInPieces(a, fixed, step) == State::Done);
        CHECK(a.status() == 200);
        CHECK(a.body() == "{\"ok\":true}");
        CHECK(a.header("retry-after") == "7");
        CHECK(a.header("content-type") == "application/json");
        CHECK(a.keepAlive());

        HttpResponseParser b(1024);
        REQUIRE(feedInPieces(b, chunked, step) == State::Done);
        CHECK(b.status() == 201);
        CHECK(b.body() == "{\"ok\":true}");

        HttpResponseParser c(1024);
        REQUIRE(feedInPieces(c, interim, step) == State::Done);
        CHECK(c.status() == 200);
        CHECK(c.body() == "{\"ok\":true}");
    }

    // No length: the body runs to the end of the connection, which then cannot be reused.
    HttpResponseParser untilClose(1024);
    CHECK(untilClose.feed("HTTP/1.1 200 OK\r\n\r\nabc") == State::NeedMore);
    CHECK(untilClose.feed("def") == State::NeedMore);
    CHECK(untilClose.finish() == State::Done);
    CHECK(untilClose.body() == "abcdef");
    CHECK_FALSE(untilClose.keepAlive());

    HttpResponseParser closing(1024);
    CHECK(closing.feed("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n") == State::Done);
    CHECK(closing.body().isEmpty());
    CHECK_FALSE(closing.keepAlive());

    HttpResponseParser old(1024);
    CHECK(old.feed("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n") == State::Done);
    CHECK_FALSE(old.keepAlive());
}

TEST_CASE("The answer parser refuses what is broken or too large, with a reason", "[http]")
{
    const auto invalid = [](const QByteArray &bytes, qsizetype maxBody = 1024) {
        HttpResponseParser p(maxBody);
        State s = p.feed(bytes);
        if (s == State::NeedMore)
            s = p.finish();
        INFO(bytes.left(80).toStdString() << " -> " << p.error().toStdString());
        CHECK(s == State::Invalid);
        CHECK_FALSE(p.error().isEmpty());
    };
    invalid("SSH-2.0-OpenSSH_9.2\r\n\r\n");
    invalid("HTTP/1.1 2x0 OK\r\n\r\n");
    invalid("HTTP/2 200 OK\r\n\r\n");
    invalid("HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\n");
    invalid("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nbroken header\r\n\r\nabc");
    invalid("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc");
    invalid("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
    invalid("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY0\r\n\r\n");
    invalid("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");  // cut short, then the connection ended
    invalid("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n");   // beyond the limit, refused before reading it
    invalid("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n", 1024);
    invalid("HTTP/1.1 200 OK\r\n\r\n" + QByteArray(2000, 'x'), 1024);  // no length, but longer than allowed
    invalid("HTTP/1.1 200 OK\r\nX-Long: " + QByteArray(HttpResponseParser::kMaxHeadBytes + 10, 'x'));
    invalid("");  // nothing at all before the end
}

namespace {

// A listening socket on 127.0.0.1 and a free port.
int listenOnLoopback(quint16 *port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    *port = ntohs(addr.sin_port);
    REQUIRE(::listen(fd, 8) == 0);
    return fd;
}

// Reads one request (head and Content-Length body) from a socket.
bool readRequest(int fd, std::string *out)
{
    std::string data;
    char buf[65536];
    for (;;) {
        const size_t end = data.find("\r\n\r\n");
        if (end != std::string::npos) {
            size_t length = 0;
            const size_t at = data.find("Content-Length: ");
            if (at != std::string::npos && at < end)
                length = std::stoul(data.substr(at + 16));
            if (data.size() >= end + 4 + length) {
                *out = data;
                return true;
            }
        }
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return false;
        data.append(buf, size_t(n));
    }
}

// A loopback HTTP server on its own thread that answers the i-th request it reads with answers[i] and then does
// what the answer's action says. Plain blocking sockets: nothing of the code under test.
class ScriptedServer {
public:
    enum class After { KeepOpen, Close, CloseBeforeAnswer, Silence };
    struct Answer {
        QByteArray bytes;
        After after = After::KeepOpen;
        int delayMs = 0;  // how long the "center" works before it answers
    };

    explicit ScriptedServer(std::vector<Answer> answers) : m_answers(std::move(answers))
    {
        m_listen = listenOnLoopback(&m_port);
        m_thread = std::thread([this] { run(); });
    }
    ~ScriptedServer()
    {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_thread.join();
    }

    [[nodiscard]] QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    [[nodiscard]] int connections() const { return m_connections; }
    [[nodiscard]] std::vector<std::string> requests() const
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }

private:
    void run()
    {
        size_t next = 0;
        while (!m_stop && next < m_answers.size()) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0)
                return;
            ++m_connections;
            bool open = true;
            while (open && next < m_answers.size()) {
                std::string request;
                if (!readRequest(fd, &request))
                    break;
                {
                    std::lock_guard lock(m_mutex);
                    m_requests.push_back(request);
                }
                const Answer &a = m_answers[next++];
                if (a.after == After::CloseBeforeAnswer) {
                    open = false;
                    break;
                }
                if (a.after == After::Silence) {
                    // Say nothing until the client gives up and closes.
                    char c;
                    while (::recv(fd, &c, 1, 0) > 0) {
                    }
                    open = false;
                    break;
                }
                if (a.delayMs > 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(a.delayMs));
                ::send(fd, a.bytes.constData(), size_t(a.bytes.size()), MSG_NOSIGNAL);
                open = a.after == After::KeepOpen;
            }
            ::close(fd);
        }
    }

    std::vector<Answer> m_answers;
    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    mutable std::mutex m_mutex;
    std::vector<std::string> m_requests;
};

// Answers each connection on a thread of its own, echoing the request body after "delay=N" milliseconds: requests on
// two connections are worked on at the same time, as the center's handler threads do.
class ConcurrentServer {
public:
    ConcurrentServer()
    {
        m_listen = listenOnLoopback(&m_port);
        m_accepting = std::thread([this] {
            for (;;) {
                const int fd = ::accept(m_listen, nullptr, nullptr);
                if (fd < 0)
                    return;
                ++m_connections;
                std::lock_guard lock(m_mutex);
                m_fds.push_back(fd);
                m_workers.emplace_back([this, fd] { serve(fd); });
            }
        });
    }
    ~ConcurrentServer()
    {
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_accepting.join();
        std::lock_guard lock(m_mutex);
        for (const int fd : m_fds)
            ::shutdown(fd, SHUT_RDWR);
        for (std::thread &t : m_workers)
            t.join();
        for (const int fd : m_fds)
            ::close(fd);
    }

    [[nodiscard]] QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    [[nodiscard]] int connections() const { return m_connections; }
    [[nodiscard]] int mostAtOnce() const { return m_mostAtOnce; }

private:
    void serve(int fd)
    {
        std::string request;
        while (readRequest(fd, &request)) {
            const std::string body = request.substr(request.find("\r\n\r\n") + 4);
            const int now = ++m_working;
            for (int most = m_mostAtOnce; now > most && !m_mostAtOnce.compare_exchange_weak(most, now);) {
            }
            const size_t at = body.find("delay=");
            if (at != std::string::npos)
                std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(body.substr(at + 6))));
            --m_working;
            const std::string answer =
                "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
            ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
        }
    }

    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_accepting;
    std::mutex m_mutex;
    std::vector<int> m_fds;
    std::vector<std::thread> m_workers;
    std::atomic<int> m_connections{0};
    std::atomic<int> m_working{0};
    std::atomic<int> m_mostAtOnce{0};
};

ApiRequest post(const QByteArray &body)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/push");
    r.query.addQueryItem(QStringLiteral("a"), QStringLiteral("b c"));
    r.authorization = "Bearer x:y";
    r.body = body;
    return r;
}

const QByteArray kOk = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}";

}  // namespace

TEST_CASE("The transport keeps one connection and sends well-formed requests", "[http]")
{
    ScriptedServer server({{kOk}, {kOk}, {kOk}});
    HttpTransport transport(QUrl(server.url() + QStringLiteral("/base/")), {});
    REQUIRE(transport.problem().isEmpty());
    const QByteArray big(300 * 1024, 'x');  // several TCP segments on loopback
    for (const QByteArray &body : {QByteArray("{}"), big, QByteArray("{\"n\":1}")}) {
        const ApiResponse r = transport.call(post(body));
        INFO(r.transportError.toStdString());
        REQUIRE(r.status == 200);
        CHECK(r.object().value(QStringLiteral("ok")).toBool());
    }
    CHECK(server.connections() == 1);
    const auto requests = server.requests();
    REQUIRE(requests.size() == 3);
    const std::string &first = requests.front();
    CHECK(first.rfind("POST /base/v1/push?a=b%20c HTTP/1.1\r\n", 0) == 0);
    CHECK(first.find("\r\nHost: 127.0.0.1:") != std::string::npos);
    CHECK(first.find("\r\nAuthorization: Bearer x:y\r\n") != std::string::npos);
    CHECK(first.find("\r\nContent-Length: 2\r\n") != std::string::npos);
    CHECK(first.substr(first.size() - 6) == "\r\n\r\n{}");
    CHECK(requests[1].size() > size_t(big.size()));
}

TEST_CASE("The transport reconnects once when the center closed the idle connection", "[http]")
{
    ScriptedServer server({{kOk, ScriptedServer::After::KeepOpen},
                           {QByteArray(), ScriptedServer::After::CloseBeforeAnswer},
                           {kOk, ScriptedServer::After::Close},
                           {"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 2\r\n\r\n{}"}});
    HttpTransport transport(QUrl(server.url()), {});
    CHECK(transport.call(post("1")).status == 200);
    // The second request finds the connection closed without an answer: sent again on a new one.
    CHECK(transport.call(post("2")).status == 200);
    // That answer closed the connection; the next request opens another.
    const ApiResponse busy = transport.call(post("3"));
    CHECK(busy.status == 429);
    CHECK(busy.retryAfterSeconds == 3);
    CHECK(server.connections() == 3);
}

TEST_CASE("A request in two halves: start() returns while the center works, finish() collects the answer", "[http]")
{
    ScriptedServer server({{kOk, ScriptedServer::After::KeepOpen, 400},
                           {QByteArray(), ScriptedServer::After::CloseBeforeAnswer},
                           {kOk, ScriptedServer::After::KeepOpen}});
    HttpTransport transport(QUrl(server.url()), {});
    QElapsedTimer timer;
    timer.start();
    transport.start(post(QByteArray(200 * 1024, 'x')));
    CHECK(timer.elapsed() < 300);  // it did not wait for the answer
    // The whole request reached the server while this side was free to do other work.
    for (int i = 0; i < 100 && server.requests().empty(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(server.requests().size() == 1);
    CHECK(server.requests().front().size() > size_t(200 * 1024));
    const ApiResponse first = transport.finish();
    CHECK(first.status == 200);
    CHECK(timer.elapsed() >= 400);

    // Sent on the kept-alive connection, which the center closes without answering: finish() sends it again on a
    // new connection.
    transport.start(post("2"));
    CHECK(transport.finish().status == 200);
    CHECK(server.connections() == 2);
    CHECK(server.requests().size() == 3);

    // A finish() with nothing started says so instead of waiting.
    const ApiResponse nothing = transport.finish();
    CHECK(nothing.status == 0);
    CHECK_FALSE(nothing.transportError.isEmpty());
}

TEST_CASE("Requests in flight go on kept-alive connections of their own and are answered in the order they started",
          "[http]")
{
    static_assert(HttpTransport::kMaxInFlight == 4);
    ConcurrentServer server;
    HttpTransport transport(QUrl(server.url()), {});
    for (int round = 0; round < 2; ++round) {
        INFO("round " << round);
        // The first takes longest at the "center"; each finish() still gets its own answer, in order.
        const QList<QByteArray> bodies = {"delay=300 first", "delay=50 second", "delay=150 third", "delay=10 fourth"};
        for (const QByteArray &body : bodies)
            transport.start(post(body));
        for (const QByteArray &body : bodies) {
            const ApiResponse r = transport.finish();
            CHECK(r.status == 200);
            CHECK(r.body == body);
        }
    }
    CHECK(server.mostAtOnce() == 4);   // all were being worked on at once
    CHECK(server.connections() == 4);  // and the connections were kept for the second round

    // A fifth request while four are on their way is refused, not mixed up with theirs.
    for (const char *body : {"delay=10 a", "delay=10 b", "delay=10 c", "delay=10 d", "delay=10 e"})
        transport.start(post(body));
    for (const char *body : {"delay=10 a", "delay=10 b", "delay=10 c", "delay=10 d"})
        CHECK(transport.finish().body == QByteArray(body));
    const ApiResponse none = transport.finish();
    CHECK(none.status == 0);
    CHECK_FALSE(none.transportError.isEmpty());
}

TEST_CASE("The transport reports answers cut short, unreadable or missing, and never retries a fresh connection",
          "[http]")
{
    SECTION("cut short")
    {
        ScriptedServer server(
            {{"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial", ScriptedServer::After::Close}});
        HttpTransport transport(QUrl(server.url()), {});
        const ApiResponse r = transport.call(post("x"));
        CHECK(r.status == 0);
        CHECK(r.transportError.contains(QStringLiteral("middle")));
        CHECK(server.connections() == 1);
    }
    SECTION("not HTTP")
    {
        ScriptedServer server({{"220 smtp.example ESMTP ready\r\n\r\n", ScriptedServer::After::Close}});
        HttpTransport transport(QUrl(server.url()), {});
        const ApiResponse r = transport.call(post("x"));
        CHECK(r.status == 0);
        CHECK(r.transportError.contains(QStringLiteral("not HTTP")));
    }
    SECTION("closed without answering on a new connection")
    {
        ScriptedServer server({{QByteArray(), ScriptedServer::After::CloseBeforeAnswer}});
        HttpTransport transport(QUrl(server.url()), {});
        const ApiResponse r = transport.call(post("x"));
        CHECK(r.status == 0);
        CHECK_FALSE(r.transportError.isEmpty());
        CHECK(server.connections() == 1);
    }
    SECTION("silence")
    {
        ScriptedServer server({{QByteArray(), ScriptedServer::After::Silence}});
        HttpTransport transport(QUrl(server.url()), {}, 1000);
        const ApiResponse r = transport.call(post("x"));
        CHECK(r.status == 0);
        CHECK(r.transportError.contains(QStringLiteral("1 second")));
    }
    SECTION("nobody listening")
    {
        quint16 port = 0;
        {
            ScriptedServer gone({});
            port = quint16(QUrl(gone.url()).port());
        }
        HttpTransport transport(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), {});
        const ApiResponse r = transport.call(post("x"));
        CHECK(r.status == 0);
        CHECK_FALSE(r.transportError.isEmpty());
    }
}

TEST_CASE("The transport refuses addresses it must not use before sending anything", "[http]")
{
    CHECK_FALSE(HttpTransport(QUrl(QStringLiteral("http://192.0.2.1:8480")), {}).problem().isEmpty());
    CHECK_FALSE(HttpTransport(QUrl(QStringLiteral("ftp://center.example")), {}).problem().isEmpty());
    CHECK_FALSE(HttpTransport(QUrl(QStringLiteral("https://center.example")), "not a certificate").problem().isEmpty());
    CHECK(HttpTransport(QUrl(QStringLiteral("http://localhost:8480")), {}).problem().isEmpty());
    CHECK(HttpTransport(QUrl(QStringLiteral("https://center.example")), {}).problem().isEmpty());
    const ApiResponse r = HttpTransport(QUrl(QStringLiteral("http://192.0.2.1:8480")), {}).call(post("x"));
    CHECK(r.status == 0);
    CHECK(r.transportError.contains(QStringLiteral("https://")));
}
