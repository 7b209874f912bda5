// SPDX-License-Identifier: GPL-3.0-or-later
#include "RawDb.h"
#include "TestSupport.h"

#include "core/store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStandardPaths>

#include <unistd.h>

using namespace motcua;
using motcua::test::runCli;
using motcua::test::TempDir;

namespace {

}  // namespace

TEST_CASE("motcua-cli init, status and status --json", "[cli]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    auto init = runCli({QStringLiteral("--db"), db, QStringLiteral("init")});
    CHECK(init.exitCode == 0);
    CHECK(init.out.contains(db));
    // init on a ready store is harmless.
    CHECK(runCli({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode == 0);

    auto status = runCli({QStringLiteral("--db"), db, QStringLiteral("status")});
    CHECK(status.exitCode == 0);
    CHECK(status.out.contains(QStringLiteral("Schema version")));
    CHECK(status.out.contains(QStringLiteral("audit_log")));

    auto json = runCli({QStringLiteral("status"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    REQUIRE(json.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("schema_version")).toInt() == Store::programSchemaVersion());
    CHECK(o.value(QStringLiteral("integrity")).toString() == QStringLiteral("ok"));
    CHECK(o.value(QStringLiteral("counts")).toObject().value(QStringLiteral("audit_log")).toInt() == 1);
    CHECK(o.value(QStringLiteral("last_backup")).isNull());
}

TEST_CASE("motcua-cli rejects bad input with exit code 2 and one line", "[cli][input]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    motcua::test::requireOneLineError(runCli({QStringLiteral("--db"), db, QStringLiteral("frobnicate")}), 2);
    motcua::test::requireOneLineError(
        runCli({QStringLiteral("--db"), db, QStringLiteral("status"), QStringLiteral("--bogus")}), 2);
    motcua::test::requireOneLineError(
        runCli({QStringLiteral("--db"), db, QStringLiteral("status"), QStringLiteral("extra")}), 2);
    motcua::test::requireOneLineError(runCli({QStringLiteral("status"), QStringLiteral("--db")}), 2);
    motcua::test::requireOneLineError(
        runCli({QStringLiteral("--db"), db, QStringLiteral("backup"), QStringLiteral("--out")}), 2);
    // No store there: status does not create one.
    motcua::test::requireOneLineError(
        runCli({QStringLiteral("--db"), dir.file(QStringLiteral("missing.sqlite")), QStringLiteral("status")}), 2);
    CHECK_FALSE(QFile::exists(dir.file(QStringLiteral("missing.sqlite"))));
    // A folder is not a data file.
    motcua::test::requireOneLineError(runCli({QStringLiteral("--db"), dir.path(), QStringLiteral("init")}), 2);
    // Without a command: usage on stderr, exit 2.
    CHECK(runCli({}).exitCode == 2);
    CHECK(runCli({QStringLiteral("--help")}).exitCode == 0);
}

TEST_CASE("motcua-cli backup --out writes a consistent copy and never overwrites", "[cli][backup]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    REQUIRE(runCli({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode == 0);
    const QString out = dir.file(QStringLiteral("copy.sqlite"));
    auto r = runCli({QStringLiteral("--db"), db, QStringLiteral("backup"), QStringLiteral("--out"), out});
    CHECK(r.exitCode == 0);
    REQUIRE(QFile::exists(out));
    // The copy is a store of its own that verifies.
    CHECK(runCli({QStringLiteral("--db"), out, QStringLiteral("audit"), QStringLiteral("verify")}).exitCode == 0);
    const QByteArray before = test::fileSha256(out);
    motcua::test::requireOneLineError(
        runCli({QStringLiteral("--db"), db, QStringLiteral("backup"), QStringLiteral("--out"), out}), 2);
    CHECK(test::fileSha256(out) == before);
    // The backup is in the audit log.
    auto status = runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("status")});
    CHECK(QJsonDocument::fromJson(status.out.toUtf8())
              .object()
              .value(QStringLiteral("counts"))
              .toObject()
              .value(QStringLiteral("audit_log"))
              .toInt() == 2);
}

TEST_CASE("motcua-cli audit verify reports tampering", "[cli][audit]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    REQUIRE(runCli({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("--db"), db, QStringLiteral("backup"), QStringLiteral("--out"),
                    dir.file(QStringLiteral("b1"))})
                .exitCode == 0);
    auto ok = runCli({QStringLiteral("--db"), db, QStringLiteral("audit"), QStringLiteral("verify")});
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.contains(QStringLiteral("intact (2 entries)")));

    test::withRawDb(db, [](QSqlDatabase &raw) {
        QSqlQuery q(raw);
        REQUIRE(q.exec(QStringLiteral("DROP TRIGGER audit_log_append_only_update")));
        REQUIRE(q.exec(QStringLiteral("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 1")));
    });
    auto bad = runCli({QStringLiteral("--db"), db, QStringLiteral("audit"), QStringLiteral("verify")});
    motcua::test::requireOneLineError(bad, 1);
    CHECK(bad.err.contains(QStringLiteral("entry 1")));
    auto json = runCli(
        {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
    CHECK(json.exitCode == 1);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("intact")).toBool() == false);
    CHECK(o.value(QStringLiteral("first_bad_entry")).toInt() == 1);
}

TEST_CASE("motcua-cli names the process that holds the store", "[cli][lock]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    auto store = Store::open(db);
    REQUIRE(store.ok());
    auto r = runCli({QStringLiteral("--db"), db, QStringLiteral("status")});
    motcua::test::requireOneLineError(r, 1);
    CHECK(r.err.contains(QStringLiteral("already in use by PID %1").arg(QCoreApplication::applicationPid())));
}

TEST_CASE("motcua-cli on a damaged store offers the newest backup, and restore brings it back", "[cli][corrupt]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("counter.sqlite"));
    REQUIRE(runCli({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("--db"), db, QStringLiteral("backup")}).exitCode == 0);  // today's automatic backup
    {
        QFile f(db);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(8192, '\x01'));
    }
    QFile::remove(db + QStringLiteral("-wal"));
    QFile::remove(db + QStringLiteral("-shm"));
    auto r = runCli({QStringLiteral("--db"), db, QStringLiteral("status")});
    motcua::test::requireOneLineError(r, 1);
    CHECK(r.err.contains(QStringLiteral("damaged")));
    CHECK(r.err.contains(QStringLiteral("restore --latest")));

    auto restored = runCli({QStringLiteral("--db"), db, QStringLiteral("restore"), QStringLiteral("--latest")});
    CHECK(restored.exitCode == 0);
    CHECK(runCli({QStringLiteral("--db"), db, QStringLiteral("audit"), QStringLiteral("verify")}).exitCode == 0);
    // The damaged file was kept aside, not deleted.
    CHECK(QDir(dir.path()).entryList({QStringLiteral("counter.sqlite.replaced-*")}).size() >= 1);
}

TEST_CASE("motcua-cli in a folder it cannot write gives a clear error and loses nothing", "[cli][readonly]")
{
    TempDir dir;
    const QString folder = dir.file(QStringLiteral("ro"));
    REQUIRE(QDir().mkpath(folder));
    const QString db = folder + QStringLiteral("/counter.sqlite");
    REQUIRE(runCli({QStringLiteral("--db"), db, QStringLiteral("init")}).exitCode == 0);
    const QByteArray before = test::fileSha256(db);

    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                          QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                          QFileDevice::ExeGroup);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                      QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
    QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadOther | QFileDevice::ReadGroup);

    // root ignores permissions: run the program as an unprivileged user then.
    QStringList prefix;
    QString program = QStringLiteral(MOTCUA_CLI_PATH);
    if (geteuid() == 0) {
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        REQUIRE_FALSE(setpriv.isEmpty());
        prefix = {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                  program};
        program = setpriv;
    }
    auto run = [&](const QStringList &args) { return test::runProcess(program, prefix + args); };

    auto r = run({QStringLiteral("--db"), db, QStringLiteral("backup")});
    motcua::test::requireOneLineError(r, 1);
    CHECK(r.err.contains(QStringLiteral("cannot be written")));
    auto created = run({QStringLiteral("--db"), folder + QStringLiteral("/new.sqlite"), QStringLiteral("init")});
    motcua::test::requireOneLineError(created, 1);
    CHECK(test::fileSha256(db) == before);

    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    CHECK(runCli({QStringLiteral("--db"), db, QStringLiteral("audit"), QStringLiteral("verify")}).exitCode == 0);
}

TEST_CASE("motcua-cli speaks Vietnamese under a Vietnamese locale", "[cli][i18n]")
{
    TempDir dir;
    const QStringList vi = {QStringLiteral("LANG=vi_VN.UTF-8"), QStringLiteral("LC_ALL=vi_VN.UTF-8")};
    auto missing =
        runCli({QStringLiteral("--db"), dir.file(QStringLiteral("none.sqlite")), QStringLiteral("status")}, {}, vi);
    motcua::test::requireOneLineError(missing, 2);
    CHECK(missing.err.contains(QStringLiteral("Không có tệp dữ liệu tại")));
    auto created =
        runCli({QStringLiteral("--db"), dir.file(QStringLiteral("c.sqlite")), QStringLiteral("init")}, {}, vi);
    CHECK(created.exitCode == 0);
    CHECK(created.out.contains(QStringLiteral("Đã tạo tệp dữ liệu")));
}
