#include "sync/client/HttpTransport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>

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
    m_baseUrl(std::move(baseUrl)), m_timeoutMs(timeoutMs), m_network(std::make_unique<QNetworkAccessManager>())
{
    const QString scheme = m_baseUrl.scheme();
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        m_problem = Tr::tr("The center address %1 is not an http(s) URL.").arg(m_baseUrl.toString());
        return;
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(m_baseUrl.host())) {
        m_problem = Tr::tr("The center address must start with https:// (plain http is only for a center on this "
                           "computer).");
        return;
    }
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

HttpTransport::~HttpTransport() = default;

ApiResponse HttpTransport::call(const ApiRequest &request)
{
    if (!m_problem.isEmpty())
        return ApiResponse::noAnswer(m_problem);
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + request.path);
    url.setQuery(request.query);
    QNetworkRequest r(url);
    r.setSslConfiguration(m_ssl);
    r.setTransferTimeout(m_timeoutMs);
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    r.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("motcua/%1").arg(QStringLiteral(MOTCUA_VERSION)));
    if (!request.authorization.isEmpty())
        r.setRawHeader("Authorization", request.authorization);
    QNetworkReply *reply = nullptr;
    if (request.method == "POST") {
        r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        reply = m_network->post(r, request.body);
    } else {
        reply = m_network->get(r);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);

    ApiResponse out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    if (out.status == 0) {
        QString why = reply->errorString();
        if (reply->error() == QNetworkReply::SslHandshakeFailedError)
            why = Tr::tr("the center's certificate is not signed by the province's CA (%1)").arg(why);
        else if (reply->error() == QNetworkReply::OperationCanceledError ||
                 reply->error() == QNetworkReply::TimeoutError)
            why = Tr::tr("no answer within %n second(s)", nullptr, m_timeoutMs / 1000);
        out.transportError = why;
    }
    bool ok = false;
    const int retryAfter = reply->rawHeader("Retry-After").toInt(&ok);
    if (ok)
        out.retryAfterSeconds = retryAfter;
    reply->deleteLater();
    return out;
}

}  // namespace motcua::sync
