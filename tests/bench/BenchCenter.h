// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What bench_sync needs around the program under measure: a throwaway province CA and server certificate, a
// PostgreSQL 15 cluster in a temporary folder, a `motcua-center serve` process on loopback over TLS, and the CPU
// time each of them used.

#include "sync/center/CenterStore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <unistd.h>

#include <memory>
#include <optional>

namespace motcua::bench {

struct ProgramRun {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] bool ok() const { return finished && exitCode == 0; }
    [[nodiscard]] QString describe() const
    {
        return finished ? QStringLiteral("exit %1: %2").arg(exitCode).arg(QString::fromUtf8(err.trimmed()))
                        : QStringLiteral("did not finish: %1").arg(QString::fromUtf8(err.trimmed()));
    }
};

inline ProgramRun runProgram(const QString &program, const QStringList &args, int timeoutMs = 120000,
                             const QString &workingDir = {})
{
    ProgramRun r;
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// CPU seconds (user + system) of a process from /proc; `withChildren` adds the children it has waited for.
inline double processCpuSeconds(qint64 pid, bool withChildren = false)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return 0;
    const double tick = double(sysconf(_SC_CLK_TCK));
    double ticks = fields.at(11).toDouble() + fields.at(12).toDouble();  // utime, stime
    if (withChildren)
        ticks += fields.at(13).toDouble() + fields.at(14).toDouble();  // cutime, cstime
    return ticks / tick;
}

inline qint64 parentPid(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : 0;
}

// A province CA and a certificate for 127.0.0.1 signed by it (EC P-256), as an administrator makes them.
struct TlsFiles {
    QString caPath;
    QString certificatePath;
    QString keyPath;
    QByteArray caPem;
};

inline std::optional<TlsFiles> makeTls(const QString &dir, QString *error)
{
    const auto openssl = [&](const QStringList &args) {
        const ProgramRun r = runProgram(QStringLiteral("openssl"), args, 60000, dir);
        if (!r.ok())
            *error = QStringLiteral("openssl %1: %2").arg(args.first(), r.describe());
        return r.ok();
    };
    const QStringList ec = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    if (!openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
                 QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                             QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("30"),
                             QStringLiteral("-subj"), QStringLiteral("/CN=MotCua benchmark province CA")}))
        return std::nullopt;
    if (!openssl(QStringList{QStringLiteral("req")} + ec +
                 QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                             QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}))
        return std::nullopt;
    QFile ext(QDir(dir).filePath(QStringLiteral("ext.cnf")));
    if (!ext.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1").arg(ext.fileName());
        return std::nullopt;
    }
    ext.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    ext.close();
    if (!openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                  QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                  QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                  QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-extfile"),
                  QStringLiteral("ext.cnf")}))
        return std::nullopt;
    TlsFiles t;
    const QDir d(dir);
    t.caPath = d.filePath(QStringLiteral("ca.pem"));
    t.certificatePath = d.filePath(QStringLiteral("server.pem"));
    t.keyPath = d.filePath(QStringLiteral("server.key"));
    QFile ca(t.caPath);
    if (!ca.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(t.caPath);
        return std::nullopt;
    }
    t.caPem = ca.readAll();
    return t;
}

// A throwaway PostgreSQL cluster on loopback in a temporary folder, with the server's default durability
// (fsync and synchronous_commit on, as in production); run as `nobody` when the benchmark runs as root.
class PgCluster final {
public:
    PgCluster() = default;
    ~PgCluster() { stop(); }
    Q_DISABLE_COPY_MOVE(PgCluster)

    bool start(QString *error)
    {
        const QStringList bins = QDir(QStringLiteral("/usr/lib/postgresql"))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
        for (const QString &v : bins) {
            const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
            if (QFile::exists(bin + QStringLiteral("/pg_ctl"))) {
                m_bin = bin;
                m_version = v;
                break;
            }
        }
        if (m_bin.isEmpty()) {
            *error = QStringLiteral("PostgreSQL server binaries not found under /usr/lib/postgresql");
            return false;
        }
        m_dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("motcua-bench-pg-XXXXXX")));
        if (!m_dir->isValid()) {
            *error = QStringLiteral("cannot create a temporary folder for PostgreSQL");
            return false;
        }
        QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                 QFileDevice::ReadGroup | QFileDevice::ExeGroup |
                                                 QFileDevice::ReadOther | QFileDevice::ExeOther);
        if (getuid() == 0) {
            const ProgramRun c = runProgram(QStringLiteral("chown"), {QStringLiteral("nobody"), m_dir->path()});
            if (!c.ok()) {
                *error = QStringLiteral("chown nobody: %1").arg(c.describe());
                return false;
            }
        }
        const QString data = dataDir();
        const ProgramRun init = asOwner(m_bin + QStringLiteral("/initdb"),
                                        {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("motcua"),
                                         QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                                         QStringLiteral("--locale=C.UTF-8")},
                                        180000);
        if (!init.ok()) {
            *error = QStringLiteral("initdb: %1").arg(init.describe());
            return false;
        }
        for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
            m_port = freeLoopbackPort();
            const ProgramRun start = asOwner(
                m_bin + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), data, QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")),
                 QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"),
                 QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c max_connections=300")
                     .arg(m_port)
                     .arg(m_dir->path()),
                 QStringLiteral("start")},
                90000);
            m_running = start.ok();
            if (!m_running)
                *error = QStringLiteral("pg_ctl start: %1").arg(start.describe());
        }
        return m_running;
    }

    void stop()
    {
        if (!m_running)
            return;
        asOwner(m_bin + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                 QStringLiteral("stop")},
                60000);
        m_running = false;
    }

    // A new, empty database for one center.
    bool createDatabase(const QString &name, QString *error) const
    {
        return admin(QStringLiteral("CREATE DATABASE \"%1\"").arg(name), error);
    }

    // Drops a round's database once the round is over, with its pages in shared buffers: otherwise the next round
    // would write the previous round's dirty pages out on its own time.
    bool dropDatabase(const QString &name, QString *error) const
    {
        return admin(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(name), error);
    }

    // Writes every dirty page out and starts a new checkpoint, so that each timed run starts from the same state
    // and no checkpoint the previous runs made due falls inside it.
    bool checkpoint(QString *error) const { return admin(QStringLiteral("CHECKPOINT"), error); }

    sync::CenterDbConfig config(const QString &database) const
    {
        sync::CenterDbConfig c;
        c.backend = sync::CenterDbConfig::Backend::Postgres;
        c.host = host();
        c.port = m_port;
        c.name = database;
        c.user = QStringLiteral("motcua");
        return c;
    }

    // CPU seconds of the postmaster, its live processes and those that ended.
    [[nodiscard]] double cpuSeconds() const
    {
        const qint64 postmaster = postmasterPid();
        if (postmaster <= 0)
            return 0;
        double total = processCpuSeconds(postmaster, true);
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &p : pids) {
            bool numeric = false;
            const qint64 pid = p.toLongLong(&numeric);
            if (numeric && parentPid(pid) == postmaster)
                total += processCpuSeconds(pid);
        }
        return total;
    }

    [[nodiscard]] QString host() const { return QStringLiteral("127.0.0.1"); }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QString version() const { return m_version; }
    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] qint64 postmasterPid() const
    {
        QFile f(QDir(dataDir()).filePath(QStringLiteral("postmaster.pid")));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return f.readLine().trimmed().toLongLong();
    }

private:
    // One statement on the cluster's maintenance database, as its superuser.
    bool admin(const QString &statement, QString *error) const
    {
        const QString connection = QStringLiteral("bench-pg-admin");
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(host());
            db.setPort(m_port);
            db.setDatabaseName(QStringLiteral("postgres"));
            db.setUserName(QStringLiteral("motcua"));
            if (!db.open()) {
                *error = db.lastError().text();
            } else {
                QSqlQuery q(db);
                ok = q.exec(statement);
                if (!ok)
                    *error = q.lastError().text();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }

    [[nodiscard]] QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }

    static ProgramRun asOwner(const QString &program, const QStringList &args, int timeoutMs)
    {
        if (getuid() == 0)
            return runProgram(
                QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), program} + args,
                timeoutMs);
        return runProgram(program, args, timeoutMs);
    }

    QString m_bin;
    QString m_version;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;
    bool m_running = false;
};

// `motcua-center serve` over TLS on 127.0.0.1 with its own configuration file, as the province runs it.
class CenterProcess final {
public:
    struct Options {
        QString program;  // the motcua-center binary
        QString dir;      // its configuration, log and (SQLite) database live here
        TlsFiles tls;
        sync::CenterDbConfig database;
        int threads = 8;  // the configuration's defaults
        int maxInFlight = 64;
    };

    explicit CenterProcess(Options options) : m_options(std::move(options)) {}
    ~CenterProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(CenterProcess)

    bool start(QString *error)
    {
        m_port = freeLoopbackPort();
        const QString ini = QDir(m_options.dir).filePath(QStringLiteral("center.ini"));
        QFile f(ini);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("cannot write %1").arg(ini);
            return false;
        }
        QString text;
        const sync::CenterDbConfig &db = m_options.database;
        if (db.backend == sync::CenterDbConfig::Backend::Sqlite)
            text += QStringLiteral("[database]\nbackend=sqlite\npath=%1\n").arg(db.path);
        else
            text += QStringLiteral("[database]\nbackend=postgresql\nhost=%1\nport=%2\nname=%3\nuser=%4\n")
                        .arg(db.host)
                        .arg(db.port)
                        .arg(db.name, db.user);
        text += QStringLiteral("[server]\nlisten=127.0.0.1\nport=%1\ncertificate=%2\nkey=%3\nca=%4\n"
                               "public_url=https://127.0.0.1:%1\nthreads=%5\nmax_in_flight=%6\n")
                    .arg(m_port)
                    .arg(m_options.tls.certificatePath, m_options.tls.keyPath, m_options.tls.caPath)
                    .arg(m_options.threads)
                    .arg(m_options.maxInFlight);
        f.write(text.toUtf8());
        f.close();

        m_log = QDir(m_options.dir).filePath(QStringLiteral("center.log"));
        m_process.setStandardOutputFile(m_log, QIODevice::Append);
        m_process.setStandardErrorFile(m_log, QIODevice::Append);
        m_process.start(m_options.program, {QStringLiteral("--config"), ini, QStringLiteral("serve")});
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("cannot start %1: %2").arg(m_options.program, m_process.errorString());
            return false;
        }
        const QByteArray ready = "serving https://127.0.0.1:" + QByteArray::number(m_port);
        for (int i = 0; i < 300; ++i) {
            if (log().contains(ready))
                return true;
            if (m_process.waitForFinished(100)) {
                *error = QStringLiteral("motcua-center serve stopped: %1").arg(QString::fromUtf8(log().right(2000)));
                return false;
            }
        }
        *error = QStringLiteral("motcua-center serve did not say it serves within 30 s: %1")
                     .arg(QString::fromUtf8(log().right(2000)));
        stop();
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(20000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    [[nodiscard]] QByteArray log() const
    {
        QFile f(m_log);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    [[nodiscard]] QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }
    [[nodiscard]] double cpuSeconds() const { return processCpuSeconds(pid()); }

private:
    Options m_options;
    QProcess m_process;
    QString m_log;
    quint16 m_port = 0;
};

}  // namespace motcua::bench
