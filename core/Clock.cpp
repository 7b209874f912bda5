// SPDX-License-Identifier: GPL-3.0-or-later
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

namespace {

// Reads `count` digits at `at`; -1 when one is not a digit.
int digits(QStringView text, qsizetype at, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[at + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The shapes MotCua writes, read without QDateTime::fromString (the fold reads several per event):
// "yyyy-MM-ddTHH:mm:ss", optionally ".zzz", then "Z", "+hh:mm", "-hh:mm" or nothing (Vietnam time). False for
// anything else, which Qt's parser then reads; test_dossier_fold checks that both agree.
bool parseCommonIso(QStringView t, QDateTime *out)
{
    if (t.size() < 19 || t[4] != u'-' || t[7] != u'-' || t[10] != u'T' || t[13] != u':' || t[16] != u':')
        return false;
    const int year = digits(t, 0, 4);
    const int month = digits(t, 5, 2);
    const int day = digits(t, 8, 2);
    const int hour = digits(t, 11, 2);
    const int minute = digits(t, 14, 2);
    const int second = digits(t, 17, 2);
    if (year < 1 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return false;
    qsizetype at = 19;
    int ms = 0;
    if (at < t.size() && t[at] == u'.') {
        if (t.size() < at + 4 || (ms = digits(t, at + 1, 3)) < 0)
            return false;
        at += 4;
    }
    int offsetSeconds = 7 * 3600;  // no offset: Vietnam time
    if (at < t.size()) {
        if (t[at] == u'Z' && at + 1 == t.size()) {
            offsetSeconds = 0;
        } else if ((t[at] == u'+' || t[at] == u'-') && at + 6 == t.size() && t[at + 3] == u':') {
            const int hh = digits(t, at + 1, 2);
            const int mm = digits(t, at + 4, 2);
            if (hh < 0 || hh > 14 || mm < 0 || mm > 59)
                return false;
            offsetSeconds = (t[at] == u'+' ? 1 : -1) * (hh * 3600 + mm * 60);
        } else {
            return false;
        }
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, ms);
    if (!date.isValid() || !time.isValid())
        return false;
    *out = QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
    return true;
}

}  // namespace

QDateTime parseVietnamTime(const QString &text)
{
    if (QDateTime fast; parseCommonIso(text, &fast))
        return fast;
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
