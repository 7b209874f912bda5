// SPDX-License-Identifier: GPL-3.0-or-later
// Dossier benchmark over a large store (default 1,000,000 dossiers of ~5 events each):
//  - bulk load rate (events + view + full-text index, batched transactions),
//  - receive latency (event + outbox + view + audit in one fsync'd transaction) in the full store,
//  - search latency by code, ID number, phone and name words,
//  - store size, and the peak RSS of `motcua-cli dossier search` on it.
// Usage: bench_dossier [--dossiers N] [--store PATH] [--cli PATH]. The generated store is kept and reused.
#include "core/Clock.h"
#include "core/dossier/DossierService.h"
#include "core/dossier/DossierStore.h"
#include "core/dossier/Uuid7.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimeZone>

#include <sys/resource.h>

#include <algorithm>
#include <vector>

using namespace motcua;

namespace {

const QStringList kFamily = {
    QStringLiteral("Nguyễn"), QStringLiteral("Trần"),  QStringLiteral("Lê"),    QStringLiteral("Phạm"),
    QStringLiteral("Hoàng"),  QStringLiteral("Huỳnh"), QStringLiteral("Phan"),  QStringLiteral("Vũ"),
    QStringLiteral("Võ"),     QStringLiteral("Đặng"),  QStringLiteral("Bùi"),   QStringLiteral("Đỗ"),
    QStringLiteral("Hồ"),     QStringLiteral("Ngô"),   QStringLiteral("Dương"), QStringLiteral("Lý")};
const QStringList kMiddle = {QStringLiteral("Văn"),  QStringLiteral("Thị"),   QStringLiteral("Hữu"),
                             QStringLiteral("Đức"),  QStringLiteral("Minh"),  QStringLiteral("Thu"),
                             QStringLiteral("Ngọc"), QStringLiteral("Quang"), QStringLiteral("Thanh"),
                             QStringLiteral("Xuân"), QStringLiteral("Hồng"),  QStringLiteral("Kim")};
const QStringList kGiven = {
    QStringLiteral("An"),    QStringLiteral("Bình"),  QStringLiteral("Cường"), QStringLiteral("Dũng"),
    QStringLiteral("Đức"),   QStringLiteral("Giang"), QStringLiteral("Hà"),    QStringLiteral("Hải"),
    QStringLiteral("Hạnh"),  QStringLiteral("Hoa"),   QStringLiteral("Hùng"),  QStringLiteral("Hương"),
    QStringLiteral("Khánh"), QStringLiteral("Lan"),   QStringLiteral("Linh"),  QStringLiteral("Long"),
    QStringLiteral("Mai"),   QStringLiteral("Nam"),   QStringLiteral("Nga"),   QStringLiteral("Phong"),
    QStringLiteral("Phúc"),  QStringLiteral("Quân"),  QStringLiteral("Quỳnh"), QStringLiteral("Sơn"),
    QStringLiteral("Tâm"),   QStringLiteral("Thảo"),  QStringLiteral("Thắng"), QStringLiteral("Trang"),
    QStringLiteral("Trung"), QStringLiteral("Tú"),    QStringLiteral("Tuấn"),  QStringLiteral("Vy"),
    QStringLiteral("Yến"),   QStringLiteral("Thủy"),  QStringLiteral("Nhung"), QStringLiteral("Khoa")};
const QStringList kProcedures = {QStringLiteral("1.001193|Đăng ký khai sinh"),
                                 QStringLiteral("2.000908|Chứng thực bản sao từ bản chính"),
                                 QStringLiteral("1.004837|Đăng ký kết hôn"), QStringLiteral("1.000656|Đăng ký khai tử"),
                                 QStringLiteral("1.001022|Đăng ký thường trú")};

double pct(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * double(v.size())))];
}

QString name(QRandomGenerator &rng)
{
    return kFamily.at(int(rng.bounded(int(kFamily.size())))) + QLatin1Char(' ') +
           kMiddle.at(int(rng.bounded(int(kMiddle.size())))) + QLatin1Char(' ') +
           kGiven.at(int(rng.bounded(int(kGiven.size()))));
}

struct Generated {
    QStringList codes, ids, phones, names;
};

Event makeEvent(const QString &dossier, EventType type, qint64 ms, const QStringList &parents, QJsonObject payload,
                int counter)
{
    Event e;
    e.eventId = createUuid7(ms);
    e.dossierId = dossier;
    e.counterId = QStringLiteral("QN-%1").arg(counter);
    e.officer = QStringLiteral("officer%1").arg(counter);
    e.hlc = {ms, 0};
    e.type = type;
    e.catalogVersion = 1;
    e.parents = parents;
    e.payload = std::move(payload);
    e.occurredAt = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return e;
}

// Fills the store with `n` dossiers spread over 2024–2026 at 54 units; keeps a sample of keys to search for.
Result<Generated> generate(const Store &store, int n, QTextStream &out)
{
    QRandomGenerator rng(42);
    Generated g;
    const qint64 start = QDateTime(QDate(2024, 1, 2), QTime(1, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const qint64 span = 3LL * 365 * 24 * 3600 * 1000;
    const int batch = 5000;
    QElapsedTimer t;
    t.start();
    qint64 events = 0;
    for (int base = 0; base < n; base += batch) {
        auto r = store.write([&](const QSqlDatabase &db) -> Result<void> {
            for (int i = base; i < std::min(n, base + batch); ++i) {
                const qint64 ms = start + qint64(double(span) * double(i) / double(n));
                const QDate day = QDateTime::fromMSecsSinceEpoch(ms, vietnamTimeZone()).date();
                const int unit = int(rng.bounded(54));
                const QString code = QStringLiteral("000.%1.04.H49-%2-%3")
                                         .arg(unit, 2, 10, QLatin1Char('0'))
                                         .arg(day.toString(QStringLiteral("yyMMdd")))
                                         .arg(i % 9999 + 1, 4, 10, QLatin1Char('0'));
                const QString id = QStringLiteral("0221%1%2")
                                       .arg(rng.bounded(100), 2, 10, QLatin1Char('0'))
                                       .arg(rng.bounded(1000000), 6, 10, QLatin1Char('0'));
                const QString phone = QStringLiteral("09%1").arg(rng.bounded(100000000), 8, 10, QLatin1Char('0'));
                const QString fullName = name(rng);
                const QStringList proc =
                    kProcedures.at(int(rng.bounded(int(kProcedures.size())))).split(QLatin1Char('|'));
                const QString dossier = createUuid7(ms);
                const int counter = unit * 4 + int(rng.bounded(4));
                QList<Event> evs;
                evs << makeEvent(
                    dossier, EventType::Received, ms, {},
                    {{QStringLiteral("code"), code},
                     {QStringLiteral("procedure_code"), proc.at(0)},
                     {QStringLiteral("procedure_name"), proc.at(1)},
                     {QStringLiteral("applicant"), QJsonObject{{QStringLiteral("full_name"), fullName},
                                                               {QStringLiteral("id_number"), id},
                                                               {QStringLiteral("phone"), phone}}},
                     {QStringLiteral("documents"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Tờ khai")},
                                             {QStringLiteral("originals"), 1}}}},
                     {QStringLiteral("received_at"),
                      QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate)},
                     {QStringLiteral("due_at"),
                      QDateTime::fromMSecsSinceEpoch(ms + 3LL * 86400000, QTimeZone::utc()).toString(Qt::ISODate)}},
                    counter);
                const QList<EventType> rest = {EventType::Transferred, EventType::ProcessingStep,
                                               EventType::ResultReady, EventType::Returned};
                for (int k = 0; k < rest.size(); ++k)
                    evs << makeEvent(dossier, rest.at(k), ms + (k + 1) * 3600000LL, {evs.last().eventId},
                                     {{QStringLiteral("step"), QStringLiteral("appraise")}}, counter);
                for (const Event &e : std::as_const(evs)) {
                    if (auto ins = DossierStore::insertEvent(db, e, false); !ins)
                        return ins.error();
                }
                events += evs.size();
                if (auto v = DossierStore::refreshView(db, dossier); !v)
                    return v.error();
                if (i % 997 == 0) {
                    g.codes << code;
                    g.ids << id;
                    g.phones << phone;
                    g.names << fullName;
                }
            }
            return {};
        });
        if (!r)
            return r.error();
        if ((base / batch) % 20 == 0)
            out << "  generated " << std::min(n, base + batch) << " dossiers, "
                << int(double(events) / (double(t.elapsed()) / 1000.0)) << " events/s" << Qt::endl;
    }
    out << "bulk load: " << n << " dossiers, " << events << " events in "
        << QString::number(double(t.elapsed()) / 1000, 'f', 1) << " s ("
        << int(double(events) / (double(t.elapsed()) / 1000.0)) << " events/s)" << Qt::endl;
    return g;
}

Result<Generated> sample(const Store &store)
{
    Generated g;
    auto q = sql::run(store.connection(),
                      QStringLiteral("SELECT code, id_number, phone, applicant_name FROM dossiers WHERE id % 997 = 0"));
    if (!q)
        return q.error();
    while (q->next()) {
        g.codes << q->value(0).toString();
        g.ids << q->value(1).toString();
        g.phones << q->value(2).toString();
        g.names << q->value(3).toString();
    }
    return g;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = QCoreApplication::arguments();
    auto opt = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const int n = opt(QStringLiteral("--dossiers"), QStringLiteral("1000000")).toInt();
    const QString path =
        opt(QStringLiteral("--store"), QDir::current().filePath(QStringLiteral("bench-dossiers-%1.sqlite").arg(n)));
    const QString cli = opt(QStringLiteral("--cli"), QString());

    const bool existed = QFileInfo::exists(path);
    auto opened = Store::open(path);
    if (!opened) {
        out << "cannot open " << path << ": " << opened.error().message << Qt::endl;
        return 1;
    }
    Store &store = **opened;
    auto generated = existed ? sample(store) : generate(store, n, out);
    if (!generated) {
        out << "generation failed: " << generated.error().message << Qt::endl;
        return 1;
    }
    if (existed)
        out << "reusing " << path << Qt::endl;

    // Search latency.
    DossierStore dossiers(store);
    QRandomGenerator rng(7);
    auto measure = [&](const QString &label, const QStringList &keys, auto makeQuery) {
        std::vector<double> ms;
        int hits = 0;
        for (int i = 0; i < 500 && !keys.isEmpty(); ++i) {
            const QString q = makeQuery(keys.at(int(rng.bounded(int(keys.size())))));
            QElapsedTimer t;
            t.start();
            auto r = dossiers.search(q, 50);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            if (r && !r->isEmpty())
                ++hits;
        }
        out << "search by " << label.leftJustified(22) << " p50 " << QString::number(pct(ms, 0.5), 'f', 3)
            << " ms, p95 " << QString::number(pct(ms, 0.95), 'f', 3) << " ms, max "
            << QString::number(pct(ms, 1.0), 'f', 2) << " ms (" << hits << "/500 found)" << Qt::endl;
    };
    measure(QStringLiteral("code"), generated->codes, [](const QString &k) { return k; });
    measure(QStringLiteral("ID number"), generated->ids, [](const QString &k) { return k; });
    measure(QStringLiteral("phone"), generated->phones, [](const QString &k) { return k; });
    measure(QStringLiteral("name words (2, folded)"), generated->names, [](const QString &k) {
        const QStringList w = k.split(QLatin1Char(' '));
        return QString(w.last() + QLatin1Char(' ') +
                       w.first());  // given + family name, typed with diacritics stripped by the fold
    });
    measure(QStringLiteral("name prefix (3 words)"), generated->names, [](const QString &k) -> QString {
        QStringList w = k.split(QLatin1Char(' '));
        for (QString &x : w)
            x = x.left(3);
        return w.join(QLatin1Char(' '));
    });

    // Receive latency in the full store.
    CounterIdentity id;
    id.counterId = QStringLiteral("bench");
    id.agencyId = QStringLiteral("000.99.04.H49");
    id.slot = 1;
    id.slots = 1;
    DossierService service(store, id, QStringLiteral("bench"));
    std::vector<double> receiveMs;
    for (int i = 0; i < 300; ++i) {
        ReceiveRequest r;
        r.procedureCode = QStringLiteral("1.001193");
        r.procedureName = QStringLiteral("Đăng ký khai sinh");
        r.catalogVersion = 1;
        r.applicant = {{QStringLiteral("full_name"), name(rng)},
                       {QStringLiteral("id_number"), QStringLiteral("022095001234")}};
        r.documents = QJsonArray{
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Tờ khai")}, {QStringLiteral("originals"), 1}}};
        r.receivedAt = Clock::now().addDays(i / 9000);
        QElapsedTimer t;
        t.start();
        auto s = service.receive(r);
        receiveMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!s) {
            out << "receive failed: " << s.error().message << Qt::endl;
            return 1;
        }
    }
    out << "receive (event+outbox+view+audit, fsync'd): p50 " << QString::number(pct(receiveMs, 0.5), 'f', 2)
        << " ms, p95 " << QString::number(pct(receiveMs, 0.95), 'f', 2) << " ms" << Qt::endl;

    auto status = store.status();
    if (status) {
        qint64 count = 0;
        for (const TableCount &c : status->counts) {
            if (c.table == QStringLiteral("dossiers"))
                count = c.rows;
        }
        const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
        out << "store size: " << QString::number(double(bytes) / 1048576.0, 'f', 0) << " MiB for " << count
            << " dossiers (" << QString::number(double(bytes) / double(std::max<qint64>(count, 1)), 'f', 0)
            << " bytes per dossier)" << Qt::endl;
    }

    if (!cli.isEmpty()) {
        opened->reset();  // release the lock for the CLI
        QProcess p;
        p.start(cli, {QStringLiteral("--db"), path, QStringLiteral("dossier"), QStringLiteral("search"),
                      QStringLiteral("nguyen van an")});
        p.waitForFinished(120000);
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        out << "motcua-cli dossier search on it: peak RSS " << usage.ru_maxrss / 1024 << " MiB, exit " << p.exitCode()
            << Qt::endl;
    }
    return 0;
}
