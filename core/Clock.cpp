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

QDateTime parseVietnamTime(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime parsed = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    if (parsed.timeSpec() == Qt::LocalTime) {
        // Read the wall-clock fields without the machine's zone (which could shift a time in a DST gap).
        const QDateTime fields = QDateTime::fromString(t + QLatin1Char('Z'), Qt::ISODateWithMs);
        if (!fields.isValid())
            return {};
        parsed = QDateTime(fields.date(), fields.time(), vietnamTimeZone());
    }
    return parsed.toUTC();
}

void Clock::setOverride(std::function<QDateTime()> source)
{
    QMutexLocker lock(&s_mutex);
    s_override = std::move(source);
}

}  // namespace motcua
