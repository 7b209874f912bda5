#pragma once

#include "sync/Protocol.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

class QSslSocket;
class QDeadlineTimer;

namespace motcua::sync {

// The real transport: HTTPS to the provincial center, with the province CA from enrollment pinned (only
// certificates it issued are trusted; SSL errors are never ignored). Plain http:// only to a loopback host.
//
// HTTP/1.1 over one kept-alive QSslSocket with Nagle's algorithm off. Qt's QNetworkAccessManager leaves Nagle on
// and cannot be told otherwise (QTBUG-28764): the tail of every large POST then waits for the center's delayed ACK,
// about 40 ms a request, which was half of a counter's upload time. The protocol needs only what is here: one
// request at a time, Content-Length or chunked answers, keep-alive with one retry on a connection the center
// closed while idle.
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
    [[nodiscard]] QByteArray requestBytes(const ApiRequest &request) const;
    Outcome send(const QByteArray &requestBytes, ApiResponse *out);
    Outcome readAnswer(ApiResponse *out, bool *keepAlive);
    bool connectSocket(QString *why);
    [[nodiscard]] QString socketError() const;
    void dropConnection();

    QUrl m_baseUrl;
    QSslConfiguration m_ssl;
    bool m_tls = true;
    int m_timeoutMs;
    QString m_problem;
    QByteArray m_hostHeader;
    std::unique_ptr<QSslSocket> m_socket;

    // The request between start() and finish().
    enum class Pending { None, Sent, SendFailed, NoConnection };
    Pending m_pending = Pending::None;
    QByteArray m_pendingBytes;
    bool m_pendingReused = false;  // sent on a kept-alive connection (which the center may have closed meanwhile)
    QString m_pendingError;
};

}  // namespace motcua::sync
