#pragma once

#include "core/Result.h"
#include "core/store/AuditLog.h"

namespace motcua {
class Store;
}

namespace motcua::app {

// What a new store starts with: the demo procedure catalog and the official days off shipped in resources/.
// A store that has a catalog or a calendar already is left as it is.
Result<void> seedDefaults(const Store &store, const Actor &actor);

// A standalone counter with no identity yet becomes the demo counter (agency 000.00.00.H49, slot 1 of 20), so that
// `make run` can receive dossiers at once. An enrolled counter is never touched.
Result<void> ensureDemoIdentity(const Store &store);

}  // namespace motcua::app
