// SPDX-License-Identifier: GPL-3.0-or-later
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

// Whether an administrator allowed keeping the center credential in a plain file on this machine (no keychain):
// `allow_plaintext_credentials=true` in the [sync] section of the counter's configuration
// (~/.config/motcua/motcua.conf). Off unless set.
bool allowPlaintextCredentials();

}  // namespace motcua::app
