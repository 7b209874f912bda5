// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <utility>

namespace motcua::sync {

// Reads one HTTP/1.1 answer as it arrives (RFC 9112): status line, header fields, and a body framed by
// Content-Length, chunked transfer coding, or the end of the connection. Interim 1xx answers are skipped.
// Anything malformed or larger than allowed ends in Invalid with a reason, never in a guess.
class HttpResponseParser {
public:
    enum class State { NeedMore, Done, Invalid };

    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;

    explicit HttpResponseParser(qsizetype maxBodyBytes) : m_maxBody(maxBodyBytes) {}

    State feed(QByteArrayView data);
    // The connection ended: completes a body that runs to the end of the connection, otherwise Invalid.
    State finish();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] int status() const { return m_status; }
    [[nodiscard]] const QByteArray &body() const { return m_body; }
    // The first field of that name (case-insensitive), trimmed; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    // Whether the connection may carry the next request.
    [[nodiscard]] bool keepAlive() const { return m_keepAlive; }
    // Whether any byte of an answer has been seen.
    [[nodiscard]] bool started() const { return m_started; }
    [[nodiscard]] const QString &error() const { return m_error; }

private:
    enum class Phase { Head, FixedBody, ChunkSize, ChunkData, ChunkDataEnd, Trailers, UntilClose, Finished };
    State parse();
    // The steps of parse() that read the head, a chunk's size line and a trailer line: false when parse() stops
    // there (more bytes are needed, or the answer is Invalid).
    bool readHead();
    bool readChunkSize();
    bool readTrailer();
    State parseHead(qsizetype end);
    State fail(const QString &why);
    bool takeLine(QByteArray *line);
    bool appendBody(QByteArrayView bytes);
    // Moves up to m_remaining buffered bytes into the body; false when that made it too large (state Invalid).
    bool takeCounted();

    qsizetype m_maxBody;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    Phase m_phase = Phase::Head;
    State m_state = State::NeedMore;
    int m_status = 0;
    bool m_keepAlive = true;
    bool m_started = false;
    qint64 m_remaining = 0;  // of the fixed body or the current chunk
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    QString m_error;
};

}  // namespace motcua::sync
