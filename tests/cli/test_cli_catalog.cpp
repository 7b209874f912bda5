// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using motcua::test::runCli;
using motcua::test::sourcePath;
using motcua::test::TempDir;

namespace {

QJsonObject jsonOf(const motcua::test::ProcessResult &r)
{
    REQUIRE(r.exitCode == 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc.object();
}

QString sample()
{
    return sourcePath(QStringLiteral("resources/data/demo-catalog.json"));
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const QByteArray kAnQr = QByteArray(
    "022090012345|100987654|Nguy\xe1\xbb\x85n V\xc4\x83n An|14051990|Nam|T\xe1\xbb\x95 5, Khu 3|20042021\r\n");

}  // namespace

TEST_CASE("motcua-cli catalog import: versions, no-op re-import, rejected files", "[cli][catalog]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    auto first = runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("import"), sample()});
    CHECK(first.exitCode == 0);
    CHECK(first.out.contains(QStringLiteral("Imported 33 procedures")));
    CHECK(first.out.contains(QStringLiteral("catalog version 1")));

    const QJsonObject again = jsonOf(runCli({QStringLiteral("--db"), db, QStringLiteral("--json"),
                                             QStringLiteral("catalog"), QStringLiteral("import"), sample()}));
    CHECK(again.value(QStringLiteral("version")).toInt() == 1);
    CHECK(again.value(QStringLiteral("procedures")).toInt() == 33);
    CHECK(again.value(QStringLiteral("already_current")).toBool());
    CHECK(again.value(QStringLiteral("sha256")).toString().size() == 64);

    const QString bad = dir.file(QStringLiteral("bad.json"));
    writeFile(bad,
              R"({"procedures": [{"code": "1.0001", "name": "A", "processing": {"kind": "working_days", "days": -3}},
                      {"code": "1.0002", "processing": {"kind": "fortnights", "days": 1}}]})");
    auto rejected = runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("import"), bad});
    motcua::test::requireOneLineError(rejected, 2);
    CHECK(rejected.err.contains(QStringLiteral("procedures[0] (1.0001): processing.days is negative")));
    CHECK(rejected.err.contains(QStringLiteral("procedures[1] (1.0002): name is missing")));
    CHECK(rejected.err.contains(
        QStringLiteral("procedures[1] (1.0002): processing.kind is not a known processing kind")));

    const QString broken = dir.file(QStringLiteral("broken.json"));
    writeFile(broken, "{\"procedures\": [\n");
    auto syntax = runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("import"), broken});
    motcua::test::requireOneLineError(syntax, 2);
    CHECK(syntax.err.contains(QStringLiteral("line 2")));

    motcua::test::requireOneLineError(runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"),
                                              QStringLiteral("import"), dir.file(QStringLiteral("missing.json"))}),
                                      2);
    motcua::test::requireOneLineError(
        runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("import")}), 2);

    // Still version 1 after the rejected files.
    const QJsonObject shown =
        jsonOf(runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("catalog"),
                       QStringLiteral("show"), QStringLiteral("1.001193")}));
    CHECK(shown.value(QStringLiteral("catalog_version")).toInt() == 1);
}

TEST_CASE("motcua-cli catalog search seeds the demo catalog and ranks hits", "[cli][catalog]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    auto hits = runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("search"),
                        QStringLiteral("dang"), QStringLiteral("ky"), QStringLiteral("khai"), QStringLiteral("sinh")});
    REQUIRE(hits.exitCode == 0);
    const QStringList lines = hits.out.trimmed().split(QLatin1Char('\n'));
    REQUIRE(lines.size() == 3);
    CHECK(lines.at(0) == QString::fromUtf8("1.001193\tĐăng ký khai sinh"));
    CHECK(lines.at(1).startsWith(QStringLiteral("1.000689\t")));
    CHECK(lines.at(2) == QString::fromUtf8("1.004884\tĐăng ký lại khai sinh"));

    auto limited = runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("search"),
                           QStringLiteral("dang ky"), QStringLiteral("--limit"), QStringLiteral("3")});
    CHECK(limited.exitCode == 0);
    CHECK(limited.out.trimmed().split(QLatin1Char('\n')).size() == 3);

    const QJsonObject json =
        jsonOf(runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("search"),
                       QStringLiteral("1.0011"), QStringLiteral("--json")}));
    CHECK(json.value(QStringLiteral("catalog_version")).toInt() == 1);
    const QJsonArray list = json.value(QStringLiteral("hits")).toArray();
    REQUIRE(list.size() == 1);
    CHECK(list.at(0).toObject().value(QStringLiteral("code")).toString() == QStringLiteral("1.001193"));
    CHECK(list.at(0).toObject().value(QStringLiteral("match")).toString() == QStringLiteral("code_prefix"));

    auto none = runCli(
        {QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("search"), QStringLiteral("zzz")});
    CHECK(none.exitCode == 0);
    CHECK(none.out.isEmpty());

    motcua::test::requireOneLineError(
        runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("search")}), 2);
    motcua::test::requireOneLineError(
        runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("search"), QStringLiteral("khai"),
                QStringLiteral("--limit"), QStringLiteral("x")}),
        2);
}

TEST_CASE("motcua-cli catalog show prints every field and the documents", "[cli][catalog]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    auto shown = runCli(
        {QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("2.000635")});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.out.contains(QString::fromUtf8("Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh")));
    CHECK(shown.out.contains(QString::fromUtf8("Hộ tịch")));
    CHECK(shown.out.contains(QStringLiteral("8.000 VND")));
    CHECK(shown.out.contains(QStringLiteral("Documents:")));
    CHECK(shown.out.contains(QStringLiteral("Originals")));
    CHECK(shown.out.contains(QString::fromUtf8("Văn bản ủy quyền (nếu ủy quyền)")));
    CHECK(shown.out.contains(QStringLiteral("(shown, not kept)")));

    const QJsonObject json =
        jsonOf(runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("catalog"),
                       QStringLiteral("show"), QStringLiteral("1.004873")}));
    CHECK(json.value(QStringLiteral("code")).toString() == QStringLiteral("1.004873"));
    CHECK(json.value(QStringLiteral("catalog_version")).toInt() == 1);
    CHECK(json.value(QStringLiteral("processing")).toObject().value(QStringLiteral("days")).toInt() == 3);
    CHECK(json.value(QStringLiteral("documents")).isArray());

    auto missing = runCli(
        {QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("9.999999")});
    motcua::test::requireOneLineError(missing, 2);
    CHECK(missing.err.contains(QStringLiteral("There is no procedure 9.999999 in catalog version 1.")));
    motcua::test::requireOneLineError(
        runCli({QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("show"),
                QStringLiteral("1.001193"), QStringLiteral("--catalog-version"), QStringLiteral("5")}),
        2);
    // An older version stays readable.
    const QJsonObject v1 =
        jsonOf(runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("catalog"),
                       QStringLiteral("show"), QStringLiteral("1.001193"), QStringLiteral("--catalog-version=1")}));
    CHECK(v1.value(QStringLiteral("name")).toString() == QString::fromUtf8("Đăng ký khai sinh"));
}

TEST_CASE("motcua-cli cccd parse reads the scanned text from stdin", "[cli][citizen]")
{
    auto text = runCli({QStringLiteral("cccd"), QStringLiteral("parse")}, kAnQr);
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("022090012345")));
    CHECK(text.out.contains(QString::fromUtf8("Nguyễn Văn An")));
    CHECK(text.out.contains(QStringLiteral("14/05/1990")));
    CHECK(text.out.contains(QString::fromUtf8("Quảng Ninh (022)")));

    const QJsonObject o =
        jsonOf(runCli({QStringLiteral("cccd"), QStringLiteral("parse"), QStringLiteral("--json")}, kAnQr));
    CHECK(o.value(QStringLiteral("id_number")).toString() == QStringLiteral("022090012345"));
    CHECK(o.value(QStringLiteral("old_id_number")).toString() == QStringLiteral("100987654"));
    CHECK(o.value(QStringLiteral("full_name")).toString() == QString::fromUtf8("Nguyễn Văn An"));
    CHECK(o.value(QStringLiteral("birth_date")).toString() == QStringLiteral("1990-05-14"));
    CHECK(o.value(QStringLiteral("gender")).toString() == QStringLiteral("Nam"));
    CHECK(o.value(QStringLiteral("address")).toString() == QString::fromUtf8("Tổ 5, Khu 3"));
    CHECK(o.value(QStringLiteral("issue_date")).toString() == QStringLiteral("2021-04-20"));

    auto mismatch =
        runCli({QStringLiteral("cccd"), QStringLiteral("parse")},
               QByteArray("022190012345|100987654|Nguy\xe1\xbb\x85n V\xc4\x83n An|14051990|Nam|X|20042021\r"));
    motcua::test::requireOneLineError(mismatch, 2);
    CHECK(mismatch.err.contains(QStringLiteral("Digit 4 of the ID number (1) means")));
    motcua::test::requireOneLineError(
        runCli({QStringLiteral("cccd"), QStringLiteral("parse")}, QByteArray("022090012345|1\r\n")), 2);
    motcua::test::requireOneLineError(runCli({QStringLiteral("cccd"), QStringLiteral("parse")}), 2);
}
