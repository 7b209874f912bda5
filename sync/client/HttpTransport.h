// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Protocol.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QUrl>

#include <array>
#include <deque>
#include <memory>

class QSslSocket;
class QDeadlineTimer;

namespace motcua::sync {

// The real transport: HTTPS to the provincial center, with the province CA from enrollment pinned (only
// certificates it issued are trusted; SSL errors are never ignored). Plain http:// only to a loopback host.
//
// HTTP/1.1 over kept-alive QSslSockets with Nagle's algorithm off. Qt's QNetworkAccessManager leaves Nagle on and
// cannot be told otherwise (QTBUG-28764): the tail of every large POST then waits for the center's delayed ACK,
// about 40 ms a request, which was half of a counter's upload time. The protocol needs only what is here: one
// connection per request in flight (Transport::kMaxInFlight, each kept alive for the next request), Content-Length
// or chunked answers, and one retry on a connection the center closed while idle.
//
// Synchronous (blocking waits, no event loop): use it from the sync worker thread, never the window's thread.
class HttpTransport final : public Transport {
public:
    HttpTransport(QUrl baseUrl, const QByteArray &caPem, int timeoutMs = 30000);
    ~HttpTransport() override;
    Q_DISABLE_COPY_MOVE(HttpTransport)

    ApiResponse call(const ApiRequest &request) override;
    // start() returns once the request is in the kernel's hands; the center works on it while the caller does
    // something else, and finish() reads the answer.
    void start(const ApiRequest &request) override;
    ApiResponse finish() override;
    // Why no request can be made (bad URL, plain HTTP to a public host, unreadable CA); empty when fine.
    [[nodiscard]] QString problem() const { return m_problem; }

    // The largest answer accepted; a longer one is a protocol error (the center's pages are far smaller).
    static constexpr qsizetype kMaxResponseBytes = 64 * 1024 * 1024;

private:
    enum class Outcome { Answered, Failed, FailedBeforeAnswer };
    // A connection and the request started on it.
    enum class Pending { None, Sent, SendFailed, NoConnection };
    struct Lane {
        std::unique_ptr<QSslSocket> socket;
        Pending pending = Pending::None;
        QByteArray bytes;
        bool reused = false;  // sent on a kept-alive connection (which the center may have closed meanwhile)
        QString error;
    };
    [[nodiscard]] QByteArray requestBytes(const ApiRequest &request) const;
    Outcome send(Lane &lane, const QByteArray &requestBytes, ApiResponse *out);
    Outcome readAnswer(Lane &lane, ApiResponse *out, bool *keepAlive);
    bool connectSocket(Lane &lane, QString *why);
    [[nodiscard]] QString socketError(const Lane &lane) const;
    static void dropConnection(Lane &lane);

    QUrl m_baseUrl;
    QSslConfiguration m_ssl;
    bool m_tls = true;
    int m_timeoutMs;
    QString m_problem;
    QByteArray m_hostHeader;
    std::array<Lane, kMaxInFlight> m_lanes;
    std::deque<int> m_started;  // the lanes with a request started and not finished, oldest first
};

}  // namespace motcua::sync
