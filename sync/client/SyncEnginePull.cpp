// SPDX-License-Identifier: GPL-3.0-or-later
// The pull side of a sync round: the feed of other counters' events, looked-up dossiers, and the documents and
// officers the center publishes.
#include "sync/client/SyncEngine.h"

#include <algorithm>
#include <optional>

#include "core/CrashPoint.h"
#include "core/calendar/CalendarStore.h"
#include "core/catalog/CatalogStore.h"
#include "core/dossier/DossierStore.h"
#include "core/dossier/Event.h"
#include "core/dossier/Hlc.h"
#include "core/officer/OfficerStore.h"
#include "core/store/AuditLog.h"
#include "core/store/Backups.h"
#include "core/store/Store.h"
#include "sync/Log.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::SyncEngine)
};

using FeedPage = QList<std::pair<qint64, Event>>;  // the center's seq of each event, and the event

// The dossiers of `page` this store holds no event of: their views are folded from the page itself, not read back.
Result<QHash<QString, QList<Event>>> freshDossiers(const QSqlDatabase &db, const FeedPage &page)
{
    QHash<QString, QList<Event>> fresh;
    QSet<QString> held;  // dossiers with events here before this page
    for (const auto &[seq, e] : page) {
        if (fresh.contains(e.dossierId) || held.contains(e.dossierId))
            continue;
        auto known = DossierStore::holdsEventsOf(db, e.dossierId);
        if (!known)
            return known.error();
        if (*known)
            held.insert(e.dossierId);
        else
            fresh.insert(e.dossierId, {});
    }
    return fresh;
}

}  // namespace

bool SyncEngine::pullAll(const QString &epoch, RoundResult *out)
{
    PullProgress progress;
    // A store put back from a backup lacks the events this counter wrote after the backup was taken; they are at
    // the center, so the feed includes this counter's own events until it has been read to the end once.
    auto restoredAt = m_store.meta(QString::fromLatin1(Backups::kRestoredAtKey));
    const bool includeOwn = restoredAt && !restoredAt->isEmpty();
    for (int page = 0; page < m_options.maxBatchesPerRound; ++page) {
        const qint64 cursor = metaNumber(syncmeta::kCursor);
        if (page == 0)
            progress.startCursor = cursor;
        ApiRequest r = request("GET", QStringLiteral("feed"));
        r.query.addQueryItem(QStringLiteral("after"), QString::number(cursor));
        r.query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pullPage));
        r.query.addQueryItem(QStringLiteral("epoch"), epoch);
        if (includeOwn)
            r.query.addQueryItem(QStringLiteral("own"), QStringLiteral("1"));
        const ApiResponse answer = m_transport.call(r);
        if (!answer.ok()) {
            if (answer.errorCode() == QLatin1String(errors::kCursorBeyondEnd)) {
                // The center is behind this counter without a new epoch (restored by hand): treat it as one.
                auto w = m_store.write([&](const QSqlDatabase &db) {
                    return m_store.setMeta(db, QString::fromLatin1(syncmeta::kEpoch), QStringLiteral("unknown"));
                });
                if (!w) {
                    *out = fail(SyncFailure::Store, w.error().message);
                    return false;
                }
                *out = fail(SyncFailure::EpochChanged, Tr::tr("The provincial center has fewer dossiers than this "
                                                              "counter has seen; sending them again."));
                return false;
            }
            *out = failFrom(answer);
            return false;
        }
        const QJsonObject body = answer.object();
        const QJsonValue lastSeq = body.value(QLatin1String("last_seq"));
        if (!lastSeq.isDouble() || !body.value(QLatin1String("events")).isArray() ||
            qint64(lastSeq.toDouble()) < cursor) {
            *out =
                fail(SyncFailure::Protocol, Tr::tr("The provincial center sent an answer this counter cannot read."));
            return false;
        }
        int applied = 0;
        if (!applyEvents(body.value(QLatin1String("events")).toArray(), QString::fromLatin1(syncmeta::kCursor),
                         qint64(lastSeq.toDouble()), &applied, out))
            return false;
        out->report.pulled += applied;
        if (m_progressSink) {
            progress.cursor = qint64(lastSeq.toDouble());
            progress.highWater = std::max(progress.cursor, qint64(body.value(QLatin1String("high_water")).toDouble()));
            progress.pulled = out->report.pulled;
            m_progressSink(progress);
        }
        if (!body.value(QLatin1String("more")).toBool())
            return !includeOwn || finishFeed(*restoredAt, out);
    }
    return true;
}

// The feed was read to the end after a restore from a backup: this counter's own events are back.
bool SyncEngine::finishFeed(const QString &restoredAt, RoundResult *out)
{
    auto w = m_store.write([&](const QSqlDatabase &db) {
        return m_store.setMeta(db, QString::fromLatin1(Backups::kRestoredAtKey), QString());
    });
    if (!w) {
        *out = fail(SyncFailure::Store, w.error().message);
        return false;
    }
    qCInfo(lcSync) << "Restored from a backup on" << restoredAt
                   << "- the center's copies of this counter's events are back";
    return true;
}

// Stores a page of the center's events and (when cursorKey is set) the new cursor in one transaction. A feed page is
// Replayable: lost in a power cut, page and cursor go together and the page is pulled again (anything an officer
// then records on a pulled dossier is a Full write, whose sync to disk takes the page along). A looked-up dossier
// has no cursor to bring it back, so it is written in full.
bool SyncEngine::applyEvents(const QJsonArray &events, const QString &cursorKey, qint64 cursor, int *applied,
                             RoundResult *out)
{
    FeedPage page;
    page.reserve(events.size());
    for (const QJsonValue &v : events) {
        const QJsonObject item = v.toObject();
        auto e = Event::fromJson(item.value(QLatin1String("event")).toObject());
        if (!e) {
            *out =
                fail(SyncFailure::Protocol,
                     Tr::tr("The provincial center sent an event this counter cannot read: %1").arg(e.error().message));
            return false;
        }
        page.append({qint64(item.value(QLatin1String("seq")).toDouble()), *e});
    }
    int inserted = 0;
    auto w = m_store.write(
        [&](const QSqlDatabase &db) -> Result<void> {
            auto stored = storePage(db, page, cursorKey, cursor);
            if (!stored)
                return stored.error();
            inserted = *stored;
            return {};
        },
        cursorKey.isEmpty() ? Store::Durability::Full : Store::Durability::Replayable);
    if (!w) {
        *out = fail(SyncFailure::Store, w.error().message);
        return false;
    }
    *applied = inserted;
    return true;
}

// Inside applyEvents()'s transaction: the events of `page`, their server_seq, the clock, the dossiers' views and the
// cursor. Returns how many events were new here.
Result<int> SyncEngine::storePage(const QSqlDatabase &db, const FeedPage &page, const QString &cursorKey,
                                  qint64 cursor) const
{
    int inserted = 0;
    QSet<QString> touched;
    std::optional<HlcTimestamp> newest;  // the clock observes the page's newest event once
    auto fresh = freshDossiers(db, page);
    if (!fresh)
        return fresh.error();
    QList<std::pair<QString, qint64>> seqs;
    seqs.reserve(page.size());
    for (const auto &[seq, e] : page) {
        auto ins = DossierStore::insertEvent(db, e, false);
        if (!ins) {
            if (ins.error().code != ErrorCode::Conflict)
                return ins.error();
            // Same id, other content: keep ours, record it for a supervisor, do not stop the feed.
            qCWarning(lcSync) << "Event" << e.eventId << "from the center differs from the local copy";
            if (auto a = AuditLog::append(db, Actor{QStringLiteral("sync"), m_counterId},
                                          {QStringLiteral("sync.event_conflict"), e.eventId,
                                           QStringLiteral("the center's copy differs from the local one")});
                !a)
                return a.error();
            continue;
        }
        if (*ins == DossierStore::Insert::Inserted) {
            ++inserted;
            if (auto it = fresh->find(e.dossierId); it != fresh->end())
                it->append(e);
            else
                touched.insert(e.dossierId);
            if (!newest || *newest < e.hlc)
                newest = e.hlc;
        }
        seqs.append({e.eventId, seq});
    }
    if (auto s = DossierStore::setServerSeqs(db, seqs); !s)
        return s.error();
    if (newest) {
        if (auto o = HybridClock::observe(db, *newest); !o)
            return o.error();
    }
    for (const QString &dossierId : std::as_const(touched)) {
        if (auto v = DossierStore::refreshView(db, dossierId); !v)
            return v.error();
    }
    for (auto it = fresh->cbegin(); it != fresh->cend(); ++it) {
        if (it->isEmpty())
            continue;
        if (auto v = DossierStore::refreshView(db, *it); !v)
            return v.error();
    }
    crashPoint("pull.mid_page");  // the page is half written, the cursor not yet moved
    if (!cursorKey.isEmpty()) {
        if (auto m = m_store.setMeta(db, cursorKey, QString::number(cursor)); !m)
            return m.error();
    }
    return inserted;
}

bool SyncEngine::updateDocuments(int catalogVersion, int calendarVersion, RoundResult *out)
{
    const Actor actor{QStringLiteral("sync"), m_counterId};
    for (const bool calendar : {false, true}) {
        const char *key = calendar ? syncmeta::kCalendarVersion : syncmeta::kCatalogVersion;
        const qint64 have = metaNumber(key);
        const int offered = calendar ? calendarVersion : catalogVersion;
        if (offered <= have)
            continue;
        ApiRequest r = request("GET", calendar ? QStringLiteral("calendar") : QStringLiteral("catalog"));
        r.query.addQueryItem(QStringLiteral("after_version"), QString::number(have));
        const ApiResponse answer = m_transport.call(r);
        if (!answer.ok()) {
            *out = failFrom(answer);
            return false;
        }
        const QJsonObject body = answer.object();
        const int version = body.value(QLatin1String("version")).toInt();
        if (body.value(QLatin1String("unchanged")).toBool() || version <= have)
            continue;
        const QByteArray document =
            QJsonDocument(body.value(QLatin1String("document")).toObject()).toJson(QJsonDocument::Compact);
        const QString origin = QStringLiteral("center v%1").arg(version);
        Result<void> imported;
        if (calendar) {
            auto c = CalendarStore::importJson(m_store, document, actor, origin);
            if (!c)
                imported = c.error();
        } else {
            auto c = CatalogStore(m_store).importJson(document, origin, actor);
            if (!c)
                imported = c.error();
        }
        if (!imported) {
            if (imported.error().code != ErrorCode::InvalidInput) {
                *out = fail(SyncFailure::Store, imported.error().message);
                return false;
            }
            // A document this version of MotCua cannot read: say so, keep the one in force, go on syncing dossiers.
            qCWarning(lcSync) << "The center's" << (calendar ? "calendar" : "catalog") << "version" << version
                              << "was not imported:" << imported.error().message;
        }
        auto w = m_store.write([&](const QSqlDatabase &db) {
            return m_store.setMeta(db, QString::fromLatin1(key), QString::number(version));
        });
        if (!w) {
            *out = fail(SyncFailure::Store, w.error().message);
            return false;
        }
        (calendar ? out->report.calendarUpdated : out->report.catalogUpdated) = imported.ok();
    }
    return true;
}

Result<void> SyncEngine::storeOfficer(const QSqlDatabase &db, const QJsonObject &officer)
{
    OfficerRecord record;
    record.login = officer.value(QLatin1String("login")).toString();
    record.fullName = officer.value(QLatin1String("full_name")).toString();
    record.role = officer.value(QLatin1String("role")).toString();
    record.unitId = officer.value(QLatin1String("unit_id")).toString();
    record.passwordHash = officer.value(QLatin1String("password_hash")).toString();
    record.disabled = officer.value(QLatin1String("disabled")).toBool();
    record.updatedAt =
        QDateTime::fromString(officer.value(QLatin1String("updated_at")).toString(), Qt::ISODateWithMs).toUTC();
    if (record.login.isEmpty() || record.passwordHash.isEmpty() || !OfficerStore::validRole(record.role)) {
        // One entry this version cannot use does not stop the others; it is logged for the administrator.
        qCWarning(lcSync) << "An officer entry from the center was not stored:" << record.login << record.role;
        return {};
    }
    return OfficerStore::upsert(db, record);
}

bool SyncEngine::updateOfficers(RoundResult *out)
{
    const OfficerSink sink = m_officerSink ? m_officerSink : OfficerSink(&SyncEngine::storeOfficer);
    const qint64 have = metaNumber(syncmeta::kOfficersVersion);
    ApiRequest r = request("GET", QStringLiteral("officers"));
    r.query.addQueryItem(QStringLiteral("after_version"), QString::number(have));
    const ApiResponse answer = m_transport.call(r);
    if (!answer.ok()) {
        *out = failFrom(answer);
        return false;
    }
    const QJsonObject body = answer.object();
    const QJsonArray officers = body.value(QLatin1String("officers")).toArray();
    const qint64 version = qint64(body.value(QLatin1String("version")).toDouble());
    if (officers.isEmpty() || version <= have)
        return true;
    auto w = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        for (const QJsonValue &v : officers) {
            if (auto s = sink(db, v.toObject()); !s)
                return s;
        }
        return m_store.setMeta(db, QString::fromLatin1(syncmeta::kOfficersVersion), QString::number(version));
    });
    if (!w) {
        *out = fail(SyncFailure::Store, w.error().message);
        return false;
    }
    out->report.officersUpdated += int(officers.size());
    return true;
}

Result<int> SyncEngine::lookup(const QString &query, RoundResult *failure)
{
    const QString q = query.trimmed();
    if (q.isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("Give a dossier code or an ID number."));
    const bool isIdNumber = std::all_of(q.begin(), q.end(), [](QChar c) { return c.isDigit(); });
    ApiRequest r = request("POST", QStringLiteral("lookup"));
    const QJsonObject body{
        {isIdNumber ? QStringLiteral("id_number") : QStringLiteral("code"), isIdNumber ? q : q.toUpper()}};
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const ApiResponse answer = m_transport.call(r);
    if (answer.status == 404)
        return makeError(ErrorCode::NotFound, Tr::tr("The provincial center has no dossier %1.").arg(q));
    if (!answer.ok()) {
        RoundResult f = failFrom(answer);
        if (failure)
            *failure = f;
        return makeError(f.failure == SyncFailure::Network ? ErrorCode::Io : ErrorCode::Conflict, f.message);
    }
    const QJsonArray events = answer.object().value(QLatin1String("events")).toArray();
    RoundResult applyFailure;
    int applied = 0;
    if (!applyEvents(events, QString(), 0, &applied, &applyFailure))
        return makeError(ErrorCode::Database, applyFailure.message);
    QSet<QString> dossiers;
    for (const QJsonValue &v : events)
        dossiers.insert(
            v.toObject().value(QLatin1String("event")).toObject().value(QLatin1String("dossier_id")).toString());
    return int(dossiers.size());
}

}  // namespace motcua::sync
