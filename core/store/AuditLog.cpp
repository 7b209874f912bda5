// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/AuditLog.h"

#include "core/Clock.h"
#include "core/Log.h"
#include "core/store/Sql.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::AuditLog)
};

const QString kGenesis = QString(64, QLatin1Char('0'));
const QString kHeadKey = QStringLiteral("audit_head");

QString entryHash(qint64 seq, const QString &at, const QString &officer, const QString &counterId,
                  const QString &action, const QString &subject, const QString &detail, const QString &prevHash)
{
    // Fields joined by the ASCII unit separator, which none of them may contain unescaped: the length
    // prefix keeps "a\x1fb" + "c" and "a" + "b\x1fc" apart.
    QByteArray data;
    for (const QString &field : {QString::number(seq), at, officer, counterId, action, subject, detail, prevHash}) {
        const QByteArray utf8 = field.toUtf8();
        data += QByteArray::number(utf8.size());
        data += '\x1f';
        data += utf8;
        data += '\x1e';
    }
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

}  // namespace

Result<qint64> AuditLog::append(const QSqlDatabase &db, const Actor &actor, const AuditRecord &record)
{
    auto head = sql::run(db, QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!head)
        return head.error();
    qint64 seq = 1;
    QString prev = kGenesis;
    if (head->next()) {
        seq = head->value(0).toLongLong() + 1;
        prev = head->value(1).toString();
    }
    const QString at = Clock::now().toString(Qt::ISODateWithMs);
    const QString hash =
        entryHash(seq, at, actor.officer, actor.counterId, record.action, record.subject, record.detail, prev);
    auto ins =
        sql::run(db,
                 QStringLiteral("INSERT INTO audit_log(seq, at, officer, counter_id, action, subject, detail, "
                                "prev_hash, hash) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 {seq, at, actor.officer, actor.counterId, record.action, record.subject, record.detail, prev, hash});
    if (!ins)
        return ins.error();
    auto meta = sql::run(db,
                         QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) "
                                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                         {kHeadKey, QString(QString::number(seq) + QLatin1Char(':') + hash)});
    if (!meta)
        return meta.error();
    return seq;
}

Result<AuditVerification> AuditLog::verify(const QSqlDatabase &db)
{
    AuditVerification v;
    auto rows =
        sql::run(db, QStringLiteral("SELECT seq, at, officer, counter_id, action, subject, detail, prev_hash, hash "
                                    "FROM audit_log ORDER BY seq"));
    if (!rows)
        return rows.error();
    qint64 expectedSeq = 1;
    QString prev = kGenesis;
    auto fail = [&](qint64 seq, const QString &problem) {
        v.intact = false;
        v.firstBadSeq = seq;
        v.problem = problem;
    };
    while (rows->next()) {
        const qint64 seq = rows->value(0).toLongLong();
        ++v.entries;
        if (!v.intact)
            continue;
        if (seq != expectedSeq) {
            fail(expectedSeq, Tr::tr("entry %1 is missing (the next entry is %2)").arg(expectedSeq).arg(seq));
            continue;
        }
        const QString storedPrev = rows->value(7).toString();
        const QString storedHash = rows->value(8).toString();
        if (storedPrev != prev) {
            fail(seq, Tr::tr("entry %1 does not follow entry %2 (chain broken)").arg(seq).arg(seq - 1));
            continue;
        }
        const QString computed =
            entryHash(seq, rows->value(1).toString(), rows->value(2).toString(), rows->value(3).toString(),
                      rows->value(4).toString(), rows->value(5).toString(), rows->value(6).toString(), storedPrev);
        if (computed != storedHash) {
            fail(seq, Tr::tr("entry %1 was altered after it was written").arg(seq));
            continue;
        }
        prev = storedHash;
        ++expectedSeq;
    }
    if (v.intact) {
        auto head = sql::scalar(db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {kHeadKey});
        if (!head)
            return head.error();
        const QString expectedHead =
            v.entries == 0 ? QString() : QString::number(expectedSeq - 1) + QLatin1Char(':') + prev;
        if (head->toString() != expectedHead) {
            const qint64 headSeq = head->toString().section(QLatin1Char(':'), 0, 0).toLongLong();
            fail(qMax<qint64>(expectedSeq, 1),
                 headSeq >= expectedSeq
                     ? Tr::tr("the newest entries were removed (the log ends at %1, its head records %2)")
                           .arg(expectedSeq - 1)
                           .arg(headSeq)
                     : Tr::tr("the recorded head of the log does not match its newest entry"));
        }
    }
    if (!v.intact)
        qCWarning(lcAudit) << "Audit log verification failed:" << v.problem;
    return v;
}

}  // namespace motcua
