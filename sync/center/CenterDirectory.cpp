// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterDirectory.h"

#include "core/store/Sql.h"
#include "sync/center/CenterDatabase.h"
#include "sync/center/CenterRegistry.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::CenterStore)
};

}  // namespace

CenterDirectory::CenterDirectory(const CenterDatabase &db, const CenterRegistry &registry) :
    m_db(db), m_registry(registry)
{
}

namespace {
Result<qint64> nextOfficerVersion(const QSqlDatabase &db)
{
    auto v = sql::scalar(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM officers"));
    if (!v)
        return v.error();
    return v->toLongLong();
}
}  // namespace

Result<void> CenterDirectory::addOfficer(const OfficerEntry &officer)
{
    static const QStringList roles = {QStringLiteral("officer"), QStringLiteral("supervisor"), QStringLiteral("admin")};
    if (officer.login.trimmed().isEmpty() || officer.fullName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("An officer needs a login and a full name."));
    if (!roles.contains(officer.role))
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("Unknown role '%1' (expected officer, supervisor or admin).").arg(officer.role));
    if (auto u = m_registry.unit(officer.unitId); !u)
        return u.error();
    return m_db.write([&](const QSqlDatabase &db) -> Result<void> {
        auto existing =
            sql::scalar(db, QStringLiteral("SELECT count(*) FROM officers WHERE login = ?"), {officer.login});
        if (!existing)
            return existing.error();
        if (existing->toInt() > 0)
            return makeError(ErrorCode::Conflict, Tr::tr("The officer %1 exists already.").arg(officer.login));
        auto version = nextOfficerVersion(db);
        if (!version)
            return version.error();
        auto r = sql::run(db,
                          QStringLiteral("INSERT INTO officers(login, full_name, role, unit_id, password_hash, "
                                         "disabled, version, updated_at) VALUES(?, ?, ?, ?, ?, 0, ?, ?)"),
                          {officer.login.trimmed(), officer.fullName.trimmed(), officer.role, officer.unitId,
                           officer.passwordHash, *version, CenterDatabase::nowText()});
        if (!r)
            return r.error();
        return {};
    });
}

Result<void> CenterDirectory::setOfficerDisabled(const QString &login, bool disabled)
{
    return m_db.write([&](const QSqlDatabase &db) -> Result<void> {
        auto version = nextOfficerVersion(db);
        if (!version)
            return version.error();
        auto r = sql::run(db,
                          QStringLiteral("UPDATE officers SET disabled = ?, version = ?, updated_at = ? "
                                         "WHERE login = ?"),
                          {disabled ? 1 : 0, *version, CenterDatabase::nowText(), login});
        if (!r)
            return r.error();
        if (r->numRowsAffected() == 0)
            return makeError(ErrorCode::NotFound, Tr::tr("There is no officer %1.").arg(login));
        return {};
    });
}

Result<void> CenterDirectory::setOfficerPassword(const QString &login, const QString &passwordHash)
{
    return m_db.write([&](const QSqlDatabase &db) -> Result<void> {
        auto version = nextOfficerVersion(db);
        if (!version)
            return version.error();
        auto r = sql::run(db,
                          QStringLiteral("UPDATE officers SET password_hash = ?, version = ?, updated_at = ? "
                                         "WHERE login = ?"),
                          {passwordHash, *version, CenterDatabase::nowText(), login});
        if (!r)
            return r.error();
        if (r->numRowsAffected() == 0)
            return makeError(ErrorCode::NotFound, Tr::tr("There is no officer %1.").arg(login));
        return {};
    });
}

Result<QList<OfficerEntry>> CenterDirectory::officers(const QString &unitId, qint64 afterVersion) const
{
    auto q = sql::run(m_db.connection(),
                      QStringLiteral("SELECT login, full_name, role, unit_id, password_hash, disabled, version, "
                                     "updated_at FROM officers WHERE (? = '' OR unit_id = ?) AND version > ? "
                                     "ORDER BY version"),
                      {unitId, unitId, afterVersion});
    if (!q)
        return q.error();
    QList<OfficerEntry> out;
    while (q->next()) {
        OfficerEntry o;
        o.login = q->value(0).toString();
        o.fullName = q->value(1).toString();
        o.role = q->value(2).toString();
        o.unitId = q->value(3).toString();
        o.passwordHash = q->value(4).toString();
        o.disabled = q->value(5).toInt() != 0;
        o.version = q->value(6).toLongLong();
        o.updatedAt = CenterDatabase::fromText(q->value(7).toString());
        out.append(o);
    }
    return out;
}

namespace {
Result<int> importDocument(const CenterDatabase &store, const QString &kind, const QByteArray &document)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(document, &error);
    if (doc.isNull())
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("The file is not valid JSON (%1 at byte %2).").arg(error.errorString()).arg(error.offset));
    int version = 0;
    auto r = store.write([&](const QSqlDatabase &db) -> Result<void> {
        auto v = sql::scalar(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM documents WHERE kind = ?"),
                             {kind});
        if (!v)
            return v.error();
        version = v->toInt();
        auto ins =
            sql::run(db, QStringLiteral("INSERT INTO documents(kind, version, imported_at, body) VALUES(?, ?, ?, ?)"),
                     {kind, version, CenterDatabase::nowText(), QString::fromUtf8(doc.toJson(QJsonDocument::Compact))});
        if (!ins)
            return ins.error();
        return {};
    });
    if (!r)
        return r.error();
    return version;
}

Result<CenterDocument> latestDocument(const QSqlDatabase &db, const QString &kind)
{
    auto q = sql::run(
        db, QStringLiteral("SELECT version, body FROM documents WHERE kind = ? ORDER BY version DESC LIMIT 1"), {kind});
    if (!q)
        return q.error();
    if (!q->next())
        return CenterDocument{};
    return CenterDocument{q->value(0).toInt(), q->value(1).toString().toUtf8()};
}
}  // namespace

Result<int> CenterDirectory::importCatalog(const QByteArray &document)
{
    return importDocument(m_db, QStringLiteral("catalog"), document);
}

Result<int> CenterDirectory::importCalendar(const QByteArray &document)
{
    return importDocument(m_db, QStringLiteral("calendar"), document);
}

Result<CenterDocument> CenterDirectory::latestCatalog() const
{
    return latestDocument(m_db.connection(), QStringLiteral("catalog"));
}

Result<CenterDocument> CenterDirectory::latestCalendar() const
{
    return latestDocument(m_db.connection(), QStringLiteral("calendar"));
}

}  // namespace motcua::sync
