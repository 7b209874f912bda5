#pragma once

#include <QDateTime>
#include <QTimeZone>

#include <functional>

namespace motcua {

// The one place the program reads the wall clock, so that tests can set it (a test seam in the spirit of
// KeePassXC's Clock/MockClock). Production code calls Clock::now(); tests call Clock::setOverride().
class Clock final {
public:
    static QDateTime now();              // UTC
    static qint64 nowMs();               // ms since the epoch, UTC
    static void setOverride(std::function<QDateTime()> source);  // pass {} to restore the system clock

private:
    Clock() = delete;
};

// Vietnam time, UTC+7 all year (no daylight saving): every legal time is counted in it, whatever the machine's
// time zone.
inline QTimeZone vietnamTimeZone()
{
    return QTimeZone(7 * 3600);
}

// Sets a fixed (or advancing) clock for the lifetime of a scope; for tests.
class ScopedClockOverride final {
public:
    explicit ScopedClockOverride(std::function<QDateTime()> source) { Clock::setOverride(std::move(source)); }
    ~ScopedClockOverride() { Clock::setOverride({}); }
    Q_DISABLE_COPY_MOVE(ScopedClockOverride)
};

}  // namespace motcua
