// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/client/HttpTransport.h"

#include "sync/client/HttpResponseParser.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslSocket>
#include <QThread>

#include <algorithm>
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
    for (Lane &lane : m_lanes)
        dropConnection(lane);
}

void HttpTransport::dropConnection(Lane &lane)
{
    if (!lane.socket)
        return;
    if (lane.socket->thread() == QThread::currentThread()) {
        lane.socket->abort();
        lane.socket.reset();
    } else {
        // Made on another thread: let that thread's event loop (or its end) dispose of it.
        lane.socket.release()->deleteLater();
    }
}

QString HttpTransport::socketError(const Lane &lane) const
{
    if (!lane.socket)
        return {};
    switch (lane.socket->error()) {
    case QAbstractSocket::SslHandshakeFailedError:
        return Tr::tr("the center's certificate is not signed by the province's CA (%1)")
            .arg(lane.socket->errorString());
    case QAbstractSocket::SocketTimeoutError:
        return Tr::tr("no answer within %n second(s)", nullptr, m_timeoutMs / 1000);
    case QAbstractSocket::RemoteHostClosedError:
        return Tr::tr("the center closed the connection");
    default:
        return lane.socket->errorString();
    }
}

bool HttpTransport::connectSocket(Lane &lane, QString *why)
{
    lane.socket = std::make_unique<QSslSocket>();
    QSslSocket &socket = *lane.socket;
    socket.setSslConfiguration(m_ssl);
    socket.setPeerVerifyName(m_baseUrl.host());
    const quint16 port = quint16(m_baseUrl.port(m_tls ? 443 : 80));
    if (m_tls)
        socket.connectToHostEncrypted(m_baseUrl.host(), port);
    else
        socket.connectToHost(m_baseUrl.host(), port);
    if (!socket.waitForConnected(m_timeoutMs)) {
        *why = socketError(lane);
        dropConnection(lane);
        return false;
    }
    // Each request goes out in one write: without Nagle nothing waits for the peer's delayed ACK.
    socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket.setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    if (m_tls && !socket.waitForEncrypted(m_timeoutMs)) {
        *why = socketError(lane);
        if (why->isEmpty() || socket.error() == QAbstractSocket::UnknownSocketError)
            *why = Tr::tr("no answer within %n second(s)", nullptr, m_timeoutMs / 1000);
        dropConnection(lane);
        return false;
    }
    return true;
}

HttpTransport::Outcome HttpTransport::send(Lane &lane, const QByteArray &requestBytes, ApiResponse *out)
{
    lane.socket->write(requestBytes);
    while (lane.socket->bytesToWrite() > 0) {
        if (!lane.socket->waitForBytesWritten(m_timeoutMs)) {
            out->transportError = socketError(lane);
            return Outcome::FailedBeforeAnswer;
        }
    }
    return Outcome::Answered;
}

HttpTransport::Outcome HttpTransport::readAnswer(Lane &lane, ApiResponse *out, bool *keepAlive)
{
    *keepAlive = false;
    QSslSocket &socket = *lane.socket;
    HttpResponseParser parser(kMaxResponseBytes);
    for (;;) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(m_timeoutMs) && socket.bytesAvailable() == 0) {
            if (socket.error() == QAbstractSocket::SocketTimeoutError ||
                socket.state() == QAbstractSocket::ConnectedState) {
                out->transportError = Tr::tr("no answer within %n second(s)", nullptr, m_timeoutMs / 1000);
                return Outcome::Failed;
            }
            // The connection ended: the end of a body that runs to it, or a broken answer.
            if (parser.finish() == HttpResponseParser::State::Done)
                break;
            out->transportError = parser.error();
            return parser.started() ? Outcome::Failed : Outcome::FailedBeforeAnswer;
        }
        const HttpResponseParser::State state = parser.feed(socket.readAll());
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
    // A free lane: the first one, unless a request is on its way there. A caller that starts more than
    // kMaxInFlight requests gets the extra ones answered as failed.
    int index = 0;
    while (index < kMaxInFlight && std::find(m_started.cbegin(), m_started.cend(), index) != m_started.cend())
        ++index;
    if (index == kMaxInFlight) {
        qWarning("HttpTransport: more than %d requests started at once", kMaxInFlight);
        return;
    }
    Lane &lane = m_lanes[size_t(index)];
    m_started.push_back(index);
    lane.error.clear();
    lane.bytes.clear();
    if (!m_problem.isEmpty()) {
        lane.pending = Pending::NoConnection;
        lane.error = m_problem;
        return;
    }
    lane.bytes = requestBytes(request);
    if (lane.socket && lane.socket->thread() != QThread::currentThread())
        dropConnection(lane);
    lane.reused = lane.socket && lane.socket->state() == QAbstractSocket::ConnectedState;
    if (!lane.reused) {
        dropConnection(lane);
        if (!connectSocket(lane, &lane.error)) {
            lane.pending = Pending::NoConnection;
            return;
        }
    }
    ApiResponse out;
    if (send(lane, lane.bytes, &out) == Outcome::Answered) {
        lane.pending = Pending::Sent;
    } else {
        lane.pending = Pending::SendFailed;
        lane.error = out.transportError;
    }
}

ApiResponse HttpTransport::finish()
{
    if (m_started.empty())
        return ApiResponse::noAnswer(Tr::tr("no request was made"));
    Lane &lane = m_lanes[size_t(m_started.front())];
    m_started.pop_front();
    const Pending pending = std::exchange(lane.pending, Pending::None);
    const QByteArray bytes = std::exchange(lane.bytes, {});
    ApiResponse out;
    Outcome outcome = Outcome::FailedBeforeAnswer;
    bool keepAlive = false;
    switch (pending) {
    case Pending::None:
        return ApiResponse::noAnswer(Tr::tr("no request was made"));
    case Pending::NoConnection:
        return ApiResponse::noAnswer(lane.error);
    case Pending::SendFailed:
        out.transportError = lane.error;
        break;
    case Pending::Sent:
        outcome = readAnswer(lane, &out, &keepAlive);
        break;
    }
    if (outcome == Outcome::Answered) {
        if (!keepAlive)
            dropConnection(lane);
        return out;
    }
    dropConnection(lane);
    // A kept-alive connection the center closed while idle: once more on a fresh one. Every endpoint is safe to
    // repeat (pushes are idempotent by event id), and nothing of an answer was seen.
    if (outcome != Outcome::FailedBeforeAnswer || !lane.reused)
        return ApiResponse::noAnswer(out.transportError);
    QString why;
    if (!connectSocket(lane, &why))
        return ApiResponse::noAnswer(why);
    ApiResponse again;
    outcome = send(lane, bytes, &again);
    if (outcome == Outcome::Answered)
        outcome = readAnswer(lane, &again, &keepAlive);
    if (outcome == Outcome::Answered) {
        if (!keepAlive)
            dropConnection(lane);
        return again;
    }
    dropConnection(lane);
    return ApiResponse::noAnswer(again.transportError.isEmpty() ? Tr::tr("the center closed the connection")
                                                                : again.transportError);
}

ApiResponse HttpTransport::call(const ApiRequest &request)
{
    start(request);
    return finish();
}

}  // namespace motcua::sync
