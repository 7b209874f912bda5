// SPDX-License-Identifier: GPL-3.0-or-later
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

Context::Context(QString dbPath, bool json) :
    app::Console(QStringLiteral("motcua-cli"), json), m_dbPath(std::move(dbPath))
{
}

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
    return report(line, error);
}

namespace {

// The option rows of motcua-cli --help.
QString optionsHelp()
{
    const auto row = [](const char *option, const QString &text) -> QString {
        return QString::fromLatin1(option).leftJustified(36) + QLatin1Char(' ') + text + QLatin1Char('\n');
    };
    return QCoreApplication::translate("motcua::cli", "Options:") + QLatin1Char('\n') +
           row("  --db PATH", QCoreApplication::translate("motcua::cli", "the data file (default: %1)")
                                  .arg(QStringLiteral("~/.local/share/motcua/counter.sqlite"))) +
           row("  --json", QCoreApplication::translate("motcua::cli", "print results as JSON")) +
           row("  --verbose", QCoreApplication::translate("motcua::cli", "also print the modules' log lines")) +
           row("  --help, --version", QCoreApplication::translate("motcua::cli", "this text; the version")) +
           QLatin1Char('\n') +
           QCoreApplication::translate("motcua::cli", "Exit codes: 0 success, 1 the operation failed, 2 bad input.") +
           QLatin1Char('\n');
}

// `dossier event CODE TYPE --json FILE`: there --json names the event's payload file. JSON output for that
// command is asked for before the command words: motcua-cli --json dossier event …
bool isEventPayload(const QStringList &all, qsizetype i, const QStringList &rest)
{
    return rest.mid(0, 2) == QStringList{QStringLiteral("dossier"), QStringLiteral("event")} && i + 1 < all.size() &&
           !all.at(i + 1).startsWith(QStringLiteral("--"));
}

}  // namespace

Result<Invocation> parseInvocation(const QStringList &all, const QString &defaultDbPath)
{
    Invocation inv;
    inv.dbPath = defaultDbPath;
    const Error noDb = makeError(ErrorCode::InvalidInput, Tr::tr("option --db needs a value"));
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString &a = all.at(i);
        if (a == QStringLiteral("--json") && isEventPayload(all, i, inv.rest)) {
            inv.rest << a << all.at(++i);
        } else if (a == QStringLiteral("--json")) {
            inv.json = true;
        } else if (a == QStringLiteral("--verbose")) {
            continue;
        } else if (a == QStringLiteral("--db")) {
            if (i + 1 >= all.size())
                return noDb;
            inv.dbPath = all.at(++i);
        } else if (a.startsWith(QStringLiteral("--db="))) {
            inv.dbPath = a.mid(5);
        } else if (a == QStringLiteral("--help") || a == QStringLiteral("-h")) {
            inv.request = Invocation::Request::Help;
            return inv;
        } else if (a == QStringLiteral("--version")) {
            inv.request = Invocation::Request::Version;
            return inv;
        } else {
            inv.rest.append(a);
        }
    }
    if (inv.rest.isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("no command given; see motcua-cli --help"));
    if (inv.dbPath.trimmed().isEmpty())
        return noDb;
    return inv;
}

QString help(const Registry &registry, const QStringList &rest)
{
    return registry.help(
        rest, QCoreApplication::translate("motcua::cli", "Usage: motcua-cli [--db PATH] [--json] COMMAND [ARGUMENTS]"),
        optionsHelp());
}

}  // namespace motcua::cli
