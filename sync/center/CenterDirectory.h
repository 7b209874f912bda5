// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/center/CenterTypes.h"

namespace motcua::sync {

class CenterDatabase;
class CenterRegistry;

// What the center publishes to its counters besides events: the officers, and the catalog and calendar.
class CenterDirectory final {
public:
    CenterDirectory(const CenterDatabase &db, const CenterRegistry &registry);

    Result<void> addOfficer(const OfficerEntry &officer);
    Result<void> setOfficerDisabled(const QString &login, bool disabled);
    Result<void> setOfficerPassword(const QString &login, const QString &passwordHash);
    // The officers of `unitId` (all when empty) changed after `afterVersion`, oldest change first.
    Result<QList<OfficerEntry>> officers(const QString &unitId, qint64 afterVersion) const;

    // The catalog and calendar as imported (the same JSON the counter's own importers read); each import is a new
    // version.
    Result<int> importCatalog(const QByteArray &document);
    Result<int> importCalendar(const QByteArray &document);
    Result<CenterDocument> latestCatalog() const;
    Result<CenterDocument> latestCalendar() const;

private:
    const CenterDatabase &m_db;
    const CenterRegistry &m_registry;
};

}  // namespace motcua::sync
