// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "core/Clock.h"
#include "core/catalog/CatalogImport.h"
#include "core/catalog/CatalogSearch.h"
#include "core/catalog/CatalogStore.h"
#include "core/store/AuditLog.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace motcua;
using motcua::test::TempDir;

namespace {

const Actor kOfficer{QStringLiteral("officer1"), QStringLiteral("counter-a")};

QByteArray sampleCatalog()
{
    QFile f(QStringLiteral(":/data/demo-catalog.json"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

std::unique_ptr<Store> openStore(const TempDir &dir)
{
    auto r = Store::open(dir.file(QStringLiteral("counter.sqlite")));
    if (!r)
        FAIL("Store::open failed: " << r.error().message);
    return std::move(r.value());
}

qint64 count(const Store &store, const QString &sqlText)
{
    auto v = sql::scalar(store.connection(), sqlText);
    REQUIRE(v.ok());
    return v->toLongLong();
}

QByteArray withRenamedProcedure(const QByteArray &json, const QString &code, const QString &newName)
{
    QJsonObject root = QJsonDocument::fromJson(json).object();
    QJsonArray list = root.value(QStringLiteral("procedures")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        QJsonObject p = list.at(i).toObject();
        if (p.value(QStringLiteral("code")).toString() == code) {
            p.insert(QStringLiteral("name"), newName);
            list.replace(i, p);
        }
    }
    root.insert(QStringLiteral("procedures"), list);
    return QJsonDocument(root).toJson();
}

QStringList codes(const QList<CatalogHit> &hits)
{
    QStringList list;
    for (const CatalogHit &h : hits)
        list.append(h.code);
    return list;
}

CatalogIndex sampleIndex()
{
    auto parsed = catalog::parseCatalog(sampleCatalog());
    REQUIRE(parsed.ok());
    return CatalogIndex::fromProcedures(parsed->procedures);
}

}  // namespace

TEST_CASE("the sample catalog parses with every field", "[catalog][import]")
{
    QStringList problems;
    auto parsed = catalog::parseCatalog(sampleCatalog(), &problems);
    REQUIRE(parsed.ok());
    CHECK(problems.isEmpty());
    CHECK(parsed->format == QStringLiteral("motcua-catalog-sample/1"));
    REQUIRE(parsed->procedures.size() == 33);

    const Procedure &birth = parsed->procedures.at(0);
    CHECK(birth.code == QStringLiteral("1.001193"));
    CHECK(birth.name == QString::fromUtf8("Đăng ký khai sinh"));
    CHECK(birth.field == QString::fromUtf8("Hộ tịch"));
    CHECK(birth.level == QString::fromUtf8("Cấp xã"));
    CHECK(birth.processing == ProcessingTime{ProcessingKind::SameDay15h, 0});
    CHECK(birth.feeVnd == std::optional<qint64>(0));
    CHECK(birth.verified);
    REQUIRE(birth.documents.size() == 4);
    CHECK(birth.documents.at(0).originals == 1);
    CHECK(birth.documents.at(0).certifiedCopies == 0);
    CHECK_FALSE(birth.documents.at(0).presentOnly);
    CHECK(birth.documents.at(3).presentOnly);
    CHECK(birth.doc.value(QStringLiteral("notes")).toString().startsWith(QString::fromUtf8("Ngay trong ngày")));

    // fee_vnd null: no fee given; fee_note kept.
    const Procedure &death = parsed->procedures.at(2);
    CHECK(death.code == QStringLiteral("1.000656"));
    CHECK_FALSE(death.feeVnd.has_value());
    CHECK(death.feeNote == QString::fromUtf8("Mức lệ phí do HĐND tỉnh quy định"));
    CHECK_FALSE(death.verified);

    const Procedure &copy = parsed->procedures.at(3);
    CHECK(copy.feeVnd == std::optional<qint64>(8000));
    CHECK(parsed->procedures.at(4).processing == ProcessingTime{ProcessingKind::WorkingDays, 3});
}

TEST_CASE("a catalog with agency, fee lines, zone variants, legal basis and unknown fields", "[catalog][import]")
{
    const QByteArray json = R"({"procedures": [{
        "code": "1.012753.H19", "name": "Thủ tục thử nghiệm", "agency": "UBND cấp xã",
        "processing": {"kind": "calendar_days", "days": 15},
        "fee_lines": [{"name": "Cấp lần đầu", "fee_vnd": 50000},
                      {"name": "Cấp lại", "fee_vnd": 20000, "note": "mỗi bản"}],
        "zone_variants": [{"zone": "mountain_island", "processing": {"kind": "calendar_days", "days": 20}}],
        "legal_basis": ["Nghị định 123/2015/NĐ-CP", "Thông tư 04/2020/TT-BTP"],
        "x_local_note": {"kept": true}
    }]})";
    auto parsed = catalog::parseCatalog(json);
    REQUIRE(parsed.ok());
    REQUIRE(parsed->procedures.size() == 1);
    const Procedure &p = parsed->procedures.at(0);
    CHECK(p.code == QStringLiteral("1.012753.H19"));
    CHECK(p.agency == QString::fromUtf8("UBND cấp xã"));
    CHECK(p.processing == ProcessingTime{ProcessingKind::CalendarDays, 15});
    CHECK_FALSE(p.feeVnd.has_value());
    REQUIRE(p.feeLines.size() == 2);
    CHECK(p.feeLines.at(1) == FeeLine{QString::fromUtf8("Cấp lại"), 20000, QString::fromUtf8("mỗi bản")});
    REQUIRE(p.zoneVariants.size() == 1);
    CHECK(p.zoneVariants.at(0).zone == QStringLiteral("mountain_island"));
    CHECK(p.zoneVariants.at(0).processing ==
          std::optional<ProcessingTime>(ProcessingTime{ProcessingKind::CalendarDays, 20}));
    CHECK(p.legalBasis ==
          QStringList{QString::fromUtf8("Nghị định 123/2015/NĐ-CP"), QString::fromUtf8("Thông tư 04/2020/TT-BTP")});
    CHECK(p.doc.value(QStringLiteral("x_local_note")).toObject().value(QStringLiteral("kept")).toBool());
    CHECK_FALSE(p.verified);
}

TEST_CASE("an invalid catalog is rejected whole with every problem listed", "[catalog][import]")
{
    const QByteArray json = R"({"procedures": [
        {"code": "1.000001", "name": "Hợp lệ", "processing": {"kind": "working_days", "days": 3}},
        {"code": "1.0001", "name": "Ngày âm", "processing": {"kind": "working_days", "days": -2}},
        {"name": "Không có mã", "processing": {"kind": "working_days", "days": 1}},
        {"code": "1.000003", "processing": {"kind": "working_days", "days": 1}},
        {"code": "1.000004", "name": "Loại lạ", "processing": {"kind": "weeks", "days": 1}},
        {"code": "1.000001", "name": "Trùng mã", "processing": {"kind": "same_day_15h", "days": 0}},
        {"code": "1.000006", "name": 42, "processing": {"kind": "working_days", "days": "3"}, "fee_vnd": "free",
         "verified": "yes", "documents": {"name": "x"}},
        {"code": "1.000007", "name": "Nửa ngày", "processing": {"kind": "working_days", "days": 1.5},
         "documents": [{"name": "Tờ khai", "copies": -1}, "not an object"]},
        {"code": "1.000008", "name": "Thiếu thời hạn"},
        "not a procedure"
    ]})";
    QStringList problems;
    auto parsed = catalog::parseCatalog(json, &problems);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == ErrorCode::InvalidInput);
    const QStringList expected = {
        QStringLiteral("procedures[1] (1.0001): processing.days is negative"),
        QStringLiteral("procedures[2]: code is missing"),
        QStringLiteral("procedures[3] (1.000003): name is missing"),
        QStringLiteral("procedures[4] (1.000004): processing.kind is not a known processing kind (weeks); use "
                       "working_days, calendar_days or same_day_15h"),
        QStringLiteral("procedures[5] (1.000001): code 1.000001 is listed already at procedures[0]"),
        QStringLiteral("procedures[6] (1.000006): name must be text"),
        QStringLiteral("procedures[6] (1.000006): verified must be true or false"),
        QStringLiteral("procedures[6] (1.000006): processing.days must be a number"),
        QStringLiteral("procedures[6] (1.000006): fee_vnd must be a number"),
        QStringLiteral("procedures[6] (1.000006): documents must be a list"),
        QStringLiteral("procedures[7] (1.000007): processing.days must be a whole number"),
        QStringLiteral("procedures[7] (1.000007): documents[0].copies is negative"),
        QStringLiteral("procedures[7] (1.000007): documents[1] must be an object"),
        QStringLiteral("procedures[8] (1.000008): processing is missing"),
        QStringLiteral("procedures[9] must be an object"),
    };
    CHECK(problems == expected);
    for (const QString &p : expected)
        CHECK(parsed.error().message.contains(p));
    CHECK(parsed.error().message.startsWith(QStringLiteral("The catalog was not imported: ")));
}

TEST_CASE("bad JSON and a wrong top level are rejected with a position", "[catalog][import]")
{
    QStringList problems;
    auto bad = catalog::parseCatalog("{\n  \"procedures\": [\n    {\"code\": \"1.000001\" \"name\": \"x\"}\n  ]\n}",
                                     &problems);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::InvalidInput);
    REQUIRE(problems.size() == 1);
    CHECK(problems.at(0).startsWith(QStringLiteral("the file is not valid JSON: ")));
    CHECK(problems.at(0).endsWith(QStringLiteral("at line 3, column 26")));

    CHECK(catalog::parseCatalog(R"({"items": []})", &problems).error().code == ErrorCode::InvalidInput);
    CHECK(problems == QStringList{QStringLiteral("the file must be a JSON object with a list \"procedures\"")});
    CHECK_FALSE(catalog::parseCatalog(R"({"procedures": []})", &problems).ok());
    CHECK(problems == QStringList{QStringLiteral("the catalog lists no procedures")});
    // A bare list of procedures is a catalog too.
    CHECK(catalog::parseCatalog(R"([{"code": "1.1", "name": "A", "processing": {"kind": "working_days", "days": 1}}])")
              .ok());
}

TEST_CASE("importing makes versioned snapshots and identical bytes are a no-op", "[catalog][store]")
{
    TempDir dir;
    auto store = openStore(dir);
    const CatalogStore catalog(*store);
    CHECK(catalog.currentVersion().value() == 0);
    CHECK(catalog.procedure(QStringLiteral("1.001193")).error().code == ErrorCode::NotFound);

    const QByteArray sample = sampleCatalog();
    auto first = catalog.importJson(sample, QStringLiteral("procedures.sample.json"), kOfficer);
    REQUIRE(first.ok());
    CHECK_FALSE(first->alreadyCurrent);
    CHECK(first->version.version == 1);
    CHECK(first->version.procedureCount == 33);
    CHECK(first->version.sha256.size() == 64);
    CHECK(catalog.currentVersion().value() == 1);
    CHECK(store->meta(QStringLiteral("catalog_version")).value() == QStringLiteral("1"));
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM procedures WHERE version = 1")) == 33);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM procedures WHERE name_folded = 'dang ky khai sinh'")) ==
          1);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'catalog.import'")) == 1);

    auto again = catalog.importJson(sample, QStringLiteral("again.json"), kOfficer);
    REQUIRE(again.ok());
    CHECK(again->alreadyCurrent);
    CHECK(again->version.version == 1);
    CHECK(again->version.origin == QStringLiteral("procedures.sample.json"));
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM catalog_versions")) == 1);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'catalog.import'")) == 1);

    // A rejected file leaves version 1 in force.
    auto rejected = catalog.importJson(R"({"procedures": [{"code": "1.0001", "name": "X",
        "processing": {"kind": "working_days", "days": -1}}]})",
                                       QStringLiteral("bad.json"), kOfficer);
    REQUIRE_FALSE(rejected.ok());
    CHECK(rejected.error().code == ErrorCode::InvalidInput);
    CHECK(rejected.error().message.contains(QStringLiteral("procedures[0] (1.0001): processing.days is negative")));
    CHECK(catalog.currentVersion().value() == 1);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM catalog_versions")) == 1);

    // A change makes version 2; version 1 still answers for old dossiers.
    const QString renamed = QString::fromUtf8("Đăng ký khai sinh (mẫu mới)");
    auto second = catalog.importJson(withRenamedProcedure(sample, QStringLiteral("1.001193"), renamed),
                                     QStringLiteral("v2.json"), kOfficer);
    REQUIRE(second.ok());
    CHECK(second->version.version == 2);
    CHECK(catalog.currentVersion().value() == 2);
    CHECK(catalog.procedure(QStringLiteral("1.001193")).value().name == renamed);
    CHECK(catalog.procedure(QStringLiteral("1.001193"), 2).value().name == renamed);
    CHECK(catalog.procedure(QStringLiteral("1.001193"), 1).value().name == QString::fromUtf8("Đăng ký khai sinh"));
    const Procedure v1 = catalog.procedure(QStringLiteral("1.001193"), 1).value();
    CHECK(v1.processing == ProcessingTime{ProcessingKind::SameDay15h, 0});
    CHECK(v1.documents.size() == 4);
    CHECK(catalog.procedures(1).value().size() == 33);
    CHECK(catalog.procedures().value().size() == 33);

    auto missing = catalog.procedure(QStringLiteral("9.999999"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().message == QStringLiteral("There is no procedure 9.999999 in catalog version 2."));
    CHECK(catalog.procedure(QStringLiteral("1.001193"), 7).error().message ==
          QStringLiteral("Catalog version 7 does not exist."));

    const QList<CatalogVersion> versions = catalog.versions().value();
    REQUIRE(versions.size() == 2);
    CHECK(versions.at(1).origin == QStringLiteral("v2.json"));
    CHECK(versions.at(0).importedAt.isValid());
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'catalog.import'")) == 2);
    CHECK(AuditLog::verify(store->connection()).value().intact);

    // The bytes of version 1 again: a new version (going back is a change too).
    auto back = catalog.importJson(sample, QStringLiteral("procedures.sample.json"), kOfficer);
    REQUIRE(back.ok());
    CHECK(back->version.version == 3);
    CHECK(catalog.procedure(QStringLiteral("1.001193")).value().name == QString::fromUtf8("Đăng ký khai sinh"));
}

TEST_CASE("a failed write leaves the previous catalog in force", "[catalog][store]")
{
    TempDir dir;
    auto store = openStore(dir);
    const CatalogStore catalog(*store);
    REQUIRE(catalog.importJson(sampleCatalog(), QStringLiteral("v1"), kOfficer).ok());
    const QByteArray changed = withRenamedProcedure(sampleCatalog(), QStringLiteral("1.000894"), QStringLiteral("X"));
    // Fail a statement in the middle of the procedure rows.
    sql::FaultInjector::failAt(20, ErrorCode::DiskFull);
    auto failed = catalog.importJson(changed, QStringLiteral("v2"), kOfficer);
    sql::FaultInjector::disarm();
    REQUIRE_FALSE(failed.ok());
    CHECK(catalog.currentVersion().value() == 1);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM catalog_versions")) == 1);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM procedures")) == 33);
}

TEST_CASE("ensureSeeded imports the demo catalog into an empty store only", "[catalog][store]")
{
    TempDir dir;
    auto store = openStore(dir);
    auto seeded = ensureSeeded(*store, sampleCatalog());
    REQUIRE(seeded.ok());
    CHECK(*seeded);
    CHECK(CatalogStore(*store).currentVersion().value() == 1);
    CHECK(CatalogStore(*store).versions().value().at(0).origin == QStringLiteral("demo"));
    auto again = ensureSeeded(*store, sampleCatalog());
    REQUIRE(again.ok());
    CHECK_FALSE(*again);
    CHECK(count(*store, QStringLiteral("SELECT count(*) FROM catalog_versions")) == 1);
}

TEST_CASE("catalog search finds what an officer means", "[catalog][search]")
{
    const CatalogIndex index = sampleIndex();
    REQUIRE(index.size() == 33);

    auto top = [&](const QString &query) {
        const QList<CatalogHit> hits = index.search(query, 5);
        return hits.isEmpty() ? QString() : hits.at(0).code;
    };
    CHECK(top(QStringLiteral("dang ky khai sinh")) == QStringLiteral("1.001193"));
    CHECK(top(QString::fromUtf8("Đăng ký khai sinh")) == QStringLiteral("1.001193"));
    CHECK(top(QStringLiteral("DANG KY KHAI SINH")) == QStringLiteral("1.001193"));
    CHECK(top(QStringLiteral("khai sinh")) == QStringLiteral("1.001193"));
    CHECK(top(QStringLiteral("khai sinh dang")) == QStringLiteral("1.001193"));
    CHECK(top(QStringLiteral("dk khai sinh")).isEmpty());  // "dk" starts no word
    CHECK(top(QStringLiteral("1.0011")) == QStringLiteral("1.001193"));
    CHECK(top(QStringLiteral("1.001193")) == QStringLiteral("1.001193"));
    CHECK(top(QStringLiteral("chung thuc ban sao")) == QStringLiteral("2.000815"));
    CHECK(top(QStringLiteral("chứng thực bản sao")) == QStringLiteral("2.000815"));
    CHECK(top(QStringLiteral("xoa tam tru")) == QStringLiteral("1.010028"));
    CHECK(top(QStringLiteral("dang ky tam")) == QStringLiteral("1.004194"));
    CHECK(top(QStringLiteral("thuong tr")) == QStringLiteral("1.004222"));
    CHECK(top(QStringLiteral("ho ngheo")) == QStringLiteral("1.116214"));
    CHECK(top(QStringLiteral("ket hon nuoc ngoai")) == QStringLiteral("2.000806"));
    CHECK(index.search(QStringLiteral("xyz khai sinh")).isEmpty());
    CHECK(index.search(QStringLiteral("   ")).isEmpty());
    CHECK(index.search(QStringLiteral("khai"), 0).isEmpty());
}

TEST_CASE("catalog search ranks exact code, code prefix, name prefix, then word matches", "[catalog][search]")
{
    const CatalogIndex index = sampleIndex();
    // Code prefix: in code order.
    const QList<CatalogHit> byCode = index.search(QStringLiteral("1.001"));
    CHECK(codes(byCode) == QStringList{QStringLiteral("1.001022"), QStringLiteral("1.001193"),
                                       QStringLiteral("1.001612"), QStringLiteral("1.001699"),
                                       QStringLiteral("1.001731"), QStringLiteral("1.001776")});
    CHECK(byCode.at(0).match == CatalogHit::Match::CodePrefix);
    const QList<CatalogHit> exact = index.search(QStringLiteral("1.001193"));
    REQUIRE(exact.size() == 1);
    CHECK(exact.at(0).match == CatalogHit::Match::ExactCode);

    // Name prefix (shorter names first), then names holding the words elsewhere.
    const QList<CatalogHit> hits = index.search(QStringLiteral("dang ky khai"));
    CHECK(codes(hits) == QStringList{QStringLiteral("1.000656"), QStringLiteral("1.001193"), QStringLiteral("1.000689"),
                                     QStringLiteral("1.004884"), QStringLiteral("2.002913")});
    CHECK(hits.at(0).match == CatalogHit::Match::NamePrefix);
    CHECK(hits.at(2).match == CatalogHit::Match::NamePrefix);
    CHECK(hits.at(3).match == CatalogHit::Match::NameWords);  // "Đăng ký lại khai sinh": the words, not the phrase
    CHECK(hits.at(4).match == CatalogHit::Match::NameWords);

    // Word matches: whole words, then earlier, then shorter.
    CHECK(codes(index.search(QStringLiteral("khai sinh"))) ==
          QStringList{QStringLiteral("1.001193"), QStringLiteral("1.000689"), QStringLiteral("1.004884"),
                      QStringLiteral("2.000635")});
    const QList<CatalogHit> partial = index.search(QStringLiteral("kha sin"));
    CHECK(codes(partial).mid(0, 2) == QStringList{QStringLiteral("1.001193"), QStringLiteral("1.000689")});
    CHECK(index.search(QStringLiteral("dang ky"), 3).size() == 3);
}

TEST_CASE("the index loads the current or a given snapshot from the store", "[catalog][search]")
{
    TempDir dir;
    auto store = openStore(dir);
    const CatalogStore catalog(*store);
    CHECK(CatalogIndex::load(*store).value().size() == 0);
    REQUIRE(catalog.importJson(sampleCatalog(), QStringLiteral("v1"), kOfficer).ok());
    REQUIRE(catalog
                .importJson(withRenamedProcedure(sampleCatalog(), QStringLiteral("1.010038"),
                                                 QStringLiteral("Tách hộ gia đình")),
                            QStringLiteral("v2"), kOfficer)
                .ok());
    const CatalogIndex current = CatalogIndex::load(*store).value();
    CHECK(current.version() == 2);
    CHECK(codes(current.search(QStringLiteral("tach ho gia"))) == QStringList{QStringLiteral("1.010038")});
    const CatalogIndex old = CatalogIndex::load(*store, 1).value();
    CHECK(old.version() == 1);
    CHECK(old.search(QStringLiteral("tach ho gia")).isEmpty());
    CHECK(codes(old.search(QStringLiteral("tach ho"))) == QStringList{QStringLiteral("1.010038")});
    CHECK(CatalogIndex::load(*store, 3).error().code == ErrorCode::NotFound);
}
