// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace motcua::schema {

// 'MOTC': marks a SQLite file as a MotCua counter store (PRAGMA application_id).
constexpr int kApplicationId = 0x4D4F5443;

// The newest schema version this program knows.
int latestVersion();

// Tables whose row counts `status` reports, in display order.
QStringList countedTables();

// Migrates `db` from its current PRAGMA user_version up to `targetVersion`, one transaction per step.
// A step that fails leaves the store at the previous version, untouched by the failed step.
Result<void> migrate(const QSqlDatabase &db, int targetVersion);

// PRAGMA user_version of `db`.
Result<int> version(const QSqlDatabase &db);

}  // namespace motcua::schema
