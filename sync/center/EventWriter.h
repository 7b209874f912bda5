// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/center/CenterTypes.h"

#include <QSqlDatabase>

#include <atomic>

namespace motcua::sync {

class CenterDatabase;
struct IngestJob;

// Stores groups of pushes: each group in one transaction that takes the next server_seq numbers, inserts the new
// events and dossiers, and refolds the dossiers they add to.
class EventWriter final {
public:
    explicit EventWriter(const CenterDatabase &db);

    // Everything of a push that needs no lock: its canonical bytes, its ids, the dossiers it creates folded.
    // `canonical`: the events' canonical bytes when the caller has them (one per event), computed here otherwise.
    static void prepare(IngestJob &job, const CounterAuth &counter, const QList<Event> &events,
                        const QList<QByteArray> &canonical);
    // Stores a group of prepared pushes in one transaction; if that fails, each push alone, so that one push's
    // failure is its own. Returns the newest seq committed (0 when nothing was).
    qint64 write(const QList<IngestJob *> &batch);
    // The groups written without looking up their event ids first that met one stored already, and were written
    // again with the look-up (docs/center-store.md, "Look-ups").
    [[nodiscard]] qint64 lookUpRetries() const { return m_lookUpRetries.load(); }

private:
    // One transaction for `jobs`; `lookUp`: whether the group's event ids, and the dossiers its pushes create, are
    // looked up before the insert (without, one stored already fails the insert with a Conflict).
    Result<void> writeJobs(const QList<IngestJob *> &jobs, bool lookUp, qint64 *committed) const;
    // The inserts of a group, inside writeJobs()' transaction. `contacted`: the counters whose pushes these are.
    Result<void> ingestInto(const QSqlDatabase &db, const QString &now, qint64 *seq, const QList<IngestJob *> &jobs,
                            bool lookUp, QStringList *contacted) const;

    const CenterDatabase &m_db;
    // After a group met an event stored already, this many groups more look their event ids up first: a counter
    // that sends its pushes again (a lost answer, a new epoch) usually sends several.
    static constexpr int kLookUpGroupsAfterConflict = 16;
    std::atomic<int> m_lookUpGroups{0};
    std::atomic<qint64> m_lookUpRetries{0};
};

}  // namespace motcua::sync
