// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <limits>
#include <optional>

namespace motcua::app {

// The arguments of one command, as both programs parse them: "--name" (a flag) or "--name=VALUE" /
// "--name VALUE" (a valued option), and positionals. An unknown option, a flag given a value, a valued option
// without one, and too few or too many positionals are InvalidInput errors (exit code 2).
class Args final {
public:
    struct Spec {
        QString name;  // without the dashes
        bool takesValue = false;
    };

    static Result<Args> parse(const QStringList &raw, const QList<Spec> &specs, int minPositional = 0,
                              int maxPositional = std::numeric_limits<int>::max());

    [[nodiscard]] bool has(const QString &name) const { return m_values.contains(name); }
    [[nodiscard]] QString value(const QString &name, const QString &fallback = {}) const
    {
        return m_values.value(name, fallback);
    }
    // The option as a whole number; `fallback` when it is absent, nullopt when it is not a number.
    [[nodiscard]] std::optional<int> number(const QString &name, int fallback) const;
    [[nodiscard]] const QStringList &positional() const { return m_positional; }

private:
    QHash<QString, QString> m_values;
    QStringList m_positional;
};

}  // namespace motcua::app
