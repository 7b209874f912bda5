// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace motcua::sync {

// The sync protocol between counters and the provincial center (docs/sync-protocol.md).
// Every path is versioned under /v1; a breaking change gets a new prefix, never a changed meaning.
constexpr int kProtocolVersion = 1;
QString apiPrefix();

// Limits the center enforces (a request beyond them is refused with 413 and nothing is stored).
constexpr qsizetype kMaxBodyBytes = 8 * 1024 * 1024;
constexpr int kMaxPushBatch = 500;
constexpr int kMaxPullPage = 1000;
// What the counter asks for by default.
constexpr int kDefaultPushBatch = kMaxPushBatch;
constexpr int kDefaultPullPage = 500;

// The machine-readable error codes of an error body {"error": code, "message": text}.
namespace errors {
inline constexpr char kBadJson[] = "bad_json";
inline constexpr char kBadRequest[] = "bad_request";
inline constexpr char kTooLarge[] = "too_large";
inline constexpr char kUnknownEventType[] = "unknown_event_type";
inline constexpr char kCursorBeyondEnd[] = "cursor_beyond_end";
inline constexpr char kUnauthorized[] = "unauthorized";
inline constexpr char kRevoked[] = "revoked";
inline constexpr char kForbidden[] = "forbidden";
inline constexpr char kEnrollmentCode[] = "enrollment_code_invalid";
inline constexpr char kEpochChanged[] = "epoch_changed";
inline constexpr char kRateLimited[] = "rate_limited";
inline constexpr char kNotFound[] = "not_found";
inline constexpr char kMethodNotAllowed[] = "method_not_allowed";
inline constexpr char kServerError[] = "server_error";
}  // namespace errors

// One request as the center's service sees it, whatever carried it (HTTPS, or the in-process transport of the
// simulation tests).
struct ApiRequest {
    QByteArray method;  // "GET", "POST"
    QString path;       // "/v1/push"
    QUrlQuery query;
    QByteArray authorization;  // the Authorization header
    QByteArray body;
    QString peer;  // remote address, for the log
};

struct ApiResponse {
    int status = 0;  // HTTP status; 0 when no answer came (network failure, timeout)
    QByteArray body;
    int retryAfterSeconds = 0;  // with 429 and 503
    QString transportError;     // with status 0: what the network layer said

    static ApiResponse json(int status, const QJsonObject &object);
    static ApiResponse error(int status, const char *code, const QString &message, const QJsonObject &extra = {});
    static ApiResponse noAnswer(const QString &why);

    [[nodiscard]] bool answered() const { return status != 0; }
    [[nodiscard]] bool ok() const { return status >= 200 && status < 300; }
    // The JSON body, or an empty object when the body is not a JSON object.
    [[nodiscard]] QJsonObject object() const;
    [[nodiscard]] QString errorCode() const;
};

// How requests reach the center. The counter's sync engine is written against this, so that the same engine runs
// over HTTPS (HttpTransport) and over the fault-injecting in-process transport of the simulation.
class Transport {
public:
    virtual ~Transport() = default;
    virtual ApiResponse call(const ApiRequest &request) = 0;

    // Requests in two halves, so that the caller can work while the center does: start() sends a request, finish()
    // waits for the answer of the oldest one started and not yet finished. At most kMaxInFlight requests are
    // started and not finished at any time. By default each request is made whole in its finish(), in order, which
    // is what a transport without connections of its own (the simulation's) can do.
    static constexpr int kMaxInFlight = 4;
    virtual void start(const ApiRequest &request) { m_started.append(request); }
    virtual ApiResponse finish()
    {
        if (m_started.isEmpty())
            return ApiResponse::noAnswer(QStringLiteral("no request was started"));
        return call(m_started.takeFirst());
    }

private:
    QList<ApiRequest> m_started;
};

// Push answers, per event.
enum class PushStatus { Accepted, Duplicate, Rejected };
QString pushStatusName(PushStatus status);
bool pushStatusFromName(const QString &name, PushStatus *out);

// The bearer credential of an enrolled counter: "<counter id>.<secret>".
QByteArray bearer(const QString &counterId, const QString &secret);

}  // namespace motcua::sync
