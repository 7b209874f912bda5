// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterServer.h"

#include "sync/Log.h"
#include "sync/center/CenterService.h"

#include <QCoreApplication>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>

#include <memory>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::CenterServer)
};

ApiRequest toApiRequest(const QHttpServerRequest &request)
{
    ApiRequest r;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        r.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        r.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        r.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        r.method = "DELETE";
        break;
    default:
        r.method = "OTHER";
        break;
    }
    r.path = request.url().path();
    r.query = request.query();
    r.authorization = request.value("Authorization");
    r.body = request.body();
    // Behind nginx the peer is the proxy: prefer the address it forwards.
    const QByteArray forwarded = request.value("X-Real-IP");
    r.peer = forwarded.isEmpty() ? request.remoteAddress().toString() : QString::fromLatin1(forwarded);
    return r;
}

// Writes `response` on the thread that owns the connection. A client that hung up meanwhile gets nothing: its socket
// may already be deleted (`socket` is then null), and writing to a closed one would only warn.
void answer(QHttpServerResponder &responder, const QPointer<QTcpSocket> &socket, const ApiResponse &response)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        qCDebug(lcCenterHttp).noquote()
            << QStringLiteral("event=answer_dropped status=%1 reason=client_gone").arg(response.status);
        return;
    }
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
    if (response.retryAfterSeconds > 0) {
        responder.write(response.body,
                        {{"Content-Type", "application/json"},
                         {"Cache-Control", "no-store"},
                         {"Retry-After", QByteArray::number(response.retryAfterSeconds)}},
                        status);
    } else {
        responder.write(response.body, {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}}, status);
    }
}

// A request handed to a worker: its responder and connection stay here, on the server's thread, until the answer.
struct PendingAnswer {
    explicit PendingAnswer(QHttpServerResponder &&r) : responder(std::move(r)), socket(responder.socket()) {}
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
};

}  // namespace

CenterServer::CenterServer(CenterService &service, QObject *parent) :
    QObject(parent), m_service(service), m_server(std::make_unique<QHttpServer>())
{
}

CenterServer::~CenterServer()
{
    m_server.reset();
    m_pool.waitForDone();
}

Result<void> CenterServer::setUpTls(const ServerConfig &config)
{
    if (!QSslSocket::supportsSsl())
        return makeError(ErrorCode::Internal, Tr::tr("This system's Qt has no TLS support (OpenSSL missing)."));
    QFile certFile(config.certificatePath);
    QFile keyFile(config.keyPath);
    if (!certFile.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Cannot read the certificate %1.").arg(config.certificatePath));
    if (!keyFile.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, Tr::tr("Cannot read the private key %1.").arg(config.keyPath));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        keyFile.seek(0);
        key = QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    }
    if (chain.isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("%1 holds no PEM certificate.").arg(config.certificatePath));
    if (key.isNull())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("%1 holds no unencrypted PEM private key (EC or RSA).").arg(config.keyPath));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(chain);
    ssl.setPrivateKey(key);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone);  // counters authenticate with their bearer credential
    m_server->sslSetup(ssl);
    m_tls = true;
    return {};
}

Result<quint16> CenterServer::start(const ServerConfig &config)
{
    const bool wantTls = !config.certificatePath.isEmpty() || !config.keyPath.isEmpty();
    if (!wantTls && !config.address.isLoopback())
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Plain HTTP is allowed only on a loopback address (127.0.0.1 or ::1). Set certificate "
                                "and key in the [server] section to serve %1 over HTTPS.")
                             .arg(config.address.toString()));
    if (wantTls) {
        if (auto r = setUpTls(config); !r)
            return r.error();
    }
    m_pool.setMaxThreadCount(std::max(1, config.threads));
    // The workers live as long as the server: each keeps one database connection (closed when the worker ends), so
    // a process holds at most `threads` connections.
    m_pool.setExpiryTimeout(-1);

    // The socket belongs to this thread, so only the service's work goes to the pool: the worker hands its answer
    // back with a queued call, and it is written here if the client is still connected. (Returning a QFuture would
    // let Qt 6.4's QHttpServer keep a reference to the request and socket of a client that hangs up before the
    // answer, and write through them once they are deleted.)
    auto handler = [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        ApiRequest api = toApiRequest(request);
        auto pending = std::make_shared<PendingAnswer>(std::move(responder));
        // Requests waiting for a worker count as in flight: beyond max_in_flight the answer is 429 at once.
        if (!m_service.tryAdmit(api)) {
            answer(pending->responder, pending->socket, m_service.busy(api));
            return;
        }
        m_pool.start([this, api = std::move(api), pending = std::move(pending)] {
            ApiResponse response = m_service.handle(api, CenterService::Admission::Admitted);
            QMetaObject::invokeMethod(
                this,
                [pending, response = std::move(response)] { answer(pending->responder, pending->socket, response); },
                Qt::QueuedConnection);
        });
    };
    for (const char *endpoint :
         {"health", "enroll", "hello", "push", "feed", "catalog", "calendar", "officers", "lookup"}) {
        m_server->route(QStringLiteral("/v1/") + QLatin1String(endpoint), handler);
    }
    m_server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const QPointer<QTcpSocket> socket(responder.socket());
        answer(responder, socket, m_service.handle(toApiRequest(request)));
    });
    const quint16 port = m_server->listen(config.address, config.port);
    if (port == 0)
        return makeError(ErrorCode::Io, Tr::tr("Cannot listen on %1 port %2: the address is in use or not allowed.")
                                            .arg(config.address.toString())
                                            .arg(config.port));
    qCInfo(lcCenterHttp).noquote() << QStringLiteral("event=listening address=%1 port=%2 tls=%3 threads=%4")
                                          .arg(config.address.toString())
                                          .arg(port)
                                          .arg(m_tls ? QStringLiteral("yes") : QStringLiteral("no"))
                                          .arg(m_pool.maxThreadCount());
    return port;
}

}  // namespace motcua::sync
