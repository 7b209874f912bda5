// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/ThreadConnections.h"

#include "core/store/Sql.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>
#include <QThreadStorage>

namespace motcua::threadConnections {

namespace {

// A thread that ends and a store that closes may close the same connection at the same time.
QMutex s_closing;

class Owned final {
public:
    Owned() = default;
    ~Owned()
    {
        for (const QString &name : std::as_const(m_names))
            close(name);
    }
    Q_DISABLE_COPY_MOVE(Owned)

    void add(const QString &name)
    {
        if (!m_names.contains(name))
            m_names.append(name);
    }

private:
    QStringList m_names;
};

// Never destroyed: a thread may end after the program's statics are gone.
QThreadStorage<Owned *> &owned()
{
    static auto *const storage = new QThreadStorage<Owned *>();
    return *storage;
}

}  // namespace

void closeAtThreadEnd(const QString &name)
{
    if (!owned().hasLocalData())
        owned().setLocalData(new Owned);
    owned().localData()->add(name);
}

void close(const QString &name)
{
    const QMutexLocker lock(&s_closing);
    if (!QSqlDatabase::contains(name))
        return;
    sql::releaseCache(name);
    // The last handle of the connection goes with it, and closes it.
    QSqlDatabase::removeDatabase(name);
}

}  // namespace motcua::threadConnections
