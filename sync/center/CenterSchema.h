// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

namespace motcua::sync {

class CenterDatabase;

// The center's tables on SQLite and PostgreSQL, and their upgrades from every older version.
class CenterSchema final {
public:
    static constexpr int kVersion = 4;

    // Creates the schema in an empty database, or upgrades an older one; fails on a newer one or a database of
    // another program. Several center processes may start together on one PostgreSQL database: one upgrades, the
    // others find it done.
    static Result<void> migrate(const CenterDatabase &db);

    // A fresh epoch id (docs/center-store.md, "Epochs").
    static QString newEpochId();

private:
    CenterSchema() = delete;
};

}  // namespace motcua::sync
