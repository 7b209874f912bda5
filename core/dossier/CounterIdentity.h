// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>

namespace motcua {

class Store;

// Who this counter is: set by enrollment with the provincial center, or by `motcua-cli counter setup` for a
// standalone (demo, training) counter. Kept in the store's meta table.
struct CounterIdentity {
    QString counterId;  // unique in the province
    QString agencyId;   // the receiving unit's agency identifier (first part of dossier codes)
    QString unitName;
    int slot = 0;  // 1…slots: this counter's share of the agency's daily code space
    int slots = 0;
    bool standalone = true;

    [[nodiscard]] bool isSetUp() const { return !counterId.isEmpty() && !agencyId.isEmpty() && slot > 0; }

    // The identity of a standalone counter for a demo or training: chosen at first run, never assumed.
    static CounterIdentity demo();
    static Result<CounterIdentity> load(const Store &store);
    Result<void> save(const Store &store) const;
    // Checks the fields; InvalidInput with the first problem.
    [[nodiscard]] Result<void> validate() const;
};

}  // namespace motcua
