// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/Args.h"

#include <QCoreApplication>

#include <algorithm>

namespace motcua::app {

namespace {
// Translation context of the messages that both programs share.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::app)
};
}  // namespace

Result<Args> Args::parse(const QStringList &raw, const QList<Spec> &specs, int minPositional, int maxPositional)
{
    Args args;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QString &word = raw.at(i);
        if (!word.startsWith(QStringLiteral("--")) || word.size() <= 2) {
            args.m_positional.append(word);
            continue;
        }
        const qsizetype eq = word.indexOf(QLatin1Char('='));
        const QString name = word.mid(2, eq < 0 ? -1 : eq - 2);
        const auto spec = std::find_if(specs.begin(), specs.end(), [&](const Spec &s) { return s.name == name; });
        if (spec == specs.end())
            return makeError(ErrorCode::InvalidInput, Tr::tr("unknown option --%1").arg(name));
        if (!spec->takesValue) {
            if (eq >= 0)
                return makeError(ErrorCode::InvalidInput, Tr::tr("option --%1 takes no value").arg(name));
            args.m_values.insert(name, QString());
        } else if (eq >= 0) {
            args.m_values.insert(name, word.mid(eq + 1));
        } else if (i + 1 < raw.size()) {
            args.m_values.insert(name, raw.at(++i));
        } else {
            return makeError(ErrorCode::InvalidInput, Tr::tr("option --%1 needs a value").arg(name));
        }
    }
    if (args.m_positional.size() < minPositional)
        return makeError(ErrorCode::InvalidInput, Tr::tr("missing argument"));
    if (args.m_positional.size() > maxPositional)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("unexpected argument '%1'").arg(args.m_positional.at(maxPositional)));
    return args;
}

std::optional<int> Args::number(const QString &name, int fallback) const
{
    if (!has(name))
        return fallback;
    bool ok = false;
    const int n = value(name).toInt(&ok);
    if (!ok)
        return std::nullopt;
    return n;
}

}  // namespace motcua::app
