// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/officer/OfficerStore.h"

#include "core/Clock.h"
#include "core/officer/PasswordHash.h"
#include "core/store/AuditLog.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

#include <QCoreApplication>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::OfficerStore)
};

const QString kColumns = QStringLiteral("login, full_name, role, unit_id, password_hash, disabled, updated_at");

OfficerRecord recordFromRow(const QSqlQuery &q)
{
    OfficerRecord r;
    r.login = q.value(0).toString();
    r.fullName = q.value(1).toString();
    r.role = q.value(2).toString();
    r.unitId = q.value(3).toString();
    r.passwordHash = q.value(4).toString();
    r.disabled = q.value(5).toInt() != 0;
    r.updatedAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODate).toUTC();
    return r;
}

Result<void> checkRecord(const OfficerRecord &r)
{
    if (r.login.trimmed().isEmpty() || r.login.trimmed() != r.login)
        return makeError(ErrorCode::InvalidInput, Tr::tr("An officer's login must not be empty or start or end "
                                                         "with spaces."));
    if (r.fullName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("The officer %1 has no full name.").arg(r.login));
    if (!OfficerStore::validRole(r.role))
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("The officer %1 has the unknown role '%2' (officer, supervisor or admin).").arg(r.login, r.role));
    return {};
}

QString timeText(const QDateTime &t)
{
    return (t.isValid() ? t : Clock::now()).toUTC().toString(Qt::ISODate);
}

}  // namespace

OfficerStore::OfficerStore(const Store &store) : m_store(store) {}

bool OfficerStore::validRole(const QString &role)
{
    return role == QStringLiteral("officer") || role == QStringLiteral("supervisor") || role == QStringLiteral("admin");
}

Result<void> OfficerStore::upsert(const QSqlDatabase &db, const OfficerRecord &record)
{
    if (auto c = checkRecord(record); !c)
        return c;
    auto q = sql::run(db,
                      QStringLiteral("INSERT INTO officers(") + kColumns +
                          QStringLiteral(") VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(login) DO UPDATE SET "
                                         "full_name = excluded.full_name, role = excluded.role, "
                                         "unit_id = excluded.unit_id, password_hash = excluded.password_hash, "
                                         "disabled = excluded.disabled, updated_at = excluded.updated_at"),
                      {record.login, record.fullName, record.role, record.unitId, record.passwordHash,
                       record.disabled ? 1 : 0, timeText(record.updatedAt)});
    if (!q)
        return q.error();
    return {};
}

Result<void> OfficerStore::add(const OfficerRecord &record)
{
    if (auto c = checkRecord(record); !c)
        return c;
    return m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        auto exists = sql::scalar(db, QStringLiteral("SELECT 1 FROM officers WHERE login = ?"), {record.login});
        if (!exists)
            return exists.error();
        if (exists->isValid())
            return makeError(ErrorCode::Conflict,
                             Tr::tr("There is already an officer with the login %1.").arg(record.login));
        if (auto u = upsert(db, record); !u)
            return u;
        if (auto a = AuditLog::append(db, {record.login, QStringLiteral("local")},
                                      {QStringLiteral("officer.add"), record.login, record.role});
            !a)
            return a.error();
        return {};
    });
}

Result<LoginResult> OfficerStore::login(const QString &login, const QString &password)
{
    LoginResult result;
    const QDateTime now = Clock::now();
    auto q = sql::run(m_store.connection(),
                      QStringLiteral("SELECT ") + kColumns +
                          QStringLiteral(", failed_logins, locked_until FROM officers WHERE login = ?"),
                      {login});
    if (!q)
        return q.error();
    if (!q->next()) {
        result.outcome = LoginOutcome::Unknown;
        return result;
    }
    result.officer = recordFromRow(*q);
    int failed = q->value(7).toInt();
    const QDateTime lockedUntil = QDateTime::fromString(q->value(8).toString(), Qt::ISODate).toUTC();
    q->finish();
    if (result.officer.disabled) {
        result.outcome = LoginOutcome::Disabled;
        return result;
    }
    if (lockedUntil.isValid() && lockedUntil > now) {
        result.outcome = LoginOutcome::Locked;
        result.lockedUntil = lockedUntil;
        return result;
    }
    if (lockedUntil.isValid())
        failed = 0;  // the lock ran out: a fresh set of tries
    const bool ok = !result.officer.passwordHash.isEmpty() && verifyPassword(result.officer.passwordHash, password);
    auto written = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        const Actor actor{login, QStringLiteral("local")};
        if (ok) {
            result.outcome = LoginOutcome::Ok;
            auto u = sql::run(
                db, QStringLiteral("UPDATE officers SET failed_logins = 0, locked_until = NULL WHERE login = ?"),
                {login});
            if (!u)
                return u.error();
            if (auto a = AuditLog::append(db, actor, {QStringLiteral("officer.login"), login, {}}); !a)
                return a.error();
            return {};
        }
        ++failed;
        QVariant lockValue;
        if (failed >= kMaxFailedLogins) {
            result.outcome = LoginOutcome::Locked;
            result.lockedUntil = now.addSecs(kLockMinutes * 60);
            lockValue = result.lockedUntil.toString(Qt::ISODate);
            failed = 0;
        } else {
            result.outcome = LoginOutcome::WrongPassword;
            result.attemptsLeft = kMaxFailedLogins - failed;
        }
        auto u = sql::run(db, QStringLiteral("UPDATE officers SET failed_logins = ?, locked_until = ? WHERE login = ?"),
                          {failed, lockValue, login});
        if (!u)
            return u.error();
        const QString action = result.outcome == LoginOutcome::Locked ? QStringLiteral("officer.locked")
                                                                      : QStringLiteral("officer.login_failed");
        if (auto a = AuditLog::append(db, actor, {action, login, {}}); !a)
            return a.error();
        return {};
    });
    if (!written)
        return written.error();
    return result;
}

Result<QList<OfficerRecord>> OfficerStore::list() const
{
    auto q = sql::run(m_store.connection(),
                      QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM officers ORDER BY login"));
    if (!q)
        return q.error();
    QList<OfficerRecord> out;
    while (q->next())
        out.append(recordFromRow(*q));
    return out;
}

Result<std::optional<QString>> OfficerStore::fullName(const QString &login) const
{
    auto name =
        sql::scalar(m_store.connection(), QStringLiteral("SELECT full_name FROM officers WHERE login = ?"), {login});
    if (!name)
        return name.error();
    if (!name->isValid())
        return std::optional<QString>();
    return std::optional<QString>(name->toString());
}

}  // namespace motcua
