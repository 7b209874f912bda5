// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/dossier/Hlc.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace motcua {

// Every fact about a dossier is one of these (DESIGN.md, "Dossier = immutable events").
enum class EventType {
    Received,             // creates the dossier: applicant, procedure, documents, due moment
    Refused,              // refused at intake (Form 03); may create the dossier or follow Received
    SupplementRequested,  // Form 02; the clock stops
    Supplemented,         // the citizen brought what was missing; carries the new due moment
    Transferred,          // sent to the competent agency
    ProcessingStep,       // appraise / approve / sign (with officer and time)
    Extended,             // apology + new due moment (Form 04)
    Stopped,              // processing stopped (Form 05)
    Withdrawn,            // withdrawn by the citizen
    ResultReady,          // the result is back at the one-stop counter
    Returned,             // handed to the citizen (to whom, identity checked)
    Note,                 // commutative: accumulate in any state
    Fee,
    Attachment,
    Reprinted,
    ConflictResolved,  // a supervisor's decision on concurrent exclusive events it saw (parents include them)
};

QString eventTypeName(EventType type);  // "received", "supplement_requested", …
bool eventTypeFromName(const QString &name, EventType *out);
bool eventTypeFromName(QLatin1StringView name, EventType *out);
QStringList eventTypeNames();
// Exclusive events move the dossier's status; commutative ones (notes, fees, attachments, reprints) only add.
bool isExclusive(EventType type);

struct Event {
    static constexpr int kSchemaVersion = 1;

    QString eventId;    // UUIDv7
    QString dossierId;  // UUIDv7 of the dossier (the code is in the Received payload)
    QString counterId;  // the authoring counter
    QString officer;    // the officer's login
    HlcTimestamp hlc;
    EventType type = EventType::Note;
    int schemaVersion = kSchemaVersion;
    int catalogVersion = 0;  // the catalog snapshot the dossier was received under
    QStringList parents;     // the latest event ids of this dossier that the author saw
    QJsonObject payload;
    QDateTime occurredAt;  // the authoring device's clock (UTC); legal times live in the payload

    [[nodiscard]] QJsonObject toJson() const;
    static Result<Event> fromJson(const QJsonObject &json);
    // The event whose canonical bytes are exactly `text`, read without QJsonDocument except for the payload:
    // what a push from a MotCua counter carries. Empty when `text` is not canonical or not a valid event;
    // fromJson() then says what is wrong with it. `previous`, an event read before (the one before it in a push),
    // lends its counter, officer and dossier strings when they are the same, instead of new copies.
    static std::optional<Event> fromCanonicalText(QByteArrayView text, const Event *previous = nullptr);
    // The bytes that identify the content: same id + different bytes is a conflict to raise, not a duplicate.
    [[nodiscard]] QByteArray canonicalBytes() const;
};

}  // namespace motcua
