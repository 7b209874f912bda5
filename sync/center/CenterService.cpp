// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterService.h"

#include "core/Clock.h"
#include "core/dossier/CanonicalJson.h"
#include "core/dossier/Event.h"
#include "sync/Log.h"
#include "sync/center/CenterStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QScopeGuard>

Q_LOGGING_CATEGORY(lcCenterHttp, "motcua.center.http")

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::CenterService)
};

// Decrements the in-flight count however the handler returns.
bool parseObject(const QByteArray &body, QJsonObject *out, ApiResponse *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (doc.isNull()) {
        *error = ApiResponse::error(400, errors::kBadJson,
                                    QStringLiteral("The body is not valid JSON: %1 at byte %2.")
                                        .arg(parseError.errorString())
                                        .arg(parseError.offset));
        return false;
    }
    if (!doc.isObject()) {
        *error = ApiResponse::error(400, errors::kBadRequest, QStringLiteral("The body must be a JSON object."));
        return false;
    }
    *out = doc.object();
    return true;
}

// A non-negative integer query parameter; `fallback` when absent.
bool queryInteger(const QUrlQuery &query, const QString &key, qint64 fallback, qint64 *out)
{
    if (!query.hasQueryItem(key)) {
        *out = fallback;
        return true;
    }
    bool ok = false;
    const qint64 v = query.queryItemValue(key).toLongLong(&ok);
    if (!ok || v < 0)
        return false;
    *out = v;
    return true;
}

QByteArray epochEnvelope(const QString &epoch)
{
    return "\"epoch\":\"" + epoch.toLatin1() + '"';
}

}  // namespace

CenterService::CenterService(CenterStore &store, ServiceOptions options) : m_store(store), m_options(std::move(options))
{
}

namespace {

// The counter id a request's credential names ("Bearer <counter id>.<secret>"), unverified; empty without one.
QByteArray claimedCounter(const ApiRequest &request)
{
    const QByteArray &header = request.authorization;
    if (!header.startsWith("Bearer "))
        return {};
    const qsizetype dot = header.lastIndexOf('.');
    return dot > 7 ? header.mid(7, dot - 7) : QByteArray();
}

// What `requests` in flight for one counter count against max_in_flight: the further ones ride on the first
// (pipelined pushes); requests without a credential count one each.
int admissionCost(int requests, bool anonymous)
{
    if (anonymous)
        return requests;
    return std::min(requests, 1);
}

}  // namespace

bool CenterService::tryAdmit(const ApiRequest &request)
{
    if (request.path == apiPrefix() + QStringLiteral("/health"))
        return true;  // never shed, never counted: monitoring must see a busy center
    const QByteArray counter = claimedCounter(request);
    QMutexLocker lock(&m_admitMutex);
    const int now = m_admitted.value(counter);
    const int added = admissionCost(now + 1, counter.isEmpty()) - admissionCost(now, counter.isEmpty());
    if (m_inFlight + added > m_options.maxInFlight)
        return false;
    // A counter's further pushes only help a center with time to spare: the k-th rides on the first while fewer
    // than max_in_flight / k are in flight. A busy center answers 429 and the counter goes on with one at a time,
    // without giving up its round.
    if (added == 0 && (now >= Transport::kMaxInFlight || m_inFlight >= m_options.maxInFlight / (now + 1)))
        return false;
    m_admitted.insert(counter, now + 1);
    m_inFlight += added;
    return true;
}

void CenterService::release(const ApiRequest &request)
{
    const QByteArray counter = claimedCounter(request);
    QMutexLocker lock(&m_admitMutex);
    const int now = m_admitted.value(counter);
    if (now <= 0)
        return;
    m_inFlight -= admissionCost(now, counter.isEmpty()) - admissionCost(now - 1, counter.isEmpty());
    if (now == 1)
        m_admitted.remove(counter);
    else
        m_admitted.insert(counter, now - 1);
}

ApiResponse CenterService::busyResponse() const
{
    // Jittered, so that the counters told to wait do not all come back in the same second.
    ApiResponse response = ApiResponse::error(429, errors::kRateLimited,
                                              QStringLiteral("The center is busy; retry after the time given."));
    response.retryAfterSeconds =
        m_options.retryAfterSeconds + QRandomGenerator::global()->bounded(m_options.retryAfterSeconds + 1);
    return response;
}

ApiResponse CenterService::busy(const ApiRequest &request)
{
    const ApiResponse response = busyResponse();
    log(request, response, QString(), 0, 0);
    return response;
}

ApiResponse CenterService::handle(const ApiRequest &request, Admission admission)
{
    QElapsedTimer timer;
    timer.start();
    const bool isHealth = request.path == apiPrefix() + QStringLiteral("/health");
    if (admission == Admission::Now && !tryAdmit(request))
        return busy(request);
    // Admitted (here or by the transport): released when this request is answered.
    auto release = qScopeGuard([this, isHealth, &request] {
        if (!isHealth)
            this->release(request);
    });
    QString counter;
    int items = 0;
    ApiResponse response;
    if (request.body.size() > kMaxBodyBytes) {
        response = ApiResponse::error(413, errors::kTooLarge,
                                      QStringLiteral("The body is larger than %1 bytes.").arg(kMaxBodyBytes));
    } else {
        response = route(request, &counter, &items);
    }
    log(request, response, counter, items, timer.elapsed());
    return response;
}

void CenterService::log(const ApiRequest &request, const ApiResponse &response, const QString &counter, int items,
                        qint64 ms) const
{
    // One structured line per request: key=value, for grep and log shippers.
    qCInfo(lcCenterHttp).noquote() << QStringLiteral("method=%1 path=%2 status=%3 counter=%4 items=%5 ms=%6 peer=%7")
                                          .arg(QString::fromLatin1(request.method), request.path)
                                          .arg(response.status)
                                          .arg(counter.isEmpty() ? QStringLiteral("-") : counter)
                                          .arg(items)
                                          .arg(ms)
                                          .arg(request.peer.isEmpty() ? QStringLiteral("-") : request.peer);
}

ApiResponse CenterService::route(const ApiRequest &request, QString *counterForLog, int *itemsForLog)
{
    const QString prefix = apiPrefix();
    if (!request.path.startsWith(prefix + QLatin1Char('/')))
        return ApiResponse::error(404, errors::kNotFound, QStringLiteral("Unknown path %1.").arg(request.path));
    const QString endpoint = request.path.mid(prefix.size() + 1);

    struct Route {
        const char *name;
        const char *method;
    };
    static const Route routes[] = {{"health", "GET"},   {"enroll", "POST"},  {"hello", "GET"},
                                   {"push", "POST"},    {"feed", "GET"},     {"catalog", "GET"},
                                   {"calendar", "GET"}, {"officers", "GET"}, {"lookup", "POST"}};
    const Route *match = nullptr;
    for (const Route &r : routes) {
        if (endpoint == QLatin1String(r.name))
            match = &r;
    }
    if (!match)
        return ApiResponse::error(404, errors::kNotFound, QStringLiteral("Unknown path %1.").arg(request.path));
    if (request.method != match->method)
        return ApiResponse::error(405, errors::kMethodNotAllowed,
                                  QStringLiteral("%1 takes %2.").arg(request.path, QLatin1String(match->method)));

    if (endpoint == QLatin1String("health"))
        return health();
    if (endpoint == QLatin1String("enroll"))
        return enroll(request);

    CounterAuth auth;
    if (ApiResponse denied = authenticated(request, &auth); denied.answered())
        return denied;
    *counterForLog = auth.counterId;
    if (endpoint == QLatin1String("hello"))
        return hello(auth);
    if (endpoint == QLatin1String("push"))
        return push(request, auth, itemsForLog);
    if (endpoint == QLatin1String("feed"))
        return feed(request, auth, itemsForLog);
    if (endpoint == QLatin1String("catalog"))
        return catalog(request, false);
    if (endpoint == QLatin1String("calendar"))
        return catalog(request, true);
    if (endpoint == QLatin1String("officers"))
        return officers(request, auth);
    return lookup(request, auth);
}

ApiResponse CenterService::authenticated(const ApiRequest &request, CounterAuth *auth)
{
    auto a = m_store.authenticate(request.authorization);
    if (!a) {
        if (a.error().code == ErrorCode::Conflict)
            return ApiResponse::error(403, errors::kRevoked, a.error().message);
        if (a.error().code == ErrorCode::NotFound)
            return ApiResponse::error(401, errors::kUnauthorized, a.error().message);
        return storeFailure(QStringLiteral("authenticate"), a.error().detail + a.error().message);
    }
    *auth = *a;
    return {};
}

ApiResponse CenterService::storeFailure(const QString &what, const QString &detail)
{
    qCWarning(lcCenterHttp).noquote() << "store failure:" << what << detail;
    ApiResponse r = ApiResponse::error(503, errors::kServerError,
                                       QStringLiteral("The center could not %1 just now; retry later.").arg(what));
    r.retryAfterSeconds = m_options.retryAfterSeconds;
    return r;
}

ApiResponse CenterService::health()
{
    auto epoch = m_store.epoch();
    auto high = m_store.highWater();
    if (!epoch || !high)
        return storeFailure(QStringLiteral("reach its database"), !epoch ? epoch.error().detail : high.error().detail);
    return ApiResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")},
                                   {QStringLiteral("epoch"), *epoch},
                                   {QStringLiteral("backend"), m_store.backendName()},
                                   {QStringLiteral("high_water"), double(*high)},
                                   {QStringLiteral("protocol"), kProtocolVersion}});
}

ApiResponse CenterService::enroll(const ApiRequest &request)
{
    QJsonObject body;
    ApiResponse bad;
    if (!parseObject(request.body, &body, &bad))
        return bad;
    const QJsonValue code = body.value(QLatin1String("code"));
    if (!code.isString() || code.toString().size() > 64)
        return ApiResponse::error(400, errors::kBadRequest, QStringLiteral("'code' must be a string."));
    auto e = m_store.enroll(code.toString());
    if (!e) {
        if (e.error().code == ErrorCode::NotFound)
            return ApiResponse::error(403, errors::kEnrollmentCode, e.error().message);
        return storeFailure(QStringLiteral("enroll the counter"), e.error().detail);
    }
    qCInfo(lcCenterHttp).noquote()
        << QStringLiteral("event=enrolled counter=%1 unit=%2 peer=%3").arg(e->counterId, e->unit.unitId, request.peer);
    return ApiResponse::json(200, {{QStringLiteral("counter_id"), e->counterId},
                                   {QStringLiteral("secret"), e->secret},
                                   {QStringLiteral("unit_id"), e->unit.unitId},
                                   {QStringLiteral("unit_name"), e->unit.name},
                                   {QStringLiteral("agency_id"), e->unit.agencyId},
                                   {QStringLiteral("slot"), e->slot},
                                   {QStringLiteral("slots"), e->unit.slots},
                                   {QStringLiteral("epoch"), e->epoch},
                                   {QStringLiteral("ca_pem"), QString::fromLatin1(m_options.caPem)},
                                   {QStringLiteral("center_url"), m_options.publicUrl}});
}

ApiResponse CenterService::hello(const CounterAuth &auth)
{
    auto epoch = m_store.epoch();
    auto high = m_store.highWater();
    auto catalog = m_store.latestCatalog();
    auto calendar = m_store.latestCalendar();
    auto unit = m_store.unit(auth.unitId);
    if (!epoch || !high || !catalog || !calendar || !unit)
        return storeFailure(QStringLiteral("answer"), QString());
    if (auto t = m_store.touch(auth.counterId); !t)
        return storeFailure(QStringLiteral("answer"), t.error().detail);
    return ApiResponse::json(200, {{QStringLiteral("epoch"), *epoch},
                                   {QStringLiteral("counter_id"), auth.counterId},
                                   {QStringLiteral("unit_id"), auth.unitId},
                                   {QStringLiteral("unit_name"), unit->name},
                                   {QStringLiteral("agency_id"), unit->agencyId},
                                   {QStringLiteral("server_time"), Clock::now().toUTC().toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("high_water"), double(*high)},
                                   {QStringLiteral("catalog_version"), catalog->version},
                                   {QStringLiteral("calendar_version"), calendar->version}});
}

namespace {

// A push body exactly as MotCua counters write it, {"counter_id":"…","epoch":"…","events":[…]} without spaces and
// with every event in canonical form, read without QJsonDocument: each event's text is then its canonical bytes.
// False for any other body, which the general path reads (and explains, if it is wrong).
bool readCanonicalPush(const QByteArray &body, QString *counterId, QList<Event> *events, QList<QByteArray> *canonical)
{
    const auto plainString = [&](qsizetype *at, QString *out) {
        // Identifiers: printable ASCII without escapes.
        if (*at >= body.size() || body.at(*at) != '"')
            return false;
        const qsizetype start = ++*at;
        while (*at < body.size() && body.at(*at) != '"') {
            const char c = body.at(*at);
            if (c < 0x20 || c > 0x7e || c == '\\')
                return false;
            ++*at;
        }
        if (*at >= body.size())
            return false;
        *out = QString::fromLatin1(body.constData() + start, *at - start);
        ++*at;
        return true;
    };
    static const QByteArray kCounter = "{\"counter_id\":";
    static const QByteArray kEpoch = ",\"epoch\":";
    static const QByteArray kEvents = ",\"events\":";
    if (!body.startsWith(kCounter) || !body.endsWith("]}"))
        return false;
    qsizetype at = kCounter.size();
    QString epoch;
    if (!plainString(&at, counterId) || body.mid(at, kEpoch.size()) != kEpoch)
        return false;
    at += kEpoch.size();
    if (!plainString(&at, &epoch) || body.mid(at, kEvents.size()) != kEvents)
        return false;
    at += kEvents.size();
    // The array runs to the closing "]}"; its elements are found by json::arrayElements on the whole body, which
    // also rejects a second "events" key or anything after the array.
    QList<QByteArrayView> texts;
    if (!json::arrayElements(body, "events", &texts) || texts.size() > kMaxPushBatch)
        return false;
    if (!texts.isEmpty() && texts.front().data() != body.constData() + at + 1)
        return false;  // not the array right after the epoch
    events->reserve(texts.size());
    canonical->reserve(texts.size());
    for (const QByteArrayView text : std::as_const(texts)) {
        std::optional<Event> e = Event::fromCanonicalText(text, events->isEmpty() ? nullptr : &events->constLast());
        if (!e)
            return false;
        events->append(std::move(*e));
        // A slice of the body, not a copy: the body outlives the push, and the database copies what it stores.
        canonical->append(QByteArray::fromRawData(text.data(), text.size()));
    }
    return true;
}

}  // namespace

std::optional<ApiResponse> CenterService::parsePush(const ApiRequest &request, const CounterAuth &auth,
                                                    QList<Event> *events, QList<QByteArray> *canonical)
{
    QJsonObject body;
    ApiResponse bad;
    if (!parseObject(request.body, &body, &bad))
        return bad;
    const QJsonValue counterId = body.value(QLatin1String("counter_id"));
    if (!counterId.isString())
        return ApiResponse::error(400, errors::kBadRequest, QStringLiteral("'counter_id' must be a string."));
    if (counterId.toString() != auth.counterId)
        return ApiResponse::error(403, errors::kForbidden,
                                  QStringLiteral("A counter may push only its own events (counter_id %1 is not you).")
                                      .arg(counterId.toString()));
    const QJsonValue eventsValue = body.value(QLatin1String("events"));
    if (!eventsValue.isArray())
        return ApiResponse::error(400, errors::kBadRequest, QStringLiteral("'events' must be an array."));
    const QJsonArray array = eventsValue.toArray();
    if (array.size() > kMaxPushBatch)
        return ApiResponse::error(
            413, errors::kTooLarge,
            QStringLiteral("At most %1 events per push (got %2).").arg(kMaxPushBatch).arg(array.size()));
    // Each event's text in the body: an event in canonical form is stored as it came instead of being written out
    // again (Event::fromCanonicalText() recognises it).
    QList<QByteArrayView> texts;
    if (!json::arrayElements(request.body, "events", &texts) || texts.size() != array.size())
        texts.clear();
    events->reserve(array.size());
    canonical->reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return ApiResponse::error(400, errors::kBadRequest, QStringLiteral("events[%1] is not an object.").arg(i));
        const QJsonObject json = array.at(i).toObject();
        EventType type{};
        const QJsonValue typeValue = json.value(QLatin1String("type"));
        if (typeValue.isString() && !eventTypeFromName(typeValue.toString(), &type))
            return ApiResponse::error(
                400, errors::kUnknownEventType,
                QStringLiteral("events[%1] has the unknown type '%2'.").arg(i).arg(typeValue.toString()));
        auto e = Event::fromJson(json);
        if (!e)
            return ApiResponse::error(400, errors::kBadRequest,
                                      QStringLiteral("events[%1]: %2").arg(i).arg(e.error().message));
        const bool asSent = !texts.isEmpty() && Event::fromCanonicalText(texts.at(i)).has_value();
        canonical->append(asSent ? texts.at(i).toByteArray() : e->canonicalBytes());
        events->append(*e);
    }
    return std::nullopt;
}

ApiResponse CenterService::push(const ApiRequest &request, const CounterAuth &auth, int *items)
{
    CenterStore::Arrival arrival(m_store);
    QList<Event> events;
    QList<QByteArray> canonical;
    QString bodyCounter;
    if (readCanonicalPush(request.body, &bodyCounter, &events, &canonical)) {
        if (bodyCounter != auth.counterId)
            return ApiResponse::error(
                403, errors::kForbidden,
                QStringLiteral("A counter may push only its own events (counter_id %1 is not you).").arg(bodyCounter));
    } else {
        events.clear();
        canonical.clear();
        if (auto bad = parsePush(request, auth, &events, &canonical))
            return *bad;
    }
    QSet<QString> seen;
    seen.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &e = events.at(i);
        if (e.counterId != auth.counterId)
            return ApiResponse::error(403, errors::kForbidden,
                                      QStringLiteral("events[%1] was authored by %2; a counter may push only its own "
                                                     "events.")
                                          .arg(i)
                                          .arg(e.counterId));
        if (seen.contains(e.eventId))
            return ApiResponse::error(
                400, errors::kBadRequest,
                QStringLiteral("events[%1] repeats event %2 in the same batch.").arg(i).arg(e.eventId));
        seen.insert(e.eventId);
    }
    *items = int(events.size());
    auto outcomes = m_store.ingest(auth, events, canonical, &arrival);
    if (!outcomes)
        return storeFailure(QStringLiteral("store the events"), outcomes.error().detail + outcomes.error().message);
    auto epoch = m_store.epoch();
    if (!epoch)
        return storeFailure(QStringLiteral("store the events"), epoch.error().detail);
    // Written directly: {"epoch":…,"results":[{"event_id":…,"reason":…,"server_seq":…,"status":…},…]}.
    ApiResponse r;
    r.status = 200;
    r.body.reserve(64 + outcomes->size() * 96);
    r.body += "{\"epoch\":";
    json::appendString(r.body, *epoch);
    r.body += ",\"results\":[";
    for (qsizetype i = 0; i < outcomes->size(); ++i) {
        const PushOutcome &o = outcomes->at(i);
        if (i > 0)
            r.body += ',';
        r.body += "{\"event_id\":";
        json::appendString(r.body, o.eventId);
        if (!o.reason.isEmpty()) {
            r.body += ",\"reason\":";
            json::appendString(r.body, o.reason);
        }
        if (o.serverSeq > 0)
            r.body += ",\"server_seq\":" + QByteArray::number(o.serverSeq);
        r.body += ",\"status\":";
        json::appendString(r.body, pushStatusName(o.status));
        r.body += '}';
    }
    r.body += "]}";
    return r;
}

ApiResponse CenterService::feed(const ApiRequest &request, const CounterAuth &auth, int *items)
{
    qint64 after = 0;
    qint64 limit = kDefaultPullPage;
    if (!queryInteger(request.query, QStringLiteral("after"), 0, &after))
        return ApiResponse::error(400, errors::kBadRequest, QStringLiteral("'after' must be a non-negative integer."));
    if (!queryInteger(request.query, QStringLiteral("limit"), kDefaultPullPage, &limit) || limit < 1)
        return ApiResponse::error(400, errors::kBadRequest, QStringLiteral("'limit' must be a positive integer."));
    limit = std::min<qint64>(limit, kMaxPullPage);
    qint64 own = 0;
    if (!queryInteger(request.query, QStringLiteral("own"), 0, &own) || own > 1)
        return ApiResponse::error(400, errors::kBadRequest, QStringLiteral("'own' must be 0 or 1."));
    auto epoch = m_store.epoch();
    if (!epoch)
        return storeFailure(QStringLiteral("read the feed"), epoch.error().detail);
    const QString askedEpoch = request.query.queryItemValue(QStringLiteral("epoch"));
    if (!askedEpoch.isEmpty() && askedEpoch != *epoch)
        return ApiResponse::error(409, errors::kEpochChanged,
                                  QStringLiteral("The center was restored from a backup; re-push your events and pull "
                                                 "from the start."),
                                  {{QStringLiteral("epoch"), *epoch}});
    auto page = m_store.feed(auth, after, int(limit), own == 1);
    if (!page) {
        if (page.error().code == ErrorCode::InvalidInput)
            return ApiResponse::error(400, errors::kCursorBeyondEnd, page.error().message,
                                      {{QStringLiteral("epoch"), *epoch}});
        return storeFailure(QStringLiteral("read the feed"), page.error().detail);
    }
    *items = page->count;
    ApiResponse r;
    r.status = 200;
    r.body = '{' + epochEnvelope(*epoch) + ",\"last_seq\":" + QByteArray::number(page->lastSeq) +
             ",\"high_water\":" + QByteArray::number(page->highWater) + ",\"more\":" + (page->more ? "true" : "false") +
             ",\"events\":" + page->eventsJson + '}';
    return r;
}

ApiResponse CenterService::catalog(const ApiRequest &request, bool calendar)
{
    qint64 after = 0;
    if (!queryInteger(request.query, QStringLiteral("after_version"), 0, &after))
        return ApiResponse::error(400, errors::kBadRequest,
                                  QStringLiteral("'after_version' must be a non-negative integer."));
    auto doc = calendar ? m_store.latestCalendar() : m_store.latestCatalog();
    if (!doc)
        return storeFailure(QStringLiteral("read the catalog"), doc.error().detail);
    ApiResponse r;
    r.status = 200;
    if (doc->version <= after) {
        r.body = "{\"version\":" + QByteArray::number(doc->version) + ",\"unchanged\":true}";
        return r;
    }
    r.body = "{\"version\":" + QByteArray::number(doc->version) + ",\"document\":" + doc->json + '}';
    return r;
}

ApiResponse CenterService::officers(const ApiRequest &request, const CounterAuth &auth)
{
    qint64 after = 0;
    if (!queryInteger(request.query, QStringLiteral("after_version"), 0, &after))
        return ApiResponse::error(400, errors::kBadRequest,
                                  QStringLiteral("'after_version' must be a non-negative integer."));
    auto list = m_store.officers(auth.unitId, after);
    if (!list)
        return storeFailure(QStringLiteral("read the officers"), list.error().detail);
    QJsonArray out;
    qint64 version = after;
    for (const OfficerEntry &o : std::as_const(*list)) {
        out.append(QJsonObject{{QStringLiteral("login"), o.login},
                               {QStringLiteral("full_name"), o.fullName},
                               {QStringLiteral("role"), o.role},
                               {QStringLiteral("unit_id"), o.unitId},
                               {QStringLiteral("password_hash"), o.passwordHash},
                               {QStringLiteral("disabled"), o.disabled},
                               {QStringLiteral("updated_at"), o.updatedAt.toString(Qt::ISODateWithMs)}});
        version = std::max(version, o.version);
    }
    return ApiResponse::json(200, {{QStringLiteral("version"), double(version)}, {QStringLiteral("officers"), out}});
}

ApiResponse CenterService::lookup(const ApiRequest &request, const CounterAuth &auth)
{
    QJsonObject body;
    ApiResponse bad;
    if (!parseObject(request.body, &body, &bad))
        return bad;
    const QString code = body.value(QLatin1String("code")).toString().trimmed().toUpper();
    const QString idNumber = body.value(QLatin1String("id_number")).toString().trimmed();
    if (code.isEmpty() == idNumber.isEmpty() || code.size() > 64 || idNumber.size() > 20)
        return ApiResponse::error(400, errors::kBadRequest,
                                  QStringLiteral("Send exactly one of 'code' or 'id_number'."));
    auto events = m_store.lookupAndSubscribe(auth, code, idNumber);
    if (!events) {
        if (events.error().code == ErrorCode::NotFound)
            return ApiResponse::error(404, errors::kNotFound, QStringLiteral("The center has no such dossier."));
        return storeFailure(QStringLiteral("look the dossier up"), events.error().detail);
    }
    auto epoch = m_store.epoch();
    if (!epoch)
        return storeFailure(QStringLiteral("look the dossier up"), epoch.error().detail);
    ApiResponse r;
    r.status = 200;
    r.body = '{' + epochEnvelope(*epoch) + ",\"events\":" + *events + '}';
    return r;
}

}  // namespace motcua::sync
