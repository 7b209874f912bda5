// SPDX-License-Identifier: GPL-3.0-or-later
// Catalog search benchmark: 6,000 plausible procedures built from the sample catalog's vocabulary, then ~2,000
// queries as officers type them (partial words, no diacritics, codes). Prints index build time and p50/p95/max
// per query; asserts nothing.
#include "core/catalog/CatalogImport.h"
#include "core/catalog/CatalogSearch.h"
#include "core/text/VietnameseFold.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
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

// The sample's names (the embedded demo catalog unless a file is given), or a small built-in list.
QStringList sampleNames(const QString &path)
{
    QFile f(path);
    QStringList names;
    if (f.open(QIODevice::ReadOnly)) {
        if (auto parsed = motcua::catalog::parseCatalog(f.readAll())) {
            for (const motcua::Procedure &p : parsed->procedures)
                names.append(p.name);
        }
    }
    if (names.isEmpty())
        names = {QString::fromUtf8("Đăng ký khai sinh"), QString::fromUtf8("Chứng thực bản sao từ bản chính"),
                 QString::fromUtf8("Đăng ký tạm trú"), QString::fromUtf8("Cấp Giấy xác nhận tình trạng hôn nhân")};
    return names;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString samplePath = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(":/data/demo-catalog.json");
    const QStringList names = sampleNames(samplePath);
    QStringList words;
    for (const QString &n : names)
        words += n.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList fields = {QString::fromUtf8("Hộ tịch"),  QString::fromUtf8("Chứng thực"),
                                QString::fromUtf8("Cư trú"),   QString::fromUtf8("Bảo trợ xã hội"),
                                QString::fromUtf8("Đất đai"),  QString::fromUtf8("Đăng ký kinh doanh"),
                                QString::fromUtf8("Giáo dục"), QString::fromUtf8("Y tế")};

    // 6,000 procedures: sample names, their variants, and names of 4–14 words drawn from the sample's vocabulary.
    QRandomGenerator rng(20250701);
    QList<motcua::CatalogIndex::Entry> entries;
    const int total = 6000;
    for (int i = 0; i < total; ++i) {
        QString name;
        const int shape = int(rng.bounded(3));
        if (shape == 0) {
            name = names.at(int(rng.bounded(qsizetype(names.size()))));
            if (rng.bounded(2) == 1)
                name += QStringLiteral(" ") + fields.at(int(rng.bounded(qsizetype(fields.size()))));
        } else {
            const int n = 4 + int(rng.bounded(11));
            QStringList parts;
            for (int w = 0; w < n; ++w)
                parts.append(words.at(int(rng.bounded(qsizetype(words.size())))));
            name = parts.join(QLatin1Char(' '));
        }
        QString code =
            QStringLiteral("%1.%2").arg(1 + int(rng.bounded(2))).arg(i * 37 % 999999, 6, 10, QLatin1Char('0'));
        if (rng.bounded(10) == 0)
            code += QStringLiteral(".H%1").arg(10 + int(rng.bounded(90)));
        entries.append({code, name, QString()});
    }

    QElapsedTimer t;
    t.start();
    const motcua::CatalogIndex index(entries);
    const double buildMs = double(t.nsecsElapsed()) / 1e6;

    // Queries: 1–4 folded words of a random name, often cut short, in original or shuffled order; 20% codes.
    QStringList queries;
    const int queryCount = 2000;
    for (int i = 0; i < queryCount; ++i) {
        const auto &e = entries.at(int(rng.bounded(qsizetype(entries.size()))));
        if (rng.bounded(5) == 0) {
            queries.append(e.code.left(3 + int(rng.bounded(qsizetype(e.code.size() - 2)))));
            continue;
        }
        const QStringList nameWords = motcua::foldVietnamese(e.name).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const int start = int(rng.bounded(qsizetype(nameWords.size())));
        const int n = std::min(int(nameWords.size()) - start, 1 + int(rng.bounded(4)));
        QStringList q;
        for (int w = start; w < start + n; ++w) {
            QString word = nameWords.at(w);
            if (word.size() > 2 && rng.bounded(3) == 0)
                word.truncate(2 + int(rng.bounded(qsizetype(word.size() - 2))));
            q.append(word);
        }
        if (rng.bounded(4) == 0)
            std::reverse(q.begin(), q.end());
        queries.append(q.join(QLatin1Char(' ')));
    }

    std::vector<double> ms;
    ms.reserve(size_t(queries.size()));
    qint64 found = 0;
    for (const QString &q : std::as_const(queries)) {
        t.restart();
        const QList<motcua::CatalogHit> hits = index.search(q, 20);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        found += hits.isEmpty() ? 0 : 1;
    }
    out << "catalog index: " << index.size() << " procedures built in " << QString::number(buildMs, 'f', 1) << " ms"
        << Qt::endl;
    out << "catalog search: " << queries.size() << " queries (" << found << " with hits), p50 "
        << QString::number(percentile(ms, 0.50), 'f', 3) << " ms, p95 " << QString::number(percentile(ms, 0.95), 'f', 3)
        << " ms, max " << QString::number(percentile(ms, 1.0), 'f', 3) << " ms" << Qt::endl;
    // The slowest queries, to see what the tail is made of.
    std::vector<size_t> order(ms.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::partial_sort(order.begin(), order.begin() + 5, order.end(), [&](size_t a, size_t b) { return ms[a] > ms[b]; });
    for (size_t i = 0; i < 5; ++i)
        out << "  slow: " << QString::number(ms[order[i]], 'f', 3) << " ms  \"" << queries.at(qsizetype(order[i]))
            << "\"" << Qt::endl;
    return 0;
}
