// SPDX-License-Identifier: GPL-3.0-or-later
#include "RawDb.h"
#include "TestSupport.h"

#include "core/Clock.h"
#include "core/store/AuditLog.h"
#include "core/store/Backups.h"
#include "core/store/Schema.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/WalCheckpointer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>

#include <sys/stat.h>

using namespace motcua;
using motcua::test::TempDir;

namespace {

std::unique_ptr<Store> openOk(const QString &path, const StoreOptions &options = {})
{
    auto r = Store::open(path, options);
    if (!r)
        FAIL("Store::open failed: " << r.error().message << " / " << r.error().detail);
    return std::move(r.value());
}

[[maybe_unused]] void appendAudit(const Store &store, const QString &action, const QString &subject)
{
    auto r = store.write([&](const QSqlDatabase &db) -> Result<void> {
        auto a = AuditLog::append(db, {QStringLiteral("officer1"), QStringLiteral("counter-a")}, {action, subject, {}});
        if (!a)
            return a.error();
        return {};
    });
    REQUIRE(r.ok());
}

qint64 countRows(const Store &store, const QString &table)
{
    QSqlQuery q(store.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM ") + table));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

Result<void> exec(const QSqlDatabase &db, const QString &sqlText, const QVariantList &binds)
{
    auto q = sql::run(db, sqlText, binds);
    if (!q)
        return q.error();
    return {};
}

// One row in each table that schema version `version` introduced; returns the tables it filled.
QStringList seedVersion(const Store &store, int version)
{
    QStringList tables;
    auto r = store.write([&](const QSqlDatabase &db) -> Result<void> {
        switch (version) {
        case 1:
            tables << QStringLiteral("audit_log");
            if (auto a =
                    AuditLog::append(db, {QStringLiteral("o"), QStringLiteral("c")}, {QStringLiteral("seed"), {}, {}});
                !a)
                return a.error();
            return {};
        case 2:
            tables << QStringLiteral("officers");
            return exec(
                db, QStringLiteral("INSERT INTO officers(login, full_name, updated_at) VALUES(?, ?, ?)"),
                {QStringLiteral("lan.nt"), QStringLiteral("Nguyễn Thị Lan"), QStringLiteral("2026-01-01T00:00:00Z")});
        case 3:
            tables << QStringLiteral("calendar_days");
            return exec(
                db,
                QStringLiteral(
                    "INSERT INTO calendar_days(day, kind, name, source, year) VALUES(?, 'off', ?, 'official', 2026)"),
                {QStringLiteral("2026-09-02"), QStringLiteral("Quốc khánh")});
        case 4:
            tables << QStringLiteral("catalog_versions") << QStringLiteral("procedures");
            if (auto e = exec(db,
                              QStringLiteral("INSERT INTO catalog_versions(version, imported_at, sha256, "
                                             "procedure_count) VALUES(1, ?, 'x', 1)"),
                              {QStringLiteral("2026-01-01T00:00:00Z")});
                !e)
                return e;
            return exec(
                db,
                QStringLiteral(
                    "INSERT INTO procedures(version, code, name, name_folded, processing_kind, processing_days, doc) "
                    "VALUES(1, ?, ?, ?, 'same_day_15h', 0, '{}')"),
                {QStringLiteral("1.001193"), QStringLiteral("Đăng ký khai sinh"), QStringLiteral("dang ky khai sinh")});
        case 5:
            tables << QStringLiteral("events") << QStringLiteral("outbox");
            if (auto e =
                    exec(db,
                         QStringLiteral(
                             "INSERT INTO events(event_id, dossier_id, counter_id, officer, hlc, type, schema_version, "
                             "catalog_version, parents, payload, recorded_at) VALUES(?, ?, 'c', 'o', '1', 'received', "
                             "1, 1, '[]', '{}', ?)"),
                         {QStringLiteral("e1"), QStringLiteral("d1"), QStringLiteral("2026-01-01T00:00:00Z")});
                !e)
                return e;
            return exec(db, QStringLiteral("INSERT INTO outbox(event_id) VALUES(?)"), {QStringLiteral("e1")});
        default:
            FAIL("no seed for schema version " << version << "; add one with the migration");
            return {};
        }
    });
    REQUIRE(r.ok());
    return tables;
}

}  // namespace

TEST_CASE("A new store is created with WAL, synchronous=FULL, foreign keys and the newest schema", "[store]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("sub/folder/counter.sqlite"));
    auto store = openOk(path);
    CHECK(QFileInfo::exists(path));
    CHECK(store->schemaVersion() == Store::programSchemaVersion());
    CHECK_FALSE(store->storeId().isEmpty());

    QSqlQuery q(store->connection());
    REQUIRE(q.exec(QStringLiteral("PRAGMA journal_mode")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("wal"));
    REQUIRE(q.exec(QStringLiteral("PRAGMA synchronous")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 2);  // FULL
    REQUIRE(q.exec(QStringLiteral("PRAGMA foreign_keys")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
    REQUIRE(q.exec(QStringLiteral("PRAGMA application_id")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == schema::kApplicationId);

    // The store id survives a reopen.
    const QString id = store->storeId();
    store.reset();
    CHECK(openOk(path)->storeId() == id);
}

TEST_CASE("A replayable write skips the sync to disk for itself only, whether it commits or fails", "[store]")
{
    TempDir dir;
    auto store = openOk(dir.file(QStringLiteral("counter.sqlite")));
    const auto synchronous = [&](const QSqlDatabase &db) {
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("PRAGMA synchronous")));
        REQUIRE(q.next());
        return q.value(0).toInt();  // 1 NORMAL, 2 FULL
    };
    int inside = 0;
    REQUIRE(store
                ->write(
                    [&](const QSqlDatabase &db) -> Result<void> {
                        inside = synchronous(db);
                        return store->setMeta(db, QStringLiteral("replayed"), QStringLiteral("1"));
                    },
                    Store::Durability::Replayable)
                .ok());
    CHECK(inside == 1);
    CHECK(synchronous(store->connection()) == 2);
    CHECK(store->meta(QStringLiteral("replayed")).value() == QStringLiteral("1"));

    const auto failed = store->write(
        [&](const QSqlDatabase &db) -> Result<void> {
            inside = synchronous(db);
            if (auto r = store->setMeta(db, QStringLiteral("replayed"), QStringLiteral("2")); !r)
                return r;
            return makeError(ErrorCode::Io, QStringLiteral("fails after writing"));
        },
        Store::Durability::Replayable);
    CHECK_FALSE(failed.ok());
    CHECK(inside == 1);
    CHECK(synchronous(store->connection()) == 2);
    CHECK(store->meta(QStringLiteral("replayed")).value() == QStringLiteral("1"));  // rolled back

    REQUIRE(store
                ->write([&](const QSqlDatabase &db) -> Result<void> {
                    inside = synchronous(db);
                    return {};
                })
                .ok());
    CHECK(inside == 2);
}

TEST_CASE("A store created by every earlier schema version is migrated, and its data kept", "[store][migration]")
{
    const int latest = Store::programSchemaVersion();
    REQUIRE(latest >= 2);
    for (int from = 1; from < latest; ++from) {
        DYNAMIC_SECTION("from schema " << from)
        {
            TempDir dir;
            const QString path = dir.file(QStringLiteral("counter.sqlite"));
            QStringList seeded;
            {
                auto old = openOk(path, {.targetSchemaVersion = from});
                REQUIRE(old->schemaVersion() == from);
                for (int v = 1; v <= from; ++v)
                    seeded << seedVersion(*old, v);
            }
            auto store = openOk(path);
            CHECK(store->schemaVersion() == latest);
            for (const QString &table : seeded)
                CHECK(countRows(*store, table) == 1);
            // The upgrade left a copy of the old file next to the backups.
            const QStringList pre =
                QDir(Store::backupDirectoryFor(path)).entryList({QStringLiteral("pre-upgrade-schema*")});
            CHECK(pre.size() == 1);
            auto verified = AuditLog::verify(store->connection());
            REQUIRE(verified.ok());
            CHECK(verified->intact);
            // The tables of the newer versions exist and take rows.
            for (int v = from + 1; v <= latest; ++v)
                seedVersion(*store, v);
        }
    }
}

TEST_CASE("A store written by a newer program is refused and left untouched", "[store][migration]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("counter.sqlite"));
    {
        auto store = openOk(path);
        appendAudit(*store, QStringLiteral("x"), QStringLiteral("y"));
    }
    test::withRawDb(path, [](QSqlDatabase &db) {
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        REQUIRE(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(Store::programSchemaVersion() + 1)));
    });
    const QByteArray before = test::fileSha256(path);
    auto r = Store::open(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::NewerSchema);
    CHECK(r.error().message.contains(QString::number(Store::programSchemaVersion() + 1)));
    CHECK(test::fileSha256(path) == before);
}

TEST_CASE("One process owns a store and a second opener is told the PID", "[store][lock]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("counter.sqlite"));
    auto first = openOk(path);
    auto second = Store::open(path);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == ErrorCode::InUse);
    CHECK(second.error().message.contains(QString::number(QCoreApplication::applicationPid())));
    first.reset();
    CHECK(Store::open(path).ok());
}

TEST_CASE("A damaged file is refused unchanged and the newest backup can be restored", "[store][corrupt]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("counter.sqlite"));
    {
        auto store = openOk(path);
        for (int i = 0; i < 200; ++i)
            appendAudit(*store, QStringLiteral("dossier.receive"), QStringLiteral("code-%1").arg(i));
        auto backup = Backups::takeIfDue(*store);
        REQUIRE(backup.ok());
        REQUIRE(backup->has_value());
        appendAudit(*store, QStringLiteral("after-backup"), QString());
    }
    test::withRawDb(path, [](QSqlDatabase &db) {
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    });

    SECTION("pages overwritten in the middle")
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.size() > 3 * 4096);
        // Page headers of the b-trees after the schema page: structure, not just content.
        f.seek(4096);
        f.write(QByteArray(2 * 4096, '\x5a'));
        f.close();
    }
    SECTION("not a database at all")
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("this is a spreadsheet, not a store");
        f.close();
    }

    const QByteArray damaged = test::fileSha256(path);
    auto r = Store::open(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Corrupt);
    CHECK(r.error().message.contains(QStringLiteral("damaged")));
    CHECK(test::fileSha256(path) == damaged);  // never overwritten

    const auto newest = Backups::newest(path);
    REQUIRE(newest.has_value());
    auto aside = Backups::restore(path, newest->path);
    REQUIRE(aside.ok());
    CHECK(test::fileSha256(*aside) == damaged);  // the damaged file is kept aside
    auto store = openOk(path);
    CHECK(countRows(*store, QStringLiteral("audit_log")) == 200);
}

TEST_CASE("A store checked in the background: writes wait for the check, and a damaged store takes none",
          "[store][corrupt]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("counter.sqlite"));
    const StoreOptions background{.integrityCheck = IntegrityCheck::InBackground};
    {
        // A new store is always checked before open() returns.
        auto store = openOk(path, background);
        CHECK_FALSE(store->integrityPending());
        for (int i = 0; i < 2000; ++i)
            appendAudit(*store, QStringLiteral("dossier.receive"), QStringLiteral("code-%1").arg(i));
    }
    test::withRawDb(path, [](QSqlDatabase &db) {
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    });

    SECTION("a sound store: the write goes through once the check passed")
    {
        auto store = openOk(path, background);
        appendAudit(*store, QStringLiteral("after-open"), QString());
        CHECK_FALSE(store->integrityPending());
        CHECK(store->waitForIntegrity().ok());
        auto status = store->status();
        REQUIRE(status.ok());
        CHECK(status->integrity == QStringLiteral("ok"));
        CHECK(countRows(*store, QStringLiteral("audit_log")) == 2001);
    }
    SECTION("closing at once stops the check; a stopped check is never taken for damage")
    {
        auto store = openOk(path, background);
        store->cancelIntegrityCheck();
        auto checked = store->waitForIntegrity();
        if (!checked.ok())  // the check may have finished before it could be stopped
            CHECK(checked.error().code == ErrorCode::Busy);
        CHECK_FALSE(store->integrityPending());
    }
    SECTION("a damaged store: the window can open, but every write is refused and the file stays as it was")
    {
        {
            QFile f(path);
            REQUIRE(f.open(QIODevice::ReadWrite));
            const qint64 pages = f.size() / 4096;
            REQUIRE(pages > 10);
            // The audit log's last leaf pages: the schema and meta pages stay readable, so open() succeeds.
            f.seek((pages - 3) * 4096);
            f.write(QByteArray(2 * 4096, '\x5a'));
        }
        const QByteArray damaged = test::fileSha256(path);
        {
            auto store = openOk(path, background);
            auto checked = store->waitForIntegrity();
            REQUIRE_FALSE(checked.ok());
            CHECK(checked.error().code == ErrorCode::Corrupt);
            auto w = store->write([](const QSqlDatabase &) -> Result<void> {
                FAIL("a write ran on a damaged store");
                return {};
            });
            REQUIRE_FALSE(w.ok());
            CHECK(w.error().code == ErrorCode::Corrupt);
            CHECK(w.error().message.contains(QStringLiteral("damaged")));
            auto status = store->status();
            if (status.ok())
                CHECK(status->integrity.contains(QStringLiteral("damaged")));
        }
        CHECK(test::fileSha256(path) == damaged);
        // Checked at open, it is refused outright, as before.
        auto r = Store::open(path);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Corrupt);
    }
}

TEST_CASE("A full disk gives a clear error and loses nothing already saved", "[store][diskfull]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("counter.sqlite"));
    {
        auto store = openOk(path);
        appendAudit(*store, QStringLiteral("saved-before"), QString());
    }
    auto store = openOk(path, {.maxPageCount = 40});
    const qint64 before = countRows(*store, QStringLiteral("audit_log"));
    Error last;
    bool failed = false;
    const QString big(2000, QLatin1Char('x'));
    for (int i = 0; i < 500 && !failed; ++i) {
        auto r = store->write([&](const QSqlDatabase &db) -> Result<void> {
            auto a =
                AuditLog::append(db, {QStringLiteral("o"), QStringLiteral("c")}, {QStringLiteral("fill"), big, big});
            if (!a)
                return a.error();
            return {};
        });
        if (!r) {
            failed = true;
            last = r.error();
        }
    }
    REQUIRE(failed);
    CHECK(last.code == ErrorCode::DiskFull);
    CHECK(last.message.contains(QStringLiteral("disk is full")));
    const qint64 after = countRows(*store, QStringLiteral("audit_log"));
    CHECK(after > before);
    auto verified = AuditLog::verify(store->connection());
    REQUIRE(verified.ok());
    CHECK(verified->intact);  // the failed transaction left no half-written entry
    store.reset();
    auto reopened = openOk(path);
    CHECK(countRows(*reopened, QStringLiteral("audit_log")) == after);
}

TEST_CASE("A failed statement inside a write rolls the whole transaction back", "[store][fault]")
{
    TempDir dir;
    auto store = openOk(dir.file(QStringLiteral("counter.sqlite")));
    appendAudit(*store, QStringLiteral("first"), QString());
    // An audit append is: BEGIN, read the head, insert the entry, update the head, COMMIT.
    for (int i = 1; i <= 5; ++i) {
        DYNAMIC_SECTION("fail statement " << i)
        {
            sql::FaultInjector::failAt(i);
            auto r = store->write([&](const QSqlDatabase &db) -> Result<void> {
                auto a =
                    AuditLog::append(db, {QStringLiteral("o"), QStringLiteral("c")}, {QStringLiteral("x"), {}, {}});
                if (!a)
                    return a.error();
                return {};
            });
            sql::FaultInjector::disarm();
            CHECK_FALSE(r.ok());
            CHECK(countRows(*store, QStringLiteral("audit_log")) == 1);
            auto verified = AuditLog::verify(store->connection());
            REQUIRE(verified.ok());
            CHECK(verified->intact);
            // The next write goes through.
            appendAudit(*store, QStringLiteral("retry"), QString());
            CHECK(countRows(*store, QStringLiteral("audit_log")) == 2);
        }
    }
}

TEST_CASE("Rows inserted in multi-row statements keep every value and its type", "[store][sql]")
{
    TempDir dir;
    auto store = openOk(dir.file(QStringLiteral("counter.sqlite")));
    const QSqlDatabase db = store->connection();
    REQUIRE(sql::run(db, QStringLiteral("CREATE TABLE t(n INTEGER, s TEXT, b TEXT, x REAL, z TEXT)")).ok());
    // 70 rows: statements of 64, 4, 1 and 1 rows.
    QVariantList values;
    for (int i = 0; i < 70; ++i)
        values << qint64(i) * 1'000'000'007LL << (i % 2 == 0 ? QStringLiteral("Nguyễn %1 \"'").arg(i) : QString())
               << QStringLiteral("Trần \"văn\" %1").arg(i).toUtf8() << 0.5 * i << QVariant();
    sql::FaultInjector::failAt(1'000'000);  // only counts
    REQUIRE(sql::insertRows(db, QStringLiteral("INSERT INTO t(n, s, b, x, z)"), 5, values).ok());
    CHECK(sql::FaultInjector::executedCount() == 4);
    sql::FaultInjector::disarm();

    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("SELECT n, s, typeof(s), b, typeof(b), x, z IS NULL FROM t ORDER BY n")));
    int i = 0;
    while (q.next()) {
        INFO("row " << i);
        CHECK(q.value(0).toLongLong() == qint64(i) * 1'000'000'007LL);
        CHECK(q.value(1).toString() == (i % 2 == 0 ? QStringLiteral("Nguyễn %1 \"'").arg(i) : QString()));
        CHECK(q.value(2).toString() == QStringLiteral("text"));  // a null QString is empty text, never NULL
        CHECK(q.value(3).toString() == QStringLiteral("Trần \"văn\" %1").arg(i));  // a QByteArray is UTF-8 text
        CHECK(q.value(4).toString() == QStringLiteral("text"));
        CHECK(q.value(5).toDouble() == 0.5 * i);
        CHECK(q.value(6).toInt() == 1);
        ++i;
    }
    CHECK(i == 70);

    // A failing statement (the third of four) fails the whole call, with a message for the officer.
    sql::FaultInjector::failAt(3, ErrorCode::DiskFull);
    auto failed = sql::insertRows(db, QStringLiteral("INSERT INTO t(n, s, b, x, z)"), 5, values);
    sql::FaultInjector::disarm();
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == ErrorCode::DiskFull);
    // A constraint the database enforces comes back as an error too.
    REQUIRE(sql::run(db, QStringLiteral("CREATE TABLE u(k TEXT PRIMARY KEY)")).ok());
    auto duplicate =
        sql::insertRows(db, QStringLiteral("INSERT INTO u(k)"), 1, {QStringLiteral("a"), QStringLiteral("a")});
    REQUIRE_FALSE(duplicate.ok());
    CHECK_FALSE(duplicate.error().message.isEmpty());
}

TEST_CASE("Automatic backups are taken at most daily and the last seven are kept", "[store][backup]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("counter.sqlite"));
    auto store = openOk(path);
    appendAudit(*store, QStringLiteral("x"), QString());
    QDateTime now = QDateTime(QDate(2026, 3, 2), QTime(8, 0), QTimeZone::utc());
    ScopedClockOverride clock([&] { return now; });

    auto first = Backups::takeIfDue(*store);
    REQUIRE(first.ok());
    REQUIRE(first->has_value());
    now = now.addSecs(3600);
    auto again = Backups::takeIfDue(*store);
    REQUIRE(again.ok());
    CHECK_FALSE(again->has_value());  // not due within a day

    for (int day = 1; day <= 9; ++day) {
        now = now.addDays(1);
        auto r = Backups::takeIfDue(*store);
        REQUIRE(r.ok());
        CHECK(r->has_value());
    }
    const auto all = Backups::list(path);
    CHECK(all.size() == Backups::kKeepAutomatic);
    CHECK(all.first().takenAt == now);
    // Each backup is a real, readable store.
    auto copy = openOk(all.first().path);
    CHECK(countRows(*copy, QStringLiteral("audit_log")) == 1);
}

TEST_CASE("Each thread gets its own connection to the store", "[store][threads]")
{
    TempDir dir;
    auto store = openOk(dir.file(QStringLiteral("counter.sqlite")));
    const QString mainName = store->connection().connectionName();
    QString workerName;
    bool workerWrote = false;
    QThread *worker = QThread::create([&] {
        workerName = store->connection().connectionName();
        auto r = store->write([&](const QSqlDatabase &db) -> Result<void> {
            auto a = AuditLog::append(db, {QStringLiteral("sync"), QStringLiteral("c")}, {QStringLiteral("w"), {}, {}});
            if (!a)
                return a.error();
            return {};
        });
        workerWrote = r.ok();
    });
    worker->start();
    REQUIRE(worker->wait(30000));
    delete worker;
    CHECK(workerWrote);
    CHECK(workerName != mainName);
    // The worker's connection closed with its thread; the store's own stays.
    CHECK_FALSE(QSqlDatabase::contains(workerName));
    CHECK(QSqlDatabase::contains(mainName));
    CHECK(countRows(*store, QStringLiteral("audit_log")) == 1);
}

TEST_CASE("Another program's SQLite file is refused and left untouched", "[store][foreign]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("places.sqlite"));
    test::withRawDb(path, [](QSqlDatabase &db) {
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE places (id INTEGER PRIMARY KEY, url TEXT)")));
        REQUIRE(q.exec(QStringLiteral("INSERT INTO places(url) VALUES('https://example.vn')")));
    });
    const QByteArray before = test::fileSha256(path);
    auto r = Store::open(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::InvalidInput);
    CHECK(r.error().message.contains(QStringLiteral("another program")));
    CHECK(test::fileSha256(path) == before);

    // Nor is such a file accepted as a backup to restore.
    const QString store = dir.file(QStringLiteral("counter.sqlite"));
    {
        openOk(store);
    }
    const QByteArray storeBefore = test::fileSha256(store);
    auto restored = Backups::restore(store, path);
    REQUIRE_FALSE(restored.ok());
    CHECK(test::fileSha256(store) == storeBefore);
}

TEST_CASE("Rows read as UTF-8 text come straight from the database", "[store][sql]")
{
    TempDir dir;
    auto store = openOk(dir.file(QStringLiteral("counter.sqlite")));
    const QSqlDatabase db = store->connection();
    REQUIRE(sql::run(db, QStringLiteral("CREATE TABLE t(n INTEGER, s TEXT)")).ok());
    REQUIRE(sql::insertRows(db, QStringLiteral("INSERT INTO t(n, s)"), 2,
                            {1, QStringLiteral("Nguyễn Thị Ánh \"x\""), 2, QVariant(), 3, QString()})
                .ok());
    QList<std::pair<qint64, QByteArray>> rows;
    sql::FaultInjector::failAt(1'000'000);  // only counts
    REQUIRE(sql::selectText(db, QStringLiteral("SELECT n, s FROM t WHERE n >= ? ORDER BY n"), {1},
                            [&](const sql::TextRow &row) {
                                rows.append({row.integer(0), row.text(1).toByteArray()});
                            })
                .ok());
    CHECK(sql::FaultInjector::executedCount() == 1);
    sql::FaultInjector::disarm();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::pair<qint64, QByteArray>{1, QStringLiteral("Nguyễn Thị Ánh \"x\"").toUtf8()});
    CHECK(rows[1] == std::pair<qint64, QByteArray>{2, QByteArray()});  // NULL reads as empty
    CHECK(rows[2] == std::pair<qint64, QByteArray>{3, QByteArray()});

    // A failure is an error with a message, and nothing was handed over.
    sql::FaultInjector::failAt(1, ErrorCode::Io);
    int seen = 0;
    auto failed = sql::selectText(db, QStringLiteral("SELECT n FROM t"), {}, [&](const sql::TextRow &) { ++seen; });
    sql::FaultInjector::disarm();
    REQUIRE_FALSE(failed.ok());
    CHECK(seen == 0);
    auto bad = sql::selectText(db, QStringLiteral("SELECT nothing FROM t"), {}, [&](const sql::TextRow &) {});
    REQUIRE_FALSE(bad.ok());
    CHECK_FALSE(bad.error().message.isEmpty());
}

namespace {

// Writes `transactions` transactions of `rows` rows of 1 KiB each.
void writeKilobytes(const QSqlDatabase &db, int transactions, int rows)
{
    for (int t = 0; t < transactions; ++t) {
        sql::Transaction txn(db);
        REQUIRE(txn.begin().ok());
        QVariantList values;
        for (int r = 0; r < rows; ++r)
            values << QString(1024, QLatin1Char('a' + r % 26));
        REQUIRE(sql::insertRows(db, QStringLiteral("INSERT INTO t(s)"), 1, values).ok());
        REQUIRE(txn.commit().ok());
    }
}

qint64 walBytes(const QString &path)
{
    return QFileInfo(path + QStringLiteral("-wal")).size();
}

// A connection `name` to a database at `path` in WAL mode with a table t(s); `pageSize` set first when given (before
// the log, as the center does).
QSqlDatabase openWalDatabase(const QString &path, const QString &name, int pageSize = 0)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    REQUIRE(db.open());
    if (pageSize > 0)
        REQUIRE(sql::run(db, QStringLiteral("PRAGMA page_size=%1").arg(pageSize)).ok());
    REQUIRE(sql::run(db, QStringLiteral("PRAGMA journal_mode=WAL")).ok());
    REQUIRE(sql::run(db, QStringLiteral("CREATE TABLE t(s TEXT)")).ok());
    return db;
}

}  // namespace

TEST_CASE("The write-ahead log is copied into the database by its own thread, not inside a commit", "[store][wal]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("center.sqlite"));
    QSqlDatabase db = openWalDatabase(path, QStringLiteral("wal-test"));

    constexpr qint64 kPage = 4096;  // this database's page size, SQLite's default
    constexpr qint64 kNever = qint64(1) << 40;
    SECTION("commits no longer checkpoint")
    {
        // SQLite's own hook would copy the log back at 1000 pages (4 MiB); attached, the log just grows.
        sql::WalCheckpointer checkpointer(path, kNever, kNever);
        REQUIRE(checkpointer.attach(db).ok());
        writeKilobytes(db, 12, 500);  // 6 MiB
        CHECK(walBytes(path) > 5 * 1024 * 1024);
        CHECK(checkpointer.checkpoints() == 0);
    }
    SECTION("the thread copies the log once it holds the threshold, and the log is used again")
    {
        sql::WalCheckpointer checkpointer(path, 64 * kPage, kNever);
        REQUIRE(checkpointer.attach(db).ok());
        for (int round = 0; round < 8; ++round) {
            const int before = checkpointer.checkpoints();
            writeKilobytes(db, 1, 400);  // about 100 pages: past the threshold
            for (int i = 0; i < 500 && checkpointer.checkpoints() == before; ++i)
                QThread::msleep(10);
            REQUIRE(checkpointer.checkpoints() > before);
        }
        // Eight rounds of 400 KiB went through a log that was started again after each copy.
        CHECK(walBytes(path) < 2 * 1024 * 1024);
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM t")));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == 8 * 400);
    }
    SECTION("a log below the threshold is copied once no commit came for a quiet moment")
    {
        sql::WalCheckpointer checkpointer(path, kNever, kNever, 16 * kPage, 300);
        REQUIRE(checkpointer.attach(db).ok());
        QElapsedTimer quiet;
        writeKilobytes(db, 1, 200);  // about 50 pages, then nothing
        quiet.start();
        CHECK(checkpointer.checkpoints() == 0);
        for (int i = 0; i < 500 && checkpointer.checkpoints() == 0; ++i)
            QThread::msleep(10);
        REQUIRE(checkpointer.checkpoints() == 1);
        CHECK(quiet.elapsed() >= 250);
        // Copied, the log is started again by the next commit: a few pages stay below the quiet mark.
        writeKilobytes(db, 1, 8);
        QThread::msleep(600);
        CHECK(checkpointer.checkpoints() == 1);
    }
    SECTION("past the limit the committing connection copies the log itself")
    {
        sql::WalCheckpointer checkpointer(path, 16 * kPage, 32 * kPage);
        REQUIRE(checkpointer.attach(db).ok());
        writeKilobytes(db, 1, 200);              // about 50 pages in one commit
        CHECK(checkpointer.checkpoints() == 1);  // at once, in the commit
    }
    sql::releaseCache(QStringLiteral("wal-test"));  // the kept statements, before the connection closes
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("wal-test"));
}

TEST_CASE("The checkpointer's sizes are bytes, whatever the database's page size", "[store][wal]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("center.sqlite"));
    {
        QSqlDatabase db = openWalDatabase(path, QStringLiteral("wal-pages"), 16384);
        auto pageSize = sql::scalar(db, QStringLiteral("PRAGMA page_size"));
        REQUIRE(pageSize.ok());
        REQUIRE(pageSize->toInt() == 16384);
        {
            // 64 KiB: about 200 KiB in one commit (a dozen 16 KiB pages) is past it, as 64 pages would not be.
            sql::WalCheckpointer checkpointer(path, 64 * 1024, qint64(1) << 40);
            REQUIRE(checkpointer.attach(db).ok());
            writeKilobytes(db, 1, 200);
            for (int i = 0; i < 500 && checkpointer.checkpoints() == 0; ++i)
                QThread::msleep(10);
            CHECK(checkpointer.checkpoints() == 1);
        }
        sql::releaseCache(QStringLiteral("wal-pages"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("wal-pages"));
}

namespace {

// The permission bits of a file or folder (0777 at most).
unsigned modeOf(const QString &path)
{
    struct stat st {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    return st.st_mode & 0777U;
}

// Sets the process's umask for one scope.
class Umask final {
public:
    explicit Umask(mode_t mask) : m_old(::umask(mask)) {}
    ~Umask() { ::umask(m_old); }
    Q_DISABLE_COPY_MOVE(Umask)

private:
    mode_t m_old;
};

}  // namespace

TEST_CASE("The store, its log and its backups are the owner's only, whatever the umask", "[store][privacy]")
{
    const Umask permissive(0);  // files would be 0666 and folders 0777 by default
    TempDir dir;
    const QString path = dir.file(QStringLiteral("new/folder/counter.sqlite"));
    {
        auto store = openOk(path);
        REQUIRE(store
                    ->write([](const QSqlDatabase &db) -> Result<void> {
                        if (auto r = sql::run(db, QStringLiteral("INSERT INTO meta(key, value) VALUES('k', 'v')")); !r)
                            return r.error();
                        return {};
                    })
                    .ok());
        CHECK(modeOf(dir.file(QStringLiteral("new"))) == 0700U);
        CHECK(modeOf(dir.file(QStringLiteral("new/folder"))) == 0700U);
        CHECK(modeOf(path) == 0600U);
        REQUIRE(QFileInfo::exists(path + QStringLiteral("-wal")));
        CHECK(modeOf(path + QStringLiteral("-wal")) == 0600U);
        CHECK(modeOf(path + QStringLiteral("-shm")) == 0600U);

        auto backup = Backups::takeIfDue(*store);
        REQUIRE(backup.ok());
        REQUIRE(backup->has_value());
        CHECK(modeOf(Store::backupDirectoryFor(path)) == 0700U);
        CHECK(modeOf((*backup)->path) == 0600U);
    }

    // A store left readable by others by an earlier version is made the owner's only when it is opened.
    REQUIRE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    CHECK(modeOf(path) == 0644U);
    auto reopened = openOk(path);
    CHECK(modeOf(path) == 0600U);

    // A folder that existed already (a shared one such as /tmp) keeps its mode.
    const QString shared = dir.file(QStringLiteral("shared"));
    REQUIRE(QDir().mkdir(shared));
    REQUIRE(QFile::setPermissions(shared, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                              QFile::ExeOther));
    auto inShared = openOk(shared + QStringLiteral("/counter.sqlite"));
    CHECK(modeOf(shared) == 0705U);
    CHECK(modeOf(shared + QStringLiteral("/counter.sqlite")) == 0600U);
}
