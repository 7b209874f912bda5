// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace motcua {

// Who acts: the officer signed in and the counter (device) they act on.
struct Actor {
    QString officer;
    QString counterId;
};

struct AuditRecord {
    QString action;   // stable machine word, e.g. "store.backup", "dossier.receive"
    QString subject;  // what it acted on, e.g. a dossier code
    QString detail;   // free text or JSON
};

struct AuditVerification {
    bool intact = true;
    qint64 entries = 0;
    qint64 firstBadSeq = 0;  // 0 when intact
    QString problem;         // translated, empty when intact
};

// An append-only log of who did what, when, on which counter. Every entry carries the SHA-256 of its own
// fields and of the previous entry's hash, and the newest (seq, hash) is kept in the meta table, so an edited,
// inserted, reordered or deleted row — the newest one included — breaks the chain and is found by verify().
// Triggers refuse UPDATE and DELETE through SQLite; the chain catches what is done behind SQLite's back.
class AuditLog final {
public:
    // Appends inside the caller's transaction (the same one as the change it records).
    static Result<qint64> append(const QSqlDatabase &db, const Actor &actor, const AuditRecord &record);
    static Result<AuditVerification> verify(const QSqlDatabase &db);

private:
    AuditLog() = delete;
};

}  // namespace motcua
