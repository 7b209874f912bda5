#include "core/dossier/Event.h"

#include "core/dossier/CanonicalJson.h"
#include "core/dossier/Uuid7.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <cstring>
#include <limits>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::dossier)
};

struct TypeName {
    EventType type;
    const char *name;
};

constexpr std::array<TypeName, 16> kTypeNames = {{
    {EventType::Received, "received"},
    {EventType::Refused, "refused"},
    {EventType::SupplementRequested, "supplement_requested"},
    {EventType::Supplemented, "supplemented"},
    {EventType::Transferred, "transferred"},
    {EventType::ProcessingStep, "processing_step"},
    {EventType::Extended, "extended"},
    {EventType::Stopped, "stopped"},
    {EventType::Withdrawn, "withdrawn"},
    {EventType::ResultReady, "result_ready"},
    {EventType::Returned, "returned"},
    {EventType::Note, "note"},
    {EventType::Fee, "fee"},
    {EventType::Attachment, "attachment"},
    {EventType::Reprinted, "reprinted"},
    {EventType::ConflictResolved, "conflict_resolved"},
}};

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

Error badField(const QString &field)
{
    return invalid(Tr::tr("event field %1 is missing or has the wrong type").arg(field));
}

}  // namespace

QString eventTypeName(EventType type)
{
    for (const auto &t : kTypeNames) {
        if (t.type == type)
            return QString::fromLatin1(t.name);
    }
    return {};
}

bool eventTypeFromName(const QString &name, EventType *out)
{
    for (const auto &t : kTypeNames) {
        if (name == QLatin1String(t.name)) {
            *out = t.type;
            return true;
        }
    }
    return false;
}

QStringList eventTypeNames()
{
    QStringList names;
    for (const auto &t : kTypeNames)
        names << QString::fromLatin1(t.name);
    return names;
}

bool isExclusive(EventType type)
{
    switch (type) {
    case EventType::Note:
    case EventType::Fee:
    case EventType::Attachment:
    case EventType::Reprinted:
    case EventType::ConflictResolved:
        return false;
    default:
        return true;
    }
}

QJsonObject Event::toJson() const
{
    return {
        {QStringLiteral("event_id"), eventId},
        {QStringLiteral("dossier_id"), dossierId},
        {QStringLiteral("counter_id"), counterId},
        {QStringLiteral("officer"), officer},
        {QStringLiteral("hlc"), hlc.toString()},
        {QStringLiteral("type"), eventTypeName(type)},
        {QStringLiteral("schema_version"), schemaVersion},
        {QStringLiteral("catalog_version"), catalogVersion},
        {QStringLiteral("parents"), QJsonArray::fromStringList(parents)},
        {QStringLiteral("payload"), payload},
        {QStringLiteral("occurred_at"), json::isoUtcMs(occurredAt)},
    };
}

Result<Event> Event::fromJson(const QJsonObject &json)
{
    Event e;
    auto text = [&](const char *key, QString *out) {
        const QJsonValue v = json.value(QLatin1String(key));
        if (!v.isString() || v.toString().isEmpty())
            return false;
        *out = v.toString();
        return true;
    };
    if (!text("event_id", &e.eventId) || !isUuid7(e.eventId))
        return badField(QStringLiteral("event_id"));
    if (!text("dossier_id", &e.dossierId) || !isUuid7(e.dossierId))
        return badField(QStringLiteral("dossier_id"));
    if (!text("counter_id", &e.counterId))
        return badField(QStringLiteral("counter_id"));
    if (!text("officer", &e.officer))
        return badField(QStringLiteral("officer"));
    QString hlc;
    if (!text("hlc", &hlc) || !HlcTimestamp::parse(hlc, &e.hlc))
        return badField(QStringLiteral("hlc"));
    QString type;
    if (!text("type", &type))
        return badField(QStringLiteral("type"));
    if (!eventTypeFromName(type, &e.type))
        return invalid(Tr::tr("unknown event type '%1'").arg(type));
    const QJsonValue schema = json.value(QStringLiteral("schema_version"));
    if (!schema.isDouble() || schema.toInt() < 1)
        return badField(QStringLiteral("schema_version"));
    e.schemaVersion = schema.toInt();
    if (e.schemaVersion > kSchemaVersion)
        return invalid(
            Tr::tr("event schema %1 is newer than this program knows (%2)").arg(e.schemaVersion).arg(kSchemaVersion));
    const QJsonValue catalog = json.value(QStringLiteral("catalog_version"));
    if (!catalog.isDouble() || catalog.toInt() < 0)
        return badField(QStringLiteral("catalog_version"));
    e.catalogVersion = catalog.toInt();
    const QJsonValue parents = json.value(QStringLiteral("parents"));
    if (!parents.isArray())
        return badField(QStringLiteral("parents"));
    for (const QJsonValue &p : parents.toArray()) {
        if (!p.isString() || !isUuid7(p.toString()))
            return badField(QStringLiteral("parents"));
        e.parents << p.toString();
    }
    const QJsonValue payload = json.value(QStringLiteral("payload"));
    if (!payload.isObject())
        return badField(QStringLiteral("payload"));
    e.payload = payload.toObject();
    QString occurred;
    if (!text("occurred_at", &occurred))
        return badField(QStringLiteral("occurred_at"));
    e.occurredAt = json::parseIsoUtcMs(occurred);  // the canonical shape, without Qt's general parser
    if (!e.occurredAt.isValid())
        e.occurredAt = QDateTime::fromString(occurred, Qt::ISODateWithMs);
    if (!e.occurredAt.isValid())
        return badField(QStringLiteral("occurred_at"));
    return e;
}

namespace {

// Reads canonical event text (json::isCanonical() holds) key by key, in the one order it can have.
class CanonicalReader {
public:
    explicit CanonicalReader(QByteArrayView text) : m_at(text.data()), m_end(text.data() + text.size()) {}

    bool take(QByteArrayView expected)
    {
        if (m_end - m_at < expected.size() || std::memcmp(m_at, expected.data(), size_t(expected.size())) != 0)
            return false;
        m_at += expected.size();
        return true;
    }

    // A non-negative int (canonical text has no other number shapes worth reading here).
    bool integer(int *out)
    {
        qint64 value = 0;
        const char *start = m_at;
        while (m_at != m_end && *m_at >= '0' && *m_at <= '9' && m_at - start < 10)
            value = value * 10 + (*m_at++ - '0');
        if (m_at == start || value > std::numeric_limits<int>::max())
            return false;
        *out = int(value);
        return true;
    }

    // A string, its escapes being those isCanonical() allows.
    bool string(QString *out)
    {
        if (!take("\""))
            return false;
        const char *start = m_at;
        bool escaped = false;
        while (m_at != m_end && *m_at != '"') {
            if (*m_at == '\\') {
                escaped = true;
                ++m_at;
            }
            ++m_at;
        }
        if (m_at >= m_end)
            return false;
        const QByteArrayView raw(start, m_at - start);
        ++m_at;
        if (!escaped) {
            *out = QString::fromUtf8(raw);
            return true;
        }
        QByteArray plain;
        plain.reserve(raw.size());
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] != '\\') {
                plain += raw[i];
                continue;
            }
            switch (raw[++i]) {
            case 'b':
                plain += '\b';
                break;
            case 'f':
                plain += '\f';
                break;
            case 'n':
                plain += '\n';
                break;
            case 'r':
                plain += '\r';
                break;
            case 't':
                plain += '\t';
                break;
            case 'u':  // u00xx: a control character
                plain += char(QByteArray(raw.data() + i + 3, 2).toInt(nullptr, 16));
                i += 4;
                break;
            default:  // " and backslash
                plain += raw[i];
                break;
            }
        }
        *out = QString::fromUtf8(plain);
        return true;
    }

    // The text of the object that starts here.
    bool object(QByteArrayView *out)
    {
        if (m_at == m_end || *m_at != '{')
            return false;
        const qsizetype length = json::valueLength(QByteArrayView(m_at, m_end - m_at));
        if (length < 0)
            return false;
        *out = QByteArrayView(m_at, length);
        m_at += length;
        return true;
    }

    [[nodiscard]] bool atEnd() const { return m_at == m_end; }

private:
    const char *m_at;
    const char *m_end;
};

}  // namespace

std::optional<Event> Event::fromCanonicalText(QByteArrayView text)
{
    if (!json::isCanonical(text))
        return std::nullopt;
    // The keys in canonical (sorted) order; every check fromJson() makes, made again.
    CanonicalReader r(text);
    Event e;
    QString hlcText;
    QString typeText;
    QString occurredText;
    QByteArrayView payloadText;
    if (!r.take("{\"catalog_version\":") || !r.integer(&e.catalogVersion) || !r.take(",\"counter_id\":") ||
        !r.string(&e.counterId) || !r.take(",\"dossier_id\":") || !r.string(&e.dossierId) ||
        !r.take(",\"event_id\":") || !r.string(&e.eventId) || !r.take(",\"hlc\":") || !r.string(&hlcText) ||
        !r.take(",\"occurred_at\":") || !r.string(&occurredText) || !r.take(",\"officer\":") || !r.string(&e.officer) ||
        !r.take(",\"parents\":["))
        return std::nullopt;
    if (!r.take("]")) {
        do {
            QString parent;
            if (!r.string(&parent) || !isUuid7(parent))
                return std::nullopt;
            e.parents << parent;
        } while (r.take(","));
        if (!r.take("]"))
            return std::nullopt;
    }
    if (!r.take(",\"payload\":") || !r.object(&payloadText) || !r.take(",\"schema_version\":") ||
        !r.integer(&e.schemaVersion) || !r.take(",\"type\":") || !r.string(&typeText) || !r.take("}") || !r.atEnd())
        return std::nullopt;
    if (e.eventId.isEmpty() || !isUuid7(e.eventId) || e.dossierId.isEmpty() || !isUuid7(e.dossierId) ||
        e.counterId.isEmpty() || e.officer.isEmpty() || e.schemaVersion < 1 || e.schemaVersion > kSchemaVersion ||
        !eventTypeFromName(typeText, &e.type) || !HlcTimestamp::parse(hlcText, &e.hlc) || e.hlc.toString() != hlcText)
        return std::nullopt;
    e.occurredAt = json::parseIsoUtcMs(occurredText);
    if (!e.occurredAt.isValid())
        return std::nullopt;
    const QJsonDocument payload = QJsonDocument::fromJson(payloadText.toByteArray());
    if (!payload.isObject())
        return std::nullopt;
    e.payload = payload.object();
    return e;
}

QByteArray Event::canonicalBytes() const
{
    // The bytes are, by definition, those of QJsonDocument(toJson()).toJson(Compact): keys sorted, no spaces, Qt's
    // escapes. The center computes them for every event it stores, so the fields are written directly with Qt's
    // escaping and only the payload goes through QJsonDocument. test_dossier checks the two agree.
    const QByteArray payloadText = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    QByteArray out;
    out.reserve(payloadText.size() + 320 + parents.size() * 40);
    out += "{\"catalog_version\":" + QByteArray::number(catalogVersion) + ",\"counter_id\":";
    json::appendString(out, counterId);
    out += ",\"dossier_id\":";
    json::appendString(out, dossierId);
    out += ",\"event_id\":";
    json::appendString(out, eventId);
    out += ",\"hlc\":";
    json::appendString(out, hlc.toString());
    out += ",\"occurred_at\":";
    json::appendString(out, json::isoUtcMs(occurredAt));
    out += ",\"officer\":";
    json::appendString(out, officer);
    out += ",\"parents\":[";
    for (qsizetype i = 0; i < parents.size(); ++i) {
        if (i > 0)
            out += ',';
        json::appendString(out, parents.at(i));
    }
    out += "],\"payload\":" + payloadText + ",\"schema_version\":" + QByteArray::number(schemaVersion) + ",\"type\":";
    json::appendString(out, eventTypeName(type));
    out += '}';
    return out;
}

}  // namespace motcua
