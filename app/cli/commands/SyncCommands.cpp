// SPDX-License-Identifier: GPL-3.0-or-later
// motcua-cli sync enroll | move | now | status, and dossier lookup: the counter's side of the provincial sync.
#include "app/cli/Cli.h"
#include "app/common/Defaults.h"
#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierStore.h"
#include "sync/client/Credentials.h"
#include "sync/client/HttpTransport.h"
#include "sync/client/SyncEngine.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimeZone>
#include <QUrl>

namespace motcua::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli::sync)
};

using namespace motcua::sync;

QString metaOr(const Store &store, const char *key)
{
    auto v = store.meta(QString::fromLatin1(key));
    return v ? *v : QString();
}

// An enrolled counter's id and its credential from the keychain. Prints the problem and returns nothing.
struct EnrolledCounter {
    QString counterId;
    QString secret;
};

std::optional<EnrolledCounter> enrolledCounter(Context &ctx, const Store &store)
{
    auto identity = CounterIdentity::load(store);
    if (!identity || identity->standalone || !identity->isSetUp()) {
        ctx.fail(makeError(ErrorCode::InvalidInput, Tr::tr("This counter is not enrolled with a provincial center. "
                                                           "Run: motcua-cli sync enroll URL CODE")));
        return std::nullopt;
    }
    auto credentials = credentialStoreFor(store.path(), app::allowPlaintextCredentials());
    auto secret = credentials->load(identity->counterId);
    if (!secret) {
        ctx.fail(secret.error());
        return std::nullopt;
    }
    return EnrolledCounter{identity->counterId, *secret};
}

// The PEM of the --ca file, or `otherwise` without the option. Prints the problem and returns nothing when the file
// cannot be read.
std::optional<QByteArray> caOption(Context &ctx, const Args &args, const QByteArray &otherwise)
{
    if (!args.has(QStringLiteral("ca")))
        return otherwise;
    QFile f(args.value(QStringLiteral("ca")));
    if (!f.open(QIODevice::ReadOnly)) {
        ctx.badInput(Tr::tr("Cannot read the CA file %1.").arg(f.fileName()));
        return std::nullopt;
    }
    return f.readAll();
}

// The engine of an enrolled counter, with its credential from the keychain. Prints the problem and returns null.
struct Session {
    std::unique_ptr<HttpTransport> transport;
    std::unique_ptr<SyncEngine> engine;
};

std::optional<Session> openSession(Context &ctx, Store &store)
{
    auto counter = enrolledCounter(ctx, store);
    if (!counter)
        return std::nullopt;
    Session s;
    s.transport = std::make_unique<HttpTransport>(QUrl(metaOr(store, syncmeta::kCenterUrl)),
                                                  metaOr(store, syncmeta::kCaPem).toLatin1());
    if (!s.transport->problem().isEmpty()) {
        ctx.fail(makeError(ErrorCode::InvalidInput, s.transport->problem()));
        return std::nullopt;
    }
    s.engine = std::make_unique<SyncEngine>(store, *s.transport, counter->counterId, counter->secret);
    return s;
}

int runEnroll(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {{QStringLiteral("ca"), true}}, 2, 2);
    if (!args)
        return ctx.fail(args.error());
    const QUrl url(args->positional().at(0));
    const QString code = args->positional().at(1);
    const auto caPem = caOption(ctx, *args, {});
    if (!caPem)
        return ctx.exitCode();
    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    auto current = CounterIdentity::load(*store);
    if (current && !current->standalone && current->isSetUp())
        return ctx.badInput(Tr::tr("This counter is enrolled already as %1. Enrolling again needs a new data file.")
                                .arg(current->counterId));
    HttpTransport transport(url, *caPem);
    if (!transport.problem().isEmpty())
        return ctx.badInput(transport.problem());
    auto credentials = credentialStoreFor(store->path(), app::allowPlaintextCredentials());
    auto enrolled = SyncEngine::enrollAndSave(*store, transport, *credentials, code, url.toString(), *caPem);
    if (!enrolled)
        return ctx.fail(enrolled.error());
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("counter_id"), enrolled->counterId},
                       {QStringLiteral("unit_id"), enrolled->unitId},
                       {QStringLiteral("unit_name"), enrolled->unitName},
                       {QStringLiteral("agency_id"), enrolled->agencyId},
                       {QStringLiteral("slot"), enrolled->slot},
                       {QStringLiteral("credentials"), credentials->describe()}});
        return ExitOk;
    }
    ctx.out() << Tr::tr("Enrolled as counter %1 of %2 (%3), dossier-code slot %4 of %5.")
                     .arg(enrolled->counterId, enrolled->unitName, enrolled->agencyId)
                     .arg(enrolled->slot)
                     .arg(enrolled->slots)
              << Qt::endl
              << Tr::tr("The credential is kept in %1.").arg(credentials->describe()) << Qt::endl;
    return ExitOk;
}

int runNow(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    auto session = openSession(ctx, *store);
    if (!session)
        return ctx.exitCode();
    RoundReport total;
    RoundResult r;
    // An epoch change is handled inside a round and needs one more round to send everything again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        r = session->engine->runRound();
        total.pushed += r.report.pushed;
        total.duplicates += r.report.duplicates;
        total.rejected += r.report.rejected;
        total.pulled += r.report.pulled;
        total.requeued += r.report.requeued;
        total.pending = r.report.pending;
        total.cursor = r.report.cursor;
        if (r.failure != SyncFailure::EpochChanged)
            break;
    }
    if (!r.ok())
        return ctx.fail(makeError(ErrorCode::Io, r.message));
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("pushed"), total.pushed},
                       {QStringLiteral("duplicates"), total.duplicates},
                       {QStringLiteral("rejected"), total.rejected},
                       {QStringLiteral("pulled"), total.pulled},
                       {QStringLiteral("requeued"), total.requeued},
                       {QStringLiteral("pending"), total.pending},
                       {QStringLiteral("cursor"), double(total.cursor)}});
        return ExitOk;
    }
    ctx.out() << Tr::tr("Sent %1 events (%2 the center had already, %3 rejected); received %4; %5 waiting.")
                     .arg(total.pushed)
                     .arg(total.duplicates)
                     .arg(total.rejected)
                     .arg(total.pulled)
                     .arg(total.pending)
              << Qt::endl;
    return ExitOk;
}

int runStatus(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    Store *store = ctx.store({.create = false});
    if (!store)
        return ctx.exitCode();
    auto identity = CounterIdentity::load(*store);
    if (!identity)
        return ctx.fail(identity.error());
    auto pending = DossierStore(*store).pendingOutbox();
    if (!pending)
        return ctx.fail(pending.error());
    auto rejected = DossierStore(*store).quarantinedOutbox();
    if (!rejected)
        return ctx.fail(rejected.error());
    const int quarantined = *rejected;
    const bool enrolled = !identity->standalone && identity->isSetUp();
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("enrolled"), enrolled},
                       {QStringLiteral("counter_id"), identity->counterId},
                       {QStringLiteral("center_url"), metaOr(*store, syncmeta::kCenterUrl)},
                       {QStringLiteral("epoch"), metaOr(*store, syncmeta::kEpoch)},
                       {QStringLiteral("cursor"), metaOr(*store, syncmeta::kCursor).toLongLong()},
                       {QStringLiteral("pending"), *pending},
                       {QStringLiteral("quarantined"), quarantined},
                       {QStringLiteral("last_success"), metaOr(*store, syncmeta::kLastSuccess)},
                       {QStringLiteral("clock_offset_ms"), metaOr(*store, syncmeta::kClockOffsetMs).toLongLong()}});
        return ExitOk;
    }
    auto line = [&](const QString &label, const QString &value) {
        ctx.out() << QString(label + QLatin1Char(':')).leftJustified(24) << value << Qt::endl;
    };
    if (!enrolled) {
        line(Tr::tr("Center"), Tr::tr("not enrolled (standalone counter %1)").arg(identity->counterId));
        line(Tr::tr("Waiting to send"), QString::number(*pending));
        return ExitOk;
    }
    line(Tr::tr("Counter"), identity->counterId);
    line(Tr::tr("Center"), metaOr(*store, syncmeta::kCenterUrl));
    line(Tr::tr("Center epoch"), metaOr(*store, syncmeta::kEpoch));
    line(Tr::tr("Feed position"), metaOr(*store, syncmeta::kCursor));
    line(Tr::tr("Waiting to send"), QString::number(*pending));
    line(Tr::tr("Rejected by the center"), QString::number(quarantined));
    const QString last = metaOr(*store, syncmeta::kLastSuccess);
    line(Tr::tr("Last successful sync"), last.isEmpty() ? Tr::tr("never")
                                                        : QDateTime::fromString(last, Qt::ISODateWithMs)
                                                              .toTimeZone(QTimeZone(7 * 3600))
                                                              .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    const qint64 offset = metaOr(*store, syncmeta::kClockOffsetMs).toLongLong();
    line(Tr::tr("Clock vs. center"), Tr::tr("%1 s").arg(double(-offset) / 1000.0, 0, 'f', 1));
    return ExitOk;
}

int runLookup(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 1, 1);
    if (!args)
        return ctx.fail(args.error());
    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    auto session = openSession(ctx, *store);
    if (!session)
        return ctx.exitCode();
    auto found = session->engine->lookup(args->positional().first());
    if (!found)
        return ctx.fail(found.error());
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("dossiers"), *found}});
        return ExitOk;
    }
    ctx.out() << Tr::tr("%n dossier(s) fetched from the provincial center and followed from now on.", nullptr, *found)
              << Qt::endl;
    return ExitOk;
}

// The center moved (a new address) or the province renewed its CA: the counter keeps its identity and its data.
int runMove(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {{QStringLiteral("ca"), true}}, 1, 1);
    if (!args)
        return ctx.fail(args.error());
    const QUrl url(args->positional().at(0), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
        url.host().isEmpty())
        return ctx.badInput(
            Tr::tr("%1 is not a center address; write it as https://host:port.").arg(args->positional().at(0)));
    Store *store = ctx.seededStore();
    if (!store)
        return ctx.exitCode();
    auto counter = enrolledCounter(ctx, *store);
    if (!counter)
        return ctx.exitCode();
    const auto caPem = caOption(ctx, *args, metaOr(*store, syncmeta::kCaPem).toLatin1());
    if (!caPem)
        return ctx.exitCode();
    HttpTransport transport(url, *caPem);
    if (!transport.problem().isEmpty())
        return ctx.badInput(transport.problem());
    if (auto moved =
            SyncEngine::moveCenter(*store, transport, counter->counterId, counter->secret, url.toString(), *caPem);
        !moved)
        return ctx.fail(moved.error());
    if (ctx.json()) {
        ctx.printJson(
            {{QStringLiteral("counter_id"), counter->counterId}, {QStringLiteral("center_url"), url.toString()}});
        return ExitOk;
    }
    ctx.out() << Tr::tr("Counter %1 now syncs with %2.").arg(counter->counterId, url.toString()) << Qt::endl;
    return ExitOk;
}

}  // namespace

void registerSyncCommands(Registry &registry)
{
    registry.add({{QStringLiteral("sync"), QStringLiteral("enroll")},
                  QStringLiteral("URL CODE [--ca FILE]"),
                  Tr::tr("enroll this counter with the provincial center (one-time code from the center's admin)"),
                  runEnroll});
    registry.add({{QStringLiteral("sync"), QStringLiteral("move")},
                  QStringLiteral("URL [--ca FILE]"),
                  Tr::tr("point this counter at the center's new address, or pin the province's new CA, keeping its "
                         "identity (the center must recognise it there)"),
                  runMove});
    registry.add({{QStringLiteral("sync"), QStringLiteral("now")},
                  {},
                  Tr::tr("send waiting events and receive new ones now"),
                  runNow});
    registry.add({{QStringLiteral("sync"), QStringLiteral("status")},
                  {},
                  Tr::tr("center, feed position, events waiting, last successful sync"),
                  runStatus});
    registry.add({{QStringLiteral("dossier"), QStringLiteral("lookup")},
                  QStringLiteral("CODE|ID_NUMBER"),
                  Tr::tr("fetch a dossier of another unit from the center and follow it"),
                  runLookup});
}

}  // namespace motcua::cli
