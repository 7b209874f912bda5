#include "app/cli/Cli.h"

#include "app/common/Defaults.h"
#include "core/store/Backups.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

namespace motcua::cli {

namespace {
// Translation context of motcua-cli's messages (a file-local class, so that lupdate and the program agree).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli)
};
}  // namespace

Result<Args> Args::parse(const QStringList &raw, const QList<Spec> &specs, int minPositional, int maxPositional)
{
    Args args;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QString &word = raw.at(i);
        if (word.startsWith(QStringLiteral("--")) && word.size() > 2) {
            const qsizetype eq = word.indexOf(QLatin1Char('='));
            const QString name = word.mid(2, eq < 0 ? -1 : eq - 2);
            const auto spec = std::find_if(specs.begin(), specs.end(), [&](const Spec &s) { return s.name == name; });
            if (spec == specs.end())
                return makeError(ErrorCode::InvalidInput, Tr::tr("unknown option --%1").arg(name));
            if (!spec->takesValue) {
                if (eq >= 0)
                    return makeError(ErrorCode::InvalidInput, Tr::tr("option --%1 takes no value").arg(name));
                args.m_values.insert(name, QString());
                continue;
            }
            if (eq >= 0) {
                args.m_values.insert(name, word.mid(eq + 1));
            } else if (i + 1 < raw.size()) {
                args.m_values.insert(name, raw.at(++i));
            } else {
                return makeError(ErrorCode::InvalidInput, Tr::tr("option --%1 needs a value").arg(name));
            }
            continue;
        }
        args.m_positional.append(word);
    }
    if (args.m_positional.size() < minPositional)
        return makeError(ErrorCode::InvalidInput, Tr::tr("missing argument"));
    if (args.m_positional.size() > maxPositional)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("unexpected argument '%1'").arg(args.m_positional.at(maxPositional)));
    return args;
}

Context::Context(QString dbPath, bool json) : m_dbPath(std::move(dbPath)), m_json(json), m_out(stdout), m_err(stderr) {}

Context::~Context() = default;

Store *Context::store(const StoreOptions &options)
{
    if (m_store)
        return m_store.get();
    auto opened = Store::open(m_dbPath, options);
    if (!opened) {
        fail(opened.error());
        return nullptr;
    }
    m_store = std::move(opened.value());
    return m_store.get();
}

Store *Context::seededStore()
{
    Store *s = store();
    if (!s || m_seeded)
        return s;
    if (auto r = app::seedDefaults(*s, actor()); !r) {
        fail(r.error());
        return nullptr;
    }
    m_seeded = true;
    return s;
}

Actor Context::actor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = QStringLiteral("unknown");
    QString counter;
    if (m_store) {
        if (auto c = m_store->meta(QStringLiteral("counter_id")))
            counter = *c;
    }
    return Actor{QStringLiteral("cli:") + user, counter.isEmpty() ? QStringLiteral("standalone") : counter};
}

int Context::fail(const Error &error)
{
    QString line = error.message;
    if (error.code == ErrorCode::Corrupt) {
        if (const auto newest = Backups::newest(m_dbPath)) {
            line += QLatin1Char(' ') +
                    QCoreApplication::translate("motcua::cli",
                                                "The newest automatic backup is %1 (%2 UTC); restore it with: "
                                                "motcua-cli --db %3 restore --latest")
                        .arg(newest->path, newest->takenAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")), m_dbPath);
        } else {
            line +=
                QLatin1Char(' ') + QCoreApplication::translate("motcua::cli", "There is no automatic backup of it.");
        }
    }
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_err << QStringLiteral("motcua-cli: ") << line << Qt::endl;
    m_exitCode = error.isInputError() ? ExitBadInput : ExitFailure;
    return m_exitCode;
}

int Context::badInput(const QString &message)
{
    return fail(makeError(ErrorCode::InvalidInput, message));
}

void Context::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

void Registry::add(Command command)
{
    m_commands.push_back(std::move(command));
}

std::optional<std::pair<const Command *, int>> Registry::find(const QStringList &args) const
{
    const Command *best = nullptr;
    int bestWords = 0;
    for (const Command &c : m_commands) {
        const int n = int(c.words.size());
        if (n > args.size() || n <= bestWords)
            continue;
        if (args.mid(0, n) == c.words) {
            best = &c;
            bestWords = n;
        }
    }
    if (!best)
        return std::nullopt;
    return std::make_pair(best, bestWords);
}

QString Registry::help() const
{
    QString text =
        QCoreApplication::translate("motcua::cli", "Usage: motcua-cli [--db PATH] [--json] COMMAND [ARGUMENTS]") +
        QLatin1Char('\n') + QLatin1Char('\n') + QCoreApplication::translate("motcua::cli", "Commands:") +
        QLatin1Char('\n');
    for (const Command &c : m_commands) {
        QString head = QStringLiteral("  ") + c.words.join(QLatin1Char(' '));
        if (!c.synopsis.isEmpty())
            head += QLatin1Char(' ') + c.synopsis;
        text += head.leftJustified(36) + QLatin1Char(' ') + c.summary + QLatin1Char('\n');
    }
    text += QLatin1Char('\n') + QCoreApplication::translate("motcua::cli", "Options:") + QLatin1Char('\n') +
            QStringLiteral("  --db PATH").leftJustified(36) + QLatin1Char(' ') +
            QCoreApplication::translate("motcua::cli", "the data file (default: %1)")
                .arg(QStringLiteral("~/.local/share/motcua/counter.sqlite")) +
            QLatin1Char('\n') + QStringLiteral("  --json").leftJustified(36) + QLatin1Char(' ') +
            QCoreApplication::translate("motcua::cli", "print results as JSON") + QLatin1Char('\n') +
            QStringLiteral("  --verbose").leftJustified(36) + QLatin1Char(' ') +
            QCoreApplication::translate("motcua::cli", "also print the modules' log lines") + QLatin1Char('\n') +
            QStringLiteral("  --help, --version").leftJustified(36) + QLatin1Char(' ') +
            QCoreApplication::translate("motcua::cli", "this text; the version") + QLatin1Char('\n') +
            QLatin1Char('\n') +
            QCoreApplication::translate("motcua::cli", "Exit codes: 0 success, 1 the operation failed, 2 bad input.") +
            QLatin1Char('\n');
    return text;
}

}  // namespace motcua::cli
