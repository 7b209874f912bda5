// motcua-center: the provincial center's sync service and its admin commands. This file only wires.
#include "app/common/Translations.h"
#include "core/Log.h"
#include "core/Paths.h"
#include "core/calendar/Holidays.h"
#include "core/catalog/CatalogImport.h"
#include "core/officer/PasswordHash.h"
#include "sync/Log.h"
#include "sync/Protocol.h"
#include "sync/center/CenterConfig.h"
#include "sync/center/CenterServer.h"
#include "sync/center/CenterService.h"
#include "sync/center/CenterStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimeZone>

#include <cerrno>
#include <csignal>
#include <functional>
#include <map>

#include <sys/socket.h>
#include <unistd.h>

using namespace motcua;
using namespace motcua::sync;

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::center)
};

constexpr quint16 kLocalPort = 8480;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

// Exit codes as motcua-cli: 0 done, 1 the operation failed, 2 bad input.
int failWith(const Error &e)
{
    err() << QStringLiteral("motcua-center: ") << e.message << Qt::endl;
    return e.isInputError() ? 2 : 1;
}

int usageError(const QString &message)
{
    err() << QStringLiteral("motcua-center: ") << message << Qt::endl;
    return 2;
}

QString usage()
{
    return Tr::tr(
               "Usage: motcua-center [--config FILE] [--json] [--verbose] COMMAND\n"
               "\n"
               "Commands:\n"
               "  serve                                   run the sync service (HTTPS; plain HTTP on loopback only)\n"
               "  init                                    create the database if needed and print its epoch\n"
               "  status                                  counters, last contact, backlog, epoch\n"
               "  unit add ID --name NAME --agency AGENCY_ID [--slots N]\n"
               "  unit list\n"
               "  counter add --unit UNIT [--name NAME] [--valid-hours H]   prints a one-time enrollment code\n"
               "  counter revoke COUNTER_ID\n"
               "  officer add LOGIN --name NAME --unit UNIT [--role officer|supervisor|admin]  (password on stdin)\n"
               "  officer disable LOGIN | officer enable LOGIN | officer password LOGIN       (password on stdin)\n"
               "  catalog import FILE\n"
               "  calendar import FILE\n"
               "  epoch new                               after restoring the database from a backup\n"
               "  backup --out FILE                       SQLite backend only (PostgreSQL: pg_dump / pg_basebackup)\n"
               "\n"
               "Without --config (or MOTCUA_CENTER_CONFIG) the embedded default is used: a SQLite center in the\n"
               "MotCua data folder, plain HTTP on 127.0.0.1:%1.")
        .arg(kLocalPort);
}

// Arguments of one command: positionals and --options (with a value unless listed as flags).
struct Args {
    QStringList positional;
    QMap<QString, QString> options;
    QSet<QString> flags;

    static std::optional<Args> parse(const QStringList &raw, const QSet<QString> &flagNames, QString *error)
    {
        Args a;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            const QString &s = raw.at(i);
            if (s.startsWith(QLatin1String("--"))) {
                const QString name = s.mid(2);
                if (flagNames.contains(name)) {
                    a.flags.insert(name);
                } else if (i + 1 < raw.size()) {
                    a.options.insert(name, raw.at(++i));
                } else {
                    *error = Tr::tr("Option --%1 needs a value.").arg(name);
                    return std::nullopt;
                }
            } else {
                a.positional << s;
            }
        }
        return a;
    }
};

struct Context {
    CenterConfig config;
    bool json = false;
    std::unique_ptr<CenterStore> store;

    Result<CenterStore *> open()
    {
        if (!store) {
            auto s = CenterStore::open(config.database);
            if (!s)
                return s.error();
            store = std::move(s.value());
        }
        return store.get();
    }
};

QString readPasswordFromStdin()
{
    QTextStream in(stdin);
    return in.readLine();
}

int printJson(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    return 0;
}

// ---- serve ----------------------------------------------------------------------------------------------------

// SIGTERM and SIGINT quit the event loop. A signal handler may only do what is async-signal-safe, so it writes a
// byte to a socket pair, and the event loop, woken by the other end, quits.
int g_signalPipe[2] = {-1, -1};

void quitOnTerminationSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_signalPipe) != 0) {
        qCWarning(lcCenterHttp, "event=no_signal_watch reason=socketpair_failed");
        return;
    }
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, notifier, [] {
        char byte = 0;
        while (::read(g_signalPipe[1], &byte, 1) > 0) {
        }
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = [](int) {
        const int saved = errno;
        const char byte = 1;
        [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[0], &byte, 1);
        errno = saved;
    };
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int sig : {SIGTERM, SIGINT})
        ::sigaction(sig, &action, nullptr);
}

int cmdServe(Context &ctx, const Args &)
{
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    CenterService service(**store, ctx.config.service);
    CenterServer server(service);
    auto port = server.start(ctx.config.server);
    if (!port)
        return failWith(port.error());
    auto epoch = (*store)->epoch();
    err() << QStringLiteral("motcua-center: ")
          << Tr::tr("serving %1://%2:%3%4 on %5 (epoch %6)")
                 .arg(server.tls() ? QStringLiteral("https") : QStringLiteral("http"),
                      ctx.config.server.address.toString())
                 .arg(*port)
                 .arg(apiPrefix(), (*store)->backendName(), epoch ? *epoch : QString())
          << Qt::endl;
    // SIGTERM / SIGINT end the loop cleanly: requests in progress finish, connections close.
    quitOnTerminationSignals();
    const int rc = QCoreApplication::exec();
    err() << QStringLiteral("motcua-center: ") << Tr::tr("stopped") << Qt::endl;
    return rc;
}

// ---- admin commands -------------------------------------------------------------------------------------------

int cmdInit(Context &ctx, const Args &)
{
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    auto epoch = (*store)->epoch();
    if (!epoch)
        return failWith(epoch.error());
    if (ctx.json)
        return printJson({{QStringLiteral("backend"), (*store)->backendName()}, {QStringLiteral("epoch"), *epoch}});
    out() << Tr::tr("The center's database is ready (%1, epoch %2).").arg((*store)->backendName(), *epoch) << Qt::endl;
    return 0;
}

int cmdStatus(Context &ctx, const Args &)
{
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    auto s = (*store)->status();
    if (!s)
        return failWith(s.error());
    if (ctx.json) {
        QJsonArray counters;
        for (const CounterStatus &c : std::as_const(s->counters)) {
            counters.append(QJsonObject{{QStringLiteral("counter_id"), c.counterId},
                                        {QStringLiteral("unit_id"), c.unitId},
                                        {QStringLiteral("name"), c.name},
                                        {QStringLiteral("slot"), c.slot},
                                        {QStringLiteral("enrolled"), c.enrolled},
                                        {QStringLiteral("revoked"), c.revoked},
                                        {QStringLiteral("last_contact"),
                                         c.lastContact.isValid() ? c.lastContact.toString(Qt::ISODate) : QString()},
                                        {QStringLiteral("backlog"), double(c.backlog)}});
        }
        return printJson({{QStringLiteral("epoch"), s->epoch},
                          {QStringLiteral("backend"), s->backend},
                          {QStringLiteral("events"), double(s->events)},
                          {QStringLiteral("dossiers"), double(s->dossiers)},
                          {QStringLiteral("high_water"), double(s->highWater)},
                          {QStringLiteral("catalog_version"), s->catalogVersion},
                          {QStringLiteral("alarms"), s->alarms},
                          {QStringLiteral("counters"), counters}});
    }
    out() << Tr::tr("Epoch: %1").arg(s->epoch) << Qt::endl
          << Tr::tr("Database: %1, schema %2").arg(s->backend).arg(s->schemaVersion) << Qt::endl
          << Tr::tr("Events: %1 (newest seq %2), dossiers: %3").arg(s->events).arg(s->highWater).arg(s->dossiers)
          << Qt::endl
          << Tr::tr("Catalog version: %1").arg(s->catalogVersion) << Qt::endl
          << Tr::tr("Alarms: %1").arg(s->alarms) << Qt::endl
          << Tr::tr("Counters: %1").arg(s->counters.size()) << Qt::endl;
    for (const CounterStatus &c : std::as_const(s->counters)) {
        const QString state = c.revoked ? Tr::tr("revoked") : (c.enrolled ? Tr::tr("enrolled") : Tr::tr("waiting"));
        out()
            << QStringLiteral("  %1  %2  %3  ").arg(c.counterId, -16).arg(state, -10).arg(c.name, -20)
            << Tr::tr("last contact %1, backlog %2")
                   .arg(c.lastContact.isValid()
                            ? c.lastContact.toTimeZone(QTimeZone(7 * 3600)).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                            : Tr::tr("never"))
                   .arg(c.backlog)
            << Qt::endl;
    }
    return 0;
}

int cmdUnitAdd(Context &ctx, const Args &a)
{
    if (a.positional.size() != 1 || !a.options.contains(QStringLiteral("name")) ||
        !a.options.contains(QStringLiteral("agency")))
        return usageError(Tr::tr("Usage: unit add ID --name NAME --agency AGENCY_ID [--slots N]"));
    bool ok = true;
    const int slots = a.options.value(QStringLiteral("slots"), QStringLiteral("20")).toInt(&ok);
    if (!ok)
        return usageError(Tr::tr("--slots must be a number."));
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    const UnitRecord unit{a.positional.first(), a.options.value(QStringLiteral("name")),
                          a.options.value(QStringLiteral("agency")), slots};
    if (auto r = (*store)->addUnit(unit); !r)
        return failWith(r.error());
    out() << Tr::tr("Unit %1 (%2) added.").arg(unit.unitId, unit.name) << Qt::endl;
    return 0;
}

int cmdUnitList(Context &ctx, const Args &)
{
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    auto units = (*store)->units();
    if (!units)
        return failWith(units.error());
    if (ctx.json) {
        QJsonArray list;
        for (const UnitRecord &u : std::as_const(*units))
            list.append(QJsonObject{{QStringLiteral("unit_id"), u.unitId},
                                    {QStringLiteral("name"), u.name},
                                    {QStringLiteral("agency_id"), u.agencyId},
                                    {QStringLiteral("slots"), u.slots}});
        return printJson({{QStringLiteral("units"), list}});
    }
    for (const UnitRecord &u : std::as_const(*units))
        out() << QStringLiteral("%1  %2  %3  ").arg(u.unitId, -10).arg(u.agencyId, -16).arg(u.name)
              << Tr::tr("(%1 slots)").arg(u.slots) << Qt::endl;
    return 0;
}

int cmdCounterAdd(Context &ctx, const Args &a)
{
    if (!a.options.contains(QStringLiteral("unit")) || !a.positional.isEmpty())
        return usageError(Tr::tr("Usage: counter add --unit UNIT [--name NAME] [--valid-hours H]"));
    bool ok = true;
    const int hours = a.options.value(QStringLiteral("valid-hours"), QStringLiteral("72")).toInt(&ok);
    if (!ok)
        return usageError(Tr::tr("--valid-hours must be a number."));
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    auto c =
        (*store)->addCounter(a.options.value(QStringLiteral("unit")), a.options.value(QStringLiteral("name")), hours);
    if (!c)
        return failWith(c.error());
    if (ctx.json)
        return printJson({{QStringLiteral("counter_id"), c->counterId},
                          {QStringLiteral("unit_id"), c->unitId},
                          {QStringLiteral("slot"), c->slot},
                          {QStringLiteral("enrollment_code"), c->enrollmentCode},
                          {QStringLiteral("expires_at"), c->expiresAt.toString(Qt::ISODate)}});
    out() << Tr::tr("Counter %1 (unit %2, code slot %3) created.").arg(c->counterId, c->unitId).arg(c->slot) << Qt::endl
          << Tr::tr("Enrollment code: %1").arg(c->enrollmentCode) << Qt::endl
          << Tr::tr("It works once and expires %1 (Vietnam time). It is not stored: write it down now.")
                 .arg(c->expiresAt.toTimeZone(QTimeZone(7 * 3600)).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
          << Qt::endl;
    return 0;
}

int cmdCounterRevoke(Context &ctx, const Args &a)
{
    if (a.positional.size() != 1)
        return usageError(Tr::tr("Usage: counter revoke COUNTER_ID"));
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    if (auto r = (*store)->revokeCounter(a.positional.first()); !r)
        return failWith(r.error());
    out() << Tr::tr("Counter %1 revoked: its next request is refused.").arg(a.positional.first()) << Qt::endl;
    return 0;
}

int cmdOfficerAdd(Context &ctx, const Args &a)
{
    if (a.positional.size() != 1 || !a.options.contains(QStringLiteral("name")) ||
        !a.options.contains(QStringLiteral("unit")))
        return usageError(Tr::tr("Usage: officer add LOGIN --name NAME --unit UNIT [--role ROLE] (password on stdin)"));
    const QString password = readPasswordFromStdin();
    if (password.size() < 8)
        return usageError(Tr::tr("Give the officer's first password on standard input (at least 8 characters)."));
    auto hash = hashPassword(password);
    if (!hash)
        return failWith(hash.error());
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    OfficerEntry o;
    o.login = a.positional.first();
    o.fullName = a.options.value(QStringLiteral("name"));
    o.unitId = a.options.value(QStringLiteral("unit"));
    o.role = a.options.value(QStringLiteral("role"), QStringLiteral("officer"));
    o.passwordHash = *hash;
    if (auto r = (*store)->addOfficer(o); !r)
        return failWith(r.error());
    out() << Tr::tr("Officer %1 (%2) added to unit %3.").arg(o.login, o.fullName, o.unitId) << Qt::endl;
    return 0;
}

int cmdOfficerSet(Context &ctx, const Args &a, const QString &what)
{
    if (a.positional.size() != 1)
        return usageError(Tr::tr("Usage: officer %1 LOGIN").arg(what));
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    const QString login = a.positional.first();
    if (what == QLatin1String("password")) {
        const QString password = readPasswordFromStdin();
        if (password.size() < 8)
            return usageError(Tr::tr("Give the new password on standard input (at least 8 characters)."));
        auto hash = hashPassword(password);
        if (!hash)
            return failWith(hash.error());
        if (auto r = (*store)->setOfficerPassword(login, *hash); !r)
            return failWith(r.error());
        out() << Tr::tr("The password of %1 was changed; counters get it at their next sync.").arg(login) << Qt::endl;
        return 0;
    }
    const bool disable = what == QLatin1String("disable");
    if (auto r = (*store)->setOfficerDisabled(login, disable); !r)
        return failWith(r.error());
    out() << (disable ? Tr::tr("Officer %1 disabled.").arg(login) : Tr::tr("Officer %1 enabled.").arg(login))
          << Qt::endl;
    return 0;
}

int cmdDocumentImport(Context &ctx, const Args &a, bool calendar)
{
    if (a.positional.size() != 1)
        return usageError(calendar ? Tr::tr("Usage: calendar import FILE") : Tr::tr("Usage: catalog import FILE"));
    QFile file(a.positional.first());
    if (!file.open(QIODevice::ReadOnly))
        return usageError(Tr::tr("Cannot read %1.").arg(a.positional.first()));
    const QByteArray bytes = file.readAll();
    // Checked with the counters' own parsers first: a file they would refuse is never published.
    QString summary;
    if (calendar) {
        auto parsed = Holidays::parse(bytes);
        if (!parsed)
            return failWith(parsed.error());
        summary = Tr::tr("%n year(s)", nullptr, int(parsed->size()));
    } else {
        auto parsed = catalog::parseCatalog(bytes);
        if (!parsed)
            return failWith(parsed.error());
        summary = Tr::tr("%n procedure(s)", nullptr, int(parsed->procedures.size()));
    }
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    auto version = calendar ? (*store)->importCalendar(bytes) : (*store)->importCatalog(bytes);
    if (!version)
        return failWith(version.error());
    out() << (calendar ? Tr::tr("Calendar version %1 published (%2).") : Tr::tr("Catalog version %1 published (%2)."))
                 .arg(*version)
                 .arg(summary)
          << Qt::endl;
    return 0;
}

int cmdEpochNew(Context &ctx, const Args &)
{
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    auto e = (*store)->startNewEpoch();
    if (!e)
        return failWith(e.error());
    out() << Tr::tr("New epoch %1: every counter re-sends its events at its next sync.").arg(*e) << Qt::endl;
    return 0;
}

int cmdBackup(Context &ctx, const Args &a)
{
    const QString target = a.options.value(QStringLiteral("out"));
    if (target.isEmpty())
        return usageError(Tr::tr("Usage: backup --out FILE"));
    if (ctx.config.database.backend != CenterDbConfig::Backend::Sqlite)
        return usageError(Tr::tr("With PostgreSQL, back up with pg_dump or pg_basebackup (docs/deployment.md)."));
    if (QFile::exists(target))
        return usageError(Tr::tr("%1 exists already; choose a new file.").arg(target));
    auto store = ctx.open();
    if (!store)
        return failWith(store.error());
    QSqlQuery q((*store)->connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(QFileInfo(target).absoluteFilePath());
    if (!q.exec())
        return failWith(makeError(ErrorCode::Io, Tr::tr("The backup failed: %1").arg(q.lastError().text())));
    out() << Tr::tr("Backup written to %1.").arg(target) << Qt::endl;
    return 0;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("motcua-center"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOTCUA_VERSION));
    app::installTranslations(app::systemLanguage());

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        out() << usage() << Qt::endl;
        return args.isEmpty() ? 2 : 0;
    }
    if (args == QStringList{QStringLiteral("--version")}) {
        out() << QStringLiteral("motcua-center ") << QCoreApplication::applicationVersion()
              << QStringLiteral(" (protocol ") << apiPrefix() << QStringLiteral(")") << Qt::endl;
        return 0;
    }
    Context ctx;
    QString configPath = qEnvironmentVariable("MOTCUA_CENTER_CONFIG");
    bool verbose = false;
    for (qsizetype i = 0; i < args.size();) {
        if (args.at(i) == QLatin1String("--config") && i + 1 < args.size()) {
            configPath = args.at(i + 1);
            args.remove(i, 2);
        } else if (args.at(i) == QLatin1String("--config")) {
            return usageError(Tr::tr("Option --config needs a value."));
        } else if (args.at(i) == QLatin1String("--json")) {
            ctx.json = true;
            args.remove(i);
        } else if (args.at(i) == QLatin1String("--verbose")) {
            verbose = true;
            args.remove(i);
        } else {
            ++i;
        }
    }
    // The service logs one line per request at info level; admin commands stay quiet unless --verbose.
    const bool serving = !args.isEmpty() && args.first() == QLatin1String("serve");
    if (!verbose && !serving)
        QLoggingCategory::setFilterRules(QStringLiteral("motcua.*.info=false"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("motcua.*.info=true"));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));

    if (configPath.isEmpty()) {
        ctx.config = defaultCenterConfig(QDir(paths::dataDirectory()).filePath(QStringLiteral("center")), kLocalPort);
    } else {
        auto loaded = loadCenterConfig(configPath);
        if (!loaded)
            return failWith(loaded.error());
        ctx.config = *loaded;
    }

    using Handler = std::function<int(Context &, const Args &)>;
    const std::map<QString, std::pair<QSet<QString>, Handler>> commands = {
        {QStringLiteral("serve"), {{}, cmdServe}},
        {QStringLiteral("init"), {{}, cmdInit}},
        {QStringLiteral("status"), {{}, cmdStatus}},
        {QStringLiteral("unit add"), {{}, cmdUnitAdd}},
        {QStringLiteral("unit list"), {{}, cmdUnitList}},
        {QStringLiteral("counter add"), {{}, cmdCounterAdd}},
        {QStringLiteral("counter revoke"), {{}, cmdCounterRevoke}},
        {QStringLiteral("officer add"), {{}, cmdOfficerAdd}},
        {QStringLiteral("officer disable"),
         {{}, [](Context &c, const Args &a) { return cmdOfficerSet(c, a, QStringLiteral("disable")); }}},
        {QStringLiteral("officer enable"),
         {{}, [](Context &c, const Args &a) { return cmdOfficerSet(c, a, QStringLiteral("enable")); }}},
        {QStringLiteral("officer password"),
         {{}, [](Context &c, const Args &a) { return cmdOfficerSet(c, a, QStringLiteral("password")); }}},
        {QStringLiteral("catalog import"),
         {{}, [](Context &c, const Args &a) { return cmdDocumentImport(c, a, false); }}},
        {QStringLiteral("calendar import"),
         {{}, [](Context &c, const Args &a) { return cmdDocumentImport(c, a, true); }}},
        {QStringLiteral("epoch new"), {{}, cmdEpochNew}},
        {QStringLiteral("backup"), {{}, cmdBackup}},
    };
    // Two-word commands first ("unit add"), then one-word ones ("serve").
    for (int words : {2, 1}) {
        if (args.size() < words)
            continue;
        const QString name = args.mid(0, words).join(QLatin1Char(' '));
        auto it = commands.find(name);
        if (it == commands.end())
            continue;
        QString error;
        auto parsed = Args::parse(args.mid(words), it->second.first, &error);
        if (!parsed)
            return usageError(error);
        return it->second.second(ctx, *parsed);
    }
    return usageError(Tr::tr("Unknown command '%1'. Run motcua-center --help.").arg(args.join(QLatin1Char(' '))));
}
