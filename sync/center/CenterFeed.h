// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/center/CenterTypes.h"

namespace motcua::sync {

class CenterDatabase;
class IngestPipeline;

// What counters read of the event log: their feed by server_seq, and dossiers looked up by code or ID number.
class CenterFeed final {
public:
    CenterFeed(const CenterDatabase &db, const IngestPipeline &pipeline);

    // The newest seq the feed serves: on SQLite with deferred syncs, the newest synced to disk.
    Result<qint64> highWater() const;
    // The counter's feed after `after`: its unit's dossiers and those it subscribed to; the events it authored only
    // with `includeOwn` (it has them already, unless it was restored from a backup). Records how far it pulled.
    Result<FeedPage> feed(const CounterAuth &counter, qint64 after, int limit, bool includeOwn) const;
    // Finds a dossier by code or ID number, subscribes the counter to it, and returns all its events (JSON array).
    Result<QByteArray> lookupAndSubscribe(const CounterAuth &counter, const QString &code, const QString &idNumber);

private:
    const CenterDatabase &m_db;
    const IngestPipeline &m_pipeline;
};

}  // namespace motcua::sync
