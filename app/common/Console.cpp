// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/Console.h"

#include <QJsonDocument>

#include <cstdio>

namespace motcua::app {

int exitCodeFor(const Error &error)
{
    return error.isInputError() ? ExitBadInput : ExitFailure;
}

Console::Console(QString program, bool json) : m_program(std::move(program)), m_json(json), m_out(stdout), m_err(stderr)
{
}

Console::~Console() = default;

void Console::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

void Console::note(const QString &line)
{
    QString oneLine = line;
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_err << m_program << QStringLiteral(": ") << oneLine << Qt::endl;
}

int Console::fail(const Error &error)
{
    return report(error.message, error);
}

int Console::badInput(const QString &message)
{
    return fail(makeError(ErrorCode::InvalidInput, message));
}

int Console::report(const QString &line, const Error &error)
{
    note(line);
    m_exitCode = exitCodeFor(error);
    return m_exitCode;
}

}  // namespace motcua::app
