// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/calendar/ProcessingTime.h"
#include "core/calendar/WorkingCalendar.h"
#include "core/dossier/CounterIdentity.h"
#include "core/dossier/Dossier.h"

#include <QJsonArray>
#include <QJsonObject>

namespace motcua {

class Store;

struct ReceiveRequest {
    QString procedureCode;
    QString procedureName;
    int catalogVersion = 0;
    ProcessingTime processing;
    // id_number, old_id_number, full_name, birth_date, gender, address, issue_date, phone, email: checked and
    // stored as checkApplicantJson() (core/dossier/ApplicantCheck.h) gives them.
    QJsonObject applicant;
    QJsonObject representative;  // optional: full_name, id_number, phone
    QJsonArray documents;        // {name, originals, certified_copies, copies}
    int sets = 1;
    qint64 feeVnd = 0;
    QString returnMethod = QStringLiteral("counter");  // counter | post | online
    QString returnUnit;
    QDateTime receivedAt;  // the legal receipt time (device clock); UTC
};

// Records what happens to dossiers at this counter: checks each step against the dossier's state, then writes
// the event, its outbox row, the dossier view and the audit entry in one transaction. A new dossier's due moment
// comes from the processing time and the unit's working calendar (read from the store on the first receipt).
class DossierService final {
public:
    DossierService(const Store &store, CounterIdentity counter, QString officer);

    // InvalidInput, with nothing stored, when the request or the applicant has a problem (the first one named).
    Result<DossierState> receive(const ReceiveRequest &request);
    // Refused at intake without a prior receipt: creates the dossier in state "refused" (Form 03).
    Result<DossierState> refuseAtIntake(const ReceiveRequest &request, const QString &reason);
    // Any later step; `payload` carries the fields of that type (see docs/dossier-events.md).
    Result<DossierState> record(const QString &code, EventType type, const QJsonObject &payload);

    [[nodiscard]] const CounterIdentity &counter() const { return m_counter; }

private:
    Result<DossierState> create(const ReceiveRequest &request, EventType type, const QString &reason);
    Result<QDateTime> dueMoment(const ReceiveRequest &request);
    // Inside the caller's transaction: clock tick, event + outbox, view, audit entry.
    Result<DossierState> insert(const QSqlDatabase &db, Event &event, const QString &auditAction,
                                const QString &subject);

    const Store &m_store;
    CounterIdentity m_counter;
    QString m_officer;
    std::optional<WorkingCalendar> m_calendar;
};

// Checks the payload fields an event type needs; InvalidInput with a message naming the field.
Result<void> validatePayload(EventType type, const QJsonObject &payload, const DossierState &state);

}  // namespace motcua
