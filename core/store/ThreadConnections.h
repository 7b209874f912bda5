// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The store's per-thread database connections are closed when their thread ends: no thread releases them by hand.
namespace motcua::threadConnections {

// Closes the connection `name`, opened by the calling thread, when that thread ends.
void closeAtThreadEnd(const QString &name);

// Closes and removes the connection `name` now, if it is still open; its thread must no longer use it.
void close(const QString &name);

}  // namespace motcua::threadConnections
