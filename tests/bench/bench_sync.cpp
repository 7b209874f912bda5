// SPDX-License-Identifier: GPL-3.0-or-later
// Sync benchmarks: counters replicating dossier events to `motcua-center serve` over TLS on loopback.
//  W1  one counter with 10,000 dossiers (5 events each) recorded offline syncs them: wall time, events/s;
//  W5  54 counters (one per commune-level unit of Quảng Ninh) × 400 dossiers all push at once: time to drain,
//      p50/p99 request latency measured in the counters around HttpTransport;
//  W4  a new counter bootstraps its unit's 100,000 dossiers from the center: time, events/s, store size;
//  the same documents replicated by PouchDB to express-pouchdb over TLS, for W1 and W5 (npm installs it here).
// W1, W5 and W4 run once per center backend: SQLite and a throwaway PostgreSQL 15 cluster (--w4-backends narrows
// W4, which takes about two minutes per backend on a 2-core machine, seeding included). W1 and W5 run --rounds times
// (3), each round MotCua on every backend and then PouchDB, so that both meet the machine in the same state; the
// summary gives the median of the rounds and each round's own ratio, since a shared machine's speed drifts by a
// fifth or more between minutes.
//
// Usage: bench_sync --center PATH_TO_motcua-center [--backends sqlite,postgresql] [--workloads w1,w5,w4,pouchdb]
//                   [--w1-dossiers N] [--w5-counters N] [--w5-dossiers N] [--w4-dossiers N] [--quick]
//                   [--w4-backends sqlite,postgresql] [--push-batch N] [--pushes-in-flight N] [--pull-page N]
//                   [--pouchdb-dir DIR] [--npm-prefix DIR] [--tmp DIR] [--center-threads N] [--rounds N]
#include "BenchCenter.h"

#include "core/Clock.h"
#include "core/calendar/ProcessingTime.h"
#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierCodes.h"
#include "core/dossier/DossierStore.h"
#include "core/dossier/Event.h"
#include "core/dossier/Hlc.h"
#include "core/dossier/Uuid7.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "sync/Protocol.h"
#include "sync/center/CenterStore.h"
#include "sync/client/Credentials.h"
#include "sync/client/HttpTransport.h"
#include "sync/client/SyncEngine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <deque>
#include <latch>
#include <memory>
#include <vector>

using namespace motcua;
using namespace motcua::bench;
using SteadyClock = std::chrono::steady_clock;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QString fixed(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

// 12345678 → "12,345,678"
QString grouped(qint64 v)
{
    QString digits = QString::number(v);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return digits;
}

double secondsBetween(SteadyClock::time_point from, SteadyClock::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

// The machine's load averages (1, 5, 15 min): other work on the machine moves the figures.
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

double selfCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// ---- children to stop if the run is interrupted ------------------------------------------------------------------

std::atomic<qint64> g_centerPid{0};
std::atomic<qint64> g_postmasterPid{0};
std::atomic<qint64> g_nodePid{0};

void onInterrupt(int)
{
    for (std::atomic<qint64> *pid : {&g_centerPid, &g_nodePid}) {
        if (const qint64 p = pid->load(); p > 0)
            ::kill(pid_t(p), SIGTERM);
    }
    if (const qint64 p = g_postmasterPid.load(); p > 0)
        ::kill(pid_t(p), SIGQUIT);  // PostgreSQL's immediate shutdown
    _exit(130);
}

// ---- dossiers as counters record them -----------------------------------------------------------------------------

const QStringList kFamily = {QStringLiteral("Nguyễn"), QStringLiteral("Trần"),  QStringLiteral("Lê"),
                             QStringLiteral("Phạm"),   QStringLiteral("Hoàng"), QStringLiteral("Vũ"),
                             QStringLiteral("Đặng"),   QStringLiteral("Bùi"),   QStringLiteral("Đỗ"),
                             QStringLiteral("Ngô"),    QStringLiteral("Dương"), QStringLiteral("Lý")};
const QStringList kMiddle = {QStringLiteral("Văn"),   QStringLiteral("Thị"),  QStringLiteral("Hữu"),
                             QStringLiteral("Đức"),   QStringLiteral("Minh"), QStringLiteral("Ngọc"),
                             QStringLiteral("Thanh"), QStringLiteral("Xuân"), QStringLiteral("Hồng")};
const QStringList kGiven = {QStringLiteral("An"),    QStringLiteral("Bình"),  QStringLiteral("Cường"),
                            QStringLiteral("Dũng"),  QStringLiteral("Giang"), QStringLiteral("Hà"),
                            QStringLiteral("Hải"),   QStringLiteral("Hương"), QStringLiteral("Khánh"),
                            QStringLiteral("Lan"),   QStringLiteral("Linh"),  QStringLiteral("Long"),
                            QStringLiteral("Mai"),   QStringLiteral("Nam"),   QStringLiteral("Phong"),
                            QStringLiteral("Quân"),  QStringLiteral("Sơn"),   QStringLiteral("Thảo"),
                            QStringLiteral("Trang"), QStringLiteral("Tuấn"),  QStringLiteral("Yến")};
const QStringList kStreets = {QStringLiteral("Tổ 5, khu 3, phường Hồng Gai"),
                              QStringLiteral("Thôn Đồng Vải, xã Quảng La"), QStringLiteral("Khu 6, phường Bãi Cháy"),
                              QStringLiteral("Số 12 đường Trần Hưng Đạo, phường Cẩm Phả"),
                              QStringLiteral("Thôn 2, xã Vân Đồn")};
struct ProcedureSample {
    QString code;
    QString name;
    QString agency;
    int days;
};
const QList<ProcedureSample> kProcedures = {
    {QStringLiteral("1.001193"), QStringLiteral("Đăng ký khai sinh"), QStringLiteral("UBND cấp xã"), 1},
    {QStringLiteral("2.000908"), QStringLiteral("Chứng thực bản sao từ bản chính giấy tờ, văn bản"),
     QStringLiteral("UBND cấp xã"), 1},
    {QStringLiteral("1.004837"), QStringLiteral("Đăng ký kết hôn"), QStringLiteral("UBND cấp xã"), 3},
    {QStringLiteral("1.000656"), QStringLiteral("Đăng ký khai tử"), QStringLiteral("UBND cấp xã"), 1},
    {QStringLiteral("1.001022"), QStringLiteral("Đăng ký thường trú"), QStringLiteral("Công an cấp xã"), 7}};

// The five events of a dossier's usual life: received, transferred, one processing step, result ready, returned.
class DossierFactory final {
public:
    explicit DossierFactory(quint32 seed) : m_rng(seed) {}

    // The received moment of dossier `i` of `n`, spread over `days` working days (Monday to Friday) that end at
    // least a week before today: the past, as the counters recorded it.
    static QDateTime receivedAt(int i, int n, int days)
    {
        const QDate today = Clock::now().toTimeZone(vietnamTimeZone()).date();
        const QDate firstMonday = today.addDays(-(today.dayOfWeek() - 1) - 7 * (qint64(days) / 5 + 2));
        const int index = int(qint64(i) * days / std::max(1, n));
        const QDate day = firstMonday.addDays(qint64(index / 5) * 7 + index % 5);
        const int minute = 7 * 60 + int(qint64(i) * 7919 % (9 * 60));  // 07:00–16:00 Vietnam time
        return QDateTime(day, QTime(minute / 60, minute % 60), vietnamTimeZone()).toUTC();
    }

    // `hlc` gives each event its clock value in turn.
    QList<Event> dossier(const QString &counterId, const QString &officer, const QString &agencyId, const QString &code,
                         const QDateTime &received, const std::function<HlcTimestamp()> &hlc)
    {
        const ProcedureSample &p = kProcedures.at(int(m_rng.bounded(int(kProcedures.size()))));
        const QString dossierId = createUuid7(received.toMSecsSinceEpoch());
        const QString fullName = kFamily.at(int(m_rng.bounded(int(kFamily.size())))) + QLatin1Char(' ') +
                                 kMiddle.at(int(m_rng.bounded(int(kMiddle.size())))) + QLatin1Char(' ') +
                                 kGiven.at(int(m_rng.bounded(int(kGiven.size()))));
        const bool male = m_rng.bounded(2) == 0;
        const int birthYear = 1950 + int(m_rng.bounded(55));
        const QString idNumber = QStringLiteral("022%1%2%3")
                                     .arg(birthYear >= 2000 ? (male ? 2 : 3) : (male ? 0 : 1))
                                     .arg(birthYear % 100, 2, 10, QLatin1Char('0'))
                                     .arg(m_rng.bounded(1000000), 6, 10, QLatin1Char('0'));
        const QDateTime due = received.addDays(p.days + 2);
        const auto iso = [](const QDateTime &t) { return t.toUTC().toString(Qt::ISODate); };

        QList<Event> events;
        const auto add = [&](EventType type, const QDateTime &at, QJsonObject payload) {
            Event e;
            e.eventId = createUuid7(at.toMSecsSinceEpoch());
            e.dossierId = dossierId;
            e.counterId = counterId;
            e.officer = officer;
            e.type = type;
            e.catalogVersion = 1;
            if (!events.isEmpty())
                e.parents = {events.last().eventId};
            e.occurredAt = at.toUTC();
            if (type != EventType::Received)
                payload.insert(QStringLiteral("at"), iso(at));
            e.payload = std::move(payload);
            e.hlc = hlc();
            events.append(e);
        };
        add(EventType::Received, received,
            {{QStringLiteral("agency_id"), agencyId},
             {QStringLiteral("procedure_code"), p.code},
             {QStringLiteral("procedure_name"), p.name},
             {QStringLiteral("processing"),
              QJsonObject{{QStringLiteral("kind"), processingKindName(ProcessingKind::WorkingDays)},
                          {QStringLiteral("days"), p.days}}},
             {QStringLiteral("applicant"),
              QJsonObject{
                  {QStringLiteral("id_number"), idNumber},
                  {QStringLiteral("full_name"), fullName},
                  {QStringLiteral("birth_date"),
                   QStringLiteral("%1-0%2-1%3").arg(birthYear).arg(1 + m_rng.bounded(9)).arg(m_rng.bounded(10))},
                  {QStringLiteral("gender"), male ? QStringLiteral("Nam") : QStringLiteral("Nữ")},
                  {QStringLiteral("address"), kStreets.at(int(m_rng.bounded(int(kStreets.size()))))},
                  {QStringLiteral("phone"),
                   QStringLiteral("09%1").arg(m_rng.bounded(100000000), 8, 10, QLatin1Char('0'))}}},
             {QStringLiteral("documents"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Tờ khai")},
                                     {QStringLiteral("originals"), 1},
                                     {QStringLiteral("certified_copies"), 0},
                                     {QStringLiteral("copies"), 0}},
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("Căn cước công dân")},
                                     {QStringLiteral("originals"), 0},
                                     {QStringLiteral("certified_copies"), 0},
                                     {QStringLiteral("copies"), 1}}}},
             {QStringLiteral("sets"), 1},
             {QStringLiteral("fee_vnd"), p.days > 1 ? 0 : 10000},
             {QStringLiteral("return_method"), QStringLiteral("counter")},
             {QStringLiteral("return_unit"), QString()},
             {QStringLiteral("received_at"), iso(received)},
             {QStringLiteral("device_time"), received.toUTC().toString(Qt::ISODateWithMs)},
             {QStringLiteral("due_at"), iso(due)},
             {QStringLiteral("code"), code}});
        add(EventType::Transferred, received.addSecs(3600), {{QStringLiteral("agency"), p.agency}});
        add(EventType::ProcessingStep, received.addDays(1), {{QStringLiteral("step"), QStringLiteral("appraise")}});
        add(EventType::ResultReady, due.addSecs(-3600), {});
        add(EventType::Returned, due,
            {{QStringLiteral("receiver"),
              QJsonObject{{QStringLiteral("full_name"), fullName}, {QStringLiteral("id_number"), idNumber}}},
             {QStringLiteral("identity_checked"), true}});
        return events;
    }

private:
    QRandomGenerator m_rng;
};

// Records `n` dossiers at an enrolled counter as its officers would offline: events, outbox, view, codes from its
// own slot, the persisted HLC; 500 dossiers per transaction (no audit entries).
Result<qint64> recordOffline(const Store &store, int n, quint32 seed)
{
    auto identity = CounterIdentity::load(store);
    if (!identity)
        return identity.error();
    DossierFactory factory(seed);
    qint64 events = 0;
    for (int base = 0; base < n; base += 500) {
        auto w = store.write([&](const QSqlDatabase &db) -> Result<void> {
            for (int i = base; i < std::min(n, base + 500); ++i) {
                const QDateTime received = DossierFactory::receivedAt(i, n, std::max(5, n / 150));
                auto code = DossierCodes::issue(db, identity->agencyId, received.toTimeZone(vietnamTimeZone()).date(),
                                                identity->slot, identity->slots);
                if (!code)
                    return code.error();
                std::optional<Error> clockError;
                const QList<Event> list =
                    factory.dossier(identity->counterId, QStringLiteral("canbo.%1").arg(identity->slot),
                                    identity->agencyId, *code, received, [&]() -> HlcTimestamp {
                                        auto t = HybridClock::tick(db);
                                        if (!t) {
                                            clockError = t.error();
                                            return {};
                                        }
                                        return *t;
                                    });
                if (clockError)
                    return *clockError;
                for (const Event &e : list) {
                    if (auto ins = DossierStore::insertEvent(db, e, true); !ins)
                        return ins.error();
                }
                if (auto v = DossierStore::refreshView(db, list.first().dossierId); !v)
                    return v.error();
                events += list.size();
            }
            return {};
        });
        if (!w)
            return w.error();
    }
    return events;
}

// The counter's events as it pushes them, one JSON object per line (the PouchDB side replicates the same).
Result<qint64> exportEvents(const Store &store, const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1").arg(path));
    auto q =
        sql::run(store.connection(),
                 QStringLiteral("SELECT %1 FROM events ORDER BY hlc").arg(QLatin1String(DossierStore::kEventColumns)));
    if (!q)
        return q.error();
    qint64 n = 0;
    while (q->next()) {
        const QJsonObject e = DossierStore::eventJsonFromRow(*q);
        f.write(QJsonDocument(e).toJson(QJsonDocument::Compact));
        f.write("\n");
        ++n;
    }
    return n;
}

// ---- the counter's side, timed -------------------------------------------------------------------------------------

struct RequestSample {
    QString endpoint;  // "push", "feed", …
    double startSeconds = 0;
    double ms = 0;
    int status = 0;
    qint64 bytesUp = 0;
    qint64 bytesDown = 0;
};

// Times every request a counter makes, in the counter, around the real transport.
class TimedTransport final : public sync::Transport {
public:
    TimedTransport(sync::Transport &inner, SteadyClock::time_point origin) : m_inner(inner), m_origin(origin) {}

    sync::ApiResponse call(const sync::ApiRequest &request) override
    {
        const SteadyClock::time_point start = SteadyClock::now();
        sync::ApiResponse response = m_inner.call(request);
        const SteadyClock::time_point end = SteadyClock::now();
        m_samples.push_back({request.path.section(QLatin1Char('/'), -1), secondsBetween(m_origin, start),
                             secondsBetween(start, end) * 1000, response.status, request.body.size(),
                             response.body.size()});
        return response;
    }

    // A request in two halves (the engine's pipelined pushes, up to two on their way) is timed from its start() to
    // the end of its finish().
    void start(const sync::ApiRequest &request) override
    {
        m_started.push_back({SteadyClock::now(), request.path.section(QLatin1Char('/'), -1), request.body.size()});
        m_inner.start(request);
    }
    sync::ApiResponse finish() override
    {
        sync::ApiResponse response = m_inner.finish();
        const SteadyClock::time_point end = SteadyClock::now();
        if (m_started.empty())
            return response;
        const Started started = m_started.front();
        m_started.pop_front();
        m_samples.push_back({started.path, secondsBetween(m_origin, started.at), secondsBetween(started.at, end) * 1000,
                             response.status, started.bytes, response.body.size()});
        return response;
    }

    [[nodiscard]] const std::vector<RequestSample> &samples() const { return m_samples; }

    // When this counter's outbox became empty, from the origin: the engine asks for the feed only after a look at
    // the outbox found nothing left to push. Negative when it pushed nothing.
    [[nodiscard]] double pushDoneSeconds() const
    {
        qsizetype lastPush = -1;
        for (qsizetype i = 0; i < qsizetype(m_samples.size()); ++i) {
            if (m_samples[size_t(i)].endpoint == QLatin1String("push") && m_samples[size_t(i)].status == 200)
                lastPush = i;
        }
        if (lastPush < 0)
            return -1;
        for (size_t i = size_t(lastPush) + 1; i < m_samples.size(); ++i) {
            if (m_samples[i].endpoint == QLatin1String("feed"))
                return m_samples[i].startSeconds;
        }
        const RequestSample &s = m_samples[size_t(lastPush)];
        return s.startSeconds + s.ms / 1000;
    }

private:
    sync::Transport &m_inner;
    SteadyClock::time_point m_origin;
    std::vector<RequestSample> m_samples;
    struct Started {
        SteadyClock::time_point at;
        QString path;
        qsizetype bytes = 0;
    };
    std::deque<Started> m_started;  // requests started and not finished, oldest first
};

struct Latency {
    qsizetype n = 0;
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    double totalMs = 0;
};

Latency latencyOf(const std::vector<RequestSample> &samples, const QString &endpoint = {})
{
    std::vector<double> ms;
    Latency l;
    for (const RequestSample &s : samples) {
        if (endpoint.isEmpty() || s.endpoint == endpoint) {
            ms.push_back(s.ms);
            l.totalMs += s.ms;
        }
    }
    if (ms.empty())
        return l;
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double p) { return ms[std::min(ms.size() - 1, size_t(p * double(ms.size())))]; };
    l.n = qsizetype(ms.size());
    l.p50 = at(0.5);
    l.p99 = at(0.99);
    l.max = ms.back();
    return l;
}

QString describeLatency(const Latency &l)
{
    return QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms (n = %4)")
        .arg(fixed(l.p50))
        .arg(fixed(l.p99))
        .arg(fixed(l.max))
        .arg(l.n);
}

struct SyncRun {
    bool ok = false;
    QString error;
    int rounds = 0;
    int pushed = 0;
    int duplicates = 0;
    int pulled = 0;
    int retries = 0;
    double doneSeconds = 0;
};

// Sync rounds until the outbox is empty and the feed is drained, retrying as the counter's client does.
SyncRun syncUntilIdle(const Store &store, sync::Transport &transport, const sync::EnrollResult &counter,
                      SteadyClock::time_point origin, const sync::EngineOptions &options)
{
    SyncRun run;
    sync::SyncEngine engine(store, transport, counter.counterId, counter.secret, options);
    const int pullCap = options.maxBatchesPerRound * std::clamp(options.pullPage, 1, sync::kMaxPullPage);
    int failures = 0;
    for (int round = 0; round < 500; ++round) {
        const sync::RoundResult r = engine.runRound();
        ++run.rounds;
        run.pushed += r.report.pushed;
        run.duplicates += r.report.duplicates;
        run.pulled += r.report.pulled;
        if (r.ok()) {
            failures = 0;
            if (r.report.pending == 0 && r.report.pulled < pullCap) {
                run.ok = true;
                break;
            }
            continue;
        }
        if (r.failure == sync::SyncFailure::EpochChanged)
            continue;
        const bool transient = r.failure == sync::SyncFailure::Network || r.failure == sync::SyncFailure::RateLimited ||
                               r.failure == sync::SyncFailure::Server || r.failure == sync::SyncFailure::Store;
        if (!transient || ++failures > 30) {
            run.error = r.message;
            break;
        }
        ++run.retries;
        QThread::msleep(r.failure == sync::SyncFailure::RateLimited ? 1000UL * ulong(std::max(1, r.retryAfterSeconds))
                                                                    : 500UL);
    }
    run.doneSeconds = secondsBetween(origin, SteadyClock::now());
    return run;
}

// ---- one center, one backend ----------------------------------------------------------------------------------------

struct Settings {
    QString centerProgram;
    QString tmpBase;
    int centerThreads = 8;
    int w1Dossiers = 10000;
    int w5Counters = 54;
    int w5Dossiers = 400;
    int w4Dossiers = 100000;
    sync::EngineOptions engine;  // the counter's defaults unless --push-batch / --pull-page say otherwise
};

struct CpuSplit {
    double counters = 0;  // this process: the counters' stores, TLS, JSON
    double center = 0;    // motcua-center serve
    double postgres = 0;  // PostgreSQL server processes
};

QString describeCpu(const CpuSplit &c)
{
    QString s = QStringLiteral("CPU: counters %1 s, center %2 s").arg(fixed(c.counters)).arg(fixed(c.center));
    if (c.postgres > 0)
        s += QStringLiteral(", PostgreSQL %1 s").arg(fixed(c.postgres));
    return s;
}

// Sums the time the center's service spent handling `path` requests (its log line per request has ms=).
double centerHandlerSeconds(const QByteArray &log, const QString &path)
{
    static const QRegularExpression line(QStringLiteral("path=(\\S+) status=\\d+ .* ms=(\\d+)"));
    double ms = 0;
    for (const QByteArray &l : log.split('\n')) {
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(l));
        if (m.hasMatch() && m.captured(1) == path)
            ms += m.captured(2).toDouble();
    }
    return ms / 1000;
}

// A center on one backend for one workload: a fresh database, `motcua-center serve`, and an in-process handle on the
// same database for the administrator's work (units, counters) and for checking what arrived.
class BenchProvince final {
public:
    BenchProvince(const Settings &settings, const TlsFiles &tls, PgCluster *pg, const QString &dir,
                  const QString &name) :
        m_settings(settings), m_tls(tls), m_pg(pg), m_dir(dir), m_name(name)
    {
    }
    ~BenchProvince()
    {
        stop();
        m_store.reset();
        QString error;
        if (m_pg && !m_name.isEmpty() && !m_pg->dropDatabase(m_name, &error))
            out() << "PostgreSQL: could not drop the database " << m_name << ": " << error << Qt::endl;
    }
    Q_DISABLE_COPY_MOVE(BenchProvince)

    bool open(QString *error)
    {
        QDir().mkpath(m_dir);
        if (m_pg) {
            if (!m_pg->createDatabase(m_name, error))
                return false;
            m_db = m_pg->config(m_name);
        } else {
            m_db.backend = sync::CenterDbConfig::Backend::Sqlite;
            m_db.path = QDir(m_dir).filePath(QStringLiteral("center.sqlite"));
        }
        auto s = sync::CenterStore::open(m_db);
        if (!s) {
            *error = s.error().message + QLatin1Char(' ') + s.error().detail;
            return false;
        }
        m_store = std::move(s.value());
        return true;
    }

    bool serve(QString *error)
    {
        m_process = std::make_unique<CenterProcess>(
            CenterProcess::Options{m_settings.centerProgram, m_dir, m_tls, m_db, m_settings.centerThreads, 64});
        if (!m_process->start(error))
            return false;
        g_centerPid = m_process->pid();
        return true;
    }

    void stop()
    {
        if (m_process) {
            m_process->stop();
            g_centerPid = 0;
        }
    }

    [[nodiscard]] sync::CenterStore &store() const { return *m_store; }
    [[nodiscard]] CenterProcess &process() const { return *m_process; }
    [[nodiscard]] QString url() const { return m_process->url(); }

    // Just before the clock starts. The kernel writes out what other programs left in its page cache: PouchDB's
    // LevelDB does not sync its writes, and the kernel wrote them back 30 s later, inside the next MotCua round
    // (docs/benchmarks.md, ninth round). On PostgreSQL, then, a checkpoint, so that every round starts with no dirty
    // pages and a checkpoint that the rounds before made due does not fall inside this one.
    void settle() const
    {
        ::sync();
        QString error;
        if (m_pg && !m_pg->checkpoint(&error))
            out() << "PostgreSQL: CHECKPOINT failed: " << error << Qt::endl;
    }

    CpuSplit cpuNow() const
    {
        return {selfCpuSeconds(), m_process ? m_process->cpuSeconds() : 0, m_pg ? m_pg->cpuSeconds() : 0};
    }
    static CpuSplit cpuDelta(const CpuSplit &before, const CpuSplit &after)
    {
        return {after.counters - before.counters, after.center - before.center, after.postgres - before.postgres};
    }

    bool addUnit(int n, QString *error) const
    {
        auto r = m_store->addUnit(unitRecord(n));
        if (!r)
            *error = r.error().message;
        return r.ok();
    }

    static sync::UnitRecord unitRecord(int n)
    {
        return {QStringLiteral("H49.%1").arg(n, 2, 10, QLatin1Char('0')), QStringLiteral("Đơn vị cấp xã số %1").arg(n),
                QStringLiteral("000.%1.04.H49").arg(n, 2, 10, QLatin1Char('0')), 20};
    }

    // A counter store enrolled at this center over HTTPS with a one-time code, as an administrator does it.
    bool enrollCounter(int unit, const QString &storePath, std::unique_ptr<Store> *store, sync::EnrollResult *enrolled,
                       QString *error) const
    {
        auto code = m_store->addCounter(unitRecord(unit).unitId, QStringLiteral("Quầy 1"), 24);
        if (!code) {
            *error = code.error().message;
            return false;
        }
        auto opened = Store::open(storePath);
        if (!opened) {
            *error = opened.error().message;
            return false;
        }
        *store = std::move(opened.value());
        sync::HttpTransport transport(QUrl(url()), m_tls.caPem);
        sync::PlaintextCredentials credentials(storePath + QStringLiteral(".credential"));
        auto e =
            sync::SyncEngine::enrollAndSave(**store, transport, credentials, code->enrollmentCode, url(), m_tls.caPem);
        if (!e) {
            *error = e.error().message;
            return false;
        }
        *enrolled = *e;
        return true;
    }

    [[nodiscard]] qint64 centerEvents() const
    {
        auto h = m_store->highWater();
        return h ? *h : -1;
    }

private:
    const Settings &m_settings;
    const TlsFiles &m_tls;
    PgCluster *m_pg;
    QString m_dir;
    QString m_name;
    sync::CenterDbConfig m_db;
    std::unique_ptr<sync::CenterStore> m_store;
    std::unique_ptr<CenterProcess> m_process;
};

// ---- the workloads -------------------------------------------------------------------------------------------------

struct W1Result {
    bool ok = false;
    QString backend;
    qint64 events = 0;
    double pushSeconds = 0;   // outbox empty, every event at the center
    double roundSeconds = 0;  // the whole round: pushes, then the (empty) feed and the documents
    double pushWaitSeconds = 0;
    double centerPushSeconds = 0;
    Latency push;
    Latency feed;
    qint64 pushBytes = 0;
    qint64 feedBytes = 0;
    Latency probeSmall;  // the transport alone: POSTs the center refuses before it reads its database
    Latency probeLarge;
    CpuSplit cpu;
};

// POSTs of `bytes` that the center answers 401 before reading its database: what HTTPS and TCP cost alone.
Latency probeTransport(const QString &url, const QByteArray &caPem, qsizetype bytes)
{
    sync::HttpTransport http(QUrl(url), caPem);
    std::vector<RequestSample> samples;
    for (int i = 0; i < 31; ++i) {
        sync::ApiRequest r;
        r.method = "POST";
        r.path = sync::apiPrefix() + QStringLiteral("/push");
        r.authorization = sync::bearer(QStringLiteral("probe"), QStringLiteral("not-a-credential"));
        r.body = "{\"events\":\"" + QByteArray(bytes, 'x') + "\"}";
        QElapsedTimer t;
        t.start();
        const sync::ApiResponse answer = http.call(r);
        if (i > 0 && answer.status == 401)  // the first one opens the connection
            samples.push_back({QStringLiteral("probe"), 0, double(t.nsecsElapsed()) / 1e6, answer.status, 0, 0});
    }
    return latencyOf(samples);
}

W1Result runW1(const Settings &settings, const TlsFiles &tls, PgCluster *pg, const QString &backend, const QString &dir,
               const QString &exportPath)
{
    W1Result result;
    result.backend = backend;
    QString error;
    BenchProvince province(settings, tls, pg, dir,
                           QFileInfo(dir).fileName().replace(QLatin1Char('-'), QLatin1Char('_')));
    if (!province.open(&error) || !province.addUnit(1, &error) || !province.serve(&error)) {
        out() << "W1 [" << backend << "] setup failed: " << error << Qt::endl;
        return result;
    }
    std::unique_ptr<Store> store;
    sync::EnrollResult counter;
    if (!province.enrollCounter(1, QDir(dir).filePath(QStringLiteral("counter.sqlite")), &store, &counter, &error)) {
        out() << "W1 [" << backend << "] enrollment failed: " << error << Qt::endl;
        return result;
    }
    QElapsedTimer generation;
    generation.start();
    auto recorded = recordOffline(*store, settings.w1Dossiers, 1);
    if (!recorded) {
        out() << "W1 [" << backend << "] recording failed: " << recorded.error().message << Qt::endl;
        return result;
    }
    result.events = *recorded;
    out() << "W1 [" << backend << "] " << grouped(settings.w1Dossiers) << " dossiers, " << grouped(*recorded)
          << " events recorded offline in " << fixed(double(generation.elapsed()) / 1000) << " s" << Qt::endl;
    if (!exportPath.isEmpty()) {
        if (auto n = exportEvents(*store, exportPath); !n)
            out() << "W1 export for PouchDB failed: " << n.error().message << Qt::endl;
    }

    province.settle();
    const CpuSplit before = province.cpuNow();
    const SteadyClock::time_point origin = SteadyClock::now();
    sync::HttpTransport http(QUrl(province.url()), tls.caPem);
    TimedTransport timed(http, origin);
    const SyncRun run = syncUntilIdle(*store, timed, counter, origin, settings.engine);
    result.cpu = BenchProvince::cpuDelta(before, province.cpuNow());
    result.pushSeconds = timed.pushDoneSeconds();
    result.roundSeconds = run.doneSeconds;
    result.push = latencyOf(timed.samples(), QStringLiteral("push"));
    result.feed = latencyOf(timed.samples(), QStringLiteral("feed"));
    result.pushWaitSeconds = result.push.totalMs / 1000;
    for (const RequestSample &s : timed.samples()) {
        if (s.endpoint == QLatin1String("feed"))
            result.feedBytes += s.bytesDown;
        if (s.endpoint == QLatin1String("push"))
            result.pushBytes += s.bytesUp;
    }
    const qsizetype averagePush = result.push.n > 0 ? qsizetype(result.pushBytes / result.push.n) : 0;
    result.probeSmall = probeTransport(province.url(), tls.caPem, 1000);
    result.probeLarge = probeTransport(province.url(), tls.caPem, averagePush);
    const qint64 atCenter = province.centerEvents();
    result.centerPushSeconds = centerHandlerSeconds(province.process().log(), QStringLiteral("/v1/push"));
    result.ok = run.ok && atCenter == result.events && run.pushed == result.events;
    if (!result.ok) {
        out() << "W1 [" << backend << "] did not complete: " << (run.ok ? QStringLiteral("counts differ") : run.error)
              << " (pushed " << run.pushed << ", at the center " << atCenter << ")" << Qt::endl;
        return result;
    }
    out() << "W1 [" << backend << "] synced " << grouped(result.events)
          << " events: outbox empty and all at the center after " << fixed(result.pushSeconds, 2)
          << " s = " << grouped(qint64(double(result.events) / result.pushSeconds)) << " events/s; round complete "
          << fixed(result.roundSeconds, 2) << " s, " << run.rounds << " round(s)" << Qt::endl
          << "    push " << describeLatency(result.push) << ", " << grouped(averagePush)
          << " bytes each; waiting for answers " << fixed(result.pushWaitSeconds, 2)
          << " s of which the center's handler " << fixed(result.centerPushSeconds, 2) << " s" << Qt::endl
          << "    the transport alone (POSTs refused with 401 before the database): 1,000 bytes "
          << describeLatency(result.probeSmall) << "; " << grouped(averagePush) << " bytes "
          << describeLatency(result.probeLarge) << Qt::endl
          << "    feed " << describeLatency(result.feed) << ", " << fixed(double(result.feedBytes) / 1048576.0, 1)
          << " MiB down; " << describeCpu(result.cpu) << Qt::endl;
    return result;
}

struct W5Result {
    bool ok = false;
    QString backend;
    int counters = 0;
    qint64 events = 0;
    double drainSeconds = 0;      // every outbox empty, every event at the center
    double firstDoneSeconds = 0;  // the first counter's outbox empty
    double roundsSeconds = 0;     // every counter's round complete
    Latency all;
    Latency push;
    Latency feed;
    int retries = 0;
    int rateLimited = 0;
    CpuSplit cpu;
};

W5Result runW5(const Settings &settings, const TlsFiles &tls, PgCluster *pg, const QString &backend, const QString &dir,
               const QString &exportDir)
{
    W5Result result;
    result.backend = backend;
    result.counters = settings.w5Counters;
    QString error;
    BenchProvince province(settings, tls, pg, dir,
                           QFileInfo(dir).fileName().replace(QLatin1Char('-'), QLatin1Char('_')));
    if (!province.open(&error) || !province.serve(&error)) {
        out() << "W5 [" << backend << "] setup failed: " << error << Qt::endl;
        return result;
    }
    const int n = settings.w5Counters;
    std::vector<std::unique_ptr<Store>> stores(static_cast<size_t>(n));
    std::vector<sync::EnrollResult> enrolled(static_cast<size_t>(n));
    QElapsedTimer generation;
    generation.start();
    for (int i = 0; i < n; ++i) {
        const QString path =
            QDir(dir).filePath(QStringLiteral("counter-%1.sqlite").arg(i + 1, 2, 10, QLatin1Char('0')));
        if (!province.addUnit(i + 1, &error) ||
            !province.enrollCounter(i + 1, path, &stores[size_t(i)], &enrolled[size_t(i)], &error)) {
            out() << "W5 [" << backend << "] counter " << i + 1 << ": " << error << Qt::endl;
            return result;
        }
        auto recorded = recordOffline(*stores[size_t(i)], settings.w5Dossiers, quint32(100 + i));
        if (!recorded) {
            out() << "W5 [" << backend << "] recording failed: " << recorded.error().message << Qt::endl;
            return result;
        }
        result.events += *recorded;
        if (!exportDir.isEmpty()) {
            QDir().mkpath(exportDir);
            const QString file =
                QDir(exportDir).filePath(QStringLiteral("counter-%1.ndjson").arg(i + 1, 2, 10, QLatin1Char('0')));
            if (auto e = exportEvents(*stores[size_t(i)], file); !e)
                out() << "W5 export for PouchDB failed: " << e.error().message << Qt::endl;
        }
    }
    out() << "W5 [" << backend << "] " << n << " counters enrolled, " << grouped(qint64(n) * settings.w5Dossiers)
          << " dossiers (" << grouped(result.events) << " events) recorded offline in "
          << fixed(double(generation.elapsed()) / 1000) << " s" << Qt::endl;

    std::vector<SyncRun> runs(static_cast<size_t>(n));
    std::vector<std::vector<RequestSample>> samples(static_cast<size_t>(n));
    std::vector<double> pushDone(static_cast<size_t>(n), -1);
    std::latch ready(n + 1);
    SteadyClock::time_point origin;
    std::atomic<bool> go{false};
    std::vector<QThread *> threads;
    for (int i = 0; i < n; ++i) {
        QThread *t = QThread::create([&, i] {
            const size_t k = size_t(i);
            {
                sync::HttpTransport http(QUrl(province.url()), tls.caPem);
                ready.arrive_and_wait();
                TimedTransport timed(http, origin);
                runs[k] = syncUntilIdle(*stores[k], timed, enrolled[k], origin, settings.engine);
                samples[k] = timed.samples();
                pushDone[k] = timed.pushDoneSeconds();
            }
        });
        t->start();
        threads.push_back(t);
    }
    province.settle();
    const CpuSplit before = province.cpuNow();
    origin = SteadyClock::now();
    ready.arrive_and_wait();
    for (QThread *t : threads) {
        t->wait();
        delete t;
    }
    result.cpu = BenchProvince::cpuDelta(before, province.cpuNow());

    std::vector<RequestSample> all;
    bool ok = true;
    result.firstDoneSeconds = 1e9;
    for (int i = 0; i < n; ++i) {
        const size_t k = size_t(i);
        all.insert(all.end(), samples[k].begin(), samples[k].end());
        result.drainSeconds = std::max(result.drainSeconds, pushDone[k]);
        result.firstDoneSeconds = std::min(result.firstDoneSeconds, pushDone[k]);
        result.roundsSeconds = std::max(result.roundsSeconds, runs[k].doneSeconds);
        result.retries += runs[k].retries;
        if (!runs[k].ok) {
            out() << "W5 [" << backend << "] counter " << i + 1 << " did not complete: " << runs[k].error << Qt::endl;
            ok = false;
        }
    }
    for (const RequestSample &s : all) {
        if (s.status == 429)
            ++result.rateLimited;
    }
    result.all = latencyOf(all);
    result.push = latencyOf(all, QStringLiteral("push"));
    result.feed = latencyOf(all, QStringLiteral("feed"));
    const qint64 atCenter = province.centerEvents();
    result.ok = ok && atCenter == result.events;
    if (!result.ok) {
        out() << "W5 [" << backend << "] incomplete: " << atCenter << " of " << result.events << " events at the center"
              << Qt::endl;
        return result;
    }
    out() << "W5 [" << backend << "] " << n << " counters drained " << grouped(result.events) << " events in "
          << fixed(result.drainSeconds, 2) << " s = " << grouped(qint64(double(result.events) / result.drainSeconds))
          << " events/s (first counter done at " << fixed(result.firstDoneSeconds, 2) << " s; all rounds complete "
          << fixed(result.roundsSeconds, 2) << " s)" << Qt::endl
          << "    every request " << describeLatency(result.all) << Qt::endl
          << "    push " << describeLatency(result.push) << Qt::endl
          << "    feed " << describeLatency(result.feed) << Qt::endl
          << "    429 answers " << result.rateLimited << ", retried rounds " << result.retries << "; "
          << describeCpu(result.cpu) << Qt::endl;
    for (auto &s : stores)
        s.reset();
    return result;
}

struct W4Result {
    bool ok = false;
    QString backend;
    qint64 events = 0;
    double seedSeconds = 0;
    double seconds = 0;
    qint64 storeBytes = 0;   // file + WAL right after the bootstrap
    qint64 closedBytes = 0;  // the file after closing (WAL checkpointed)
    Latency feed;
    CpuSplit cpu;
};

// The unit's dossiers as its two counters pushed them over the years, put straight into the center's store through
// the same ingest path the push endpoint uses (500 events per batch).
Result<qint64> seedCenter(sync::CenterStore &center, const sync::UnitRecord &unit, int dossiers)
{
    QList<sync::CounterAuth> authors;
    for (int c = 0; c < 2; ++c) {
        auto counter = center.addCounter(unit.unitId, QStringLiteral("Quầy %1").arg(c + 1), 1);
        if (!counter)
            return counter.error();
        authors.append({counter->counterId, unit.unitId});
    }
    DossierFactory factory(4);
    qint64 clockMs = 0;
    int clockCounter = 0;
    const int perBatch = sync::kMaxPushBatch / 5;
    const int days = std::max(5, dossiers / 150);
    QHash<QDate, int> sequence[2];
    qint64 stored = 0;
    for (int base = 0; base < dossiers; base += perBatch) {
        const int author = (base / perBatch) % 2;
        const sync::CounterAuth &who = authors.at(author);
        const DossierCodes::Range reserve = DossierCodes::reserve(author + 1, unit.slots);
        QList<Event> batch;
        for (int i = base; i < std::min(dossiers, base + perBatch); ++i) {
            const QDateTime received = DossierFactory::receivedAt(i, dossiers, days);
            const QDate day = received.toTimeZone(vietnamTimeZone()).date();
            const int seq = reserve.first + sequence[author][day]++;
            const QString code = DossierCodes::format(unit.agencyId, day, seq);
            batch += factory.dossier(who.counterId, QStringLiteral("canbo.%1").arg(author + 1), unit.agencyId, code,
                                     received, [&] {
                                         clockMs = std::max(clockMs + 1, received.toMSecsSinceEpoch());
                                         return HlcTimestamp{clockMs, clockCounter};
                                     });
        }
        auto outcomes = center.ingest(who, batch);
        if (!outcomes)
            return outcomes.error();
        for (const sync::PushOutcome &o : std::as_const(*outcomes)) {
            if (o.status != sync::PushStatus::Accepted)
                return makeError(ErrorCode::Internal, QStringLiteral("seed event %1 not accepted").arg(o.eventId));
        }
        stored += batch.size();
    }
    return stored;
}

W4Result runW4(const Settings &settings, const TlsFiles &tls, PgCluster *pg, const QString &backend, const QString &dir)
{
    W4Result result;
    result.backend = backend;
    QString error;
    BenchProvince province(settings, tls, pg, dir, QStringLiteral("w4"));
    if (!province.open(&error) || !province.addUnit(1, &error)) {
        out() << "W4 [" << backend << "] setup failed: " << error << Qt::endl;
        return result;
    }
    QElapsedTimer seeding;
    seeding.start();
    auto seeded = seedCenter(province.store(), BenchProvince::unitRecord(1), settings.w4Dossiers);
    if (!seeded) {
        out() << "W4 [" << backend << "] seeding the center failed: " << seeded.error().message << " "
              << seeded.error().detail << Qt::endl;
        return result;
    }
    result.seedSeconds = double(seeding.elapsed()) / 1000;
    result.events = *seeded;
    out() << "W4 [" << backend << "] the center holds " << grouped(settings.w4Dossiers) << " dossiers of the unit ("
          << grouped(result.events) << " events), stored in-process through ingest in " << fixed(result.seedSeconds)
          << " s (" << grouped(qint64(double(result.events) / result.seedSeconds)) << " events/s)" << Qt::endl;
    if (!province.serve(&error)) {
        out() << "W4 [" << backend << "] " << error << Qt::endl;
        return result;
    }
    const QString path = QDir(dir).filePath(QStringLiteral("new-counter.sqlite"));
    std::unique_ptr<Store> store;
    sync::EnrollResult counter;
    if (!province.enrollCounter(1, path, &store, &counter, &error)) {
        out() << "W4 [" << backend << "] enrollment failed: " << error << Qt::endl;
        return result;
    }
    province.settle();
    const CpuSplit before = province.cpuNow();
    const SteadyClock::time_point origin = SteadyClock::now();
    sync::HttpTransport http(QUrl(province.url()), tls.caPem);
    TimedTransport timed(http, origin);
    const SyncRun run = syncUntilIdle(*store, timed, counter, origin, settings.engine);
    result.seconds = run.doneSeconds;
    result.cpu = BenchProvince::cpuDelta(before, province.cpuNow());
    result.feed = latencyOf(timed.samples(), QStringLiteral("feed"));
    result.storeBytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    auto count = sql::scalar(store->connection(), QStringLiteral("SELECT count(*) FROM events"));
    const qint64 local = count ? count->toLongLong() : -1;
    store.reset();
    result.closedBytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    result.ok = run.ok && local == result.events && run.pulled == result.events;
    if (!result.ok) {
        out() << "W4 [" << backend << "] did not complete: " << (run.ok ? QStringLiteral("counts differ") : run.error)
              << " (pulled " << run.pulled << ", stored " << local << ")" << Qt::endl;
        return result;
    }
    out() << "W4 [" << backend << "] new counter pulled " << grouped(result.events) << " events in "
          << fixed(result.seconds, 1) << " s = " << grouped(qint64(double(result.events) / result.seconds))
          << " events/s, " << run.rounds << " round(s); store " << fixed(double(result.storeBytes) / 1048576.0)
          << " MiB with its WAL, " << fixed(double(result.closedBytes) / 1048576.0) << " MiB closed" << Qt::endl
          << "    feed " << describeLatency(result.feed) << "; " << describeCpu(result.cpu) << Qt::endl;
    return result;
}

// ---- PouchDB side by side -------------------------------------------------------------------------------------------

struct PouchResult {
    bool ran = false;
    QString skipped;  // why not
    QJsonObject figures;
};

bool sameFile(const QString &a, const QString &b)
{
    QFile fa(a);
    QFile fb(b);
    return fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly) && fa.readAll() == fb.readAll();
}

// `batchSize`: the counters' push batch, so that PouchDB replicates in requests of the same size.
PouchResult runPouchDb(const QString &sourceDir, const QString &prefix, const TlsFiles &tls, const QString &work,
                       const QString &w1File, const QString &w5Dir, int batchSize)
{
    PouchResult result;
    const ProgramRun node = runProgram(QStringLiteral("node"), {QStringLiteral("--version")}, 30000);
    if (!node.ok()) {
        result.skipped = QStringLiteral("node is not available (%1)").arg(node.describe());
        return result;
    }
    const ProgramRun npm = runProgram(QStringLiteral("npm"), {QStringLiteral("--version")}, 60000);
    if (!npm.ok()) {
        result.skipped = QStringLiteral("npm is not available (%1)").arg(npm.describe());
        return result;
    }
    QDir().mkpath(prefix);
    const QDir target(prefix);
    const QString manifest = target.filePath(QStringLiteral("package.json"));
    const QString source = QDir(sourceDir).filePath(QStringLiteral("package.json"));
    if (!QFile::exists(source)) {
        result.skipped = QStringLiteral("%1 is missing").arg(source);
        return result;
    }
    const bool installed =
        sameFile(source, manifest) &&
        QFileInfo::exists(target.filePath(QStringLiteral("node_modules/pouchdb-node/package.json"))) &&
        QFileInfo::exists(target.filePath(QStringLiteral("node_modules/express-pouchdb/package.json")));
    if (!installed) {
        QFile::remove(manifest);
        QFile::copy(source, manifest);
        out() << "PouchDB: npm install --no-audit --no-fund --prefix " << prefix << Qt::endl;
        const ProgramRun install = runProgram(QStringLiteral("npm"),
                                              {QStringLiteral("install"), QStringLiteral("--no-audit"),
                                               QStringLiteral("--no-fund"), QStringLiteral("--prefix"), prefix},
                                              900000);
        if (!install.ok()) {
            result.skipped = QStringLiteral("npm install failed (%1)").arg(install.describe().right(1500));
            return result;
        }
    }
    for (const QString &script : {QStringLiteral("bench.js"), QStringLiteral("server.js")}) {
        QFile::remove(target.filePath(script));
        if (!QFile::copy(QDir(sourceDir).filePath(script), target.filePath(script))) {
            result.skipped = QStringLiteral("cannot copy %1 into %2").arg(script, prefix);
            return result;
        }
    }
    QStringList args = {target.filePath(QStringLiteral("bench.js")),
                        QStringLiteral("--work"),
                        work,
                        QStringLiteral("--cert"),
                        tls.certificatePath,
                        QStringLiteral("--key"),
                        tls.keyPath,
                        QStringLiteral("--ca"),
                        tls.caPath,
                        QStringLiteral("--batch-size"),
                        QString::number(batchSize)};
    if (!w1File.isEmpty())
        args << QStringLiteral("--w1") << w1File;
    if (!w5Dir.isEmpty())
        args << QStringLiteral("--w5") << w5Dir;
    out() << "PouchDB: node bench.js (" << QString::fromUtf8(node.out.trimmed()) << ")" << Qt::endl;
    ::sync();  // as before MotCua's rounds (BenchProvince::settle()): nothing left over from the runs before
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardErrorFile(QDir(work).filePath(QStringLiteral("node.log")));
    QDir().mkpath(work);
    p.start(QStringLiteral("node"), args);
    if (!p.waitForStarted(10000)) {
        result.skipped = QStringLiteral("node did not start: %1").arg(p.errorString());
        return result;
    }
    g_nodePid = p.processId();
    const bool finished = p.waitForFinished(40 * 60 * 1000);
    if (!finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    g_nodePid = 0;
    const QByteArray stdoutText = p.readAllStandardOutput().trimmed();
    const QByteArray lastLine = stdoutText.mid(stdoutText.lastIndexOf('\n') + 1);
    const QJsonObject figures = QJsonDocument::fromJson(lastLine).object();
    QFile log(QDir(work).filePath(QStringLiteral("node.log")));
    const QByteArray logText = log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
    if (!finished || p.exitCode() != 0 || figures.isEmpty() || figures.contains(QStringLiteral("error"))) {
        result.skipped = QStringLiteral("the PouchDB run failed (%1): %2")
                             .arg(finished ? QStringLiteral("exit %1").arg(p.exitCode()) : QStringLiteral("timeout"),
                                  QString::fromUtf8(logText.right(1500)));
        return result;
    }
    result.ran = true;
    result.figures = figures;
    return result;
}

QString pouchLatency(const QJsonObject &o)
{
    return QStringLiteral("p50 %1 ms, p99 %2 ms (n = %3)")
        .arg(fixed(o.value(QStringLiteral("p50_ms")).toDouble()))
        .arg(fixed(o.value(QStringLiteral("p99_ms")).toDouble()))
        .arg(o.value(QStringLiteral("n")).toInt());
}

void printPouch(const QJsonObject &f)
{
    out() << "PouchDB " << f.value(QStringLiteral("pouchdb_version")).toString() << " -> express-pouchdb "
          << f.value(QStringLiteral("express_pouchdb_version")).toString() << " over TLS, node "
          << f.value(QStringLiteral("node_version")).toString() << ", batch_size "
          << f.value(QStringLiteral("batch_size")).toInt() << Qt::endl;
    const QJsonObject w1 = f.value(QStringLiteral("w1")).toObject();
    if (!w1.isEmpty())
        out() << "PouchDB W1: " << grouped(w1.value(QStringLiteral("docs")).toInteger()) << " docs in "
              << fixed(w1.value(QStringLiteral("seconds")).toDouble(), 2)
              << " s = " << grouped(qint64(w1.value(QStringLiteral("docs_per_second")).toDouble()))
              << " docs/s (remote holds " << w1.value(QStringLiteral("remote_doc_count")).toInteger()
              << "); _bulk_docs " << pouchLatency(w1.value(QStringLiteral("bulk_docs")).toObject()) << "; CPU client "
              << fixed(w1.value(QStringLiteral("client_cpu_seconds")).toDouble()) << " s, server "
              << fixed(w1.value(QStringLiteral("server_cpu_seconds")).toDouble()) << " s" << Qt::endl;
    const QJsonObject w5 = f.value(QStringLiteral("w5")).toObject();
    if (!w5.isEmpty())
        out() << "PouchDB W5: " << w5.value(QStringLiteral("databases")).toInt() << " databases, "
              << grouped(w5.value(QStringLiteral("docs")).toInteger()) << " docs in "
              << fixed(w5.value(QStringLiteral("seconds")).toDouble(), 2)
              << " s = " << grouped(qint64(w5.value(QStringLiteral("docs_per_second")).toDouble()))
              << " docs/s (remote holds " << w5.value(QStringLiteral("remote_doc_count")).toInteger()
              << "); every request " << pouchLatency(w5.value(QStringLiteral("requests")).toObject()) << "; _bulk_docs "
              << pouchLatency(w5.value(QStringLiteral("bulk_docs")).toObject()) << "; CPU client "
              << fixed(w5.value(QStringLiteral("client_cpu_seconds")).toDouble()) << " s, server "
              << fixed(w5.value(QStringLiteral("server_cpu_seconds")).toDouble()) << " s" << Qt::endl;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The library's per-request info lines would drown the figures.
    QLoggingCategory::setFilterRules(QStringLiteral("motcua.*.info=false\nqt.network.ssl.warning=false"));
    const QStringList args = QCoreApplication::arguments();
    const auto opt = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    Settings settings;
    settings.centerProgram = opt(QStringLiteral("--center"), QString());
    settings.tmpBase = opt(QStringLiteral("--tmp"), QDir::tempPath());
    settings.centerThreads = opt(QStringLiteral("--center-threads"), QStringLiteral("16")).toInt();
    const bool quick = args.contains(QStringLiteral("--quick"));
    const int rounds =
        std::max(1, opt(QStringLiteral("--rounds"), quick ? QStringLiteral("1") : QStringLiteral("3")).toInt());
    settings.w1Dossiers =
        opt(QStringLiteral("--w1-dossiers"), quick ? QStringLiteral("1000") : QStringLiteral("10000")).toInt();
    settings.w5Counters = opt(QStringLiteral("--w5-counters"), QStringLiteral("54")).toInt();
    settings.w5Dossiers =
        opt(QStringLiteral("--w5-dossiers"), quick ? QStringLiteral("40") : QStringLiteral("400")).toInt();
    settings.w4Dossiers =
        opt(QStringLiteral("--w4-dossiers"), quick ? QStringLiteral("5000") : QStringLiteral("100000")).toInt();
    settings.engine.pushBatch = opt(QStringLiteral("--push-batch"), QString::number(settings.engine.pushBatch)).toInt();
    settings.engine.pullPage = opt(QStringLiteral("--pull-page"), QString::number(settings.engine.pullPage)).toInt();
    settings.engine.pushesInFlight =
        opt(QStringLiteral("--pushes-in-flight"), QString::number(settings.engine.pushesInFlight)).toInt();
    const QStringList backends = opt(QStringLiteral("--backends"), QStringLiteral("sqlite,postgresql"))
                                     .split(QLatin1Char(','), Qt::SkipEmptyParts);
    // W4 on PostgreSQL adds 7.5 minutes on the quiet 2-core machine, 15 beside a build (seeding through ingest, then a
    // feed whose every page reads the rest of the unit's events there): asked for explicitly.
    const QStringList w4Backends = opt(QStringLiteral("--w4-backends"), QStringLiteral("sqlite,postgresql"))
                                       .split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QStringList workloads = opt(QStringLiteral("--workloads"), QStringLiteral("w1,w5,w4,pouchdb"))
                                      .split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString pouchSource = opt(QStringLiteral("--pouchdb-dir"), QStringLiteral(MOTCUA_BENCH_POUCHDB_DIR));
    const QString npmPrefix =
        opt(QStringLiteral("--npm-prefix"), QDir::current().filePath(QStringLiteral("pouchdb-bench")));
    if (settings.centerProgram.isEmpty() || !QFileInfo(settings.centerProgram).isExecutable()) {
        out() << "bench_sync: give the motcua-center program with --center PATH" << Qt::endl;
        return 2;
    }
    for (int sig : {SIGINT, SIGTERM})
        std::signal(sig, onInterrupt);

    out() << "bench_sync: " << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " CPU(s), Qt "
          << qVersion() << ", load " << loadAverage() << (quick ? ", QUICK sizes (not the reported ones)" : "")
          << Qt::endl
          << "sizes: W1 " << grouped(settings.w1Dossiers) << " dossiers; W5 " << settings.w5Counters << " counters x "
          << grouped(settings.w5Dossiers) << " dossiers; W4 " << grouped(settings.w4Dossiers)
          << " dossiers; 5 events per dossier; center threads " << settings.centerThreads << "; counters push "
          << settings.engine.pushBatch << " events per request, " << settings.engine.pushesInFlight
          << " in flight, and pull pages of " << settings.engine.pullPage << "; W1 and W5 " << rounds << " round(s)"
          << Qt::endl;

    QTemporaryDir tmp(QDir(settings.tmpBase).filePath(QStringLiteral("motcua-bench-sync-XXXXXX")));
    if (!tmp.isValid()) {
        out() << "bench_sync: cannot create a temporary folder under " << settings.tmpBase << Qt::endl;
        return 1;
    }
    QString error;
    QDir().mkpath(tmp.filePath(QStringLiteral("tls")));
    const auto tls = makeTls(tmp.filePath(QStringLiteral("tls")), &error);
    if (!tls) {
        out() << "bench_sync: " << error << Qt::endl;
        return 1;
    }

    for (const QString &backend : backends) {
        if (backend != QLatin1String("sqlite") && backend != QLatin1String("postgresql")) {
            out() << "bench_sync: unknown backend " << backend << Qt::endl;
            return 2;
        }
    }
    // One PostgreSQL cluster for the whole run, one database per workload.
    std::unique_ptr<PgCluster> pg;
    QStringList runBackends = backends;
    if (backends.contains(QStringLiteral("postgresql"))) {
        pg = std::make_unique<PgCluster>();
        if (pg->start(&error)) {
            g_postmasterPid = pg->postmasterPid();
            out() << "PostgreSQL " << pg->version() << " on 127.0.0.1:" << pg->port()
                  << " (fsync and synchronous_commit on, shared_buffers at its default)" << Qt::endl;
        } else {
            out() << "PostgreSQL: not started, its runs are skipped: " << error << Qt::endl;
            runBackends.removeAll(QStringLiteral("postgresql"));
            pg.reset();
        }
    }
    const auto pgFor = [&](const QString &backend) {
        return backend == QLatin1String("postgresql") ? pg.get() : nullptr;
    };

    // PouchDB replicates the same documents right after MotCua's runs of that workload, so that both see the
    // machine in the same state.
    const bool wantPouch = workloads.contains(QStringLiteral("pouchdb"));
    QList<QJsonObject> pouchW1;  // one per round
    QList<QJsonObject> pouchW5;
    bool pouchUnavailable = false;
    const auto comparePouch = [&](const QString &label, int round, const QString &w1File, const QString &w5Dir) {
        if (!wantPouch || pouchUnavailable)
            return;
        if (w1File.isEmpty() && w5Dir.isEmpty()) {
            out() << "PouchDB " << label << " side-by-side skipped: MotCua's " << label
                  << " did not complete, so there is nothing to compare" << Qt::endl;
            return;
        }
        const PouchResult r = runPouchDb(pouchSource, npmPrefix, *tls,
                                         tmp.filePath(QStringLiteral("pouchdb-%1-%2").arg(label.toLower()).arg(round)),
                                         w1File, w5Dir, settings.engine.pushBatch);
        if (!r.ran) {
            out() << "PouchDB side-by-side skipped: " << r.skipped << Qt::endl;
            pouchUnavailable = true;
            return;
        }
        printPouch(r.figures);
        if (const QJsonObject w1 = r.figures.value(QStringLiteral("w1")).toObject(); !w1.isEmpty())
            pouchW1 << w1;
        if (const QJsonObject w5 = r.figures.value(QStringLiteral("w5")).toObject(); !w5.isEmpty())
            pouchW5 << w5;
    };

    QList<W1Result> w1s;
    QList<W5Result> w5s;
    QList<W4Result> w4s;
    // The dossiers are generated again in every round (the same ones from the same seed, with new ids), so that each
    // round starts from a fresh counter and center; PouchDB replicates the first round's export every time.
    if (workloads.contains(QStringLiteral("w1"))) {
        QString w1Export;
        for (int round = 1; round <= rounds; ++round) {
            for (const QString &backend : std::as_const(runBackends)) {
                const QString exportPath =
                    wantPouch && w1Export.isEmpty() ? tmp.filePath(QStringLiteral("w1.ndjson")) : QString();
                W1Result r = runW1(settings, *tls, pgFor(backend), backend,
                                   tmp.filePath(QStringLiteral("%1/w1-%2").arg(backend).arg(round)), exportPath);
                if (!exportPath.isEmpty() && r.ok)
                    w1Export = exportPath;
                w1s << r;
            }
            comparePouch(QStringLiteral("W1"), round, w1Export, QString());
        }
    }
    if (workloads.contains(QStringLiteral("w5"))) {
        QString w5Export;
        for (int round = 1; round <= rounds; ++round) {
            for (const QString &backend : std::as_const(runBackends)) {
                const QString exportDir =
                    wantPouch && w5Export.isEmpty() ? tmp.filePath(QStringLiteral("w5")) : QString();
                W5Result r = runW5(settings, *tls, pgFor(backend), backend,
                                   tmp.filePath(QStringLiteral("%1/w5-%2").arg(backend).arg(round)), exportDir);
                if (!exportDir.isEmpty() && r.ok)
                    w5Export = exportDir;
                w5s << r;
            }
            comparePouch(QStringLiteral("W5"), round, QString(), w5Export);
        }
    }
    if (workloads.contains(QStringLiteral("w4"))) {
        for (const QString &backend : std::as_const(runBackends)) {
            if (w4Backends.contains(backend))
                w4s << runW4(settings, *tls, pgFor(backend), backend, tmp.filePath(backend + QStringLiteral("/w4")));
            else
                out() << "W4 [" << backend << "] not run (add it with --w4-backends " << backend << ")" << Qt::endl;
        }
    }
    if (pg) {
        pg->stop();
        g_postmasterPid = 0;
        out() << "PostgreSQL stopped" << Qt::endl;
    }

    // The summary, as it goes into docs/benchmarks.md.
    out() << Qt::endl
          << "load at the end: " << loadAverage() << Qt::endl
          << "| workload | backend | events | time | events/s | notes |" << Qt::endl
          << "|---|---|---|---|---|---|" << Qt::endl;
    // Per workload and backend, the round with the median time stands for it; the times of all rounds follow.
    const auto median = [](QList<double> values) {
        std::sort(values.begin(), values.end());
        return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
    };
    const auto roundTimes = [](const QList<double> &values) {
        QStringList texts;
        for (double v : values)
            texts << fixed(v, 2);
        return texts.join(QStringLiteral(", "));
    };
    QMap<QString, QList<double>> w1Times;  // backend -> seconds, by round
    QMap<QString, QList<double>> w5Times;
    for (const QString &backend : std::as_const(runBackends)) {
        QList<const W1Result *> ok;
        for (const W1Result &r : std::as_const(w1s)) {
            if (r.ok && r.backend == backend) {
                ok << &r;
                w1Times[backend] << r.pushSeconds;
            }
        }
        if (ok.isEmpty())
            continue;
        std::sort(ok.begin(), ok.end(), [](auto *a, auto *b) { return a->pushSeconds < b->pushSeconds; });
        const W1Result &r = *ok.at(ok.size() / 2);
        out() << "| W1 push | " << r.backend << " | " << grouped(r.events) << " | " << fixed(r.pushSeconds, 2)
              << " s | " << grouped(qint64(double(r.events) / r.pushSeconds)) << " | whole round "
              << fixed(r.roundSeconds, 2) << " s; push p50 " << fixed(r.push.p50) << " ms, p99 " << fixed(r.push.p99)
              << " ms; rounds " << roundTimes(w1Times[backend]) << " s |" << Qt::endl;
    }
    for (const QString &backend : std::as_const(runBackends)) {
        QList<const W5Result *> ok;
        for (const W5Result &r : std::as_const(w5s)) {
            if (r.ok && r.backend == backend) {
                ok << &r;
                w5Times[backend] << r.drainSeconds;
            }
        }
        if (ok.isEmpty())
            continue;
        std::sort(ok.begin(), ok.end(), [](auto *a, auto *b) { return a->drainSeconds < b->drainSeconds; });
        const W5Result &r = *ok.at(ok.size() / 2);
        out() << "| W5 drain | " << r.backend << " | " << grouped(r.events) << " | " << fixed(r.drainSeconds, 2)
              << " s | " << grouped(qint64(double(r.events) / r.drainSeconds)) << " | requests p50 " << fixed(r.all.p50)
              << " ms, p99 " << fixed(r.all.p99) << " ms; push p50 " << fixed(r.push.p50) << " ms, p99 "
              << fixed(r.push.p99) << " ms; rounds " << roundTimes(w5Times[backend]) << " s |" << Qt::endl;
    }
    for (const W4Result &r : std::as_const(w4s)) {
        if (!r.ok)
            continue;
        out() << "| W4 bootstrap | " << r.backend << " | " << grouped(r.events) << " | " << fixed(r.seconds, 1)
              << " s | " << grouped(qint64(double(r.events) / r.seconds)) << " | store "
              << fixed(double(r.closedBytes) / 1048576.0) << " MiB |" << Qt::endl;
    }
    // MotCua/PouchDB: the ratio of the medians, then each round's (MotCua's run against the PouchDB run right after
    // it, when both completed).
    const auto ratioLine = [&](const QString &label, const QList<QJsonObject> &pouch,
                               const QMap<QString, QList<double>> &times) {
        if (pouch.isEmpty())
            return;
        QList<double> pouchSeconds;
        for (const QJsonObject &p : pouch)
            pouchSeconds << p.value(QStringLiteral("seconds")).toDouble();
        const double pouchMedian = median(pouchSeconds);
        const qint64 docs = pouch.first().value(QStringLiteral("docs")).toInteger();
        out() << "| " << label << " PouchDB | leveldown | " << grouped(docs) << " | " << fixed(pouchMedian, 2)
              << " s | " << grouped(qint64(double(docs) / pouchMedian)) << " | rounds " << roundTimes(pouchSeconds)
              << " s. MotCua/PouchDB:";
        for (auto it = times.cbegin(); it != times.cend(); ++it) {
            out() << " " << it.key() << " " << fixed(pouchMedian / median(*it), 2) << "x";
            if (it->size() == pouchSeconds.size() && it->size() > 1) {
                QStringList each;
                for (qsizetype i = 0; i < it->size(); ++i)
                    each << fixed(pouchSeconds.at(i) / it->at(i), 1) + QLatin1Char('x');
                out() << " (rounds " << each.join(QStringLiteral(", ")) << ")";
            }
            out() << ";";
        }
        out() << " target 10x |" << Qt::endl;
    };
    ratioLine(QStringLiteral("W1"), pouchW1, w1Times);
    ratioLine(QStringLiteral("W5"), pouchW5, w5Times);
    bool allOk = true;
    for (const W1Result &r : std::as_const(w1s))
        allOk = allOk && r.ok;
    for (const W5Result &r : std::as_const(w5s))
        allOk = allOk && r.ok;
    for (const W4Result &r : std::as_const(w4s))
        allOk = allOk && r.ok;
    return allOk ? 0 : 1;
}
