// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

class QThreadPool;

// Short background jobs: a function run off the calling thread, then, if asked, a callback on a receiver's thread.
// (Long-lived workers are objects moved to a QThread of their own, as sync/client/SyncClient.)
// Every job runs on one pool whose threads end when idle, so what a job opened for its thread (a store
// connection, see Store::connection()) is closed when the job is done.
namespace motcua::async {

// The pool jobs run on (low priority; its threads end as soon as no job waits).
QThreadPool &pool();

// Runs `job` on the pool.
template <typename Job> auto run(Job &&job)
{
    return QtConcurrent::run(&pool(), std::forward<Job>(job));
}

// Runs `job` on the pool, then `callback(result)` (or `callback()` for a job returning void) on the thread of
// `receiver`, which must be the calling thread. The callback is not called if `receiver` is destroyed first.
// Returns the job's future, e.g. to know whether it still runs or to wait for it.
template <typename Job, typename Callback> auto runThenCallback(QObject *receiver, Job &&job, Callback &&callback)
{
    using Value = std::invoke_result_t<std::decay_t<Job>>;
    auto future = run(std::forward<Job>(job));
    auto *watcher = new QFutureWatcher<Value>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, callback = std::forward<Callback>(callback)]() mutable {
                         watcher->deleteLater();
                         if constexpr (std::is_void_v<Value>)
                             callback();
                         else
                             callback(watcher->result());
                     });
    watcher->setFuture(future);
    return future;
}

// Waits until every job has finished and the pool's threads have ended (the program is closing: before the store
// closes). Callbacks still to come are delivered by the receiver's event loop, if it runs again.
void waitForAll();

}  // namespace motcua::async
