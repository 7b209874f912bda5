// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dossier/CanonicalJson.h"

#include <cstring>
#include <string_view>

namespace motcua::json {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// One ASCII character as Qt's writer puts it in a string.
inline void appendAscii(QByteArray &out, char16_t u)
{
    switch (u) {
    case u'"':
        out += "\\\"";
        return;
    case u'\\':
        out += "\\\\";
        return;
    case 0x08:
        out += "\\b";
        return;
    case 0x0c:
        out += "\\f";
        return;
    case 0x0a:
        out += "\\n";
        return;
    case 0x0d:
        out += "\\r";
        return;
    case 0x09:
        out += "\\t";
        return;
    default:
        break;
    }
    if (u < 0x20) {
        const char escaped[] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 0xf]};
        out.append(escaped, sizeof escaped);
        return;
    }
    out += char(u);
}

// Eight bytes at a time: whether any of them is a quote or a backslash, and whether any is outside printable ASCII
// (below 0x20 or above 0x7f). The usual bit tricks: a byte of `v - 0x01…01` loses its top bit to a borrow only where
// the byte of `v` is zero, and `v - 0x20…20` only where it is below 0x20.
constexpr quint64 kOnes = 0x0101010101010101ULL;
constexpr quint64 kHighBits = 0x8080808080808080ULL;

inline quint64 load8(const char *at)
{
    quint64 v;
    std::memcpy(&v, at, sizeof v);
    return v;
}

inline bool hasZeroByte(quint64 v)
{
    return ((v - kOnes) & ~v & kHighBits) != 0;
}

inline bool hasQuoteOrBackslash(quint64 v)
{
    return hasZeroByte(v ^ (kOnes * '"')) || hasZeroByte(v ^ (kOnes * '\\'));
}

inline bool hasNonPrintable(quint64 v)
{
    return (((v - kOnes * 0x20) | v) & kHighBits) != 0;
}

inline void appendDigits(char *at, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        at[i] = char('0' + value % 10);
        value /= 10;
    }
}

// ---- isCanonical --------------------------------------------------------------------------------------------

class CanonicalChecker {
public:
    explicit CanonicalChecker(QByteArrayView text) : m_at(text.data()), m_end(text.data() + text.size()) {}

    bool check() { return value(0) && m_at == m_end; }

private:
    static constexpr int kMaxDepth = 64;

    bool value(int depth)
    {
        if (m_at == m_end)
            return false;
        switch (*m_at) {
        case '{':
            return depth < kMaxDepth && object(depth + 1);
        case '[':
            return depth < kMaxDepth && array(depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool literal(const char *word)
    {
        const auto length = qsizetype(std::strlen(word));
        if (m_end - m_at < length || std::memcmp(m_at, word, size_t(length)) != 0)
            return false;
        m_at += length;
        return true;
    }

    // -?(0|[1-9][0-9]*), at most 18 digits (always an int64 to Qt, written back as it came), and not -0.
    bool number()
    {
        const bool negative = *m_at == '-';
        if (negative)
            ++m_at;
        const char *digits = m_at;
        while (m_at != m_end && *m_at >= '0' && *m_at <= '9')
            ++m_at;
        const qsizetype count = m_at - digits;
        if (count == 0 || count > 18)
            return false;
        if (*digits == '0' && (count > 1 || negative))
            return false;
        // A fraction or an exponent makes it a double, which Qt may write differently.
        return m_at == m_end || (*m_at != '.' && *m_at != 'e' && *m_at != 'E');
    }

    bool array(int depth)
    {
        ++m_at;  // [
        if (m_at != m_end && *m_at == ']') {
            ++m_at;
            return true;
        }
        for (;;) {
            if (!value(depth))
                return false;
            if (m_at == m_end)
                return false;
            if (*m_at == ']') {
                ++m_at;
                return true;
            }
            if (*m_at != ',')
                return false;
            ++m_at;
        }
    }

    bool object(int depth)
    {
        ++m_at;  // {
        if (m_at != m_end && *m_at == '}') {
            ++m_at;
            return true;
        }
        QByteArrayView previous;
        bool first = true;
        for (;;) {
            QByteArrayView key;
            if (!plainKey(&key))
                return false;
            // Qt keeps an object's keys sorted (UTF-16 order, which is byte order for ASCII) and one of each.
            if (!first && !(std::string_view(previous.data(), size_t(previous.size())) <
                            std::string_view(key.data(), size_t(key.size()))))
                return false;
            first = false;
            previous = key;
            if (m_at == m_end || *m_at != ':')
                return false;
            ++m_at;
            if (!value(depth))
                return false;
            if (m_at == m_end)
                return false;
            if (*m_at == '}') {
                ++m_at;
                return true;
            }
            if (*m_at != ',')
                return false;
            ++m_at;
        }
    }

    // A key of printable ASCII without escapes.
    bool plainKey(QByteArrayView *key)
    {
        if (m_at == m_end || *m_at != '"')
            return false;
        const char *start = ++m_at;
        while (m_at != m_end) {
            const auto c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
                *key = QByteArrayView(start, m_at - start);
                ++m_at;
                return true;
            }
            if (c < 0x20 || c > 0x7e || c == '\\')
                return false;
            ++m_at;
        }
        return false;
    }

    static bool isLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

    static int hexValue(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

    bool escape()
    {
        ++m_at;  // backslash
        if (m_at == m_end)
            return false;
        switch (*m_at) {
        case '"':
        case '\\':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            ++m_at;
            return true;
        case 'u': {
            // Qt writes \u00xx only for the control characters without a short escape.
            if (m_end - m_at < 5 || m_at[1] != '0' || m_at[2] != '0' || !isLowerHex(m_at[3]) || !isLowerHex(m_at[4]))
                return false;
            const int code = hexValue(m_at[3]) * 16 + hexValue(m_at[4]);
            if (code >= 0x20 || code == 0x08 || code == 0x09 || code == 0x0a || code == 0x0c || code == 0x0d)
                return false;
            m_at += 5;
            return true;
        }
        default:
            return false;  // \/ and the rest: Qt writes those characters as they are
        }
    }

    static bool isContinuation(unsigned char c) { return (c & 0xc0) == 0x80; }

    // One UTF-8 sequence of a code point that is neither a surrogate nor a noncharacter (Qt writes those back as
    // they are too, but nothing MotCua writes contains them, so they are left to the slow path).
    bool utf8()
    {
        const auto *p = reinterpret_cast<const unsigned char *>(m_at);
        const auto left = m_end - m_at;
        char32_t code = 0;
        qsizetype length = 0;
        if (p[0] >= 0xc2 && p[0] <= 0xdf) {
            if (left < 2 || !isContinuation(p[1]))
                return false;
            code = char32_t(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
            length = 2;
        } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
            if (left < 3 || !isContinuation(p[1]) || !isContinuation(p[2]))
                return false;
            code = char32_t(p[0] & 0x0f) << 12 | char32_t(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
            if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))
                return false;
            length = 3;
        } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
            if (left < 4 || !isContinuation(p[1]) || !isContinuation(p[2]) || !isContinuation(p[3]))
                return false;
            code =
                char32_t(p[0] & 0x07) << 18 | char32_t(p[1] & 0x3f) << 12 | char32_t(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
            if (code < 0x10000 || code > 0x10ffff)
                return false;
            length = 4;
        } else {
            return false;
        }
        if ((code & 0xfffe) == 0xfffe || (code >= 0xfdd0 && code <= 0xfdef))
            return false;
        m_at += length;
        return true;
    }

    bool string()
    {
        ++m_at;  // "
        // Qt's parser drops a byte order mark at the start of a string (it decodes each string on its own), so
        // such a string does not come back as it was.
        if (m_end - m_at >= 3 && std::memcmp(m_at, "\xef\xbb\xbf", 3) == 0)
            return false;
        while (m_at != m_end) {
            // Runs of plain printable ASCII (most of every event) are passed over eight bytes at a time.
            while (m_end - m_at >= 8) {
                const quint64 v = load8(m_at);
                if (hasQuoteOrBackslash(v) || hasNonPrintable(v))
                    break;
                m_at += 8;
            }
            if (m_at == m_end)
                break;
            const auto c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c == '\\') {
                if (!escape())
                    return false;
            } else if (c < 0x20) {
                return false;
            } else if (c < 0x80) {
                ++m_at;
            } else if (!utf8()) {
                return false;
            }
        }
        return false;
    }

    const char *m_at;
    const char *m_end;
};

// ---- arrayElements --------------------------------------------------------------------------------------------

class ElementScanner {
public:
    explicit ElementScanner(QByteArrayView text) : m_at(text.data()), m_end(text.data() + text.size()) {}

    // The length of the value at the start, or -1.
    qsizetype firstValueLength()
    {
        const char *start = m_at;
        return skipValue() ? m_at - start : -1;
    }

    bool elementsOf(QByteArrayView wanted, QList<QByteArrayView> *out)
    {
        bool found = false;
        skipSpace();
        if (!take('{'))
            return false;
        skipSpace();
        if (take('}'))
            return false;
        for (;;) {
            const char *keyStart = m_at;
            if (!skipString())
                return false;
            const QByteArrayView key(keyStart + 1, m_at - keyStart - 2);
            skipSpace();
            if (!take(':'))
                return false;
            skipSpace();
            if (key == wanted) {
                if (found || !elements(out))
                    return false;
                found = true;
            } else if (!skipValue()) {
                return false;
            }
            skipSpace();
            if (take(','))
                skipSpace();
            else if (take('}'))
                break;
            else
                return false;
        }
        skipSpace();
        return found && m_at == m_end;
    }

private:
    bool take(char c)
    {
        if (m_at != m_end && *m_at == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    void skipSpace()
    {
        while (m_at != m_end && (*m_at == ' ' || *m_at == '\t' || *m_at == '\n' || *m_at == '\r'))
            ++m_at;
    }

    bool skipString()
    {
        if (!take('"'))
            return false;
        while (m_at != m_end) {
            while (m_end - m_at >= 8 && !hasQuoteOrBackslash(load8(m_at)))
                m_at += 8;
            if (m_at == m_end)
                break;
            const char c = *m_at++;
            if (c == '"')
                return true;
            if (c == '\\') {
                if (m_at == m_end)
                    return false;
                ++m_at;
            }
        }
        return false;
    }

    bool skipValue()
    {
        if (m_at == m_end)
            return false;
        if (*m_at == '"')
            return skipString();
        if (*m_at == '{' || *m_at == '[') {
            int depth = 0;
            while (m_at != m_end) {
                const char c = *m_at;
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                ++m_at;
                if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0)
                        return true;
                }
            }
            return false;
        }
        const char *start = m_at;
        while (m_at != m_end && *m_at != ',' && *m_at != '}' && *m_at != ']' && *m_at != ' ' && *m_at != '\t' &&
               *m_at != '\n' && *m_at != '\r')
            ++m_at;
        return m_at != start;
    }

    bool elements(QList<QByteArrayView> *out)
    {
        if (!take('['))
            return false;
        skipSpace();
        if (take(']'))
            return true;
        for (;;) {
            const char *start = m_at;
            if (!skipValue())
                return false;
            out->append(QByteArrayView(start, m_at - start));
            skipSpace();
            if (take(']'))
                return true;
            if (!take(','))
                return false;
            skipSpace();
        }
    }

    const char *m_at;
    const char *m_end;
};

}  // namespace

void appendString(QByteArray &out, QStringView text)
{
    out += '"';
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text[i].unicode();
        if (u < 0x80) {
            appendAscii(out, u);
        } else if (u < 0x800) {
            const char bytes[] = {char(0xc0 | (u >> 6)), char(0x80 | (u & 0x3f))};
            out.append(bytes, 2);
        } else if (QChar::isHighSurrogate(u) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode())) {
            const char32_t code = QChar::surrogateToUcs4(u, text[i + 1].unicode());
            ++i;
            const char bytes[] = {char(0xf0 | (code >> 18)), char(0x80 | ((code >> 12) & 0x3f)),
                                  char(0x80 | ((code >> 6) & 0x3f)), char(0x80 | (code & 0x3f))};
            out.append(bytes, 4);
        } else if (QChar::isSurrogate(u)) {
            // A lone surrogate has no UTF-8 form; Qt writes it as an escape.
            const char escaped[] = {'\\',         'u', kHex[u >> 12], kHex[(u >> 8) & 0xf], kHex[(u >> 4) & 0xf],
                                    kHex[u & 0xf]};
            out.append(escaped, sizeof escaped);
        } else {
            const char bytes[] = {char(0xe0 | (u >> 12)), char(0x80 | ((u >> 6) & 0x3f)), char(0x80 | (u & 0x3f))};
            out.append(bytes, 3);
        }
    }
    out += '"';
}

void appendUtf8String(QByteArray &out, QByteArrayView utf8)
{
    out += '"';
    const char *run = utf8.data();  // bytes written as they are, appended in one go
    const char *const end = utf8.data() + utf8.size();
    for (const char *at = run; at != end; ++at) {
        const auto c = static_cast<unsigned char>(*at);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, at - run);
        appendAscii(out, c);
        run = at + 1;
    }
    out.append(run, end - run);
    out += '"';
}

QString isoUtcMs(const QDateTime &moment)
{
    const QDateTime utc = moment.timeSpec() == Qt::UTC ? moment : moment.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (!date.isValid() || !time.isValid() || date.year() < 1 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    char text[25] = "0000-00-00T00:00:00.000Z";
    appendDigits(text, date.year(), 4);
    appendDigits(text + 5, date.month(), 2);
    appendDigits(text + 8, date.day(), 2);
    appendDigits(text + 11, time.hour(), 2);
    appendDigits(text + 14, time.minute(), 2);
    appendDigits(text + 17, time.second(), 2);
    appendDigits(text + 20, time.msec(), 3);
    return QString::fromLatin1(text, 24);
}

namespace {
template <typename View> QDateTime parseIsoUtcMsText(View text)
{
    const auto at = [&](qsizetype i) { return QChar(text.at(i)).unicode(); };
    if (text.size() != 24 || at(4) != u'-' || at(7) != u'-' || at(10) != u'T' || at(13) != u':' || at(16) != u':' ||
        at(19) != u'.' || at(23) != u'Z')
        return {};
    int fields[7] = {};
    constexpr qsizetype kStarts[7] = {0, 5, 8, 11, 14, 17, 20};
    constexpr int kWidths[7] = {4, 2, 2, 2, 2, 2, 3};
    for (int f = 0; f < 7; ++f) {
        for (int i = 0; i < kWidths[f]; ++i) {
            const char16_t c = at(kStarts[f] + i);
            if (c < u'0' || c > u'9')
                return {};
            fields[f] = fields[f] * 10 + (c - u'0');
        }
    }
    const QDate date(fields[0], fields[1], fields[2]);
    const QTime time(fields[3], fields[4], fields[5], fields[6]);
    if (fields[0] < 1 || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}
}  // namespace

QDateTime parseIsoUtcMs(QStringView text)
{
    return parseIsoUtcMsText(text);
}

QDateTime parseIsoUtcMs(QLatin1StringView text)
{
    return parseIsoUtcMsText(text);
}

bool isCanonical(QByteArrayView text)
{
    return CanonicalChecker(text).check();
}

qsizetype valueLength(QByteArrayView text)
{
    return ElementScanner(text).firstValueLength();
}

bool arrayElements(QByteArrayView document, QByteArrayView key, QList<QByteArrayView> *out)
{
    out->clear();
    if (ElementScanner(document).elementsOf(key, out))
        return true;
    out->clear();
    return false;
}

}  // namespace motcua::json
