#pragma once

#include "sync/Protocol.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace motcua::sync {

// The real transport: HTTPS to the provincial center, with the province CA from enrollment pinned (only
// certificates it issued are trusted; SSL errors are never ignored). Synchronous: call() runs a local event loop,
// so use it from the sync worker thread, never the window's thread. Plain http:// only to a loopback host.
class HttpTransport final : public Transport {
public:
    HttpTransport(QUrl baseUrl, const QByteArray &caPem, int timeoutMs = 30000);
    ~HttpTransport() override;
    Q_DISABLE_COPY_MOVE(HttpTransport)

    ApiResponse call(const ApiRequest &request) override;
    // Why no request can be made (bad URL, plain HTTP to a public host, unreadable CA); empty when fine.
    [[nodiscard]] QString problem() const { return m_problem; }

private:
    QUrl m_baseUrl;
    QSslConfiguration m_ssl;
    int m_timeoutMs;
    QString m_problem;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

}  // namespace motcua::sync
