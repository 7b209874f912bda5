// SPDX-License-Identifier: GPL-3.0-or-later
// Store benchmark: open time and the latency of one fsync'd write transaction (an audit entry), as a lower
// bound for every write the counter makes. Prints figures; asserts nothing.
#include "core/store/AuditLog.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace {

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * double(v.size())));
    return v[i];
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));

    QElapsedTimer t;
    t.start();
    auto store = motcua::Store::open(path);
    if (!store) {
        out << "open failed: " << store.error().message << Qt::endl;
        return 1;
    }
    const double createMs = double(t.nsecsElapsed()) / 1e6;

    const int n = 500;
    std::vector<double> ms;
    ms.reserve(n);
    for (int i = 0; i < n; ++i) {
        t.restart();
        auto r = (*store)->write([&](const QSqlDatabase &db) -> motcua::Result<void> {
            auto a = motcua::AuditLog::append(db, {QStringLiteral("bench"), QStringLiteral("c1")},
                                              {QStringLiteral("bench.write"), QString::number(i), QString()});
            if (!a)
                return a.error();
            return {};
        });
        if (!r) {
            out << "write failed: " << r.error().message << Qt::endl;
            return 1;
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    store->reset();
    t.restart();
    auto reopened = motcua::Store::open(path);
    const double reopenMs = double(t.nsecsElapsed()) / 1e6;
    if (!reopened)
        return 1;

    out << "bench_store: create new store " << QString::number(createMs, 'f', 1) << " ms; reopen (lock + quick_check) "
        << QString::number(reopenMs, 'f', 1) << " ms" << Qt::endl;
    out << "bench_store: fsync'd write transaction (audit entry), n=" << n << ": p50 "
        << QString::number(percentile(ms, 0.5), 'f', 2) << " ms, p95 " << QString::number(percentile(ms, 0.95), 'f', 2)
        << " ms, max " << QString::number(*std::max_element(ms.begin(), ms.end()), 'f', 2) << " ms" << Qt::endl;
    return 0;
}
