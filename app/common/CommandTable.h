// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace motcua::app {

// A command as --help shows it.
struct CommandInfo {
    QStringList words;  // e.g. {"audit", "verify"}
    QString synopsis;   // arguments after the words, e.g. "--out FILE"
    QString summary;    // one translated line (may be empty)
};

// The command whose words start `args` (longest match): its index in `commands` and how many words it took.
[[nodiscard]] std::optional<std::pair<std::size_t, int>> findCommand(const std::vector<CommandInfo> &commands,
                                                                     const QStringList &args);
// "USAGE\n\nCommands:\n" + one line per command + "\n" + footer.
// Summaries start at column `summaryColumn` + 1.
[[nodiscard]] QString describeCommands(const std::vector<CommandInfo> &commands, const QString &usage,
                                       const QString &footer, int summaryColumn);
// "Usage: PROGRAM WORDS SYNOPSIS\n  SUMMARY\n": the --help of one command.
[[nodiscard]] QString describeCommand(const CommandInfo &command, const QString &program);

template <typename Context> struct Command {
    QStringList words;
    QString synopsis;
    QString summary;
    // Gets the arguments after the words; returns the exit code.
    std::function<int(Context &, const QStringList &args)> run;
};

// The commands of one program, each with its own handler. Shared by motcua-cli and motcua-center.
template <typename Context> class CommandTable final {
public:
    explicit CommandTable(QString program, int summaryColumn = 36) :
        m_program(std::move(program)), m_summaryColumn(summaryColumn)
    {
    }

    void add(Command<Context> command)
    {
        m_info.push_back({std::move(command.words), std::move(command.synopsis), std::move(command.summary)});
        m_run.push_back(std::move(command.run));
    }

    // Runs the command that `args` name; nullopt when no command matches.
    std::optional<int> run(Context &context, const QStringList &args) const
    {
        const auto found = findCommand(m_info, args);
        if (!found)
            return std::nullopt;
        return m_run.at(found->first)(context, args.mid(found->second));
    }

    [[nodiscard]] bool names(const QStringList &args) const { return findCommand(m_info, args).has_value(); }

    // The --help of the command that `args` name, or the overview (usage, commands, footer) when none does.
    [[nodiscard]] QString help(const QStringList &args, const QString &usage, const QString &footer) const
    {
        if (const auto found = findCommand(m_info, args))
            return describeCommand(m_info.at(found->first), m_program);
        return describeCommands(m_info, usage, footer, m_summaryColumn);
    }

private:
    QString m_program;
    int m_summaryColumn = 36;
    std::vector<CommandInfo> m_info;
    std::vector<std::function<int(Context &, const QStringList &)>> m_run;
};

}  // namespace motcua::app
