// SPDX-License-Identifier: GPL-3.0-or-later
// The command-line framework shared by motcua-cli and motcua-center (app/common), tested in-process.
#include "TestSupport.h"

#include "app/common/Args.h"
#include "app/common/CommandTable.h"
#include "app/common/Console.h"
#include "app/common/TerminationSignals.h"

#include <QEventLoop>
#include <QFile>
#include <QTemporaryFile>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <utility>
#include <vector>

#include <unistd.h>

using motcua::ErrorCode;
using motcua::makeError;
using motcua::app::Args;
using motcua::app::Command;
using motcua::app::CommandInfo;
using motcua::app::CommandTable;
using motcua::app::Console;
using motcua::app::exitCodeFor;
using motcua::app::TerminationSignals;

namespace {

const QList<Args::Spec> kSpecs = {
    {QStringLiteral("json"), false},
    {QStringLiteral("out"), true},
    {QStringLiteral("limit"), true},
};

Args parsed(const QStringList &raw, int minPositional = 0, int maxPositional = 10)
{
    auto args = Args::parse(raw, kSpecs, minPositional, maxPositional);
    REQUIRE(args.ok());
    return std::move(args).value();
}

// The InvalidInput error that parsing `raw` must give; its message.
QString usageError(const QStringList &raw, int minPositional = 0, int maxPositional = 10)
{
    const auto args = Args::parse(raw, kSpecs, minPositional, maxPositional);
    REQUIRE_FALSE(args.ok());
    REQUIRE(args.error().code == ErrorCode::InvalidInput);
    REQUIRE(exitCodeFor(args.error()) == motcua::app::ExitBadInput);
    return args.error().message;
}

}  // namespace

TEST_CASE("Args: a flag is present without a value, and absent when not given")
{
    const Args args = parsed({QStringLiteral("--json"), QStringLiteral("a")});
    CHECK(args.has(QStringLiteral("json")));
    CHECK(args.value(QStringLiteral("json"), QStringLiteral("fallback")).isEmpty());
    CHECK_FALSE(args.has(QStringLiteral("out")));
    CHECK(args.value(QStringLiteral("out"), QStringLiteral("fallback")) == QStringLiteral("fallback"));
    CHECK(args.positional() == QStringList{QStringLiteral("a")});
}

TEST_CASE("Args: a valued option takes the next word or the text after '='")
{
    const Args spaced = parsed({QStringLiteral("--out"), QStringLiteral("file.pdf"), QStringLiteral("x")});
    CHECK(spaced.value(QStringLiteral("out")) == QStringLiteral("file.pdf"));
    CHECK(spaced.positional() == QStringList{QStringLiteral("x")});

    const Args joined = parsed({QStringLiteral("x"), QStringLiteral("--out=a=b.pdf")});
    CHECK(joined.value(QStringLiteral("out")) == QStringLiteral("a=b.pdf"));
    CHECK(joined.positional() == QStringList{QStringLiteral("x")});

    // The next word is the value even when it looks like an option.
    const Args dashed = parsed({QStringLiteral("--out"), QStringLiteral("--json")});
    CHECK(dashed.value(QStringLiteral("out")) == QStringLiteral("--json"));
    CHECK_FALSE(dashed.has(QStringLiteral("json")));

    const Args empty = parsed({QStringLiteral("--out=")});
    CHECK(empty.has(QStringLiteral("out")));
    CHECK(empty.value(QStringLiteral("out"), QStringLiteral("fallback")).isEmpty());
}

TEST_CASE("Args: usage errors are InvalidInput and name the offending option or argument")
{
    SECTION("unknown option")
    {
        CHECK(usageError({QStringLiteral("--bogus")}).contains(QStringLiteral("--bogus")));
        CHECK(usageError({QStringLiteral("--bogus=1")}).contains(QStringLiteral("--bogus")));
    }
    SECTION("valued option without its value")
    {
        CHECK(usageError({QStringLiteral("a"), QStringLiteral("--out")}).contains(QStringLiteral("--out")));
    }
    SECTION("flag given a value")
    {
        CHECK(usageError({QStringLiteral("--json=yes")}).contains(QStringLiteral("--json")));
    }
    SECTION("too few positionals")
    {
        CHECK_FALSE(usageError({QStringLiteral("a")}, 2, 2).isEmpty());
        CHECK_FALSE(usageError({}, 1).isEmpty());
        // Option values are not positionals.
        CHECK_FALSE(usageError({QStringLiteral("--out"), QStringLiteral("a")}, 1).isEmpty());
    }
    SECTION("too many positionals")
    {
        const QStringList raw = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("extra")};
        CHECK(usageError(raw, 0, 2).contains(QStringLiteral("extra")));
        CHECK(usageError({QStringLiteral("a")}, 0, 0).contains(QStringLiteral("a")));
    }
    SECTION("the bounds themselves are accepted")
    {
        CHECK(parsed({QStringLiteral("a"), QStringLiteral("b")}, 2, 2).positional().size() == 2);
        CHECK(parsed({}, 0, 0).positional().isEmpty());
    }
}

TEST_CASE("Args: number() gives the fallback when absent and nothing for a bad number")
{
    CHECK(parsed({}).number(QStringLiteral("limit"), 7) == 7);
    CHECK(parsed({QStringLiteral("--limit"), QStringLiteral("42")}).number(QStringLiteral("limit"), 7) == 42);
    CHECK(parsed({QStringLiteral("--limit=-3")}).number(QStringLiteral("limit"), 7) == -3);
    CHECK_FALSE(parsed({QStringLiteral("--limit=12x")}).number(QStringLiteral("limit"), 7).has_value());
    CHECK_FALSE(parsed({QStringLiteral("--limit=")}).number(QStringLiteral("limit"), 7).has_value());
    CHECK_FALSE(parsed({QStringLiteral("--limit=99999999999")}).number(QStringLiteral("limit"), 7).has_value());
}

namespace {

// What the handlers of a test table saw.
struct Calls {
    QString ran;
    QStringList args;
};

CommandTable<Calls> sampleTable()
{
    CommandTable<Calls> table(QStringLiteral("motcua-test"));
    const auto handler = [](const QString &name, int code) {
        return [name, code](Calls &calls, const QStringList &args) {
            calls.ran = name;
            calls.args = args;
            return code;
        };
    };
    table.add({{QStringLiteral("audit")},
               QStringLiteral("[--limit N]"),
               QStringLiteral("Lists the audit log."),
               handler(QStringLiteral("audit"), 3)});
    table.add({{QStringLiteral("audit"), QStringLiteral("verify")},
               QStringLiteral("--store FILE"),
               QStringLiteral("Checks the audit chain."),
               handler(QStringLiteral("audit verify"), 4)});
    table.add({{QStringLiteral("store"), QStringLiteral("init")},
               QString(),
               QString(),
               handler(QStringLiteral("store init"), 5)});
    return table;
}

}  // namespace

TEST_CASE("CommandTable: the command with the most matching words runs, with the words removed")
{
    const CommandTable<Calls> table = sampleTable();
    Calls calls;

    CHECK(table.run(calls, {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--store=x")}) == 4);
    CHECK(calls.ran == QStringLiteral("audit verify"));
    CHECK(calls.args == QStringList{QStringLiteral("--store=x")});

    CHECK(table.run(calls, {QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("5")}) == 3);
    CHECK(calls.ran == QStringLiteral("audit"));
    CHECK(calls.args == QStringList{QStringLiteral("--limit"), QStringLiteral("5")});

    // A word that is not a subcommand is an argument of the shorter command.
    CHECK(table.run(calls, {QStringLiteral("audit"), QStringLiteral("verif")}) == 3);
    CHECK(calls.ran == QStringLiteral("audit"));
    CHECK(calls.args == QStringList{QStringLiteral("verif")});

    CHECK(table.run(calls, {QStringLiteral("store"), QStringLiteral("init")}) == 5);
    CHECK(calls.ran == QStringLiteral("store init"));
    CHECK(calls.args.isEmpty());
}

TEST_CASE("CommandTable: an unknown command runs nothing")
{
    const CommandTable<Calls> table = sampleTable();
    Calls calls;
    for (const QStringList &args : {QStringList{}, QStringList{QStringLiteral("nosuch")},
                                    QStringList{QStringLiteral("store")},  // only part of "store init"
                                    QStringList{QStringLiteral("verify"), QStringLiteral("audit")}}) {
        CHECK_FALSE(table.names(args));
        CHECK_FALSE(table.run(calls, args).has_value());
    }
    CHECK(calls.ran.isEmpty());
    CHECK(table.names({QStringLiteral("store"), QStringLiteral("init"), QStringLiteral("x")}));
}

TEST_CASE("CommandTable: a command's --help shows its synopsis and summary")
{
    const CommandTable<Calls> table = sampleTable();
    const QString usage = QStringLiteral("Usage: motcua-test COMMAND");
    const QString footer = QStringLiteral("See the manual.\n");

    const QString verify = table.help({QStringLiteral("audit"), QStringLiteral("verify")}, usage, footer);
    CHECK(verify.contains(QStringLiteral("motcua-test audit verify --store FILE")));
    CHECK(verify.contains(QStringLiteral("Checks the audit chain.")));
    CHECK_FALSE(verify.contains(QStringLiteral("Lists the audit log.")));
    CHECK_FALSE(verify.contains(footer));

    const QString audit = table.help({QStringLiteral("audit"), QStringLiteral("--help")}, usage, footer);
    CHECK(audit.contains(QStringLiteral("motcua-test audit [--limit N]")));
    CHECK(audit.contains(QStringLiteral("Lists the audit log.")));

    const QString init = table.help({QStringLiteral("store"), QStringLiteral("init")}, usage, footer);
    CHECK(init.contains(QStringLiteral("motcua-test store init")));
}

TEST_CASE("CommandTable: the overview lists every command between the usage and the footer")
{
    const CommandTable<Calls> table = sampleTable();
    const QString usage = QStringLiteral("Usage: motcua-test COMMAND");
    const QString footer = QStringLiteral("See the manual.\n");

    const QString overview = table.help({QStringLiteral("nosuch")}, usage, footer);
    CHECK(overview.startsWith(usage + QLatin1Char('\n')));
    CHECK(overview.endsWith(footer));
    const QStringList lines = overview.split(QLatin1Char('\n'));
    const auto lineOf = [&](const QString &start) {
        for (const QString &line : lines)
            if (line.startsWith(start))
                return line;
        return QString();
    };
    const QString verify = lineOf(QStringLiteral("  audit verify --store FILE"));
    REQUIRE_FALSE(verify.isEmpty());
    // Summaries start after the summary column (36 by default).
    CHECK(verify.indexOf(QStringLiteral("Checks the audit chain.")) == 37);
    CHECK(lineOf(QStringLiteral("  audit [--limit N]")).endsWith(QStringLiteral("Lists the audit log.")));
    CHECK(lineOf(QStringLiteral("  store init")) == QStringLiteral("  store init"));
}

TEST_CASE("findCommand: commands without words never match")
{
    const std::vector<CommandInfo> commands = {{{}, QString(), QString()}, {{QStringLiteral("a")}, {}, {}}};
    CHECK_FALSE(motcua::app::findCommand(commands, {}).has_value());
    const auto found = motcua::app::findCommand(commands, {QStringLiteral("a"), QStringLiteral("b")});
    REQUIRE(found.has_value());
    CHECK(found->first == 1);
    CHECK(found->second == 1);
}

TEST_CASE("exitCodeFor: the caller's errors exit 2, the operation's exit 1")
{
    const std::vector<std::pair<ErrorCode, int>> expected = {
        {ErrorCode::InvalidInput, 2}, {ErrorCode::NotFound, 2}, {ErrorCode::InUse, 1},     {ErrorCode::Corrupt, 1},
        {ErrorCode::NewerSchema, 1},  {ErrorCode::DiskFull, 1}, {ErrorCode::ReadOnly, 1},  {ErrorCode::Io, 1},
        {ErrorCode::Busy, 1},         {ErrorCode::Database, 1}, {ErrorCode::Exhausted, 1}, {ErrorCode::Conflict, 1},
        {ErrorCode::Internal, 1},
    };
    for (const auto &[code, exitCode] : expected) {
        INFO("ErrorCode " << int(code));
        CHECK(exitCodeFor(makeError(code, QStringLiteral("m"))) == exitCode);
    }
    CHECK(motcua::app::ExitBadInput == 2);
    CHECK(motcua::app::ExitFailure == 1);
    CHECK(motcua::app::ExitOk == 0);
}

namespace {

// Sends this process's stderr to a temporary file until taken back.
class StderrCapture final {
public:
    StderrCapture()
    {
        REQUIRE(m_file.open());
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        REQUIRE(m_saved >= 0);
        REQUIRE(::dup2(m_file.handle(), STDERR_FILENO) >= 0);
    }
    ~StderrCapture() { restore(); }
    Q_DISABLE_COPY_MOVE(StderrCapture)

    QString take()
    {
        restore();
        QFile file(m_file.fileName());
        REQUIRE(file.open(QIODevice::ReadOnly));
        return QString::fromUtf8(file.readAll());
    }

private:
    void restore()
    {
        if (m_saved < 0)
            return;
        std::fflush(stderr);
        ::dup2(m_saved, STDERR_FILENO);
        ::close(m_saved);
        m_saved = -1;
    }

    QTemporaryFile m_file;
    int m_saved = -1;
};

}  // namespace

TEST_CASE("Console: a failure is one line on stderr, and its exit code is kept")
{
    StderrCapture capture;
    Console console(QStringLiteral("motcua-test"), false);
    CHECK_FALSE(console.json());
    CHECK(console.exitCode() == motcua::app::ExitOk);

    CHECK(console.fail(makeError(ErrorCode::Corrupt, QStringLiteral("store damaged\nsee log"))) == 1);
    CHECK(console.exitCode() == 1);
    CHECK(console.badInput(QStringLiteral("bad date")) == 2);
    CHECK(console.exitCode() == 2);

    CHECK(capture.take() == QStringLiteral("motcua-test: store damaged see log\nmotcua-test: bad date\n"));
    CHECK(Console(QStringLiteral("x"), true).json());
}

namespace {

volatile std::sig_atomic_t g_testHandlerSignal = 0;

void testHandler(int signal)
{
    g_testHandlerSignal = signal;
}

// The signal testHandler last ran for; 0 when it has not run.
int handled()
{
    return g_testHandlerSignal;
}

// Installs testHandler for `signal` for the lifetime of the object, then puts the old disposition back.
class TestHandler final {
public:
    explicit TestHandler(int signal) : m_signal(signal)
    {
        struct sigaction action = {};
        action.sa_handler = testHandler;
        sigemptyset(&action.sa_mask);
        REQUIRE(::sigaction(signal, &action, &m_previous) == 0);
        g_testHandlerSignal = 0;
    }
    ~TestHandler() { ::sigaction(m_signal, &m_previous, nullptr); }
    Q_DISABLE_COPY_MOVE(TestHandler)

private:
    int m_signal;
    struct sigaction m_previous = {};
};

// Raises `signal` and runs the event loop until `watcher` reports one (5 s at most); the signals reported.
QList<int> raiseAndWait(TerminationSignals &watcher, int signal)
{
    QList<int> received;
    QEventLoop loop;
    const auto connection = QObject::connect(&watcher, &TerminationSignals::received, &loop, [&](int s) {
        received.append(s);
        loop.quit();
    });
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    REQUIRE(std::raise(signal) == 0);
    loop.exec();
    QObject::disconnect(connection);
    return received;
}

}  // namespace

TEST_CASE("TerminationSignals: SIGTERM and SIGINT arrive through the event loop")
{
    const TestHandler term(SIGTERM);
    const TestHandler interrupt(SIGINT);
    TerminationSignals watcher;
    REQUIRE(watcher.isWatching());

    CHECK(raiseAndWait(watcher, SIGTERM) == QList<int>{SIGTERM});
    CHECK(raiseAndWait(watcher, SIGINT) == QList<int>{SIGINT});
    // The watcher replaced the handlers installed before it.
    CHECK(handled() == 0);
}

TEST_CASE("TerminationSignals: the previous handlers come back when it is destroyed")
{
    const TestHandler term(SIGTERM);
    const TestHandler interrupt(SIGINT);
    {
        TerminationSignals watcher;
        REQUIRE(watcher.isWatching());
        CHECK(raiseAndWait(watcher, SIGTERM) == QList<int>{SIGTERM});
        CHECK(handled() == 0);
    }
    REQUIRE(std::raise(SIGTERM) == 0);
    CHECK(handled() == SIGTERM);
    g_testHandlerSignal = 0;
    REQUIRE(std::raise(SIGINT) == 0);
    CHECK(handled() == SIGINT);
}

TEST_CASE("TerminationSignals: one instance at a time")
{
    const TestHandler term(SIGTERM);
    TerminationSignals first;
    REQUIRE(first.isWatching());
    {
        const TerminationSignals second;
        CHECK_FALSE(second.isWatching());
    }
    // Destroying the idle second one leaves the first watching.
    CHECK(raiseAndWait(first, SIGTERM) == QList<int>{SIGTERM});
    CHECK(handled() == 0);
}

TEST_CASE("TerminationSignals: a new instance watches again after the first is gone")
{
    const TestHandler term(SIGTERM);
    {
        const TerminationSignals first;
        REQUIRE(first.isWatching());
    }
    TerminationSignals again;
    REQUIRE(again.isWatching());
    CHECK(raiseAndWait(again, SIGTERM) == QList<int>{SIGTERM});
    CHECK(handled() == 0);
}
