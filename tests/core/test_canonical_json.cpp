// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "core/dossier/CanonicalJson.h"
#include "core/dossier/Event.h"
#include "core/dossier/Hlc.h"
#include "core/dossier/Uuid7.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>

using namespace motcua;

namespace {

QByteArray qtCompact(const QJsonValue &value)
{
    // QJsonDocument writes only objects and arrays: wrap the value and take it out again.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// What Qt's parser makes of `text` (one JSON value), written back by Qt's compact writer; empty if it does not parse.
QByteArray qtRoundTrip(const QByteArray &text, bool *parsed)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    *parsed = error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1;
    return *parsed ? qtCompact(doc.array().at(0)) : QByteArray();
}

char16_t randomUnit(QRandomGenerator &random)
{
    static const char16_t interesting[] = {u'"',   u'\\',  u'/',   0x00,   0x01,   0x08,   0x09,   0x0a,
                                           0x0c,   0x0d,   0x1f,   0x7f,   0x80,   0xe9,   0x1ea1, 0x2028,
                                           0xd83d, 0xde00, 0xdc00, 0xfeff, 0xfffd, 0xfffe, u'a',   u' '};
    if (random.bounded(3) == 0)
        return interesting[random.bounded(int(std::size(interesting)))];
    if (random.bounded(2) == 0)
        return char16_t(0x20 + random.bounded(0x5f));
    return char16_t(random.bounded(0x10000));
}

QString randomString(QRandomGenerator &random, int maxLength = 12)
{
    QString s;
    const int length = random.bounded(maxLength + 1);
    for (int i = 0; i < length; ++i)
        s += QChar(randomUnit(random));
    return s;
}

QString randomKey(QRandomGenerator &random)
{
    // Mostly the ASCII keys MotCua writes, sometimes anything.
    if (random.bounded(5) == 0)
        return randomString(random, 6);
    static const char *const keys[] = {"a", "b", "B", "_", "id_number", "full_name", "due_at", "z", "a1", "a_"};
    return QString::fromLatin1(keys[random.bounded(int(std::size(keys)))]);
}

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    switch (random.bounded(depth > 3 ? 6 : 8)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return random.bounded(2) == 0;
    case 2:
        return QJsonValue(qint64(random.generate64() >> random.bounded(64)) * (random.bounded(2) ? 1 : -1));
    case 3:
        return random.bounded(4) == 0 ? QJsonValue(random.generateDouble() * 1e6) : QJsonValue(random.bounded(1000));
    case 4:
    case 5:
        return randomString(random);
    case 6: {
        QJsonArray a;
        const int n = random.bounded(4);
        for (int i = 0; i < n; ++i)
            a.append(randomValue(random, depth + 1));
        return a;
    }
    default: {
        QJsonObject o;
        const int n = random.bounded(5);
        for (int i = 0; i < n; ++i)
            o.insert(randomKey(random), randomValue(random, depth + 1));
        return o;
    }
    }
}

// Small edits that turn canonical text into text with the same meaning, or another meaning, or no meaning.
QByteArray mutate(QRandomGenerator &random, QByteArray text)
{
    static const char *const inserts[] = {" ",
                                          "\n",
                                          "\\/",
                                          "\\u0041",
                                          "\\u00e9",
                                          "\\u001F",
                                          "\\u0008",
                                          "1.0",
                                          "-0",
                                          "01",
                                          "1e2",
                                          ",",
                                          "}",
                                          "]",
                                          "\"",
                                          "\\",
                                          "\xc3",
                                          "\xed\xa0\x80",
                                          "\xef\xbf\xbf",
                                          "\x01",
                                          "\"a\":1,",
                                          "\"b\":1,",
                                          "99999999999999999999",
                                          "true",
                                          "nul"};
    const int edits = 1 + random.bounded(2);
    for (int i = 0; i < edits; ++i) {
        const int at = random.bounded(int(text.size()) + 1);
        switch (random.bounded(3)) {
        case 0:
            text.insert(at, inserts[random.bounded(int(std::size(inserts)))]);
            break;
        case 1:
            if (!text.isEmpty())
                text.remove(std::min<qsizetype>(at, text.size() - 1), 1);
            break;
        default:
            if (!text.isEmpty())
                text[std::min<qsizetype>(at, text.size() - 1)] = char(random.bounded(256));
            break;
        }
    }
    return text;
}

Event sampleEvent()
{
    Event e;
    e.eventId = createUuid7();
    e.dossierId = createUuid7();
    e.counterId = QStringLiteral("c-01");
    e.officer = QStringLiteral("lan.nt");
    e.hlc = HlcTimestamp{1767225600000, 3};
    e.type = EventType::Received;
    e.catalogVersion = 7;
    e.parents = {createUuid7()};
    e.payload = {
        {QStringLiteral("code"), QStringLiteral("H40.01-260101-0001")},
        {QStringLiteral("applicant"), QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Nguyễn Văn A")},
                                                  {QStringLiteral("id_number"), QStringLiteral("022090001234")}}},
        {QStringLiteral("documents"), QJsonArray{QStringLiteral("Tờ khai"), 2}}};
    e.occurredAt = QDateTime(QDate(2026, 1, 1), QTime(8, 30, 5, 7), Qt::UTC);
    return e;
}

}  // namespace

TEST_CASE("Strings are escaped exactly as Qt's JSON writer escapes them", "[dossier][json]")
{
    QRandomGenerator random(20261122);
    for (int i = 0; i < 5000; ++i) {
        const QString s = randomString(random, 20);
        QByteArray ours;
        json::appendString(ours, s);
        INFO(ours.toStdString());
        REQUIRE(ours == qtCompact(s));
        // Text read back from a database is what QString::toUtf8() wrote; without lone surrogates it is the same.
        bool lone = false;
        for (qsizetype k = 0; k < s.size(); ++k) {
            const QChar c = s.at(k);
            if (c.isHighSurrogate() && k + 1 < s.size() && s.at(k + 1).isLowSurrogate())
                ++k;
            else if (c.isSurrogate())
                lone = true;
        }
        if (!lone) {
            QByteArray fromUtf8;
            json::appendUtf8String(fromUtf8, s.toUtf8());
            REQUIRE(fromUtf8 == ours);
        }
    }
}

TEST_CASE("Moments are written as Qt writes them in ISO form with milliseconds", "[dossier][json]")
{
    QRandomGenerator random(7);
    const QTimeZone hanoi(QByteArrayLiteral("Asia/Ho_Chi_Minh"));
    for (int i = 0; i < 3000; ++i) {
        const QDate date = QDate(1, 1, 1).addDays(random.bounded(3652058));
        const QTime time = QTime(0, 0).addMSecs(random.bounded(86400000));
        const QDateTime utc(date, time, Qt::UTC);
        INFO(utc.toString(Qt::ISODateWithMs).toStdString());
        REQUIRE(json::isoUtcMs(utc) == utc.toString(Qt::ISODateWithMs));
        const QDateTime local = utc.toTimeZone(hanoi);
        REQUIRE(json::isoUtcMs(local) == local.toUTC().toString(Qt::ISODateWithMs));
    }
    for (int i = 0; i < 3000; ++i) {
        const QDateTime utc(QDate(1, 1, 1).addDays(random.bounded(3652058)),
                            QTime(0, 0).addMSecs(random.bounded(86400000)), Qt::UTC);
        const QString text = json::isoUtcMs(utc);
        REQUIRE(json::parseIsoUtcMs(text) == QDateTime::fromString(text, Qt::ISODateWithMs));
        REQUIRE(json::parseIsoUtcMs(text).timeSpec() == Qt::UTC);
    }
    for (const char *other : {"2026-03-05T01:02:03Z", "2026-03-05T01:02:03.004+07:00", "2026-03-05T24:00:00.000Z",
                              "2026-02-30T01:02:03.004Z", "2026-03-05 01:02:03.004Z", "0000-01-01T00:00:00.000Z"})
        CHECK_FALSE(json::parseIsoUtcMs(QString::fromLatin1(other)).isValid());
    CHECK(json::isoUtcMs(QDateTime()) == QString());
    CHECK(json::isoUtcMs(QDateTime(QDate(2026, 3, 5), QTime(1, 2, 3, 4), Qt::UTC)) ==
          QStringLiteral("2026-03-05T01:02:03.004Z"));
}

TEST_CASE("Text recognised as canonical is exactly what Qt writes back for it", "[dossier][json]")
{
    QRandomGenerator random(42);
    int recognised = 0;
    int mutatedRecognised = 0;
    for (int i = 0; i < 4000; ++i) {
        const QJsonValue value = randomValue(random, 0);
        const QByteArray text = qtCompact(value);
        INFO(text.toStdString());
        // Soundness: whatever is recognised parses and is written back byte for byte.
        bool parsed = false;
        if (json::isCanonical(text)) {
            ++recognised;
            REQUIRE(qtRoundTrip(text, &parsed) == text);
            REQUIRE(parsed);
        }
        for (int m = 0; m < 4; ++m) {
            const QByteArray changed = mutate(random, text);
            INFO(changed.toStdString());
            if (json::isCanonical(changed)) {
                ++mutatedRecognised;
                REQUIRE(qtRoundTrip(changed, &parsed) == changed);
                REQUIRE(parsed);
            }
        }
    }
    // The profile covers most of what Qt writes (what it leaves out goes the slow way).
    CHECK(recognised > 2000);
    CHECK(mutatedRecognised > 0);

    // Completeness for what MotCua writes: ASCII keys, integers, any text (less what the profile leaves out: lone
    // surrogates, noncharacters, a leading U+FEFF).
    const auto plainText = [&random] {
        QString s;
        for (const QChar c : randomString(random)) {
            if (!c.isSurrogate() && !c.isNonCharacter() && c.unicode() != 0xfeff)
                s += c;
        }
        return s;
    };
    for (int i = 0; i < 1000; ++i) {
        QJsonObject o{{QStringLiteral("applicant"), QJsonObject{{QStringLiteral("full_name"), plainText()}}},
                      {QStringLiteral("count"), random.bounded(100000)},
                      {QStringLiteral("notes"), QJsonArray{plainText(), QJsonValue::Null, true}},
                      {QStringLiteral("negative"), -random.bounded(100)}};
        const QByteArray text = qtCompact(o);
        INFO(text.toStdString());
        REQUIRE(json::isCanonical(text));
    }

    for (const char *rejected : {"",
                                 " 1",
                                 "1 ",
                                 "{\"b\":1,\"a\":2}",
                                 "{\"a\":1,\"a\":1}",
                                 "[1.0]",
                                 "[-0]",
                                 "[01]",
                                 "[1e2]",
                                 "[\"\\/\"]",
                                 "[\"\\u0041\"]",
                                 "[\"\\u001F\"]",
                                 "[\"\\u0008\"]",
                                 "[\"\xed\xa0\x80\"]",
                                 "[\"\xc3\"]",
                                 "[tru]",
                                 "[1,]",
                                 "{\"a\":1",
                                 "[\"\x01\"]",
                                 "[1234567890123456789]"}) {
        INFO(rejected);
        CHECK_FALSE(json::isCanonical(rejected));
    }
    for (const char *accepted : {"{}", "[]", "null", "-12", "\"\\u001f\\b\\n\"", "{\"B\":[],\"_\":{},\"a\":\"é\"}"})
        CHECK(json::isCanonical(accepted));
}

TEST_CASE("Long strings are read eight bytes at a time without missing what lies in between", "[dossier][json]")
{
    // One special sequence at every offset of a long ASCII string, so that it falls at each place of an eight-byte
    // word and at the tail: the checker's verdict is Qt's, and the scanner finds the string's end.
    const QByteArray specials[] = {"\\\"",     "\\\\", "\\u0001",      "\x01", "\x1f", "\x7f",
                                   "\xc3\xa9", "\xc3", "\xe1\xbb\x87", "\xff", "\"",   "\\"};
    for (const QByteArray &special : specials) {
        for (int at = 0; at <= 26; ++at) {
            const QByteArray plain(26, 'a');
            const QByteArray text = '"' + plain.left(at) + special + plain.mid(at) + '"';
            INFO(text.toStdString());
            bool parsed = false;
            const bool qtSame = qtRoundTrip(text, &parsed) == text && parsed;
            CHECK(json::isCanonical(text) == qtSame);
            QList<QByteArrayView> slices;
            const QByteArray document = "{\"events\":[" + text + ",1]}";
            if (qtSame) {
                REQUIRE(json::arrayElements(document, "events", &slices));
                CHECK(slices == QList<QByteArrayView>{text, "1"});
                CHECK(json::valueLength(QByteArray(text + ",2")) == text.size());
            }
        }
    }
}

TEST_CASE("The elements of a member array are found as slices of the document", "[dossier][json]")
{
    QRandomGenerator random(3);
    for (int i = 0; i < 1000; ++i) {
        QJsonArray events;
        const int n = random.bounded(6);
        for (int k = 0; k < n; ++k)
            events.append(randomValue(random, 1));
        const QJsonObject body{{QStringLiteral("counter_id"), randomString(random)},
                               {QStringLiteral("events"), events},
                               {QStringLiteral("zz"), randomValue(random, 0)}};
        const QByteArray text =
            QJsonDocument(body).toJson(random.bounded(2) ? QJsonDocument::Compact : QJsonDocument::Indented);
        INFO(text.toStdString());
        const QJsonArray parsedEvents = QJsonDocument::fromJson(text).object().value(QLatin1String("events")).toArray();
        QList<QByteArrayView> slices;
        REQUIRE(json::arrayElements(text, "events", &slices));
        REQUIRE(slices.size() == events.size());
        for (qsizetype k = 0; k < slices.size(); ++k) {
            // Each slice, parsed alone, is the element Qt finds in the whole document.
            const QJsonDocument alone = QJsonDocument::fromJson("[" + slices.at(k).toByteArray() + "]");
            REQUIRE(alone.isArray());
            CHECK(alone.array().at(0) == parsedEvents.at(k));
        }
    }
    QList<QByteArrayView> slices;
    CHECK(json::arrayElements(R"( { "events" : [ 1 , "a,]" , {"x":[2]} ] } )", "events", &slices));
    CHECK(slices == QList<QByteArrayView>{"1", "\"a,]\"", "{\"x\":[2]}"});
    CHECK_FALSE(json::arrayElements(R"({"events":[1],"events":[2]})", "events", &slices));
    CHECK(slices.isEmpty());
    CHECK_FALSE(json::arrayElements(R"({"events":{}})", "events", &slices));
    CHECK_FALSE(json::arrayElements(R"({"other":[1]})", "events", &slices));
    CHECK_FALSE(json::arrayElements(R"([{"events":[1]}])", "events", &slices));
    CHECK_FALSE(json::arrayElements(R"({"events":[1,2})", "events", &slices));
    CHECK_FALSE(json::arrayElements(R"({"\u0065vents":[1]})", "events", &slices));
}

TEST_CASE("An event sent in canonical form is taken as it came, anything else is written again", "[dossier][json]")
{
    const Event e = sampleEvent();
    const QByteArray canonical = e.canonicalBytes();
    REQUIRE(canonical == QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact));
    REQUIRE(json::isCanonical(canonical));

    {
        const std::optional<Event> taken = Event::fromCanonicalText(canonical);
        REQUIRE(taken.has_value());
        CHECK(taken->canonicalBytes() == canonical);
    }
    // The same event in other spellings: each is refused by the canonical reader, read by fromJson() and written
    // again, and comes out as the canonical bytes.
    const QByteArray variants[] = {
        QJsonDocument(e.toJson()).toJson(QJsonDocument::Indented),
        QByteArray(canonical).replace("08:30:05.007Z", "15:30:05.007+07:00"),  // the same moment
        QByteArray(canonical).replace("\"catalog_version\":7", "\"catalog_version\":7.0"),
        QByteArray(canonical).replace("\"officer\":\"lan.nt\"", "\"officer\":\"lan\\u002ent\""),
        QByteArray(canonical)
            .replace("{\"catalog_version\"", "{\"zz\":1,\"catalog_version\"")
            .replace("\"type\":\"received\"}", "\"type\":\"received\",\"zz\":1}"),
    };
    for (const QByteArray &text : variants) {
        INFO(text.toStdString());
        CHECK_FALSE(Event::fromCanonicalText(text).has_value());
        auto parsed = Event::fromJson(QJsonDocument::fromJson(text).object());
        REQUIRE(parsed.ok());
        CHECK(parsed->canonicalBytes() == canonical);
    }
}

TEST_CASE("An event read from its canonical text is the event fromJson() reads from it", "[dossier][json]")
{
    QRandomGenerator random(99);
    const auto same = [](const Event &a, const Event &b) {
        return a.eventId == b.eventId && a.dossierId == b.dossierId && a.counterId == b.counterId &&
               a.officer == b.officer && a.hlc == b.hlc && a.type == b.type && a.schemaVersion == b.schemaVersion &&
               a.catalogVersion == b.catalogVersion && a.parents == b.parents && a.payload == b.payload &&
               a.occurredAt == b.occurredAt && a.occurredAt.timeSpec() == b.occurredAt.timeSpec();
    };
    int fastOnes = 0;
    std::optional<Event> previous;
    for (int i = 0; i < 3000; ++i) {
        Event e = sampleEvent();
        e.officer = random.bounded(3) == 0 ? randomString(random) : QStringLiteral("officer.%1").arg(i);
        e.counterId = random.bounded(4) == 0 ? randomString(random) : QStringLiteral("H49.01-Q%1").arg(i % 9);
        e.catalogVersion = random.bounded(2) ? random.bounded(100) : int(random.bounded(0x7fffffff));
        e.type = EventType(random.bounded(16));
        e.hlc = HlcTimestamp{qint64(random.generate64() >> 20), random.bounded(0xffff)};
        e.parents.clear();
        for (int p = random.bounded(3); p > 0; --p)
            e.parents << createUuid7();
        e.payload = randomValue(random, 1).toObject();
        e.occurredAt = QDateTime(QDate(2000, 1, 1).addDays(random.bounded(20000)),
                                 QTime(0, 0).addMSecs(random.bounded(86400000)), Qt::UTC);
        const QByteArray text = e.canonicalBytes();
        INFO(text.toStdString());
        const std::optional<Event> fast = Event::fromCanonicalText(text);
        auto slow = Event::fromJson(QJsonDocument::fromJson(text).object());
        if (!fast)
            continue;
        ++fastOnes;
        REQUIRE(slow.ok());
        REQUIRE(same(*fast, *slow));
        REQUIRE(fast->canonicalBytes() == text);
        // Read after another event, whose strings it borrows where they are the same: the same event.
        if (previous) {
            const std::optional<Event> after = Event::fromCanonicalText(text, &*previous);
            REQUIRE(after.has_value());
            REQUIRE(same(*after, *slow));
        }
        previous = fast;

        // Whatever an edit leaves readable on the fast path is read as fromJson() reads it, and is canonical.
        for (int m = 0; m < 3; ++m) {
            const QByteArray changed = mutate(random, text);
            const std::optional<Event> edited = Event::fromCanonicalText(changed);
            if (!edited)
                continue;
            INFO(changed.toStdString());
            auto general = Event::fromJson(QJsonDocument::fromJson(changed).object());
            REQUIRE(general.ok());
            REQUIRE(same(*edited, *general));
            REQUIRE(edited->canonicalBytes() == changed);
        }
    }
    CHECK(fastOnes > 1500);  // most of them: what the profile leaves out (fractions, odd keys) goes the slow way

    // Not canonical, or canonical but not a valid event: the general path decides.
    const QByteArray good = sampleEvent().canonicalBytes();
    REQUIRE(Event::fromCanonicalText(good).has_value());
    for (const QByteArray &bad :
         QList<QByteArray>{QByteArray(good).replace("\"type\":\"received\"", "\"type\":\"unknown\""),
                           QByteArray(good).replace("\"schema_version\":1", "\"schema_version\":9"),
                           QByteArray(good).replace("\"officer\":\"lan.nt\"", "\"officer\":\"\""),
                           QByteArray(good).replace("\"catalog_version\":7", "\"catalog_version\":9999999999"),
                           QByteArray(good).replace(".007Z", ".007+07:00"),
                           QByteArray(good).replace(good.mid(good.indexOf("\"hlc\":\"") + 7, 12),
                                                    good.mid(good.indexOf("\"hlc\":\"") + 7, 12).toUpper()),
                           QByteArray(good).replace("\"hlc\":\"", "\"hlc\":\"0"),
                           QByteArray(good).replace(good.mid(good.indexOf("\"event_id\":\"") + 12, 8),
                                                    good.mid(good.indexOf("\"event_id\":\"") + 12, 8).toUpper()),
                           QByteArray(good).replace(",\"payload\":{", ",\"payload\":[{"), QByteArray(good + " "),
                           good.left(good.size() - 1)}) {
        INFO(bad.toStdString());
        CHECK_FALSE(Event::fromCanonicalText(bad).has_value());
    }

    // The events of one dossier pushed together share their counter, officer and dossier strings.
    const Event first = *Event::fromCanonicalText(good);
    Event next = sampleEvent();
    next.eventId = createUuid7();
    next.dossierId = first.dossierId;
    next.parents = {first.eventId};
    const std::optional<Event> second = Event::fromCanonicalText(next.canonicalBytes(), &first);
    REQUIRE(second.has_value());
    CHECK(second->counterId.constData() == first.counterId.constData());
    CHECK(second->officer.constData() == first.officer.constData());
    CHECK(second->dossierId.constData() == first.dossierId.constData());
    CHECK(second->eventId != first.eventId);
}
