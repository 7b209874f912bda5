// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/Defaults.h"

#include "core/calendar/CalendarStore.h"
#include "core/catalog/CatalogStore.h"
#include "core/dossier/CounterIdentity.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>

namespace motcua::app {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::app)
};

QByteArray resource(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
}  // namespace

Result<void> seedDefaults(const Store &store, const Actor &actor)
{
    const QByteArray catalog = resource(QStringLiteral(":/data/demo-catalog.json"));
    const QByteArray calendar = resource(QStringLiteral(":/data/holidays-vn.json"));
    if (catalog.isEmpty() || calendar.isEmpty())
        return makeError(ErrorCode::Internal,
                         Tr::tr("The embedded demo catalog or calendar is missing from this program."));
    if (auto r = ensureSeeded(store, catalog, actor); !r)
        return r.error();
    if (auto r = CalendarStore::ensureSeeded(store, calendar, actor); !r)
        return r.error();
    return {};
}

Result<void> ensureDemoIdentity(const Store &store)
{
    auto current = CounterIdentity::load(store);
    if (!current)
        return current.error();
    if (current->isSetUp())
        return {};
    return CounterIdentity::demo().save(store);
}

bool allowPlaintextCredentials()
{
    const QSettings settings(QStringLiteral("motcua"), QStringLiteral("motcua"));
    return settings.value(QStringLiteral("sync/allow_plaintext_credentials"), false).toBool();
}

}  // namespace motcua::app
