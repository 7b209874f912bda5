// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Async.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace motcua::async {

QThreadPool &pool()
{
    static QThreadPool *const jobs = [] {
        auto *p = new QThreadPool;
        // Expiring at once, a thread ends with the last job waiting for it, and with it what the jobs opened for
        // their thread. A job may wait for another (a backup waits for the integrity check): enough threads that
        // the one waited for never waits in the queue.
        p->setExpiryTimeout(0);
        p->setMaxThreadCount(std::max(QThread::idealThreadCount(), 4));
        p->setThreadPriority(QThread::LowPriority);
        qAddPostRoutine(waitForAll);
        return p;
    }();
    return *jobs;
}

void waitForAll()
{
    pool().waitForDone();
}

}  // namespace motcua::async
