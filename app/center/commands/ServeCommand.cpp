// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: serve, the sync service itself.
#include "app/center/Center.h"

#include "app/common/TerminationSignals.h"
#include "sync/Log.h"
#include "sync/Protocol.h"
#include "sync/center/CenterServer.h"
#include "sync/center/CenterService.h"
#include "sync/center/CenterStore.h"

#include <QCoreApplication>

namespace motcua::center {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::center)
};

int runServe(Context &ctx, const QStringList &raw)
{
    auto store = ctx.storeForCommandWithoutArguments(raw);
    if (!store)
        return ctx.fail(store.error());
    sync::CenterService service(**store, ctx.config().service);
    sync::CenterServer server(service);
    auto port = server.start(ctx.config().server);
    if (!port)
        return ctx.fail(port.error());
    auto epoch = (*store)->epoch();
    ctx.note(Tr::tr("serving %1://%2:%3%4 on %5 (epoch %6)")
                 .arg(server.tls() ? QStringLiteral("https") : QStringLiteral("http"),
                      ctx.config().server.address.toString())
                 .arg(*port)
                 .arg(sync::apiPrefix(), (*store)->backendName(), epoch ? *epoch : QString()));
    // SIGTERM / SIGINT end the loop cleanly: requests in progress finish, connections close.
    app::TerminationSignals termination;
    if (!termination.isWatching())
        qCWarning(lcCenterHttp, "event=no_signal_watch reason=socketpair_failed");
    QObject::connect(&termination, &app::TerminationSignals::received, &termination, [] { QCoreApplication::quit(); });
    const int rc = QCoreApplication::exec();
    ctx.note(Tr::tr("stopped"));
    return rc;
}

}  // namespace

void registerServeCommand(Registry &registry)
{
    registry.add(
        {{QStringLiteral("serve")}, {}, Tr::tr("run the sync service (HTTPS; plain HTTP on loopback only)"), runServe});
}

}  // namespace motcua::center
