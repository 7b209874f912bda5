// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace motcua {

// RFC 9562 UUID version 7: 48 bits of Unix milliseconds, then random bits. Ids made later sort later
// (within a millisecond the order is random), so event ids double as a coarse time index.
QString createUuid7();
QString createUuid7(qint64 unixMs);

// True for a canonical lower-case 8-4-4-4-12 UUID whose version nibble is 7.
bool isUuid7(const QString &text);
bool isUuid7(QLatin1StringView text);
// Tests only (deterministic simulation): draw the random bits from a generator seeded with `seed`; 0 restores the
// system's secure source. Not thread-safe; production never calls it.
void seedUuid7ForTests(quint64 seed);

}  // namespace motcua
