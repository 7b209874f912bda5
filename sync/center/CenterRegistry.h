// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/center/CenterTypes.h"

namespace motcua::sync {

class CenterDatabase;

// The center's registry: its epoch, the units, their counters, enrollment and the counters' credentials.
class CenterRegistry final {
public:
    explicit CenterRegistry(const CenterDatabase &db);

    // The epoch changes when the database is restored from a backup; counters then re-push their events.
    Result<QString> epoch() const;
    Result<QString> startNewEpoch();

    Result<void> addUnit(const UnitRecord &unit);
    Result<QList<UnitRecord>> units() const;
    Result<UnitRecord> unit(const QString &unitId) const;

    // A counter of `unitId` with the next free slot, and a one-time enrollment code valid for `validHours`.
    Result<NewCounter> addCounter(const QString &unitId, const QString &name, int validHours);
    Result<void> revokeCounter(const QString &counterId);
    Result<Enrollment> enroll(const QString &code);
    // The counter behind a bearer credential; Error Conflict when revoked, NotFound when unknown or wrong secret.
    Result<CounterAuth> authenticate(const QByteArray &authorization) const;
    Result<void> touch(const QString &counterId) const;

private:
    const CenterDatabase &m_db;
};

}  // namespace motcua::sync
