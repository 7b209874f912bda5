#include "core/Clock.h"

#include <QMutex>

namespace motcua {

namespace {
QMutex s_mutex;
std::function<QDateTime()> s_override;  // guarded by s_mutex
}  // namespace

QDateTime Clock::now()
{
    {
        QMutexLocker lock(&s_mutex);
        if (s_override)
            return s_override().toUTC();
    }
    return QDateTime::currentDateTimeUtc();
}

qint64 Clock::nowMs()
{
    return now().toMSecsSinceEpoch();
}

void Clock::setOverride(std::function<QDateTime()> source)
{
    QMutexLocker lock(&s_mutex);
    s_override = std::move(source);
}

}  // namespace motcua
