// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dossier/Hlc.h"

#include "core/Clock.h"
#include "core/Log.h"
#include "core/store/Sql.h"

#include <QCoreApplication>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::dossier)
};

const QString kKey = QStringLiteral("hlc");

Result<HlcTimestamp> load(const QSqlDatabase &db)
{
    // Every event written or pulled reads and writes the clock: both statements stay prepared.
    auto q = sql::cached(db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {kKey});
    if (!q)
        return q.error();
    QVariant v;
    if ((*q)->next())
        v = (*q)->value(0);
    (*q)->finish();
    HlcTimestamp t;
    if (v.isValid() && !HlcTimestamp::parse(v.toString(), &t))
        return makeError(ErrorCode::Corrupt, Tr::tr("The counter's stored clock value is damaged."), v.toString());
    return t;
}

Result<HlcTimestamp> save(const QSqlDatabase &db, const HlcTimestamp &t)
{
    auto r = sql::cached(db,
                         QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) "
                                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                         {kKey, t.toString()});
    if (!r)
        return r.error();
    return t;
}

}  // namespace

QString HlcTimestamp::toString() const
{
    // "%012llx.%04x", written by hand: every event's canonical bytes and every fold need it.
    static constexpr char16_t kHex[] = u"0123456789abcdef";
    QString out(17, Qt::Uninitialized);
    char16_t *p = reinterpret_cast<char16_t *>(out.data());
    auto wall = quint64(wallMs);
    for (int i = 11; i >= 0; --i, wall >>= 4)
        p[i] = kHex[wall & 0xf];
    p[12] = u'.';
    auto c = quint32(counter);
    for (int i = 16; i >= 13; --i, c >>= 4)
        p[i] = kHex[c & 0xf];
    if (wall != 0 || c != 0)  // wider than the fixed form (never for a valid timestamp): as printf would write it
        return QStringLiteral("%1.%2").arg(wallMs, 12, 16, QLatin1Char('0')).arg(counter, 4, 16, QLatin1Char('0'));
    return out;
}

namespace {
// Exactly what toString() writes: 12 and 4 lower-case hex digits around a dot, so that the text of a timestamp is
// one and only one.
template <typename View> bool parseHlcText(View text, HlcTimestamp *out)
{
    if (text.size() != 17 || text.at(12) != QLatin1Char('.'))
        return false;
    quint64 wall = 0;
    quint32 counter = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == 12)
            continue;
        const char16_t c = QChar(text.at(i)).unicode();
        unsigned digit = 0;
        if (c >= u'0' && c <= u'9')
            digit = c - u'0';
        else if (c >= u'a' && c <= u'f')
            digit = c - u'a' + 10;
        else
            return false;
        if (i < 12)
            wall = wall << 4 | digit;
        else
            counter = counter << 4 | digit;
    }
    *out = {qint64(wall), int(counter)};
    return true;
}
}  // namespace

bool HlcTimestamp::parse(const QString &text, HlcTimestamp *out)
{
    return parseHlcText(QStringView(text), out);
}

bool HlcTimestamp::parse(QLatin1StringView text, HlcTimestamp *out)
{
    return parseHlcText(text, out);
}

HlcTimestamp HybridClock::next(const HlcTimestamp &last, qint64 nowMs)
{
    if (nowMs > last.wallMs)
        return {nowMs, 0};
    // The wall clock stands still or went back: keep the last wall time and count up.
    if (last.counter >= 0xFFFF)
        return {last.wallMs + 1, 0};
    return {last.wallMs, last.counter + 1};
}

HlcTimestamp HybridClock::merge(const HlcTimestamp &last, const HlcTimestamp &remote, qint64 nowMs)
{
    HlcTimestamp r = remote;
    if (r.wallMs > nowMs + kMaxForwardDriftMs) {
        qCWarning(lcDossier) << "Ignoring a clock" << (r.wallMs - nowMs) / 1000 << "s ahead of ours";
        r = {nowMs + kMaxForwardDriftMs, 0};
    }
    const qint64 wall = std::max({last.wallMs, r.wallMs, nowMs});
    int counter = 0;
    if (wall == last.wallMs && wall == r.wallMs)
        counter = std::max(last.counter, r.counter) + 1;
    else if (wall == last.wallMs)
        counter = last.counter + 1;
    else if (wall == r.wallMs)
        counter = r.counter + 1;
    if (counter > 0xFFFF)
        return {wall + 1, 0};
    return {wall, counter};
}

Result<HlcTimestamp> HybridClock::tick(const QSqlDatabase &db)
{
    auto last = load(db);
    if (!last)
        return last.error();
    return save(db, next(*last, Clock::nowMs()));
}

Result<HlcTimestamp> HybridClock::observe(const QSqlDatabase &db, const HlcTimestamp &remote)
{
    auto last = load(db);
    if (!last)
        return last.error();
    return save(db, merge(*last, remote, Clock::nowMs()));
}

}  // namespace motcua
