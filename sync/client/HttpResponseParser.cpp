// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/client/HttpResponseParser.h"

#include <QCoreApplication>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::HttpResponseParser)
};

bool tokenListContains(QByteArrayView list, QByteArrayView token)
{
    for (QByteArrayView item : QByteArray(list.toByteArray()).split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool parseDecimal(QByteArrayView text, qint64 *out)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

}  // namespace

HttpResponseParser::State HttpResponseParser::fail(const QString &why)
{
    m_error = why;
    m_phase = Phase::Finished;
    m_state = State::Invalid;
    return m_state;
}

QByteArray HttpResponseParser::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponseParser::State HttpResponseParser::feed(QByteArrayView data)
{
    if (m_state != State::NeedMore)
        return m_state;
    if (!data.isEmpty())
        m_started = true;
    if (m_phase == Phase::FixedBody || m_phase == Phase::UntilClose) {
        // The common case, a body arriving in pieces: straight into place, no second copy.
        if (m_pos == m_buffer.size()) {
            m_buffer.clear();
            m_pos = 0;
            const qsizetype take =
                m_phase == Phase::FixedBody ? qsizetype(std::min<qint64>(m_remaining, data.size())) : data.size();
            if (!appendBody(data.first(take)))
                return m_state;
            if (m_phase == Phase::FixedBody) {
                m_remaining -= take;
                if (m_remaining == 0) {
                    m_phase = Phase::Finished;
                    m_state = State::Done;
                }
            }
            return m_state;
        }
    }
    m_buffer.append(data);
    return parse();
}

HttpResponseParser::State HttpResponseParser::finish()
{
    if (m_state != State::NeedMore)
        return m_state;
    if (m_phase == Phase::UntilClose) {
        m_phase = Phase::Finished;
        m_state = State::Done;
        m_keepAlive = false;
        return m_state;
    }
    return fail(m_started ? Tr::tr("the center closed the connection in the middle of its answer")
                          : Tr::tr("the center closed the connection without answering"));
}

bool HttpResponseParser::takeLine(QByteArray *line)
{
    const qsizetype end = m_buffer.indexOf("\r\n", m_pos);
    if (end < 0)
        return false;
    *line = m_buffer.mid(m_pos, end - m_pos);
    m_pos = end + 2;
    return true;
}

bool HttpResponseParser::appendBody(QByteArrayView bytes)
{
    if (m_body.size() + bytes.size() > m_maxBody) {
        fail(Tr::tr("the center's answer is larger than %1 MiB").arg(m_maxBody / (1024 * 1024)));
        return false;
    }
    m_body.append(bytes);
    return true;
}

bool HttpResponseParser::takeCounted()
{
    const qsizetype take = qsizetype(std::min<qint64>(m_remaining, m_buffer.size() - m_pos));
    if (!appendBody(QByteArrayView(m_buffer).sliced(m_pos, take)))
        return false;
    m_pos += take;
    m_remaining -= take;
    if (m_remaining > 0) {  // everything buffered was body, now in m_body
        m_buffer.clear();
        m_pos = 0;
    }
    return true;
}

bool HttpResponseParser::readHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n", m_pos);
    if (end < 0) {
        if (m_buffer.size() - m_pos > kMaxHeadBytes)
            fail(Tr::tr("the center's answer has a header longer than %1 KiB").arg(kMaxHeadBytes / 1024));
        return false;
    }
    if (end - m_pos > kMaxHeadBytes) {
        fail(Tr::tr("the center's answer has a header longer than %1 KiB").arg(kMaxHeadBytes / 1024));
        return false;
    }
    return parseHead(end) == State::NeedMore;
}

bool HttpResponseParser::readChunkSize()
{
    QByteArray line;
    if (!takeLine(&line)) {
        if (m_buffer.size() - m_pos > 1024)
            fail(Tr::tr("the center's answer has a malformed chunk"));
        return false;
    }
    const qsizetype semicolon = line.indexOf(';');  // chunk extensions are ignored
    const QByteArray digits = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
    bool ok = false;
    const qint64 size = digits.size() <= 15 ? digits.toLongLong(&ok, 16) : -1;
    if (!ok || size < 0 || digits.startsWith('+') || digits.startsWith('-')) {
        fail(Tr::tr("the center's answer has a malformed chunk"));
        return false;
    }
    if (m_body.size() + size > m_maxBody) {
        fail(Tr::tr("the center's answer is larger than %1 MiB").arg(m_maxBody / (1024 * 1024)));
        return false;
    }
    m_remaining = size;
    m_phase = size == 0 ? Phase::Trailers : Phase::ChunkData;
    return true;
}

bool HttpResponseParser::readTrailer()
{
    QByteArray line;
    if (!takeLine(&line)) {
        if (m_buffer.size() - m_pos > kMaxHeadBytes)
            fail(Tr::tr("the center's answer has a malformed chunk"));
        return false;
    }
    if (line.isEmpty()) {
        m_phase = Phase::Finished;
        m_state = State::Done;
    }
    return true;
}

HttpResponseParser::State HttpResponseParser::parse()
{
    while (m_state == State::NeedMore) {
        switch (m_phase) {
        case Phase::Head:
            if (!readHead())
                return m_state;
            break;
        case Phase::FixedBody:
            if (!takeCounted() || m_remaining > 0)
                return m_state;
            m_phase = Phase::Finished;
            m_state = State::Done;
            break;
        case Phase::UntilClose:
            if (!appendBody(QByteArrayView(m_buffer).sliced(m_pos)))
                return m_state;
            m_buffer.clear();
            m_pos = 0;
            return m_state;
        case Phase::ChunkSize:
            if (!readChunkSize())
                return m_state;
            break;
        case Phase::ChunkData:
            if (!takeCounted() || m_remaining > 0)
                return m_state;
            m_phase = Phase::ChunkDataEnd;
            break;
        case Phase::ChunkDataEnd:
            if (m_buffer.size() - m_pos < 2)
                return m_state;
            if (m_buffer.at(m_pos) != '\r' || m_buffer.at(m_pos + 1) != '\n')
                return fail(Tr::tr("the center's answer has a malformed chunk"));
            m_pos += 2;
            m_phase = Phase::ChunkSize;
            break;
        case Phase::Trailers:
            if (!readTrailer())
                return m_state;
            break;
        case Phase::Finished:
            return m_state;
        }
        // Drop what has been consumed once it is worth the copy.
        if (m_pos > 64 * 1024 && m_pos * 2 > m_buffer.size()) {
            m_buffer.remove(0, m_pos);
            m_pos = 0;
        }
    }
    return m_state;
}

HttpResponseParser::State HttpResponseParser::parseHead(qsizetype end)
{
    const QList<QByteArray> lines = m_buffer.mid(m_pos, end - m_pos).split('\n');
    m_pos = end + 4;
    const auto unreadable = [this] { return fail(Tr::tr("the center's answer is not HTTP")); };
    if (lines.isEmpty())
        return unreadable();
    // "HTTP/1.1 200 OK"
    const QByteArray statusLine = lines.first().trimmed();
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12 || statusLine.at(8) != ' ')
        return unreadable();
    const char minor = statusLine.at(7);
    if (minor != '0' && minor != '1')
        return unreadable();
    qint64 status = 0;
    if (!parseDecimal(QByteArrayView(statusLine).sliced(9, 3), &status) || status < 100 || status > 599 ||
        (statusLine.size() > 12 && statusLine.at(12) != ' '))
        return unreadable();
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.at(0) == ' ' || line.at(0) == '\t' || line.at(colon - 1) == ' ')
            return unreadable();
        headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    if (status < 200) {  // 100 Continue and friends: the real answer follows
        return m_state;
    }
    m_status = int(status);
    m_headers = std::move(headers);
    const QByteArray connection = header("Connection");
    m_keepAlive = minor == '1' ? !tokenListContains(connection, "close") : tokenListContains(connection, "keep-alive");

    const QByteArray transferEncoding = header("Transfer-Encoding");
    const QByteArray contentLength = header("Content-Length");
    if (m_status == 204 || m_status == 304) {
        m_phase = Phase::Finished;
        m_state = State::Done;
    } else if (!transferEncoding.isEmpty()) {
        if (!tokenListContains(transferEncoding, "chunked"))
            return fail(Tr::tr("the center's answer uses an unsupported transfer coding (%1)")
                            .arg(QString::fromLatin1(transferEncoding)));
        m_phase = Phase::ChunkSize;
    } else if (!contentLength.isEmpty()) {
        qint64 length = 0;
        if (!parseDecimal(contentLength, &length))
            return unreadable();
        if (length > m_maxBody)
            return fail(Tr::tr("the center's answer is larger than %1 MiB").arg(m_maxBody / (1024 * 1024)));
        m_body.reserve(qsizetype(length));
        m_remaining = length;
        if (length == 0) {
            m_phase = Phase::Finished;
            m_state = State::Done;
        } else {
            m_phase = Phase::FixedBody;
        }
    } else {
        m_phase = Phase::UntilClose;
        m_keepAlive = false;
    }
    return m_state;
}

}  // namespace motcua::sync
