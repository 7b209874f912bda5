// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/dossier/Dossier.h"
#include "core/dossier/Event.h"

#include <QSqlDatabase>

#include <optional>
#include <utility>

namespace motcua::sql {
class TextRow;
}

class QSqlQuery;

namespace motcua {

class Store;

// One row of the dossier view (for lists and search results).
struct DossierSummary {
    QString dossierId;
    QString code;
    QString procedureCode;
    QString procedureName;
    QString applicantName;
    QString idNumber;
    QString phone;
    QString status;
    QDateTime receivedAt;
    QDateTime dueAt;
    QString timeliness;
    bool conflict = false;
    QString receivingCounter;
};

struct DossierFilter {
    QString status;  // a dossierStatusName, or empty for all
    QString procedureCode;
    QDate receivedFrom;  // Vietnam dates, inclusive
    QDate receivedTo;
    bool overdueOnly = false;  // open dossiers whose due moment has passed (at `now`)
    QDateTime dueBefore;       // open dossiers due before this moment
    QDateTime dueFrom;         // open dossiers due at or after this moment
    QString field;             // the catalog field (lĩnh vực) of the dossier's procedure
    QString receivingCounter;  // only dossiers received at this counter id
    QString otherCounter;      // only dossiers received at another counter than this id
    QDateTime now;             // for overdue; defaults to the clock
};

// Events, outbox and the rebuildable dossier view in the store.
class DossierStore final {
public:
    // The events table's columns in the order eventJsonFromRow() reads them.
    static constexpr const char *kEventColumns =
        "event_id, dossier_id, counter_id, officer, hlc, type, schema_version, "
        "catalog_version, parents, payload, recorded_at";

    enum class Insert { Inserted, Duplicate };

    explicit DossierStore(const Store &store) : m_store(store) {}

    // Inside the caller's transaction: stores `event` unless its id is there already (same content: Duplicate;
    // different content: a Conflict error) and queues it in the outbox when `enqueue`. The caller then refolds
    // the view with refreshView(), once per dossier per transaction.
    static Result<Insert> insertEvent(const QSqlDatabase &db, const Event &event, bool enqueue);
    static Result<QList<Event>> eventsOf(const QSqlDatabase &db, const QString &dossierId);
    // Whether the store holds any event of `dossierId`.
    static Result<bool> holdsEventsOf(const QSqlDatabase &db, const QString &dossierId);
    // Inside the caller's transaction: records the center's sequence numbers of stored events (event id, server_seq).
    static Result<void> setServerSeqs(const QSqlDatabase &db, const QList<std::pair<QString, qint64>> &seqs);
    // The wire form of a stored event, read from a row that selects kEventColumns (optionally prefixed), without
    // parsing it into an Event: for sending events on as they are.
    static QJsonObject eventJsonFromRow(const QSqlQuery &q);
    // The same wire form appended to `out` as JSON text in canonical form (Event::canonicalBytes()), written
    // straight from a row of sql::selectText() (the stored parents and payload are JSON already): what a push of
    // hundreds of events is built from.
    static void appendEventJsonFromRow(QByteArray &out, const sql::TextRow &row);
    // `text` as a JSON string, quotes included.
    static void appendJsonString(QByteArray &out, const QString &text);
    static Result<DossierState> refreshView(const QSqlDatabase &db, const QString &dossierId);
    // The same with the dossier's events at hand (all of them, in any order), without reading them back.
    static Result<DossierState> refreshView(const QSqlDatabase &db, const QList<Event> &events);

    [[nodiscard]] Result<DossierState> load(const QString &dossierId) const;
    [[nodiscard]] Result<std::optional<QString>> dossierIdForCode(const QString &code) const;
    // The dossier with `code`; NotFound (with a message naming the code) when this store has none.
    [[nodiscard]] Result<DossierState> loadByCode(const QString &code) const;

    // One search box: a dossier code (or its beginning), a 12- or 9-digit ID number, a phone number, or words
    // of the applicant's name typed without diacritics (each word a prefix).
    [[nodiscard]] Result<QList<DossierSummary>> search(const QString &text, int limit) const;
    [[nodiscard]] Result<QList<DossierSummary>> list(const DossierFilter &filter, int limit, int offset) const;

    // Refolds every dossier from its events (the view is derived data).
    [[nodiscard]] Result<int> rebuildViews() const;
    [[nodiscard]] Result<int> pendingOutbox() const;
    // Events the center rejected (kept aside for a supervisor, not retried).
    [[nodiscard]] Result<int> quarantinedOutbox() const;

private:
    const Store &m_store;
};

}  // namespace motcua
