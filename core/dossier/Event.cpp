#include "core/dossier/Event.h"

#include "core/dossier/Uuid7.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <array>

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
        {QStringLiteral("occurred_at"), occurredAt.toUTC().toString(Qt::ISODateWithMs)},
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
    e.occurredAt = QDateTime::fromString(occurred, Qt::ISODateWithMs);
    if (!e.occurredAt.isValid())
        return badField(QStringLiteral("occurred_at"));
    return e;
}

namespace {

// Text QJsonDocument writes as it is, between quotes: printable ASCII without '"' and '\\'.
bool isPlainJsonText(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u > 0x7e || u == u'"' || u == u'\\')
            return false;
    }
    return true;
}

void appendPlain(QByteArray &out, const char *key, const QString &value)
{
    out += '"';
    out += key;
    out += "\":\"";
    out += value.toLatin1();
    out += '"';
}

}  // namespace

QByteArray Event::canonicalBytes() const
{
    // The bytes are, by definition, those of QJsonDocument(toJson()).toJson(Compact): keys sorted, no spaces. The
    // center computes them for every event it stores, so the common case (identifiers, times and the officer's login
    // in plain ASCII) is written directly, and only the payload goes through QJsonDocument; anything else takes the
    // defining path. test_dossier checks the two agree.
    const QString hlcText = hlc.toString();
    const QString typeText = eventTypeName(type);
    const QString occurredText = occurredAt.toUTC().toString(Qt::ISODateWithMs);
    bool plain = isPlainJsonText(counterId) && isPlainJsonText(dossierId) && isPlainJsonText(eventId) &&
                 isPlainJsonText(hlcText) && isPlainJsonText(occurredText) && isPlainJsonText(officer) &&
                 isPlainJsonText(typeText);
    for (const QString &p : parents)
        plain = plain && isPlainJsonText(p);
    if (!plain)
        return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);

    const QByteArray payloadText = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    QByteArray out;
    out.reserve(payloadText.size() + 256 + parents.size() * 40);
    out += "{\"catalog_version\":" + QByteArray::number(catalogVersion) + ',';
    appendPlain(out, "counter_id", counterId);
    out += ',';
    appendPlain(out, "dossier_id", dossierId);
    out += ',';
    appendPlain(out, "event_id", eventId);
    out += ',';
    appendPlain(out, "hlc", hlcText);
    out += ',';
    appendPlain(out, "occurred_at", occurredText);
    out += ',';
    appendPlain(out, "officer", officer);
    out += ",\"parents\":[";
    for (qsizetype i = 0; i < parents.size(); ++i) {
        if (i > 0)
            out += ',';
        out += '"' + parents.at(i).toLatin1() + '"';
    }
    out += "],\"payload\":" + payloadText + ",\"schema_version\":" + QByteArray::number(schemaVersion) + ',';
    appendPlain(out, "type", typeText);
    out += '}';
    return out;
}

}  // namespace motcua
