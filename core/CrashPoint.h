// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace motcua {

// Named points where the crash tests kill the process (SIGKILL, as `kill -9` would) when the environment variable
// MOTCUA_CRASH_AT names that point: between a local commit and the answer, inside a pulled page, and so on.
// Without the variable this is one cached comparison.
void crashPoint(const char *name);

}  // namespace motcua
