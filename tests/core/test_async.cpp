// SPDX-License-Identifier: GPL-3.0-or-later
// Short background jobs (core/Async.h) and the store connections they open.
#include "TestSupport.h"

#include "core/Async.h"
#include "core/store/AuditLog.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace motcua;
using motcua::test::TempDir;

namespace {

// Runs this thread's events until `done` holds (10 s at most).
template <typename Condition> bool processEventsUntil(Condition done)
{
    QDeadlineTimer deadline(10000);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

int storeConnections(const Store &store)
{
    const QString prefix = store.connection().connectionName().chopped(int(qstrlen("main")));
    int n = 0;
    for (const QString &name : QSqlDatabase::connectionNames())
        n += name.startsWith(prefix) ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("A job runs off the calling thread and its callback on the receiver's", "[async]")
{
    QObject receiver;
    QThread *jobThread = nullptr;
    QThread *callbackThread = nullptr;
    int result = 0;
    async::runThenCallback(
        &receiver, [] { return QThread::currentThread(); },
        [&](QThread *ranOn) {
            jobThread = ranOn;
            callbackThread = QThread::currentThread();
            ++result;
        });
    REQUIRE(processEventsUntil([&] { return result > 0; }));
    CHECK(result == 1);
    CHECK(jobThread != QThread::currentThread());
    CHECK(callbackThread == QThread::currentThread());
}

TEST_CASE("A job started on another thread calls back on that thread", "[async]")
{
    QThread other;
    other.start();
    auto *receiver = new QObject;
    receiver->moveToThread(&other);
    std::atomic<QThread *> callbackThread{nullptr};
    QMetaObject::invokeMethod(receiver, [receiver, &callbackThread] {
        async::runThenCallback(
            receiver, [] {}, [&callbackThread] { callbackThread = QThread::currentThread(); });
    });
    REQUIRE(processEventsUntil([&] { return callbackThread.load() != nullptr; }));
    CHECK(callbackThread.load() == &other);
    QMetaObject::invokeMethod(
        receiver, [receiver] { delete receiver; }, Qt::BlockingQueuedConnection);
    other.quit();
    REQUIRE(other.wait(10000));
}

TEST_CASE("A job's callback is not called once its receiver is gone", "[async]")
{
    auto receiver = std::make_unique<QObject>();
    QSemaphore started;
    QSemaphore release;
    bool called = false;
    async::runThenCallback(
        receiver.get(),
        [&] {
            started.release();
            release.acquire();
            return 7;
        },
        [&](int) { called = true; });
    REQUIRE(started.tryAcquire(1, 10000));
    receiver.reset();
    release.release();
    async::waitForAll();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    CHECK_FALSE(called);
}

TEST_CASE("The program can wait for every pending job at quit", "[async]")
{
    std::atomic<int> finished{0};
    QObject receiver;
    QList<QFuture<void>> futures;
    for (int i = 0; i < 12; ++i) {
        futures.append(async::run([&finished] {
            QThread::msleep(20);
            ++finished;
        }));
    }
    async::waitForAll();
    CHECK(finished.load() == 12);
    for (const auto &f : std::as_const(futures))
        CHECK(f.isFinished());
    CHECK(async::pool().activeThreadCount() == 0);
}

TEST_CASE("Store connections opened by jobs close with their threads: their count does not grow", "[async][store]")
{
    TempDir dir;
    auto opened = Store::open(dir.file(QStringLiteral("counter.sqlite")));
    REQUIRE(opened.ok());
    const Store &store = **opened;
    REQUIRE(storeConnections(store) == 1);
    std::atomic<int> wrote{0};
    for (int round = 0; round < 5; ++round) {
        QList<QFuture<void>> futures;
        for (int i = 0; i < 8; ++i) {
            futures.append(async::run([&store, &wrote] {
                auto r = store.write([](const QSqlDatabase &db) -> Result<void> {
                    auto a = AuditLog::append(db, {QStringLiteral("job"), QStringLiteral("c")},
                                              {QStringLiteral("test.job"), {}, {}});
                    if (!a)
                        return a.error();
                    return {};
                });
                if (r)
                    ++wrote;
            }));
        }
        for (auto &f : futures)
            f.waitForFinished();
        // At most one per pool thread while threads end; none left once they have.
        CHECK(storeConnections(store) <= 1 + async::pool().maxThreadCount());
        async::waitForAll();
        CHECK(storeConnections(store) == 1);
    }
    CHECK(wrote.load() == 40);
}

TEST_CASE("Quitting while a job waits for the background integrity check: it stops, then the store closes",
          "[async][store][integrity]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("counter.sqlite"));
    REQUIRE(Store::open(path).ok());
    auto opened = Store::open(path, {.integrityCheck = IntegrityCheck::InBackground});
    REQUIRE(opened.ok());
    std::unique_ptr<Store> store = std::move(opened.value());
    QObject window;
    bool called = false;
    async::runThenCallback(
        &window, [s = store.get()] { return s->waitForIntegrity(); }, [&](const Result<void> &) { called = true; });
    store->cancelIntegrityCheck();
    async::waitForAll();
    CHECK_FALSE(store->integrityPending());
    store.reset();
    CHECK(QSqlDatabase::connectionNames().filter(QStringLiteral("motcua-store")).isEmpty());
    // The window is still there: its callback comes with its next events.
    REQUIRE(processEventsUntil([&] { return called; }));
}
