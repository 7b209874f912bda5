// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace motcua {

// A hybrid logical clock timestamp: wall milliseconds plus a counter for events in the same millisecond.
// Its text form "WWWWWWWWWWWW.CCCC" (hex, fixed width) sorts like the timestamp itself.
struct HlcTimestamp {
    qint64 wallMs = 0;
    int counter = 0;

    [[nodiscard]] QString toString() const;
    static bool parse(const QString &text, HlcTimestamp *out);
    static bool parse(QLatin1StringView text, HlcTimestamp *out);
    friend auto operator<=>(const HlcTimestamp &, const HlcTimestamp &) = default;
};

// The counter's HLC. Its last value is persisted in the store (table meta, key "hlc") in the same transaction
// as the event that used it, so it never goes backwards — not across restarts, and not when the wall clock
// is set back. It orders events only; the legal "received at" time is recorded separately.
class HybridClock final {
public:
    // Remote timestamps more than this far ahead of our wall clock are not adopted beyond it: one counter
    // with a clock set years ahead must not drag every other counter's clock with it.
    static constexpr qint64 kMaxForwardDriftMs = 10 * 60 * 1000;

    // The next timestamp for a local event, read from and written to `db` (inside the caller's transaction).
    static Result<HlcTimestamp> tick(const QSqlDatabase &db);
    // Merges a timestamp seen on an incoming event (sync), inside the caller's transaction.
    static Result<HlcTimestamp> observe(const QSqlDatabase &db, const HlcTimestamp &remote);

    // Pure steps, for tests: the next local value after `last` at wall time `nowMs`, and the merge.
    static HlcTimestamp next(const HlcTimestamp &last, qint64 nowMs);
    static HlcTimestamp merge(const HlcTimestamp &last, const HlcTimestamp &remote, qint64 nowMs);

private:
    HybridClock() = delete;
};

}  // namespace motcua
