// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QTimeZone>

#include <functional>

namespace motcua {

// The one place the program reads the wall clock, so that tests can set it (a test seam in the spirit of
// KeePassXC's Clock/MockClock). Production code calls Clock::now(); tests call Clock::setOverride().
class Clock final {
public:
    static QDateTime now();                                      // UTC
    static qint64 nowMs();                                       // ms since the epoch, UTC
    static void setOverride(std::function<QDateTime()> source);  // pass {} to restore the system clock

private:
    Clock() = delete;
};

// Vietnam time, UTC+7 all year (no daylight saving): every legal time is counted in it, whatever the machine's
// time zone. A fixed offset, not "Asia/Ho_Chi_Minh", so nothing depends on the machine's time-zone database.
inline QTimeZone vietnamTimeZone()
{
    return QTimeZone(7 * 3600);
}

// An ISO 8601 time; one without an offset ("2026-03-20T17:00") is Vietnam time, never the machine's zone.
// Invalid when the text is not such a time.
QDateTime parseVietnamTime(const QString &text);

// Sets a fixed (or advancing) clock for the lifetime of a scope; for tests.
class ScopedClockOverride final {
public:
    explicit ScopedClockOverride(std::function<QDateTime()> source) { Clock::setOverride(std::move(source)); }
    ~ScopedClockOverride() { Clock::setOverride({}); }
    Q_DISABLE_COPY_MOVE(ScopedClockOverride)
};

}  // namespace motcua
