// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/CommandTable.h"

#include <QCoreApplication>

namespace motcua::app {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::app)
};
}  // namespace

std::optional<std::pair<std::size_t, int>> findCommand(const std::vector<CommandInfo> &commands,
                                                       const QStringList &args)
{
    std::optional<std::pair<std::size_t, int>> best;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        const int n = int(commands[i].words.size());
        if (n == 0 || n > args.size() || (best && n <= best->second))
            continue;
        if (args.mid(0, n) == commands[i].words)
            best = std::make_pair(i, n);
    }
    return best;
}

QString describeCommands(const std::vector<CommandInfo> &commands, const QString &usage, const QString &footer,
                         int summaryColumn)
{
    QString text = usage + QLatin1Char('\n') + QLatin1Char('\n') + Tr::tr("Commands:") + QLatin1Char('\n');
    for (const CommandInfo &c : commands) {
        QString head = QStringLiteral("  ") + c.words.join(QLatin1Char(' '));
        if (!c.synopsis.isEmpty())
            head += QLatin1Char(' ') + c.synopsis;
        if (!c.summary.isEmpty())
            head = head.leftJustified(summaryColumn) + QLatin1Char(' ') + c.summary;
        text += head + QLatin1Char('\n');
    }
    return text + QLatin1Char('\n') + footer;
}

QString describeCommand(const CommandInfo &command, const QString &program)
{
    QString line = program + QLatin1Char(' ') + command.words.join(QLatin1Char(' '));
    if (!command.synopsis.isEmpty())
        line += QLatin1Char(' ') + command.synopsis;
    QString text = Tr::tr("Usage: %1").arg(line) + QLatin1Char('\n');
    if (!command.summary.isEmpty())
        text += QStringLiteral("  ") + command.summary + QLatin1Char('\n');
    return text;
}

}  // namespace motcua::app
