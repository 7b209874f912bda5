// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QTextStream>

namespace motcua::app {

// Exit codes of both programs: 0 success; 1 the operation failed (store damaged or in use, tampered log…);
// 2 bad input (usage, arguments, input files).
enum Exit : int { ExitOk = 0, ExitFailure = 1, ExitBadInput = 2 };

// InvalidInput and NotFound are the caller's to fix (2); every other error is the operation's (1).
[[nodiscard]] int exitCodeFor(const Error &error);

// What a command prints: results on stdout (text or, with --json, one JSON document), errors as one line
// "PROGRAM: message" on stderr. The base of each program's command context.
class Console {
public:
    Console(QString program, bool json);
    virtual ~Console();
    Q_DISABLE_COPY_MOVE(Console)

    [[nodiscard]] bool json() const { return m_json; }
    QTextStream &out() { return m_out; }
    void printJson(const QJsonObject &object);

    // Prints "PROGRAM: line" on stderr, on one line.
    void note(const QString &line);
    // Prints `error` (see note) and returns its exit code; exitCode() keeps it.
    virtual int fail(const Error &error);
    int badInput(const QString &message);
    [[nodiscard]] int exitCode() const { return m_exitCode; }

protected:
    // Prints `line` for `error` (a program may add advice to the message) and keeps the exit code.
    int report(const QString &line, const Error &error);

private:
    QString m_program;
    bool m_json = false;
    int m_exitCode = ExitOk;
    QTextStream m_out;
    QTextStream m_err;
};

}  // namespace motcua::app
