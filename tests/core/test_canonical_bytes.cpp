// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "core/dossier/CanonicalJson.h"
#include "core/dossier/DossierStore.h"
#include "core/dossier/Event.h"
#include "core/dossier/Hlc.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <limits>
#include <string>

// The canonical bytes of events, written out byte for byte. Replicas compare and hash these bytes, so they must not
// change: not with a new Qt (whose compact writer makes the payload's text, and the whole event on the slow path),
// not with a faster writer. Every expected string here is a literal: ASCII in raw strings, every other byte as a
// \x escape (so that precomposed and decomposed text differ visibly); nothing is computed by the code under test
// or by Qt. The literals are laid out by hand (clang-format off).
using namespace motcua;

namespace {

std::string str(const QByteArray &bytes)
{
    return bytes.toStdString();
}

// Qt's compact writer alone, for a payload value (QJsonDocument writes only objects and arrays).
std::string qtCompact(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return str(wrapped.mid(1, wrapped.size() - 2));
}

std::string ours(const QString &text)
{
    QByteArray out;
    json::appendString(out, text);
    return str(out);
}

std::string oursFromUtf8(const QString &text)
{
    QByteArray out;
    json::appendUtf8String(out, text.toUtf8());
    return str(out);
}

QString fromUtf16(std::u16string_view units)
{
    return QString(reinterpret_cast<const QChar *>(units.data()), qsizetype(units.size()));
}

const QString kDossierId = QStringLiteral("0195600a-9c40-7a21-8b3e-4f5d6c7b8a90");

QString eventId(int n)
{
    return QStringLiteral("0195600a-9c40-7e00-8000-0000000000%1").arg(n, 2, 10, QLatin1Char('0'));
}

// An event of dossier kDossierId written at counter H49.01-Q01 by lan.nt, `minute` minutes after 09:00 Vietnam
// time on 5 March 2026.
Event event(EventType type, int n, const QStringList &parents, const QJsonObject &payload, int minute)
{
    Event e;
    e.eventId = eventId(n);
    e.dossierId = kDossierId;
    e.counterId = QStringLiteral("H49.01-Q01");
    e.officer = QStringLiteral("lan.nt");
    e.occurredAt = QDateTime(QDate(2026, 3, 5), QTime(2, minute, 7, 250), Qt::UTC);
    e.hlc = HlcTimestamp{e.occurredAt.toMSecsSinceEpoch(), n % 3};
    e.type = type;
    e.catalogVersion = 12;
    e.parents = parents;
    e.payload = payload;
    return e;
}

QString at(int minute)
{
    return QDateTime(QDate(2026, 3, 5), QTime(2, minute), Qt::UTC).toString(Qt::ISODate);
}

QJsonObject intakePayload()
{
    return {
        {QStringLiteral("agency_id"), QStringLiteral("H49.01")},
        {QStringLiteral("procedure_code"), QStringLiteral("1.001193")},
        {QStringLiteral("procedure_name"), QStringLiteral("Đăng ký khai sinh")},
        {QStringLiteral("processing"),
         QJsonObject{{QStringLiteral("kind"), QStringLiteral("working_days")}, {QStringLiteral("days"), 3}}},
        {QStringLiteral("applicant"),
         QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Nguyễn Thị Lan Anh")},
                     {QStringLiteral("id_number"), QStringLiteral("049190001234")},
                     {QStringLiteral("address"), QStringLiteral("12 Trần Phú, phường Minh An, Hội An")},
                     {QStringLiteral("phone"), QStringLiteral("0905123456")}}},
        {QStringLiteral("documents"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Tờ khai đăng ký khai sinh")},
                                {QStringLiteral("originals"), 1},
                                {QStringLiteral("certified_copies"), 0},
                                {QStringLiteral("copies"), 0}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("Giấy chứng sinh")},
                                {QStringLiteral("originals"), 1}}}},
        {QStringLiteral("sets"), 1},
        {QStringLiteral("fee_vnd"), 8000},
        {QStringLiteral("return_method"), QStringLiteral("counter")},
        {QStringLiteral("return_unit"), QString()},
        {QStringLiteral("received_at"), at(0)},
        {QStringLiteral("device_time"), QStringLiteral("2026-03-05T02:00:07.250Z")},
        {QStringLiteral("due_at"), QStringLiteral("2026-03-10T09:00:00Z")},
        {QStringLiteral("code"), QStringLiteral("H49.01-260305-0001")},
    };
}

void expectBytes(const std::string &name, const std::string &actual, const char *expected)
{
    INFO(name);
    CHECK(actual == std::string(expected));
}

// The text a push carries for `e` once it is stored: written from the events table's row, not from the Event.
std::string pushText(const Event &e)
{
    test::TempDir dir;
    auto opened = Store::open(dir.file(QStringLiteral("counter.sqlite")));
    REQUIRE(opened.ok());
    const Store &store = **opened;
    const auto insert = [&e](const QSqlDatabase &db) -> Result<void> {
        auto inserted = DossierStore::insertEvent(db, e, false);
        if (!inserted)
            return inserted.error();
        return {};
    };
    REQUIRE(store.write(insert).ok());
    QByteArray text;
    const QString select = QStringLiteral("SELECT %1 FROM events").arg(QLatin1String(DossierStore::kEventColumns));
    REQUIRE(sql::selectText(store.connection(), select, {}, [&text](const sql::TextRow &row) {
                DossierStore::appendEventJsonFromRow(text, row);
            }).ok());
    return str(text);
}

// The checks every golden event passes: the fast writer and Qt's writer both make the bytes, and the bytes read
// back (fast and general readers) are written again unchanged. A stored event is pushed with the same bytes.
void checkEvent(const std::string &name, const Event &e, const char *expected, bool fastReadable = true)
{
    expectBytes(name, str(e.canonicalBytes()), expected);
    expectBytes(name + " (Qt)", str(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact)), expected);
    expectBytes(name + " (stored)", pushText(e), expected);
    const QByteArray golden(expected);
    INFO(name);
    CHECK(json::isCanonical(golden) == fastReadable);
    const std::optional<Event> fast = Event::fromCanonicalText(golden);
    CHECK(fast.has_value() == fastReadable);
    if (fast)
        CHECK(str(fast->canonicalBytes()) == golden.toStdString());
    const auto general = Event::fromJson(QJsonDocument::fromJson(golden).object());
    CHECK(general.ok());
    if (general.ok())
        CHECK(str(general->canonicalBytes()) == golden.toStdString());
}

}  // namespace

TEST_CASE("An event of each type has fixed canonical bytes", "[dossier][json][golden]")
{
    const QString reason = QStringLiteral("reason");
    const auto atMinute = [](int minute) { return QJsonObject{{QStringLiteral("at"), at(minute)}}; };
    const auto with = [](QJsonObject o, std::initializer_list<std::pair<const char *, QJsonValue>> more) {
        for (const auto &[key, value] : more)
            o.insert(QLatin1String(key), value);
        return o;
    };
    QJsonObject refusal = intakePayload();
    refusal.insert(reason, QStringLiteral("Thiếu giấy chứng sinh"));
    refusal.insert(QStringLiteral("code"), QStringLiteral("H49.01-260305-0002"));

    // clang-format off
    checkEvent("received", event(EventType::Received, 1, {}, intakePayload(), 0),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000001","hlc":"019cbbb94552.0001",)"
               R"("occurred_at":"2026-03-05T02:00:07.250Z","officer":"lan.nt","parents":[],)"
               R"("payload":{"agency_id":"H49.01","applicant":{"address":"12 Tr)" "\xe1\xba\xa7" R"(n Ph)" "\xc3\xba"
               R"(, ph)" "\xc6\xb0\xe1\xbb\x9d" R"(ng Minh An, H)" "\xe1\xbb\x99" R"(i An","full_name":"Nguy)"
               "\xe1\xbb\x85" R"(n Th)" "\xe1\xbb\x8b" R"( Lan Anh","id_number":"049190001234","phone":"0905123456"},)"
               R"("code":"H49.01-260305-0001","device_time":"2026-03-05T02:00:07.250Z",)"
               R"("documents":[{"certified_copies":0,"copies":0,"name":"T)" "\xe1\xbb\x9d" R"( khai )"
               "\xc4\x91\xc4\x83" R"(ng k)" "\xc3\xbd" R"( khai sinh","originals":1},{"name":"Gi)" "\xe1\xba\xa5"
               R"(y ch)" "\xe1\xbb\xa9" R"(ng sinh","originals":1}],"due_at":"2026-03-10T09:00:00Z","fee_vnd":8000,)"
               R"("procedure_code":"1.001193","procedure_name":")" "\xc4\x90\xc4\x83" R"(ng k)" "\xc3\xbd" R"( khai )"
               R"(sinh","processing":{"days":3,"kind":"working_days"},"received_at":"2026-03-05T02:00:00Z",)"
               R"("return_method":"counter","return_unit":"","sets":1},"schema_version":1,"type":"received"})");
    checkEvent("refused", event(EventType::Refused, 2, {}, refusal, 1),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000002","hlc":"019cbbba2fb2.0002",)"
               R"("occurred_at":"2026-03-05T02:01:07.250Z","officer":"lan.nt","parents":[],)"
               R"("payload":{"agency_id":"H49.01","applicant":{"address":"12 Tr)" "\xe1\xba\xa7" R"(n Ph)" "\xc3\xba"
               R"(, ph)" "\xc6\xb0\xe1\xbb\x9d" R"(ng Minh An, H)" "\xe1\xbb\x99" R"(i An","full_name":"Nguy)"
               "\xe1\xbb\x85" R"(n Th)" "\xe1\xbb\x8b" R"( Lan Anh","id_number":"049190001234","phone":"0905123456"},)"
               R"("code":"H49.01-260305-0002","device_time":"2026-03-05T02:00:07.250Z",)"
               R"("documents":[{"certified_copies":0,"copies":0,"name":"T)" "\xe1\xbb\x9d" R"( khai )"
               "\xc4\x91\xc4\x83" R"(ng k)" "\xc3\xbd" R"( khai sinh","originals":1},{"name":"Gi)" "\xe1\xba\xa5"
               R"(y ch)" "\xe1\xbb\xa9" R"(ng sinh","originals":1}],"due_at":"2026-03-10T09:00:00Z","fee_vnd":8000,)"
               R"("procedure_code":"1.001193","procedure_name":")" "\xc4\x90\xc4\x83" R"(ng k)" "\xc3\xbd" R"( khai )"
               R"(sinh","processing":{"days":3,"kind":"working_days"},"reason":"Thi)" "\xe1\xba\xbf" R"(u gi)"
               "\xe1\xba\xa5" R"(y ch)" "\xe1\xbb\xa9" R"(ng sinh","received_at":"2026-03-05T02:00:00Z",)"
               R"("return_method":"counter","return_unit":"","sets":1},"schema_version":1,"type":"refused"})");
    checkEvent("supplement_requested",
               event(EventType::SupplementRequested, 3, {eventId(1)},
                     with(atMinute(5), {{"reason", QStringLiteral("Bổ sung bản sao giấy đăng ký kết hôn của cha mẹ")}}),
                     5),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000003","hlc":"019cbbbdd932.0000",)"
               R"("occurred_at":"2026-03-05T02:05:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000001"],"payload":{"at":"2026-03-05T02:05:00Z",)"
               R"("reason":"B)" "\xe1\xbb\x95" R"( sung b)" "\xe1\xba\xa3" R"(n sao gi)" "\xe1\xba\xa5" R"(y )"
               "\xc4\x91\xc4\x83" R"(ng k)" "\xc3\xbd" R"( k)" "\xe1\xba\xbf" R"(t h)" "\xc3\xb4" R"(n c)"
               "\xe1\xbb\xa7" R"(a cha m)" "\xe1\xba\xb9" R"("},"schema_version":1,"type":"supplement_requested"})");
    checkEvent("supplemented",
               event(EventType::Supplemented, 4, {eventId(3)},
                     with(atMinute(20), {{"due_at", QStringLiteral("2026-03-11T09:00:00Z")}}), 20),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000004","hlc":"019cbbcb94d2.0001",)"
               R"("occurred_at":"2026-03-05T02:20:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000003"],"payload":{"at":"2026-03-05T02:20:00Z",)"
               R"("due_at":"2026-03-11T09:00:00Z"},"schema_version":1,"type":"supplemented"})");
    checkEvent("transferred",
               event(EventType::Transferred, 5, {eventId(4)},
                     with(atMinute(25), {{"agency", QStringLiteral("Phòng Tư pháp thành phố Hội An")}}), 25),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000005","hlc":"019cbbd028b2.0002",)"
               R"("occurred_at":"2026-03-05T02:25:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000004"],"payload":{"agency":"Ph)" "\xc3\xb2" R"(ng T)"
               "\xc6\xb0" R"( ph)" "\xc3\xa1" R"(p th)" "\xc3\xa0" R"(nh ph)" "\xe1\xbb\x91" R"( H)" "\xe1\xbb\x99"
               R"(i An","at":"2026-03-05T02:25:00Z"},"schema_version":1,"type":"transferred"})");
    checkEvent("processing_step",
               event(EventType::ProcessingStep, 6, {eventId(5)},
                     with(atMinute(30), {{"step", QStringLiteral("appraise")}}), 30),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000006","hlc":"019cbbd4bc92.0000",)"
               R"("occurred_at":"2026-03-05T02:30:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000005"],"payload":{"at":"2026-03-05T02:30:00Z",)"
               R"("step":"appraise"},"schema_version":1,"type":"processing_step"})");
    checkEvent("extended",
               event(EventType::Extended, 7, {eventId(6)},
                     with(atMinute(35), {{"new_due_at", QStringLiteral("2026-03-13T09:00:00Z")},
                                         {"reason", QStringLiteral("Chờ xác minh nơi cư trú")}}),
                     35),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000007","hlc":"019cbbd95072.0001",)"
               R"("occurred_at":"2026-03-05T02:35:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000006"],"payload":{"at":"2026-03-05T02:35:00Z",)"
               R"("new_due_at":"2026-03-13T09:00:00Z","reason":"Ch)" "\xe1\xbb\x9d" R"( x)" "\xc3\xa1" R"(c minh n)"
               "\xc6\xa1" R"(i c)" "\xc6\xb0" R"( tr)" "\xc3\xba" R"("},"schema_version":1,"type":"extended"})");
    checkEvent("stopped",
               event(EventType::Stopped, 8, {eventId(7)},
                     with(atMinute(40), {{"reason", QStringLiteral("Hồ sơ không thuộc thẩm quyền giải quyết")}}), 40),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000008","hlc":"019cbbdde452.0002",)"
               R"("occurred_at":"2026-03-05T02:40:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000007"],"payload":{"at":"2026-03-05T02:40:00Z",)"
               R"("reason":"H)" "\xe1\xbb\x93" R"( s)" "\xc6\xa1" R"( kh)" "\xc3\xb4" R"(ng thu)" "\xe1\xbb\x99"
               R"(c th)" "\xe1\xba\xa9" R"(m quy)" "\xe1\xbb\x81" R"(n gi)" "\xe1\xba\xa3" R"(i quy)" "\xe1\xba\xbf"
               R"(t"},"schema_version":1,"type":"stopped"})");
    checkEvent("withdrawn",
               event(EventType::Withdrawn, 9, {eventId(7)},
                     with(atMinute(41), {{"reason", QStringLiteral("Công dân xin rút hồ sơ")}}), 41),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000009","hlc":"019cbbdeceb2.0000",)"
               R"("occurred_at":"2026-03-05T02:41:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000007"],"payload":{"at":"2026-03-05T02:41:00Z",)"
               R"("reason":"C)" "\xc3\xb4" R"(ng d)" "\xc3\xa2" R"(n xin r)" "\xc3\xba" R"(t h)" "\xe1\xbb\x93" R"( )"
               R"(s)" "\xc6\xa1" R"("},"schema_version":1,"type":"withdrawn"})");
    checkEvent("result_ready", event(EventType::ResultReady, 10, {eventId(7)}, atMinute(45), 45),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000010","hlc":"019cbbe27832.0001",)"
               R"("occurred_at":"2026-03-05T02:45:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000007"],"payload":{"at":"2026-03-05T02:45:00Z"},)"
               R"("schema_version":1,"type":"result_ready"})");
    checkEvent("returned",
               event(EventType::Returned, 11, {eventId(10)},
                     with(atMinute(50),
                          {{"identity_checked", true},
                           {"receiver", QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Trần Văn Bình")},
                                                    {QStringLiteral("id_number"), QStringLiteral("049088004321")},
                                                    {QStringLiteral("relation"), QStringLiteral("representative")}}}}),
                     50),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000011","hlc":"019cbbe70c12.0002",)"
               R"("occurred_at":"2026-03-05T02:50:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000010"],"payload":{"at":"2026-03-05T02:50:00Z",)"
               R"("identity_checked":true,"receiver":{"full_name":"Tr)" "\xe1\xba\xa7" R"(n V)" "\xc4\x83" R"(n B)"
               "\xc3\xac" R"(nh","id_number":"049088004321","relation":"representative"}},"schema_version":1,)"
               R"("type":"returned"})");
    checkEvent("note",
               event(EventType::Note, 12, {eventId(11)},
                     with(atMinute(51), {{"text", QStringLiteral("Công dân hẹn đến nhận vào buổi chiều")}}), 51),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000012","hlc":"019cbbe7f672.0000",)"
               R"("occurred_at":"2026-03-05T02:51:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000011"],"payload":{"at":"2026-03-05T02:51:00Z",)"
               R"("text":"C)" "\xc3\xb4" R"(ng d)" "\xc3\xa2" R"(n h)" "\xe1\xba\xb9" R"(n )" "\xc4\x91\xe1\xba\xbf"
               R"(n nh)" "\xe1\xba\xad" R"(n v)" "\xc3\xa0" R"(o bu)" "\xe1\xbb\x95" R"(i chi)" "\xe1\xbb\x81"
               R"(u"},"schema_version":1,"type":"note"})");
    checkEvent("fee",
               event(EventType::Fee, 13, {eventId(12)},
                     with(atMinute(52), {{"amount_vnd", 8000}, {"note", QStringLiteral("Lệ phí đăng ký khai sinh")}}),
                     52),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000013","hlc":"019cbbe8e0d2.0001",)"
               R"("occurred_at":"2026-03-05T02:52:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000012"],"payload":{"amount_vnd":8000,)"
               R"("at":"2026-03-05T02:52:00Z","note":"L)" "\xe1\xbb\x87" R"( ph)" "\xc3\xad" R"( )" "\xc4\x91\xc4\x83"
               R"(ng k)" "\xc3\xbd" R"( khai sinh"},"schema_version":1,"type":"fee"})");
    checkEvent(
        "attachment",
        event(EventType::Attachment, 14, {eventId(12), eventId(13)},
              with(atMinute(53),
                   {{"file_name", QStringLiteral("giấy-chứng-sinh.pdf")},
                    {"media_type", QStringLiteral("application/pdf")},
                    {"sha256", QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")},
                    {"size", 182044}}),
              53),
        R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
        R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
        R"("event_id":"0195600a-9c40-7e00-8000-000000000014","hlc":"019cbbe9cb32.0002",)"
        R"("occurred_at":"2026-03-05T02:53:07.250Z","officer":"lan.nt",)"
        R"("parents":["0195600a-9c40-7e00-8000-000000000012","0195600a-9c40-7e00-8000-000000000013"],)"
        R"("payload":{"at":"2026-03-05T02:53:00Z","file_name":"gi)" "\xe1\xba\xa5" R"(y-ch)" "\xe1\xbb\xa9"
        R"(ng-sinh.pdf","media_type":"application/pdf",)"
        R"("sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","size":182044},)"
        R"("schema_version":1,"type":"attachment"})");
    checkEvent("reprinted",
               event(EventType::Reprinted, 15, {eventId(14)},
                     with(atMinute(54), {{"form", QStringLiteral("01")}, {"paper", QStringLiteral("a4")}}), 54),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000015","hlc":"019cbbeab592.0000",)"
               R"("occurred_at":"2026-03-05T02:54:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000014"],"payload":{"at":"2026-03-05T02:54:00Z",)"
               R"("form":"01","paper":"a4"},"schema_version":1,"type":"reprinted"})");
    checkEvent("conflict_resolved",
               event(EventType::ConflictResolved, 16, {eventId(15), eventId(8), eventId(9)},
                     with(atMinute(55), {{"note", QStringLiteral("Giữ quyết định rút hồ sơ theo đơn của công dân")}}),
                     55),
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000016","hlc":"019cbbeb9ff2.0001",)"
               R"("occurred_at":"2026-03-05T02:55:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000015","0195600a-9c40-7e00-8000-000000000008",)"
               R"("0195600a-9c40-7e00-8000-000000000009"],"payload":{"at":"2026-03-05T02:55:00Z","note":"Gi)"
               "\xe1\xbb\xaf" R"( quy)" "\xe1\xba\xbf" R"(t )" "\xc4\x91\xe1\xbb\x8b" R"(nh r)" "\xc3\xba" R"(t h)"
               "\xe1\xbb\x93" R"( s)" "\xc6\xa1" R"( theo )" "\xc4\x91\xc6\xa1" R"(n c)" "\xe1\xbb\xa7" R"(a c)"
               "\xc3\xb4" R"(ng d)" "\xc3\xa2" R"(n"},"schema_version":1,"type":"conflict_resolved"})");
    // clang-format on
}

TEST_CASE("Text is written with fixed escapes and is not normalized", "[dossier][json][golden]")
{
    struct Case {
        const char *name;
        QString text;
        const char *expected;
    };
    // clang-format off
    const QList<Case> cases = {
        {"empty", QString(), R"("")"},
        {"precomposed Vietnamese", fromUtf16(u"Nguy\u1ec5n Th\u1ecb \u0110\u00e0o"),
         R"("Nguy)" "\xe1\xbb\x85" R"(n Th)" "\xe1\xbb\x8b" R"( )" "\xc4\x90\xc3\xa0" R"(o")"},
        {"decomposed Vietnamese", fromUtf16(u"Nguye\u0302\u0303n Thi\u0323 \u0110a\u0300o"),
         R"("Nguye)" "\xcc\x82\xcc\x83" R"(n Thi)" "\xcc\xa3" R"( )" "\xc4\x90" R"(a)" "\xcc\x80" R"(o")"},
        {"quote and backslash", fromUtf16(u"C:\\h\u1ed3 s\u01a1\\\"01\""),
         R"("C:\\h)" "\xe1\xbb\x93" R"( s)" "\xc6\xa1" R"(\\\"01\"")"},
        {"slash", QStringLiteral("1/2 </script>"), R"("1/2 </script>")"},
        {"short escapes", fromUtf16(u"a\bb\fc\nd\re\tf"), R"("a\bb\fc\nd\re\tf")"},
        {"other control characters", fromUtf16(std::u16string_view(u"\x00\x01\x0b\x1b\x1f", 5)),
         R"("\u0000\u0001\u000b\u001b\u001f")"},
        {"delete and C1 controls", fromUtf16(u"\x7f\x80\x9f"), R"(")" "\x7f\xc2\x80\xc2\x9f" R"(")"},
        {"line and paragraph separators", fromUtf16(u"a\u2028b\u2029c"),
         R"("a)" "\xe2\x80\xa8" R"(b)" "\xe2\x80\xa9" R"(c")"},
        {"byte order mark first", fromUtf16(u"\ufeffabc"), R"(")" "\xef\xbb\xbf" R"(abc")"},
        {"replacement and last BMP characters", fromUtf16(u"\ufffd\uffef"), R"(")" "\xef\xbf\xbd\xef\xbf\xaf" R"(")"},
        {"non-BMP", fromUtf16(u"\U0001f600 ch\u1eef \U00021a38"),
         R"(")" "\xf0\x9f\x98\x80" R"( ch)" "\xe1\xbb\xaf" R"( )" "\xf0\xa1\xa8\xb8" R"(")"},
    };
    // clang-format on
    for (const Case &c : cases) {
        expectBytes(c.name, ours(c.text), c.expected);
        expectBytes(std::string(c.name) + " (UTF-8)", oursFromUtf8(c.text), c.expected);
        expectBytes(std::string(c.name) + " (Qt)", qtCompact(c.text), c.expected);
    }
    // A lone surrogate has no UTF-8 form: escaped (there is no UTF-8 text to write it from).
    for (const Case &c : QList<Case>{{"lone high surrogate", fromUtf16(u"a\xd83dz"), R"("a\ud83dz")"},
                                     {"lone low surrogate", fromUtf16(u"a\xdc00z"), R"("a\udc00z")"},
                                     {"swapped pair", fromUtf16(u"\xde00\xd83d"), R"("\ude00\ud83d")"}}) {
        expectBytes(c.name, ours(c.text), c.expected);
        expectBytes(std::string(c.name) + " (Qt)", qtCompact(c.text), c.expected);
    }
    // The two spellings of one name are different text to a replica.
    CHECK(ours(cases.at(1).text) != ours(cases.at(2).text));

    // In the fields written directly and in the payload written by Qt.
    Event e = event(EventType::Note, 20, {}, {}, 58);
    e.officer = fromUtf16(u"nguye\u0302\u0303n.th");
    e.counterId = fromUtf16(u"H49.01-Q\u0110\u1ed1c \"1\"");
    e.payload = {
        {QStringLiteral("text"), fromUtf16(u"D\u00f2ng 1\nD\u00f2ng 2\t\"tr\u00edch\" \\ \u2028 \U0001f600")},
        {QStringLiteral("decomposed"), fromUtf16(u"Nguye\u0302\u0303n")},
        {QStringLiteral("precomposed"), fromUtf16(u"Nguy\u1ec5n")},
    };
    // clang-format off
    checkEvent("escapes in an event", e,
               R"({"catalog_version":12,"counter_id":"H49.01-Q)" "\xc4\x90\xe1\xbb\x91" R"(c \"1\"",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000020","hlc":"019cbbee5f12.0002",)"
               R"("occurred_at":"2026-03-05T02:58:07.250Z","officer":"nguye)" "\xcc\x82\xcc\x83" R"(n.th",)"
               R"("parents":[],"payload":{"decomposed":"Nguye)" "\xcc\x82\xcc\x83" R"(n","precomposed":"Nguy)"
               "\xe1\xbb\x85" R"(n","text":"D)" "\xc3\xb2" R"(ng 1\nD)" "\xc3\xb2" R"(ng 2\t\"tr)" "\xc3\xad"
               R"(ch\" \\ )" "\xe2\x80\xa8" R"( )" "\xf0\x9f\x98\x80" R"("},"schema_version":1,"type":"note"})");
    // clang-format on
}

TEST_CASE("Payload numbers are written in fixed forms", "[dossier][json][golden]")
{
    constexpr qint64 k2p53 = qint64(1) << 53;
    const QList<std::pair<qint64, const char *>> integers = {
        {0, "0"},
        {-1, "-1"},
        {1, "1"},
        {std::numeric_limits<int>::max(), "2147483647"},
        {std::numeric_limits<int>::min(), "-2147483648"},
        {k2p53 - 1, "9007199254740991"},
        {-(k2p53 - 1), "-9007199254740991"},
        {k2p53, "9007199254740992"},
        {k2p53 + 1, "9007199254740993"},
        {qint64(1000000000000000000), "1000000000000000000"},
        {std::numeric_limits<qint64>::max(), "9223372036854775807"},
        {std::numeric_limits<qint64>::min(), "-9223372036854775808"},
    };
    for (const auto &[value, expected] : integers)
        expectBytes("integer " + std::to_string(value), qtCompact(QJsonValue(value)), expected);
    CHECK(qtCompact(QJsonValue(int(7))) == "7");

    const QList<std::pair<double, const char *>> doubles = {
        {0.5, "0.5"},
        {-0.25, "-0.25"},
        {0.1, "0.1"},
        {1.0, "1"},
        {-3.0, "-3"},
        {0.0, "0"},
        {-0.0, "0"},  // the sign is lost
        {123456.789, "123456.789"},
        {1e-7, "1e-07"},
        {1e21, "1e+21"},
        {double(k2p53), "9007199254740992"},
        {9007199254740994.0, "9007199254740994"},
        {9.223372036854775807e18, "9223372036854776000"},  // 2^63: the shortest digits, padded with zeros
        {std::numeric_limits<double>::max(), "1.7976931348623157e+308"},
        {std::numeric_limits<double>::denorm_min(), "5e-324"},
        {std::numeric_limits<double>::quiet_NaN(), "null"},
        {std::numeric_limits<double>::infinity(), "null"},
        {-std::numeric_limits<double>::infinity(), "null"},
    };
    for (const auto &[value, expected] : doubles)
        expectBytes("double " + std::to_string(value), qtCompact(QJsonValue(value)), expected);
    CHECK(qtCompact(QJsonValue(true)) == "true");
    CHECK(qtCompact(QJsonValue(false)) == "false");
    CHECK(qtCompact(QJsonValue(QJsonValue::Null)) == "null");

    Event e = event(EventType::Fee, 21, {eventId(13)}, {}, 59);
    e.payload = {
        {QStringLiteral("amount_vnd"), qint64(2500000)},
        {QStringLiteral("big"), std::numeric_limits<qint64>::max()},
        {QStringLiteral("negative"), -1},
        {QStringLiteral("zero"), 0},
        {QStringLiteral("max_safe"), k2p53 - 1},
        {QStringLiteral("rate"), 0.1},
        {QStringLiteral("whole_double"), 2.0},
        {QStringLiteral("flags"), QJsonArray{true, false, QJsonValue::Null}},
    };
    // clang-format off
    // Canonical but outside the fast reader's profile (a fraction): read back by the general reader only.
    checkEvent("numbers in an event", e,
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000021","hlc":"019cbbef4972.0000",)"
               R"("occurred_at":"2026-03-05T02:59:07.250Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000013"],"payload":{"amount_vnd":2500000,)"
               R"("big":9223372036854775807,"flags":[true,false,null],"max_safe":9007199254740991,"negative":-1,)"
               R"("rate":0.1,"whole_double":2,"zero":0},"schema_version":1,"type":"fee"})", false);
    // clang-format on
}

TEST_CASE("Keys are in a fixed order and empty values are kept", "[dossier][json][golden]")
{
    QJsonObject keys;
    // Qt sorts keys by UTF-16 code units: U+1F600 (a surrogate pair, D83D DE00) before U+FF21, unlike byte order.
    for (const char16_t *key : {u"b", u"a", u"B", u"_", u"a_", u"a1", u"A", u"z", u"Z", u"0", u"", u"\u00e9", u"\u0111",
                                u"e\u0301", u"\uff21", u"\U0001f600", u"~"})
        keys.insert(QString::fromUtf16(key), 1);
    // clang-format off
    expectBytes("key order", qtCompact(keys),
                R"({"":1,"0":1,"A":1,"B":1,"Z":1,"_":1,"a":1,"a1":1,"a_":1,"b":1,"e)" "\xcc\x81" R"(":1,"z":1,"~":1,)"
                R"(")" "\xc3\xa9" R"(":1,")" "\xc4\x91" R"(":1,")" "\xf0\x9f\x98\x80" R"(":1,")" "\xef\xbc\xa1"
                R"(":1})");
    // clang-format on

    const QJsonObject empties{
        {QStringLiteral("string"), QString()},
        {QStringLiteral("array"), QJsonArray()},
        {QStringLiteral("object"), QJsonObject()},
        {QStringLiteral("nested"),
         QJsonObject{
             {QStringLiteral("list"), QJsonArray{QJsonArray(), QJsonObject(), QJsonArray{QJsonObject()}, QString()}},
             {QStringLiteral("deep"),
              QJsonObject{{QStringLiteral("deeper"),
                           QJsonObject{{QStringLiteral("deepest"), QJsonArray{1, QJsonArray{2, QJsonArray{3}}}}}}}}}},
    };
    // clang-format off
    expectBytes("empty and nested values", qtCompact(empties),
                R"({"array":[],"nested":{"deep":{"deeper":{"deepest":[1,[2,[3]]]}},"list":[[],{},[{}],""]},)"
                R"("object":{},"string":""})");
    // clang-format on

    Event e = event(EventType::Note, 22, {}, {}, 59);
    // clang-format off
    checkEvent("empty payload", e,
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000022","hlc":"019cbbef4972.0001",)"
               R"("occurred_at":"2026-03-05T02:59:07.250Z","officer":"lan.nt","parents":[],"payload":{},)"
               R"("schema_version":1,"type":"note"})");
    // clang-format on
    e.payload = empties;
    // clang-format off
    checkEvent("nested payload", e,
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000022","hlc":"019cbbef4972.0001",)"
               R"("occurred_at":"2026-03-05T02:59:07.250Z","officer":"lan.nt","parents":[],"payload":{"array":[],)"
               R"("nested":{"deep":{"deeper":{"deepest":[1,[2,[3]]]}},"list":[[],{},[{}],""]},"object":{},)"
               R"("string":""},"schema_version":1,"type":"note"})");
    // clang-format on
}

TEST_CASE("Event fields at their edges have fixed canonical bytes", "[dossier][json][golden]")
{
    Event e = event(EventType::Note, 23, {}, {{QStringLiteral("text"), QStringLiteral("x")}}, 0);
    e.catalogVersion = 0;
    e.hlc = HlcTimestamp{0, 0};
    // clang-format off
    checkEvent("zero catalog version and clock", e,
               R"({"catalog_version":0,"counter_id":"H49.01-Q01","dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000023","hlc":"000000000000.0000",)"
               R"("occurred_at":"2026-03-05T02:00:07.250Z","officer":"lan.nt","parents":[],"payload":{"text":"x"},)"
               R"("schema_version":1,"type":"note"})");
    // clang-format on

    e.catalogVersion = std::numeric_limits<int>::max();
    e.hlc = HlcTimestamp{0xffffffffffff, 0xffff};
    // clang-format off
    checkEvent("largest catalog version and clock", e,
               R"({"catalog_version":2147483647,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000023","hlc":"ffffffffffff.ffff",)"
               R"("occurred_at":"2026-03-05T02:00:07.250Z","officer":"lan.nt","parents":[],"payload":{"text":"x"},)"
               R"("schema_version":1,"type":"note"})");
    // clang-format on

    // The moment is written in UTC, whatever zone it was taken in, always with milliseconds.
    e = event(EventType::Note, 24, {}, {}, 0);
    e.occurredAt =
        QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59, 999), QTimeZone(QByteArrayLiteral("Asia/Ho_Chi_Minh")));
    // clang-format off
    checkEvent("moment in Vietnam time", e,
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000024","hlc":"019cbbb94552.0000",)"
               R"("occurred_at":"2026-12-31T16:59:59.999Z","officer":"lan.nt","parents":[],"payload":{},)"
               R"("schema_version":1,"type":"note"})");
    // clang-format on
    e.occurredAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    // clang-format off
    checkEvent("moment on the hour", e,
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000024","hlc":"019cbbb94552.0000",)"
               R"("occurred_at":"2026-01-01T00:00:00.000Z","officer":"lan.nt","parents":[],"payload":{},)"
               R"("schema_version":1,"type":"note"})");
    // clang-format on

    // Parents are kept in the order given, not sorted.
    e.parents = {eventId(9), eventId(1), eventId(5)};
    // clang-format off
    checkEvent("three parents", e,
               R"({"catalog_version":12,"counter_id":"H49.01-Q01",)"
               R"("dossier_id":"0195600a-9c40-7a21-8b3e-4f5d6c7b8a90",)"
               R"("event_id":"0195600a-9c40-7e00-8000-000000000024","hlc":"019cbbb94552.0000",)"
               R"("occurred_at":"2026-01-01T00:00:00.000Z","officer":"lan.nt",)"
               R"("parents":["0195600a-9c40-7e00-8000-000000000009","0195600a-9c40-7e00-8000-000000000001",)"
               R"("0195600a-9c40-7e00-8000-000000000005"],"payload":{},"schema_version":1,"type":"note"})");
    // clang-format on
}
