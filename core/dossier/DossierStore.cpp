// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dossier/DossierStore.h"

#include "core/Clock.h"
#include "core/dossier/CanonicalJson.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/text/VietnameseFold.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::dossier)
};

const QString kSummaryColumns = QStringLiteral(
    "d.dossier_id, d.code, d.procedure_code, d.procedure_name, d.applicant_name, d.id_number, d.phone, d.status, "
    "d.received_at, d.due_at, d.timeliness, d.conflict, d.receiving_counter");

QString utcText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(QLatin1String(""));
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<Event> eventFromRow(const QSqlQuery &q)
{
    return Event::fromJson(DossierStore::eventJsonFromRow(q));
}

DossierSummary summaryFromRow(const QSqlQuery &q)
{
    DossierSummary s;
    s.dossierId = q.value(0).toString();
    s.code = q.value(1).toString();
    s.procedureCode = q.value(2).toString();
    s.procedureName = q.value(3).toString();
    s.applicantName = q.value(4).toString();
    s.idNumber = q.value(5).toString();
    s.phone = q.value(6).toString();
    s.status = q.value(7).toString();
    s.receivedAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODate);
    s.dueAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODate);
    s.timeliness = q.value(10).toString();
    s.conflict = q.value(11).toInt() != 0;
    s.receivingCounter = q.value(12).toString();
    return s;
}

Result<QList<DossierSummary>> summaries(const QSqlDatabase &db, const QString &sqlText, const QVariantList &binds)
{
    auto q = sql::run(db, sqlText, binds);
    if (!q)
        return q.error();
    QList<DossierSummary> out;
    while (q->next())
        out.append(summaryFromRow(*q));
    return out;
}

bool allDigits(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

// "Nguyen Van A" -> FTS5 query "nguyen* van* a*" with every word quoted, so no input is FTS syntax.
QString ftsQuery(const QString &folded)
{
    QStringList terms;
    for (const QStringView w : foldedWords(folded))
        terms << QLatin1Char('"') + w.toString() + QStringLiteral("\"*");
    return terms.join(QLatin1Char(' '));
}

}  // namespace

Result<DossierStore::Insert> DossierStore::insertEvent(const QSqlDatabase &db, const Event &e, bool enqueue)
{
    auto ins = sql::cached(
        db,
        QStringLiteral("INSERT INTO events(event_id, dossier_id, counter_id, officer, hlc, type, schema_version, "
                       "catalog_version, parents, payload, recorded_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT(event_id) DO NOTHING"),
        {e.eventId, e.dossierId, e.counterId, e.officer, e.hlc.toString(), eventTypeName(e.type), e.schemaVersion,
         e.catalogVersion,
         QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(e.parents)).toJson(QJsonDocument::Compact)),
         jsonText(e.payload), e.occurredAt.toUTC().toString(Qt::ISODateWithMs)});
    if (!ins)
        return ins.error();
    if ((*ins)->numRowsAffected() == 0) {
        // The id is there already: the same content is a duplicate (a retry), different content must be raised.
        auto existing =
            sql::run(db,
                     QStringLiteral("SELECT event_id, dossier_id, counter_id, officer, hlc, type, schema_version, "
                                    "catalog_version, parents, payload, recorded_at FROM events WHERE event_id = ?"),
                     {e.eventId});
        if (!existing)
            return existing.error();
        if (existing->next()) {
            auto stored = eventFromRow(*existing);
            if (stored && stored->canonicalBytes() == e.canonicalBytes())
                return Insert::Duplicate;
        }
        return makeError(ErrorCode::Conflict,
                         Tr::tr("Event %1 exists already with different content; it was not stored.").arg(e.eventId));
    }
    if (enqueue) {
        auto out = sql::cached(db, QStringLiteral("INSERT INTO outbox(event_id) VALUES(?)"), {e.eventId});
        if (!out)
            return out.error();
    }
    return Insert::Inserted;
}

QJsonObject DossierStore::eventJsonFromRow(const QSqlQuery &q)
{
    return {{QStringLiteral("event_id"), q.value(0).toString()},
            {QStringLiteral("dossier_id"), q.value(1).toString()},
            {QStringLiteral("counter_id"), q.value(2).toString()},
            {QStringLiteral("officer"), q.value(3).toString()},
            {QStringLiteral("hlc"), q.value(4).toString()},
            {QStringLiteral("type"), q.value(5).toString()},
            {QStringLiteral("schema_version"), q.value(6).toInt()},
            {QStringLiteral("catalog_version"), q.value(7).toInt()},
            {QStringLiteral("parents"), QJsonDocument::fromJson(q.value(8).toString().toUtf8()).array()},
            {QStringLiteral("payload"), QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object()},
            {QStringLiteral("occurred_at"), q.value(10).toString()}};
}

void DossierStore::appendJsonString(QByteArray &out, const QString &text)
{
    json::appendString(out, text);
}

void DossierStore::appendEventJsonFromRow(QByteArray &out, const sql::TextRow &row)
{
    const QByteArrayView parents = row.text(8);
    const QByteArrayView payload = row.text(9);
    // What this program stored is an array and an object; anything else goes through the parser, which makes
    // an empty one of it, exactly as eventJsonFromRow() does.
    if (!parents.startsWith('[') || !payload.startsWith('{')) {
        const auto text = [&](int column) { return QString::fromUtf8(row.text(column)); };
        const QJsonObject event{
            {QStringLiteral("event_id"), text(0)},
            {QStringLiteral("dossier_id"), text(1)},
            {QStringLiteral("counter_id"), text(2)},
            {QStringLiteral("officer"), text(3)},
            {QStringLiteral("hlc"), text(4)},
            {QStringLiteral("type"), text(5)},
            {QStringLiteral("schema_version"), int(row.integer(6))},
            {QStringLiteral("catalog_version"), int(row.integer(7))},
            {QStringLiteral("parents"), QJsonDocument::fromJson(parents.toByteArray()).array()},
            {QStringLiteral("payload"), QJsonDocument::fromJson(payload.toByteArray()).object()},
            {QStringLiteral("occurred_at"), text(10)},
        };
        out += QJsonDocument(event).toJson(QJsonDocument::Compact);
        return;
    }
    // In canonical form (keys sorted, Qt's escapes; the stored parents and payload were written by Qt's compact
    // writer), so that the center can take the text as the event's canonical bytes once it has checked it.
    out += "{\"catalog_version\":" + QByteArray::number(row.integer(7)) + ",\"counter_id\":";
    json::appendUtf8String(out, row.text(2));
    out += ",\"dossier_id\":";
    json::appendUtf8String(out, row.text(1));
    out += ",\"event_id\":";
    json::appendUtf8String(out, row.text(0));
    out += ",\"hlc\":";
    json::appendUtf8String(out, row.text(4));
    out += ",\"occurred_at\":";
    json::appendUtf8String(out, row.text(10));
    out += ",\"officer\":";
    json::appendUtf8String(out, row.text(3));
    out += ",\"parents\":";
    out += parents;
    out += ",\"payload\":";
    out += payload;
    out += ",\"schema_version\":" + QByteArray::number(row.integer(6)) + ",\"type\":";
    json::appendUtf8String(out, row.text(5));
    out += '}';
}

Result<bool> DossierStore::holdsEventsOf(const QSqlDatabase &db, const QString &dossierId)
{
    auto had = sql::cached(db, QStringLiteral("SELECT 1 FROM events WHERE dossier_id = ? LIMIT 1"), {dossierId});
    if (!had)
        return had.error();
    const bool known = (*had)->next();
    (*had)->finish();
    return known;
}

// 64 events per statement, the last piece padded by repeating its last pair, so that one statement text serves every
// piece.
Result<void> DossierStore::setServerSeqs(const QSqlDatabase &db, const QList<std::pair<QString, qint64>> &seqs)
{
    constexpr qsizetype kPiece = 64;
    static const QString text = QStringLiteral("UPDATE events SET server_seq = v.column2 FROM (VALUES ") +
                                QStringLiteral("(?, ?), ").repeated(kPiece - 1) +
                                QStringLiteral("(?, ?)) AS v WHERE events.event_id = v.column1");
    for (qsizetype done = 0; done < seqs.size(); done += kPiece) {
        const qsizetype rows = std::min(kPiece, seqs.size() - done);
        QVariantList binds;
        binds.reserve(kPiece * 2);
        for (qsizetype i = done; i < done + rows; ++i)
            binds << seqs.at(i).first << seqs.at(i).second;
        const auto &[lastId, lastSeq] = seqs.at(done + rows - 1);
        while (binds.size() < kPiece * 2)
            binds << lastId << lastSeq;
        if (auto q = sql::cached(db, text, binds); !q)
            return q.error();
    }
    return {};
}

Result<QList<Event>> DossierStore::eventsOf(const QSqlDatabase &db, const QString &dossierId)
{
    auto q = sql::cached(
        db,
        QStringLiteral("SELECT event_id, dossier_id, counter_id, officer, hlc, type, schema_version, catalog_version, "
                       "parents, payload, recorded_at FROM events WHERE dossier_id = ? ORDER BY hlc, event_id"),
        {dossierId});
    if (!q)
        return q.error();
    QList<Event> events;
    while ((*q)->next()) {
        auto e = eventFromRow(**q);
        if (!e) {
            (*q)->finish();
            return makeError(ErrorCode::Corrupt,
                             Tr::tr("A stored event of dossier %1 is malformed: %2").arg(dossierId, e.error().message));
        }
        events.append(*e);
    }
    (*q)->finish();  // release the statement's read snapshot
    return events;
}

Result<DossierState> DossierStore::refreshView(const QSqlDatabase &db, const QString &dossierId)
{
    auto events = eventsOf(db, dossierId);
    if (!events)
        return events.error();
    return refreshView(db, *events);
}

Result<DossierState> DossierStore::refreshView(const QSqlDatabase &db, const QList<Event> &events)
{
    const DossierState s = foldDossier(events);
    if (s.status == DossierStatus::None)
        return s;  // nothing to list until the creating event arrives
    const QString name = s.applicant.value(QStringLiteral("full_name")).toString();
    const QString folded = foldVietnamese(name);
    auto up = sql::cached(
        db,
        QStringLiteral(
            "INSERT INTO dossiers(dossier_id, code, procedure_code, procedure_name, catalog_version, applicant_name, "
            "applicant_folded, id_number, phone, status, received_at, due_at, finished_at, timeliness, conflict, "
            "receiving_counter, event_count, last_hlc) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(dossier_id) DO UPDATE SET code = excluded.code, procedure_code = excluded.procedure_code, "
            "procedure_name = excluded.procedure_name, catalog_version = excluded.catalog_version, "
            "applicant_name = excluded.applicant_name, applicant_folded = excluded.applicant_folded, "
            "id_number = excluded.id_number, phone = excluded.phone, status = excluded.status, "
            "received_at = excluded.received_at, due_at = excluded.due_at, finished_at = excluded.finished_at, "
            "timeliness = excluded.timeliness, conflict = excluded.conflict, "
            "receiving_counter = excluded.receiving_counter, event_count = excluded.event_count, "
            "last_hlc = excluded.last_hlc RETURNING id"),
        {s.dossierId, s.code, s.procedureCode, s.procedureName, s.catalogVersion, name, folded,
         s.applicant.value(QStringLiteral("id_number")).toString(),
         s.applicant.value(QStringLiteral("phone")).toString(), dossierStatusName(s.status), utcText(s.receivedAt),
         utcText(s.dueAt), utcText(s.finishedAt), timelinessName(s.timeliness), s.conflict ? 1 : 0, s.receivingCounter,
         s.eventCount, s.lastHlc});
    if (!up)
        return up.error();
    if (!(*up)->next())
        return makeError(ErrorCode::Database, Tr::tr("The dossier list could not be updated."));
    const QVariant id = (*up)->value(0);
    (*up)->finish();
    auto del = sql::cached(db, QStringLiteral("DELETE FROM dossiers_fts WHERE rowid = ?"), {id});
    if (!del)
        return del.error();
    auto fts =
        sql::cached(db, QStringLiteral("INSERT INTO dossiers_fts(rowid, applicant_folded) VALUES(?, ?)"), {id, folded});
    if (!fts)
        return fts.error();
    return s;
}

Result<DossierState> DossierStore::load(const QString &dossierId) const
{
    auto events = eventsOf(m_store.connection(), dossierId);
    if (!events)
        return events.error();
    if (events->isEmpty())
        return makeError(ErrorCode::NotFound, Tr::tr("There is no dossier %1 here.").arg(dossierId));
    return foldDossier(*events);
}

Result<DossierState> DossierStore::loadByCode(const QString &code) const
{
    auto id = dossierIdForCode(code);
    if (!id)
        return id.error();
    if (!id->has_value())
        return makeError(ErrorCode::NotFound,
                         Tr::tr("There is no dossier with code %1 at this counter.").arg(code.trimmed()));
    return load(**id);
}

Result<std::optional<QString>> DossierStore::dossierIdForCode(const QString &code) const
{
    auto id =
        sql::scalar(m_store.connection(), QStringLiteral("SELECT dossier_id FROM dossiers WHERE code = ? LIMIT 1"),
                    {code.trimmed().toUpper()});
    if (!id)
        return id.error();
    if (!id->isValid())
        return std::optional<QString>{};
    return std::optional<QString>{id->toString()};
}

Result<QList<DossierSummary>> DossierStore::search(const QString &text, int limit) const
{
    const QString q = text.trimmed();
    if (q.isEmpty())
        return QList<DossierSummary>{};
    const QSqlDatabase db = m_store.connection();
    const QString compact = QString(q).remove(QLatin1Char(' ')).remove(QLatin1Char('.'));
    const QString base = QStringLiteral("SELECT ") + kSummaryColumns + QStringLiteral(" FROM dossiers d ");
    if (allDigits(compact) && (compact.size() == 12 || compact.size() == 9))
        return summaries(db, base + QStringLiteral("WHERE d.id_number = ? ORDER BY d.received_at DESC LIMIT ?"),
                         {compact, limit});
    if (allDigits(compact) && compact.size() >= 9 && compact.size() <= 11 && compact.startsWith(QLatin1Char('0')))
        return summaries(db, base + QStringLiteral("WHERE d.phone = ? ORDER BY d.received_at DESC LIMIT ?"),
                         {compact, limit});
    if (q.contains(QLatin1Char('-')) && !q.contains(QLatin1Char(' '))) {
        // A code or its beginning: a range scan on the code index.
        const QString prefix = q.toUpper();  // agency identifiers are upper-case (H49)
        QString upper = prefix;
        upper.append(QChar(0xFFFF));
        return summaries(db, base + QStringLiteral("WHERE d.code >= ? AND d.code < ? ORDER BY d.code LIMIT ?"),
                         {prefix, upper, limit});
    }
    const QString folded = foldVietnamese(q);
    if (folded.isEmpty())
        return QList<DossierSummary>{};
    return summaries(
        db,
        base +
            QStringLiteral(
                "JOIN (SELECT rowid AS rid FROM dossiers_fts WHERE dossiers_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f "
                "ON d.id = f.rid ORDER BY d.received_at DESC"),
        {ftsQuery(folded), limit});
}

Result<QList<DossierSummary>> DossierStore::list(const DossierFilter &filter, int limit, int offset) const
{
    QStringList where;
    QVariantList binds;
    if (!filter.status.isEmpty()) {
        where << QStringLiteral("d.status = ?");
        binds << filter.status;
    }
    if (!filter.procedureCode.isEmpty()) {
        where << QStringLiteral("d.procedure_code = ?");
        binds << filter.procedureCode;
    }
    const QTimeZone vn = vietnamTimeZone();
    if (filter.receivedFrom.isValid()) {
        where << QStringLiteral("d.received_at >= ?");
        binds << utcText(QDateTime(filter.receivedFrom, QTime(0, 0), vn));
    }
    if (filter.receivedTo.isValid()) {
        where << QStringLiteral("d.received_at < ?");
        binds << utcText(QDateTime(filter.receivedTo.addDays(1), QTime(0, 0), vn));
    }
    const QString open = QStringLiteral("d.status IN ('received', 'waiting_supplement', 'transferred', 'processing')");
    if (filter.overdueOnly) {
        where << open << QStringLiteral("d.due_at <> '' AND d.due_at < ?");
        binds << utcText(filter.now.isValid() ? filter.now : Clock::now());
    }
    if (filter.dueBefore.isValid()) {
        where << open << QStringLiteral("d.due_at <> '' AND d.due_at < ?");
        binds << utcText(filter.dueBefore);
    }
    if (filter.dueFrom.isValid()) {
        where << open << QStringLiteral("d.due_at >= ?");
        binds << utcText(filter.dueFrom);
    }
    if (!filter.field.isEmpty()) {
        where << QStringLiteral("d.procedure_code IN (SELECT code FROM procedures WHERE field = ?)");
        binds << filter.field;
    }
    if (!filter.receivingCounter.isEmpty()) {
        where << QStringLiteral("d.receiving_counter = ?");
        binds << filter.receivingCounter;
    }
    if (!filter.otherCounter.isEmpty()) {
        where << QStringLiteral("d.receiving_counter <> ?");
        binds << filter.otherCounter;
    }
    QString sqlText = QStringLiteral("SELECT ") + kSummaryColumns + QStringLiteral(" FROM dossiers d");
    if (!where.isEmpty())
        sqlText += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sqlText += QStringLiteral(" ORDER BY d.received_at DESC, d.id DESC LIMIT ? OFFSET ?");
    binds << limit << offset;
    return summaries(m_store.connection(), sqlText, binds);
}

Result<int> DossierStore::rebuildViews() const
{
    int count = 0;
    auto r = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        if (auto d = sql::run(db, QStringLiteral("DELETE FROM dossiers_fts")); !d)
            return d.error();
        if (auto d = sql::run(db, QStringLiteral("DELETE FROM dossiers")); !d)
            return d.error();
        auto ids = sql::run(db, QStringLiteral("SELECT DISTINCT dossier_id FROM events"));
        if (!ids)
            return ids.error();
        QStringList all;
        while (ids->next())
            all << ids->value(0).toString();
        for (const QString &id : std::as_const(all)) {
            if (auto v = refreshView(db, id); !v)
                return v.error();
            ++count;
        }
        return {};
    });
    if (!r)
        return r.error();
    return count;
}

Result<int> DossierStore::pendingOutbox() const
{
    auto n = sql::scalar(m_store.connection(), QStringLiteral("SELECT count(*) FROM outbox WHERE quarantined = 0"));
    if (!n)
        return n.error();
    return n->toInt();
}

Result<int> DossierStore::quarantinedOutbox() const
{
    auto n = sql::scalar(m_store.connection(), QStringLiteral("SELECT count(*) FROM outbox WHERE quarantined = 1"));
    if (!n)
        return n.error();
    return n->toInt();
}

}  // namespace motcua
