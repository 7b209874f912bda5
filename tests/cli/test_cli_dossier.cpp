// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace motcua::test;

namespace {

QString writeFile(const TempDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.file(name));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(content);
    return f.fileName();
}

struct Counter {
    TempDir dir;
    QString db = dir.file(QStringLiteral("counter.sqlite"));

    ProcessResult cli(QStringList args) { return runCli(QStringList{QStringLiteral("--db"), db} + args); }

    Counter()
    {
        REQUIRE(cli({QStringLiteral("counter"), QStringLiteral("setup"), QStringLiteral("--agency-id"),
                     QStringLiteral("000.00.04.H49"), QStringLiteral("--unit"), QStringLiteral("Phường Hồng Gai")})
                    .exitCode == 0);
    }

    QString applicant(const QByteArray &json = {})
    {
        return writeFile(
            dir, QStringLiteral("applicant.json"),
            json.isEmpty() ? QByteArray(R"({"id_number":"022095001234","old_id_number":"","full_name":"Nguyễn Văn Đức",
                                                       "birth_date":"1995-03-14","gender":"Nam","address":"Tổ 5, Hồng Gai",
                                                       "issue_date":"2021-04-10","phone":"0912 345 678","email":"duc@example.vn"})")
                           : json);
    }
};

}  // namespace

TEST_CASE("dossier receive prints the code, and show, search and list find the dossier", "[cli][dossier]")
{
    Counter c;
    auto r = c.cli({QStringLiteral("dossier"), QStringLiteral("receive"), QStringLiteral("--procedure"),
                    QStringLiteral("1.001193"), QStringLiteral("--applicant-json"), c.applicant(),
                    QStringLiteral("--received"), QStringLiteral("2026-02-13T10:00")});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.trimmed() == QStringLiteral("000.00.04.H49-260213-0001"));

    // 1.001193 is a same-day procedure: received before 15:00 on Friday 13/02 it is due at closing time that day.
    auto show = c.cli({QStringLiteral("--json"), QStringLiteral("dossier"), QStringLiteral("show"),
                       QStringLiteral("000.00.04.H49-260213-0001")});
    REQUIRE(show.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(show.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("status")).toString() == QStringLiteral("received"));
    CHECK(o.value(QStringLiteral("received_at")).toString() == QStringLiteral("2026-02-13T10:00"));
    CHECK(o.value(QStringLiteral("due_at")).toString() == QStringLiteral("2026-02-13T17:00"));
    CHECK(o.value(QStringLiteral("documents")).toArray().size() >= 2);  // defaulted from the catalog
    CHECK(o.value(QStringLiteral("applicant")).toObject().value(QStringLiteral("phone")).toString() ==
          QStringLiteral("0912345678"));

    auto text = c.cli({QStringLiteral("dossier"), QStringLiteral("show"), QStringLiteral("000.00.04.H49-260213-0001")});
    CHECK(text.out.contains(QStringLiteral("Nguyễn Văn Đức")));
    CHECK(text.out.contains(QStringLiteral("Timeline")));

    for (const QString &q : {QStringLiteral("duc"), QStringLiteral("nguyen van"), QStringLiteral("022095001234"),
                             QStringLiteral("0912345678"), QStringLiteral("000.00.04.H49-260213")}) {
        auto found = c.cli({QStringLiteral("dossier"), QStringLiteral("search"), q});
        CHECK(found.exitCode == 0);
        CHECK(found.out.startsWith(QStringLiteral("000.00.04.H49-260213-0001\t")));
    }
    auto list = c.cli({QStringLiteral("--json"), QStringLiteral("dossier"), QStringLiteral("list"),
                       QStringLiteral("--status"), QStringLiteral("received")});
    CHECK(QJsonDocument::fromJson(list.out.toUtf8()).object().value(QStringLiteral("dossiers")).toArray().size() == 1);
    auto overdue = c.cli(
        {QStringLiteral("--json"), QStringLiteral("dossier"), QStringLiteral("list"), QStringLiteral("--overdue")});
    CHECK(QJsonDocument::fromJson(overdue.out.toUtf8()).object().value(QStringLiteral("dossiers")).toArray().size() ==
          1);
}

TEST_CASE("dossier event walks the lifecycle and refuses illegal steps", "[cli][dossier]")
{
    Counter c;
    auto r = c.cli({QStringLiteral("dossier"), QStringLiteral("receive"), QStringLiteral("--procedure"),
                    QStringLiteral("1.001193"), QStringLiteral("--applicant-json"), c.applicant(),
                    QStringLiteral("--received"), QStringLiteral("2026-03-02T09:00")});
    REQUIRE(r.exitCode == 0);
    const QString code = r.out.trimmed();
    auto event = [&](const QString &type, const QByteArray &json = {}) {
        QStringList args{QStringLiteral("dossier"), QStringLiteral("event"), code, type};
        if (!json.isEmpty())
            args << QStringLiteral("--json") << writeFile(c.dir, type + QStringLiteral(".json"), json);
        return c.cli(args);
    };
    auto early =
        event(QStringLiteral("returned"), R"({"receiver":{"full_name":"Nguyễn Văn Đức"},"identity_checked":true})");
    CHECK(early.exitCode == 2);
    CHECK(early.err.contains(QStringLiteral("cannot be marked")));
    CHECK(event(QStringLiteral("transferred"), R"({"agency":"UBND phường Hồng Gai"})").exitCode == 0);
    CHECK(event(QStringLiteral("processing_step"), R"({"step":"appraise"})").exitCode == 0);
    CHECK(event(QStringLiteral("supplement_requested"), R"({"reason":"Thiếu bản sao giấy chứng sinh"})").exitCode == 0);
    CHECK(event(QStringLiteral("supplemented")).exitCode == 0);  // the new due moment is computed
    CHECK(event(QStringLiteral("note"), R"({"text":"Đã gọi điện"})").exitCode == 0);
    CHECK(event(QStringLiteral("result_ready")).exitCode == 0);
    auto done =
        event(QStringLiteral("returned"),
              R"({"receiver":{"full_name":"Nguyễn Văn Đức","id_number":"022095001234"},"identity_checked":true})");
    CHECK(done.exitCode == 0);
    CHECK(done.out.contains(QStringLiteral("returned")));
    auto bogus = event(QStringLiteral("teleported"));
    CHECK(bogus.exitCode == 2);
    auto badJson = event(QStringLiteral("note"), "{not json");
    CHECK(badJson.exitCode == 2);
    CHECK(badJson.err.contains(QStringLiteral("not valid JSON")));

    auto show = c.cli({QStringLiteral("--json"), QStringLiteral("dossier"), QStringLiteral("show"), code});
    const QJsonObject o = QJsonDocument::fromJson(show.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("status")).toString() == QStringLiteral("returned"));
    CHECK(o.value(QStringLiteral("timeline")).toArray().size() == 8);
    CHECK(c.cli({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode == 0);
}

TEST_CASE("dossier receive rejects bad input with exit code 2 and saves nothing", "[cli][dossier][input]")
{
    Counter c;
    auto receive = [&](const QString &procedure, const QString &applicantFile,
                       const QString &received = QStringLiteral("2026-03-02T09:00")) {
        return c.cli({QStringLiteral("dossier"), QStringLiteral("receive"), QStringLiteral("--procedure"), procedure,
                      QStringLiteral("--applicant-json"), applicantFile, QStringLiteral("--received"), received});
    };
    auto unknownProcedure = receive(QStringLiteral("9.999999"), c.applicant());
    CHECK(unknownProcedure.exitCode == 2);
    auto noName = receive(QStringLiteral("1.001193"), c.applicant(R"({"id_number":"022095001234"})"));
    CHECK(noName.exitCode == 2);
    CHECK(noName.err.contains(QStringLiteral("full_name")));
    auto badId = receive(
        QStringLiteral("1.001193"),
        c.applicant(R"({"full_name":"A","id_number":"022195001234","birth_date":"1995-03-14","gender":"Nam"})"));
    CHECK(badId.exitCode == 2);
    CHECK(badId.err.contains(QStringLiteral("id_number")));
    auto badPhone = receive(QStringLiteral("1.001193"), c.applicant(R"({"full_name":"A","phone":"12345"})"));
    CHECK(badPhone.exitCode == 2);
    CHECK(badPhone.err.contains(QStringLiteral("phone")));
    // One phone rule: a 10-digit number with the old fixed-line prefix 04 is no Vietnamese number any more.
    auto oldPrefix = receive(QStringLiteral("1.001193"), c.applicant(R"({"full_name":"A","phone":"04 3823 4567"})"));
    CHECK(oldPrefix.exitCode == 2);
    CHECK(oldPrefix.err.contains(QStringLiteral("phone: ")));
    // Every problem on a line of its own: field, then message.
    auto several = receive(QStringLiteral("1.001193"),
                           c.applicant(R"({"full_name":"","phone":"12345","email":"x","gender":"nam","age":"30"})"));
    CHECK(several.exitCode == 2);
    const QStringList lines = several.err.trimmed().split(QLatin1Char('\n'));
    CHECK(lines.size() == 5);
    for (const QString &key : {QStringLiteral("applicant: "), QStringLiteral("full_name: "), QStringLiteral("gender: "),
                               QStringLiteral("phone: "), QStringLiteral("email: ")})
        CHECK(several.err.contains(key));
    auto badTime = receive(QStringLiteral("1.001193"), c.applicant(), QStringLiteral("yesterday"));
    CHECK(badTime.exitCode == 2);
    auto missingFile = receive(QStringLiteral("1.001193"), c.dir.file(QStringLiteral("nope.json")));
    CHECK(missingFile.exitCode == 2);
    for (const auto *r : {&unknownProcedure, &noName, &badId, &badPhone, &oldPrefix, &badTime, &missingFile})
        CHECK(r->err.trimmed().count(QLatin1Char('\n')) == 0);
    auto list = c.cli({QStringLiteral("--json"), QStringLiteral("dossier"), QStringLiteral("list")});
    CHECK(QJsonDocument::fromJson(list.out.toUtf8()).object().value(QStringLiteral("dossiers")).toArray().isEmpty());
}

TEST_CASE("A counter that is not set up says how to set it up", "[cli][dossier]")
{
    TempDir dir;
    QFile f(dir.file(QStringLiteral("a.json")));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"full_name":"Lê Văn An"})");
    f.close();
    auto r = runCli({QStringLiteral("--db"), dir.file(QStringLiteral("c.sqlite")), QStringLiteral("dossier"),
                     QStringLiteral("receive"), QStringLiteral("--procedure"), QStringLiteral("1.001193"),
                     QStringLiteral("--applicant-json"), f.fileName()});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("counter setup")));
}

TEST_CASE("The output of cccd parse --json is an applicant file for dossier receive", "[cli][dossier][cccd]")
{
    Counter c;
    // A woman's card (digit 4 odd) without an old ID number or issue date: 6 fields.
    auto parsed = runCli({QStringLiteral("--json"), QStringLiteral("cccd"), QStringLiteral("parse")},
                         QByteArray("022195001234|Trần Thị Mai|14031995|Nữ|Tổ 3, khu 5, phường Hồng Gai|\r\n"));
    REQUIRE(parsed.exitCode == 0);
    const QString file = writeFile(c.dir, QStringLiteral("scanned.json"), parsed.out.toUtf8());
    auto r = c.cli({QStringLiteral("dossier"), QStringLiteral("receive"), QStringLiteral("--procedure"),
                    QStringLiteral("1.001193"), QStringLiteral("--applicant-json"), file, QStringLiteral("--received"),
                    QStringLiteral("2026-03-02T09:00")});
    CHECK(r.err == QString());
    REQUIRE(r.exitCode == 0);
    auto found = c.cli({QStringLiteral("dossier"), QStringLiteral("search"), QStringLiteral("tran thi mai")});
    CHECK(found.out.startsWith(r.out.trimmed()));

    // The same woman's number typed without a gender is checked against the birth date only.
    auto typed =
        c.cli({QStringLiteral("dossier"), QStringLiteral("receive"), QStringLiteral("--procedure"),
               QStringLiteral("1.001193"), QStringLiteral("--applicant-json"),
               c.applicant(R"({"full_name":"Trần Thị Mai","id_number":"022195001234","birth_date":"1995-03-14"})")});
    CHECK(typed.exitCode == 0);
    // A fixed line written with +84 and a birth date typed as on the card are stored in one form.
    auto fixedLine =
        c.cli({QStringLiteral("--json"), QStringLiteral("dossier"), QStringLiteral("receive"),
               QStringLiteral("--procedure"), QStringLiteral("1.001193"), QStringLiteral("--applicant-json"),
               c.applicant(R"({"full_name":"Trần Thị Mai","birth_date":"14/03/1995",
                                            "phone":"+84 203 3123 456"})")});
    REQUIRE(fixedLine.exitCode == 0);
    const QJsonObject stored =
        QJsonDocument::fromJson(fixedLine.out.toUtf8()).object().value(QStringLiteral("applicant")).toObject();
    CHECK(stored.value(QStringLiteral("phone")).toString() == QStringLiteral("02033123456"));
    CHECK(stored.value(QStringLiteral("birth_date")).toString() == QStringLiteral("1995-03-14"));
    auto wrongYear =
        c.cli({QStringLiteral("dossier"), QStringLiteral("receive"), QStringLiteral("--procedure"),
               QStringLiteral("1.001193"), QStringLiteral("--applicant-json"),
               c.applicant(R"({"full_name":"Trần Thị Mai","id_number":"022195001234","birth_date":"1996-03-14"})")});
    CHECK(wrongYear.exitCode == 2);
}
