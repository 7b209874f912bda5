// SPDX-License-Identifier: GPL-3.0-or-later
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

namespace {
template <typename Name> bool typeFromName(const Name &name, EventType *out)
{
    for (const auto &t : kTypeNames) {
        if (name == QLatin1StringView(t.name)) {
            *out = t.type;
            return true;
        }
    }
    return false;
}
}  // namespace

bool eventTypeFromName(const QString &name, EventType *out)
{
    return typeFromName(name, out);
}

bool eventTypeFromName(QLatin1StringView name, EventType *out)
{
    return typeFromName(name, out);
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

    // A string's bytes between its quotes, escapes and all; `escaped` tells whether it has any.
    bool rawString(QByteArrayView *out, bool *escaped)
    {
        if (!take("\""))
            return false;
        const char *start = m_at;
        *escaped = false;
        while (m_at != m_end && *m_at != '"') {
            if (*m_at == '\\') {
                *escaped = true;
                ++m_at;
            }
            ++m_at;
        }
        if (m_at >= m_end)
            return false;
        *out = QByteArrayView(start, m_at - start);
        ++m_at;
        return true;
    }

    // A string without escapes, as Latin-1 (its bytes are ASCII when the caller goes on to check its shape).
    bool plain(QLatin1StringView *out)
    {
        QByteArrayView raw;
        bool escaped = false;
        if (!rawString(&raw, &escaped) || escaped)
            return false;
        *out = QLatin1StringView(raw.data(), raw.size());
        return true;
    }

    // A string, its escapes being those isCanonical() allows. `same` is taken instead of a new copy when it holds
    // the same text (the counter, officer and dossier of consecutive events of a push usually repeat).
    bool string(QString *out, const QString *same = nullptr)
    {
        QByteArrayView raw;
        bool escaped = false;
        if (!rawString(&raw, &escaped))
            return false;
        if (!escaped) {
            if (same && QAnyStringView::equal(QUtf8StringView(raw), *same))
                *out = *same;
            else
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

    // An event id: a UUIDv7 in its one text form; `same` as for string().
    bool uuid7(QString *out, const QString *same = nullptr)
    {
        QLatin1StringView text;
        if (!plain(&text) || !isUuid7(text))
            return false;
        if (same && *same == text)
            *out = *same;
        else
            *out = QString(text);
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

std::optional<Event> Event::fromCanonicalText(QByteArrayView text, const Event *previous)
{
    if (!json::isCanonical(text))
        return std::nullopt;
    // The keys in canonical (sorted) order; every check fromJson() makes, made again. Identifiers, the clock, the
    // type and the time are ASCII in their only valid forms, so they are checked on the bytes.
    CanonicalReader r(text);
    Event e;
    QLatin1StringView hlcText;
    QLatin1StringView typeText;
    QLatin1StringView occurredText;
    QByteArrayView payloadText;
    if (!r.take("{\"catalog_version\":") || !r.integer(&e.catalogVersion) || !r.take(",\"counter_id\":") ||
        !r.string(&e.counterId, previous ? &previous->counterId : nullptr) || !r.take(",\"dossier_id\":") ||
        !r.uuid7(&e.dossierId, previous ? &previous->dossierId : nullptr) || !r.take(",\"event_id\":") ||
        !r.uuid7(&e.eventId) || !r.take(",\"hlc\":") || !r.plain(&hlcText) || !r.take(",\"occurred_at\":") ||
        !r.plain(&occurredText) || !r.take(",\"officer\":") ||
        !r.string(&e.officer, previous ? &previous->officer : nullptr) || !r.take(",\"parents\":["))
        return std::nullopt;
    if (!r.take("]")) {
        do {
            QString parent;
            if (!r.uuid7(&parent))
                return std::nullopt;
            e.parents << parent;
        } while (r.take(","));
        if (!r.take("]"))
            return std::nullopt;
    }
    if (!r.take(",\"payload\":") || !r.object(&payloadText) || !r.take(",\"schema_version\":") ||
        !r.integer(&e.schemaVersion) || !r.take(",\"type\":") || !r.plain(&typeText) || !r.take("}") || !r.atEnd())
        return std::nullopt;
    if (e.counterId.isEmpty() || e.officer.isEmpty() || e.schemaVersion < 1 || e.schemaVersion > kSchemaVersion ||
        !eventTypeFromName(typeText, &e.type) || !HlcTimestamp::parse(hlcText, &e.hlc))
        return std::nullopt;
    e.occurredAt = json::parseIsoUtcMs(occurredText);
    if (!e.occurredAt.isValid())
        return std::nullopt;
    // Parsed in place: the parser copies what it keeps.
    const QJsonDocument payload =
        QJsonDocument::fromJson(QByteArray::fromRawData(payloadText.data(), payloadText.size()));
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
