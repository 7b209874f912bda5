// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace motcua;
using motcua::test::runCli;
using motcua::test::TempDir;

namespace {

QStringList cal(const QString &db, const QStringList &args)
{
    return QStringList{QStringLiteral("--db"), db, QStringLiteral("calendar")} + args;
}

QString writeFile(const TempDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.file(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(content);
    return path;
}

}  // namespace

TEST_CASE("motcua-cli calendar due", "[cli][calendar]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    auto r = runCli(cal(db, {QStringLiteral("due"), QStringLiteral("--received"), QStringLiteral("2026-02-13T10:00"),
                             QStringLiteral("--working-days"), QStringLiteral("3")}));
    CHECK(r.err == QString());
    CHECK(r.exitCode == 0);
    CHECK(r.out == QStringLiteral("2026-02-25T10:00\n"));

    r = runCli(
        cal(db, {QStringLiteral("due"), QStringLiteral("--received=2026-03-09T15:00"), QStringLiteral("--same-day")}));
    CHECK(r.out == QStringLiteral("2026-03-10T17:00\n"));
    r = runCli(
        cal(db, {QStringLiteral("due"), QStringLiteral("--received=2026-03-09T14:59"), QStringLiteral("--same-day")}));
    CHECK(r.out == QStringLiteral("2026-03-09T17:00\n"));
    r = runCli(cal(db, {QStringLiteral("due"), QStringLiteral("--received=2026-04-20T09:00"),
                        QStringLiteral("--calendar-days=10")}));
    CHECK(r.out == QStringLiteral("2026-05-04T09:00\n"));

    // The machine's time zone changes nothing: times are Vietnam time.
    r = runCli(cal(db, {QStringLiteral("due"), QStringLiteral("--received"), QStringLiteral("2026-02-13T10:00"),
                        QStringLiteral("--working-days"), QStringLiteral("3")}),
               {}, {QStringLiteral("TZ=America/New_York")});
    CHECK(r.out == QStringLiteral("2026-02-25T10:00\n"));

    r = runCli({QStringLiteral("--json"), QStringLiteral("--db"), db, QStringLiteral("calendar"), QStringLiteral("due"),
                QStringLiteral("--received=2026-03-09T12:00"), QStringLiteral("--working-days=1")});
    REQUIRE(r.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("due")).toString() == QStringLiteral("2026-03-10T11:30"));
    CHECK(o.value(QStringLiteral("kind")).toString() == QStringLiteral("working_days"));

    // --procedure takes the kind and length from the catalog: 1.004873 (marital status certificate) is 3 working
    // days, 1.001193 (birth registration) same-day.
    r = runCli(cal(db, {QStringLiteral("due"), QStringLiteral("--received=2026-02-13T10:00"),
                        QStringLiteral("--procedure=1.004873")}));
    CHECK(r.out == QStringLiteral("2026-02-25T10:00\n"));
    r = runCli(cal(db, {QStringLiteral("due"), QStringLiteral("--received=2026-03-09T15:00"),
                        QStringLiteral("--procedure=1.001193")}));
    CHECK(r.out == QStringLiteral("2026-03-10T17:00\n"));
}

TEST_CASE("motcua-cli calendar due rejects bad input", "[cli][calendar][input]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    const QString t = QStringLiteral("--received=2026-02-13T10:00");
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("due"), t})), 2);  // no kind
    motcua::test::requireOneLineError(
        runCli(cal(db, {QStringLiteral("due"), t, QStringLiteral("--same-day"), QStringLiteral("--working-days=2")})),
        2);
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("due"), QStringLiteral("--same-day")})), 2);
    motcua::test::requireOneLineError(
        runCli(cal(
            db, {QStringLiteral("due"), QStringLiteral("--received=2026-02-30T10:00"), QStringLiteral("--same-day")})),
        2);
    motcua::test::requireOneLineError(
        runCli(cal(
            db, {QStringLiteral("due"), QStringLiteral("--received=2026-02-13 10:00"), QStringLiteral("--same-day")})),
        2);
    motcua::test::requireOneLineError(
        runCli(cal(
            db, {QStringLiteral("due"), QStringLiteral("--received=2026-02-13T25:00"), QStringLiteral("--same-day")})),
        2);
    motcua::test::requireOneLineError(
        runCli(cal(db, {QStringLiteral("due"), t, QStringLiteral("--working-days=three")})), 2);
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("due"), t, QStringLiteral("--working-days=-1")})),
                                      2);
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("due"), t, QStringLiteral("--calendar-days=")})),
                                      2);
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("due"), t, QStringLiteral("--procedure=X")})),
                                      2);  // unknown code
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("due"), t, QStringLiteral("--procedure=1.001193"),
                                                      QStringLiteral("--same-day")})),
                                      2);
}

TEST_CASE("motcua-cli calendar lunar", "[cli][calendar]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    auto r = runCli(cal(db, {QStringLiteral("lunar"), QStringLiteral("2026-04-26")}));
    CHECK(r.exitCode == 0);
    CHECK(r.out == QStringLiteral("10/3/2026\n"));  // Giỗ Tổ Hùng Vương 2026
    CHECK(runCli(cal(db, {QStringLiteral("lunar"), QStringLiteral("2026-02-17")})).out == QStringLiteral("1/1/2026\n"));
    CHECK(runCli(cal(db, {QStringLiteral("lunar"), QStringLiteral("2023-03-22")})).out ==
          QStringLiteral("1/2n/2023\n"));
    CHECK(runCli(cal(db, {QStringLiteral("lunar"), QStringLiteral("1985-01-21")})).out == QStringLiteral("1/1/1985\n"));
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("lunar"), QStringLiteral("2026-13-01")})), 2);
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("lunar")})), 2);
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("lunar"), QStringLiteral("2026-4-26")})), 2);
}

TEST_CASE("motcua-cli calendar import and days", "[cli][calendar]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    // Before any import: the shipped 2026 days, and generated days for 2027.
    auto days = runCli(cal(db, {QStringLiteral("days"), QStringLiteral("--year"), QStringLiteral("2026")}));
    REQUIRE(days.exitCode == 0);
    CHECK(days.out.startsWith(QStringLiteral("2026-01-01\toff\tofficial\tTết Dương lịch\n")));
    CHECK(days.out.contains(QStringLiteral("2026-01-10\twork\tofficial\t")));
    days = runCli(cal(db, {QStringLiteral("days"), QStringLiteral("--year=2027")}));
    CHECK(days.out.contains(QStringLiteral("2027-02-05\toff\tgenerated\t")));
    CHECK_FALSE(days.out.contains(QStringLiteral("official")));

    const QString file =
        writeFile(dir, QStringLiteral("2027.json"), R"({"format": "motcua-calendar/1", "years": {"2027": {
        "days_off": [{"date": "2027-02-04", "name": "Tết"}, {"date": "2027-02-05", "name": "Tết"}],
        "workdays": [{"date": "2027-01-30", "name": "Làm bù"}]}}})");
    auto imported = runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("calendar"),
                            QStringLiteral("import"), file});
    REQUIRE(imported.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(imported.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("years")).toArray() == QJsonArray{2027});
    CHECK(o.value(QStringLiteral("days_off")).toInt() == 2);
    CHECK(o.value(QStringLiteral("workdays")).toInt() == 1);
    days = runCli(cal(db, {QStringLiteral("days"), QStringLiteral("--year=2027")}));
    CHECK(days.out == QStringLiteral("2027-01-30\twork\tofficial\tLàm bù\n2027-02-04\toff\tofficial\tTết\n"
                                     "2027-02-05\toff\tofficial\tTết\n"));
    // The shipped years are still there.
    CHECK(runCli(cal(db, {QStringLiteral("due"), QStringLiteral("--received=2026-02-13T10:00"),
                          QStringLiteral("--working-days=3")}))
              .out == QStringLiteral("2026-02-25T10:00\n"));
    CHECK(runCli(cal(db, {QStringLiteral("due"), QStringLiteral("--received=2027-02-03T10:00"),
                          QStringLiteral("--working-days=1")}))
              .out == QStringLiteral("2027-02-08T10:00\n"));

    auto text = runCli(cal(db, {QStringLiteral("import"), file}));
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("2027")));

    const QString bad =
        writeFile(dir, QStringLiteral("bad.json"), R"({"format": "motcua-calendar/1", "years": {"2027": {
        "workdays": [{"date": "2027-01-29", "name": "a Friday"}]}}})");
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("import"), bad})), 2);
    motcua::test::requireOneLineError(
        runCli(cal(db, {QStringLiteral("import"), dir.file(QStringLiteral("missing.json"))})), 2);
    motcua::test::requireOneLineError(runCli(cal(db, {QStringLiteral("days"), QStringLiteral("--year=abc")})), 2);
}
