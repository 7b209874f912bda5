// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dossier/Event.h"
#include "sync/Protocol.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// The values the center's store takes and gives (sync/center/CenterStore.h).
namespace motcua::sync {

// Where the center keeps its data. SQLite for one machine (and the embedded default of `make run`);
// PostgreSQL 15 in production, where several stateless center processes share one database.
struct CenterDbConfig {
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;
    QString path;  // SQLite file
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString name = QStringLiteral("motcua");
    QString user = QStringLiteral("motcua");
    QString password;
    int connectTimeoutSeconds = 10;
    // How long the writer thread, about to commit a group of pushes, waits for those being read on other threads
    // (IngestPipeline::Arrival); 0 commits at once.
    int commitDelayMs = 20;
};

struct UnitRecord {
    QString unitId;    // e.g. "H49.01" (the province's own short id)
    QString name;      // "Phường Hồng Gai"
    QString agencyId;  // the agency identifier used in dossier codes, e.g. "000.00.01.H49"
    int slots = 20;    // dossier-code slots (docs/dossier-codes.md)
};

struct NewCounter {
    QString counterId;
    QString unitId;
    int slot = 0;
    QString enrollmentCode;  // shown once; only its hash is kept
    QDateTime expiresAt;
};

struct CounterAuth {
    QString counterId;
    QString unitId;
};

struct Enrollment {
    QString counterId;
    QString secret;  // the counter's credential; only its hash is kept
    UnitRecord unit;
    int slot = 0;
    QString epoch;
};

struct PushOutcome {
    QString eventId;
    PushStatus status = PushStatus::Accepted;
    qint64 serverSeq = 0;
    QString reason;
};

struct FeedPage {
    QByteArray eventsJson;  // a JSON array of {"seq": n, "event": {...}}, built from the stored bodies
    int count = 0;
    qint64 lastSeq = 0;    // the cursor to ask after next
    qint64 highWater = 0;  // the newest seq the center has
    bool more = false;
};

struct CounterStatus {
    QString counterId;
    QString unitId;
    QString name;
    int slot = 0;
    bool enrolled = false;
    bool revoked = false;
    QDateTime lastContact;
    qint64 backlog = 0;  // events in its scope it has not pulled yet
};

struct CenterStatus {
    QString epoch;
    QString backend;
    int schemaVersion = 0;
    qint64 events = 0;
    qint64 dossiers = 0;
    qint64 highWater = 0;
    int catalogVersion = 0;
    int alarms = 0;
    QList<CounterStatus> counters;
};

struct OfficerEntry {
    QString login;
    QString fullName;
    QString role;  // officer | supervisor | admin
    QString unitId;
    QString passwordHash;
    bool disabled = false;
    qint64 version = 0;  // grows with every change, for incremental sync
    QDateTime updatedAt;
};

// A catalog or calendar as imported (the same JSON the counter's own importers read).
struct CenterDocument {
    int version = 0;
    QByteArray json;
};

// One push to store: its counter, its events, and their canonical bytes when the caller has them (one per event;
// computed otherwise).
struct IngestRequest {
    CounterAuth counter;
    QList<Event> events;
    QList<QByteArray> canonical;
};

}  // namespace motcua::sync
