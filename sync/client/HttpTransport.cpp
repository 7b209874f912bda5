#include "sync/client/HttpTransport.h"

#include "sync/client/HttpResponseParser.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslSocket>
#include <QThread>

#include <utility>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::HttpTransport)
};

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

}  // namespace

HttpTransport::HttpTransport(QUrl baseUrl, const QByteArray &caPem, int timeoutMs) :
    m_baseUrl(std::move(baseUrl)), m_timeoutMs(timeoutMs)
{
    const QString scheme = m_baseUrl.scheme();
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        m_problem = Tr::tr("The center address %1 is not an http(s) URL.").arg(m_baseUrl.toString());
        return;
    }
    m_tls = scheme == QLatin1String("https");
    if (!m_tls && !isLoopbackHost(m_baseUrl.host())) {
        m_problem = Tr::tr("The center address must start with https:// (plain http is only for a center on this "
                           "computer).");
        return;
    }
    if (m_tls && !QSslSocket::supportsSsl()) {
        m_problem = Tr::tr("This system's Qt has no TLS support (OpenSSL missing).");
        return;
    }
    const int defaultPort = m_tls ? 443 : 80;
    const int port = m_baseUrl.port(defaultPort);
    QString host = m_baseUrl.host(QUrl::FullyEncoded);
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');  // an IPv6 literal
    m_hostHeader = (port == defaultPort ? host : host + QLatin1Char(':') + QString::number(port)).toLatin1();

    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setProtocol(QSsl::TlsV1_2OrLater);
    if (!caPem.isEmpty()) {
        const QList<QSslCertificate> ca = QSslCertificate::fromData(caPem, QSsl::Pem);
        if (ca.isEmpty()) {
            m_problem =
                Tr::tr("The province's CA certificate cannot be read. Ask the center's admin for the CA file and "
                       "enroll again.");
            return;
        }
        // Pinned: the province CA only, not the system's list.
        m_ssl.setCaCertificates(ca);
    }
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

HttpTransport::~HttpTransport()
{
    dropConnection();
}

void HttpTransport::dropConnection()
{
    if (!m_socket)
        return;
    if (m_socket->thread() == QThread::currentThread()) {
        m_socket->abort();
        m_socket.reset();
    } else {
        // Made on another thread: let that thread's event loop (or its end) dispose of it.
        m_socket.release()->deleteLater();
    }
}

QString HttpTransport::socketError() const
{
    if (!m_socket)
        return {};
    switch (m_socket->error()) {
    case QAbstractSocket::SslHandshakeFailedError:
        return Tr::tr("the center's certificate is not signed by the province's CA (%1)").arg(m_socket->errorString());
    case QAbstractSocket::SocketTimeoutError:
        return Tr::tr("no answer within %n second(s)", nullptr, m_timeoutMs / 1000);
    case QAbstractSocket::RemoteHostClosedError:
        return Tr::tr("the center closed the connection");
    default:
        return m_socket->errorString();
    }
}

bool HttpTransport::connectSocket(QString *why)
{
    m_socket = std::make_unique<QSslSocket>();
    m_socket->setSslConfiguration(m_ssl);
    m_socket->setPeerVerifyName(m_baseUrl.host());
    const quint16 port = quint16(m_baseUrl.port(m_tls ? 443 : 80));
    if (m_tls)
        m_socket->connectToHostEncrypted(m_baseUrl.host(), port);
    else
        m_socket->connectToHost(m_baseUrl.host(), port);
    if (!m_socket->waitForConnected(m_timeoutMs)) {
        *why = socketError();
        dropConnection();
        return false;
    }
    // Each request goes out in one write: without Nagle nothing waits for the peer's delayed ACK.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    if (m_tls && !m_socket->waitForEncrypted(m_timeoutMs)) {
        *why = socketError();
        if (why->isEmpty() || m_socket->error() == QAbstractSocket::UnknownSocketError)
            *why = Tr::tr("no answer within %n second(s)", nullptr, m_timeoutMs / 1000);
        dropConnection();
        return false;
    }
    return true;
}

HttpTransport::Outcome HttpTransport::send(const QByteArray &requestBytes, ApiResponse *out)
{
    m_socket->write(requestBytes);
    while (m_socket->bytesToWrite() > 0) {
        if (!m_socket->waitForBytesWritten(m_timeoutMs)) {
            out->transportError = socketError();
            return Outcome::FailedBeforeAnswer;
        }
    }
    return Outcome::Answered;
}

HttpTransport::Outcome HttpTransport::readAnswer(ApiResponse *out, bool *keepAlive)
{
    *keepAlive = false;
    HttpResponseParser parser(kMaxResponseBytes);
    for (;;) {
        if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(m_timeoutMs) &&
            m_socket->bytesAvailable() == 0) {
            if (m_socket->error() == QAbstractSocket::SocketTimeoutError ||
                m_socket->state() == QAbstractSocket::ConnectedState) {
                out->transportError = Tr::tr("no answer within %n second(s)", nullptr, m_timeoutMs / 1000);
                return Outcome::Failed;
            }
            // The connection ended: the end of a body that runs to it, or a broken answer.
            if (parser.finish() == HttpResponseParser::State::Done)
                break;
            out->transportError = parser.error();
            return parser.started() ? Outcome::Failed : Outcome::FailedBeforeAnswer;
        }
        const HttpResponseParser::State state = parser.feed(m_socket->readAll());
        if (state == HttpResponseParser::State::Done)
            break;
        if (state == HttpResponseParser::State::Invalid) {
            out->transportError = parser.error();
            return Outcome::Failed;
        }
    }
    out->status = parser.status();
    out->body = parser.body();
    bool ok = false;
    const int retryAfter = parser.header("Retry-After").toInt(&ok);
    if (ok && retryAfter > 0)
        out->retryAfterSeconds = retryAfter;
    *keepAlive = parser.keepAlive();
    return Outcome::Answered;
}

QByteArray HttpTransport::requestBytes(const ApiRequest &request) const
{
    QString basePath = m_baseUrl.path(QUrl::FullyEncoded);
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    QUrl target;
    target.setPath(basePath + request.path);
    target.setQuery(request.query);
    QByteArray target8 = target.toEncoded();
    if (!target8.startsWith('/'))
        target8.prepend('/');

    QByteArray head;
    head.reserve(512);
    head += request.method + ' ' + target8 + " HTTP/1.1\r\nHost: " + m_hostHeader +
            "\r\nUser-Agent: motcua/" MOTCUA_VERSION "\r\nAccept: application/json\r\nConnection: keep-alive\r\n";
    if (!request.authorization.isEmpty())
        head += "Authorization: " + request.authorization + "\r\n";
    if (request.method == "POST" || !request.body.isEmpty())
        head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    head += "\r\n";
    return head + request.body;
}

void HttpTransport::start(const ApiRequest &request)
{
    m_pendingError.clear();
    m_pendingBytes.clear();
    if (!m_problem.isEmpty()) {
        m_pending = Pending::NoConnection;
        m_pendingError = m_problem;
        return;
    }
    m_pendingBytes = requestBytes(request);
    if (m_socket && m_socket->thread() != QThread::currentThread())
        dropConnection();
    m_pendingReused = m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    if (!m_pendingReused) {
        dropConnection();
        if (!connectSocket(&m_pendingError)) {
            m_pending = Pending::NoConnection;
            return;
        }
    }
    ApiResponse out;
    if (send(m_pendingBytes, &out) == Outcome::Answered) {
        m_pending = Pending::Sent;
    } else {
        m_pending = Pending::SendFailed;
        m_pendingError = out.transportError;
    }
}

ApiResponse HttpTransport::finish()
{
    const Pending pending = std::exchange(m_pending, Pending::None);
    const QByteArray bytes = std::exchange(m_pendingBytes, {});
    ApiResponse out;
    Outcome outcome = Outcome::FailedBeforeAnswer;
    bool keepAlive = false;
    switch (pending) {
    case Pending::None:
        return ApiResponse::noAnswer(Tr::tr("no request was made"));
    case Pending::NoConnection:
        return ApiResponse::noAnswer(m_pendingError);
    case Pending::SendFailed:
        out.transportError = m_pendingError;
        break;
    case Pending::Sent:
        outcome = readAnswer(&out, &keepAlive);
        break;
    }
    if (outcome == Outcome::Answered) {
        if (!keepAlive)
            dropConnection();
        return out;
    }
    dropConnection();
    // A kept-alive connection the center closed while idle: once more on a fresh one. Every endpoint is safe to
    // repeat (pushes are idempotent by event id), and nothing of an answer was seen.
    if (outcome != Outcome::FailedBeforeAnswer || !m_pendingReused)
        return ApiResponse::noAnswer(out.transportError);
    QString why;
    if (!connectSocket(&why))
        return ApiResponse::noAnswer(why);
    ApiResponse again;
    outcome = send(bytes, &again);
    if (outcome == Outcome::Answered)
        outcome = readAnswer(&again, &keepAlive);
    if (outcome == Outcome::Answered) {
        if (!keepAlive)
            dropConnection();
        return again;
    }
    dropConnection();
    return ApiResponse::noAnswer(again.transportError.isEmpty() ? Tr::tr("the center closed the connection")
                                                                : again.transportError);
}

ApiResponse HttpTransport::call(const ApiRequest &request)
{
    start(request);
    return finish();
}

}  // namespace motcua::sync
