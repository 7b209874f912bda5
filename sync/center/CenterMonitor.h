// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/center/CenterTypes.h"

namespace motcua::sync {

class CenterDatabase;
class CenterDirectory;
class CenterFeed;
class CenterRegistry;

// What the center's operator watches: its status (counts, counters and their backlog) and the alarms it raised.
class CenterMonitor final {
public:
    CenterMonitor(const CenterDatabase &db, const CenterRegistry &registry, const CenterDirectory &directory,
                  const CenterFeed &feed);

    Result<CenterStatus> status() const;
    Result<void> raiseAlarm(const QString &counterId, const QString &kind, const QString &detail) const;

private:
    const CenterDatabase &m_db;
    const CenterRegistry &m_registry;
    const CenterDirectory &m_directory;
    const CenterFeed &m_feed;
};

}  // namespace motcua::sync
