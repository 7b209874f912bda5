#pragma once

#include <QString>

namespace motcua::sync {

// The sync protocol between counters and the provincial center (docs/architecture.md, "Sync protocol").
// Every path is versioned under /v1; a breaking change gets a new prefix, never a changed meaning.
constexpr int kProtocolVersion = 1;
QString apiPrefix();

}  // namespace motcua::sync
