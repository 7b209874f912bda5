// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A center on either backend, for the suite that must pass on both: SQLite in a temporary directory, or the
// throwaway PostgreSQL cluster started by tests/support/pg-cluster.sh (its address in MOTCUA_TEST_PG_ENV).

#include "TestSupport.h"

#include "core/Clock.h"
#include "core/dossier/Event.h"
#include "core/dossier/Uuid7.h"
#include "sync/Protocol.h"
#include "sync/center/CenterService.h"
#include "sync/center/CenterStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <catch2/catch.hpp>

namespace motcua::test {

inline QMap<QString, QString> pgEnvironment()
{
    QMap<QString, QString> out;
    QFile f(qEnvironmentVariable("MOTCUA_TEST_PG_ENV"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            out.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)).trimmed());
    }
    return out;
}

// A fresh, empty database of `backend`.
inline sync::CenterDbConfig freshCenterConfig(sync::CenterDbConfig::Backend backend, const TempDir &dir)
{
    sync::CenterDbConfig c;
    c.backend = backend;
    if (backend == sync::CenterDbConfig::Backend::Sqlite) {
        c.path = dir.file(QStringLiteral("center.sqlite"));
        return c;
    }
    const auto env = pgEnvironment();
    REQUIRE_FALSE(env.isEmpty());  // the [postgres] tests run only under the ctest fixture that starts the cluster
    c.host = env.value(QStringLiteral("MOTCUA_TEST_PG_HOST"));
    c.port = env.value(QStringLiteral("MOTCUA_TEST_PG_PORT")).toInt();
    c.name = QStringLiteral("motcua");
    c.user = QStringLiteral("motcua");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("reset"));
        db.setHostName(c.host);
        db.setPort(c.port);
        db.setDatabaseName(c.name);
        db.setUserName(c.user);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SET client_min_messages TO warning")));
        REQUIRE(q.exec(QStringLiteral("DROP SCHEMA public CASCADE")));
        REQUIRE(q.exec(QStringLiteral("CREATE SCHEMA public")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reset"));
    return c;
}

struct CenterFixture {
    explicit CenterFixture(sync::CenterDbConfig::Backend backend)
    {
        config = freshCenterConfig(backend, dir);
        auto opened = sync::CenterStore::open(config);
        if (!opened)
            FAIL(opened.error().message.toStdString() << " " << opened.error().detail.toStdString());
        store = std::move(opened.value());
        service = std::make_unique<sync::CenterService>(*store, sync::ServiceOptions{});
        REQUIRE(store
                    ->addUnit({QStringLiteral("H49.01"), QStringLiteral("Phường Hồng Gai"),
                               QStringLiteral("000.00.01.H49"), 20})
                    .ok());
        REQUIRE(store
                    ->addUnit({QStringLiteral("H49.02"), QStringLiteral("Phường Bãi Cháy"),
                               QStringLiteral("000.00.02.H49"), 20})
                    .ok());
    }

    struct Enrolled {
        QString counterId;
        QByteArray authorization;
    };

    Enrolled enroll(const QString &unit)
    {
        auto added = store->addCounter(unit, QStringLiteral("Quầy"), 72);
        REQUIRE(added.ok());
        auto r = call("POST", QStringLiteral("/v1/enroll"), {},
                      QJsonDocument(QJsonObject{{QStringLiteral("code"), added->enrollmentCode}}).toJson());
        REQUIRE(r.status == 200);
        const QJsonObject o = r.object();
        return {o.value(QStringLiteral("counter_id")).toString(),
                sync::bearer(o.value(QStringLiteral("counter_id")).toString(),
                             o.value(QStringLiteral("secret")).toString())};
    }

    sync::ApiResponse call(const char *method, const QString &path, const QByteArray &authorization,
                           const QByteArray &body = {}, const QUrlQuery &query = {})
    {
        sync::ApiRequest r;
        r.method = method;
        r.path = path;
        r.authorization = authorization;
        r.body = body;
        r.query = query;
        return service->handle(r);
    }

    sync::ApiResponse push(const Enrolled &c, const QJsonArray &events, const QString &counterId = {})
    {
        return call(
            "POST", QStringLiteral("/v1/push"), c.authorization,
            QJsonDocument(QJsonObject{{QStringLiteral("counter_id"), counterId.isEmpty() ? c.counterId : counterId},
                                      {QStringLiteral("events"), events}})
                .toJson(QJsonDocument::Compact));
    }

    sync::ApiResponse feed(const Enrolled &c, qint64 after, int limit = 500, const QString &epoch = {},
                           bool own = false)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("after"), QString::number(after));
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        if (!epoch.isEmpty())
            q.addQueryItem(QStringLiteral("epoch"), epoch);
        if (own)
            q.addQueryItem(QStringLiteral("own"), QStringLiteral("1"));
        return call("GET", QStringLiteral("/v1/feed"), c.authorization, {}, q);
    }

    TempDir dir;
    sync::CenterDbConfig config;  // to open the same database again
    std::unique_ptr<sync::CenterStore> store;
    std::unique_ptr<sync::CenterService> service;
};

// A note event authored by `counterId` on `dossierId` (a new dossier when empty).
inline Event noteEvent(const QString &counterId, const QString &dossierId = {},
                       const QString &text = QStringLiteral("ghi chú"))
{
    Event e;
    e.eventId = createUuid7();
    e.dossierId = dossierId.isEmpty() ? createUuid7() : dossierId;
    e.counterId = counterId;
    e.officer = QStringLiteral("lan");
    e.hlc = {Clock::nowMs(), 0};
    e.type = EventType::Note;
    e.payload = {{QStringLiteral("text"), text}};
    e.occurredAt = Clock::now();
    return e;
}

}  // namespace motcua::test
