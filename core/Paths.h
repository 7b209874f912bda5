// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace motcua::paths {

// The folder MotCua keeps its data in: $MOTCUA_DATA_DIR when set, else the user's data folder
// (on Linux ~/.local/share/motcua).
QString dataDirectory();
// The counter's default store: <data folder>/counter.sqlite.
QString defaultStorePath();

}  // namespace motcua::paths
