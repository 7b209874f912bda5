// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/calendar/ProcessingTime.h"
#include "core/dossier/Event.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>

namespace motcua {

enum class DossierStatus {
    None,  // no creating event seen yet (only commutative events arrived so far)
    Received,
    Refused,
    WaitingSupplement,
    Transferred,
    Processing,
    ResultReady,
    Returned,
    Stopped,
    Withdrawn,
};

QString dossierStatusName(DossierStatus status);  // stable words: "received", "waiting_supplement", …
bool dossierStatusFromName(const QString &name, DossierStatus *out);
bool isFinal(DossierStatus status);

enum class Timeliness { Pending, Early, OnTime, Late };
QString timelinessName(Timeliness t);  // "pending", "early", "on_time", "late"

struct TimelineEntry {
    QString eventId;
    EventType type = EventType::Note;
    QString officer;
    QString counterId;
    QDateTime at;  // when it happened (payload "at" if given, else the device time)
    QJsonObject payload;
    bool applied = true;  // false for an exclusive event the fold did not apply (conflict or illegal)
    bool conflicting = false;
};

struct FeeEntry {
    qint64 amountVnd = 0;
    QString note;
    QString eventId;
};

// The state of one dossier: a deterministic fold over its set of events. Any permutation or duplication of
// the same events gives the same state, so every replica holding the same events shows the same dossier.
struct DossierState {
    QString dossierId;
    QString code;
    QString agencyId;
    QString procedureCode;
    QString procedureName;
    int catalogVersion = 0;
    QJsonObject applicant;       // keys of `cccd parse --json` plus phone, email
    QJsonObject representative;  // optional authorised representative
    QJsonArray documents;        // {name, originals, certified_copies, copies}
    int sets = 1;
    QString returnMethod;  // counter | post | online
    QString returnUnit;
    QString receivingCounter;
    QString receivingOfficer;
    ProcessingTime processing;  // the legal processing time under the catalog version received

    DossierStatus status = DossierStatus::None;
    QDateTime receivedAt;  // legal receipt time (UTC)
    QDateTime dueAt;       // after extensions and supplements (UTC)
    QDateTime finishedAt;  // result ready (or returned) (UTC)
    Timeliness timeliness = Timeliness::Pending;
    bool conflict = false;
    QStringList conflictEventIds;

    QList<FeeEntry> fees;
    QStringList notes;
    QList<TimelineEntry> timeline;  // every distinct event, in fold order
    QStringList heads;              // events no other event names as parent: the next event's parents
    QString lastHlc;
    int eventCount = 0;

    [[nodiscard]] qint64 feeTotal() const;
};

DossierState foldDossier(const QList<Event> &events);

// Whether an event of `type` may follow `status` (refusal of illegal transitions happens before writing).
bool transitionAllowed(DossierStatus status, EventType type);

}  // namespace motcua
