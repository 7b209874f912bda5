// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/CatalogStore.h"

#include "core/Clock.h"
#include "core/Log.h"
#include "core/catalog/CatalogImport.h"
#include "core/store/Sql.h"
#include "core/text/VietnameseFold.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace motcua {

namespace {

const QString kMetaKey = QStringLiteral("catalog_version");

Result<int> currentVersionOn(const QSqlDatabase &db)
{
    auto v = sql::scalar(db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {kMetaKey});
    if (!v)
        return v.error();
    return v->isValid() ? v->toInt() : 0;
}

CatalogVersion versionFromRow(const QSqlQuery &q)
{
    CatalogVersion v;
    v.version = q.value(0).toInt();
    v.importedAt = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    v.origin = q.value(2).toString();
    v.sha256 = q.value(3).toString();
    v.procedureCount = q.value(4).toInt();
    return v;
}

const QString kVersionColumns =
    QStringLiteral("SELECT version, imported_at, origin, sha256, procedure_count FROM catalog_versions");

Result<CatalogVersion> versionOn(const QSqlDatabase &db, int version)
{
    auto q = sql::run(db, QString(kVersionColumns + QStringLiteral(" WHERE version = ?")), {version});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("motcua::catalog", "Catalog version %1 is not in this store.").arg(version));
    return versionFromRow(*q);
}

Procedure procedureFromDoc(const QString &doc)
{
    return catalog::procedureFromJson(QJsonDocument::fromJson(doc.toUtf8()).object(), QString(), nullptr);
}

}  // namespace

Result<CatalogImportOutcome> CatalogStore::importJson(const QByteArray &json, const QString &origin,
                                                      const Actor &actor) const
{
    auto parsed = catalog::parseCatalog(json);
    if (!parsed)
        return parsed.error();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex());
    CatalogImportOutcome outcome;
    auto written = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        auto current = currentVersionOn(db);
        if (!current)
            return current.error();
        if (*current > 0) {
            auto existing = versionOn(db, *current);
            if (!existing)
                return existing.error();
            if (existing->sha256 == sha) {
                outcome.version = *existing;
                outcome.alreadyCurrent = true;
                return {};
            }
        }
        auto next = sql::scalar(db, QStringLiteral("SELECT coalesce(max(version), 0) + 1 FROM catalog_versions"));
        if (!next)
            return next.error();
        CatalogVersion v;
        v.version = next->toInt();
        v.importedAt = Clock::now().toUTC();
        v.origin = origin;
        v.sha256 = sha;
        v.procedureCount = int(parsed->procedures.size());
        auto inserted =
            sql::run(db,
                     QStringLiteral("INSERT INTO catalog_versions(version, imported_at, origin, sha256, "
                                    "procedure_count) VALUES(?, ?, ?, ?, ?)"),
                     {v.version, v.importedAt.toString(Qt::ISODateWithMs), v.origin, v.sha256, v.procedureCount});
        if (!inserted)
            return inserted.error();
        const QString insertProcedure =
            QStringLiteral("INSERT INTO procedures(version, code, name, name_folded, field, level, agency, "
                           "processing_kind, processing_days, fee_vnd, doc) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (const Procedure &p : std::as_const(parsed->procedures)) {
            const QString doc = QString::fromUtf8(QJsonDocument(p.doc).toJson(QJsonDocument::Compact));
            auto row = sql::run(db, insertProcedure,
                                {v.version, p.code, p.name, foldVietnamese(p.name), p.field, p.level, p.agency,
                                 processingKindName(p.processing.kind), p.processing.days, p.feeVnd.value_or(0), doc});
            if (!row)
                return row.error();
        }
        if (auto r = m_store.setMeta(db, kMetaKey, QString::number(v.version)); !r)
            return r;
        const QString detail =
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("origin"), origin},
                                                        {QStringLiteral("sha256"), sha},
                                                        {QStringLiteral("procedures"), v.procedureCount},
                                                        {QStringLiteral("previous_version"), *current}})
                                  .toJson(QJsonDocument::Compact));
        auto audit =
            AuditLog::append(db, actor, {QStringLiteral("catalog.import"), QString::number(v.version), detail});
        if (!audit)
            return audit.error();
        outcome.version = v;
        return {};
    });
    if (!written)
        return written.error();
    if (outcome.alreadyCurrent)
        qCInfo(lcCatalog) << "Catalog" << origin << "is version" << outcome.version.version << "already";
    else
        qCInfo(lcCatalog) << "Imported catalog version" << outcome.version.version << "from" << origin << "with"
                          << outcome.version.procedureCount << "procedures";
    return outcome;
}

Result<int> CatalogStore::currentVersion() const
{
    return currentVersionOn(m_store.connection());
}

Result<QList<CatalogVersion>> CatalogStore::versions() const
{
    auto q = sql::run(m_store.connection(), QString(kVersionColumns + QStringLiteral(" ORDER BY version")));
    if (!q)
        return q.error();
    QList<CatalogVersion> list;
    while (q->next())
        list.append(versionFromRow(*q));
    return list;
}

Result<int> CatalogStore::resolve(int version) const
{
    if (version > 0) {
        auto v = versionOn(m_store.connection(), version);
        if (!v && v.error().code == ErrorCode::NotFound)
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("motcua::catalog", "Catalog version %1 does not exist.").arg(version));
        if (!v)
            return v.error();
        return version;
    }
    auto current = currentVersion();
    if (!current)
        return current.error();
    if (*current == 0)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("motcua::catalog", "No procedure catalog has been imported yet."));
    return *current;
}

Result<Procedure> CatalogStore::procedure(const QString &code, int version) const
{
    auto resolved = resolve(version);
    if (!resolved)
        return resolved.error();
    auto doc =
        sql::scalar(m_store.connection(), QStringLiteral("SELECT doc FROM procedures WHERE version = ? AND code = ?"),
                    {*resolved, code.trimmed()});
    if (!doc)
        return doc.error();
    if (!doc->isValid())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate(
                                                  "motcua::catalog", "There is no procedure %1 in catalog version %2.")
                                                  .arg(code.trimmed())
                                                  .arg(*resolved));
    return procedureFromDoc(doc->toString());
}

Result<QList<Procedure>> CatalogStore::procedures(int version) const
{
    auto resolved = resolve(version);
    if (!resolved)
        return resolved.error();
    auto q = sql::run(m_store.connection(),
                      QStringLiteral("SELECT doc FROM procedures WHERE version = ? ORDER BY code"), {*resolved});
    if (!q)
        return q.error();
    QList<Procedure> list;
    while (q->next())
        list.append(procedureFromDoc(q->value(0).toString()));
    return list;
}

Result<QList<ProcedureTitle>> CatalogStore::titles(int version) const
{
    auto q = sql::run(m_store.connection(),
                      QStringLiteral("SELECT code, name FROM procedures WHERE version = ? ORDER BY name"), {version});
    if (!q)
        return q.error();
    QList<ProcedureTitle> list;
    while (q->next())
        list.append({q->value(0).toString(), q->value(1).toString()});
    return list;
}

Result<QStringList> CatalogStore::fields(int version) const
{
    auto q = sql::run(m_store.connection(),
                      QStringLiteral("SELECT DISTINCT field FROM procedures WHERE version = ? AND field <> '' "
                                     "ORDER BY field"),
                      {version});
    if (!q)
        return q.error();
    QStringList list;
    while (q->next())
        list.append(q->value(0).toString());
    return list;
}

Result<bool> ensureSeeded(const Store &store, const QByteArray &demoJson, const Actor &actor)
{
    const CatalogStore catalog(store);
    auto current = catalog.currentVersion();
    if (!current)
        return current.error();
    if (*current > 0)
        return false;
    auto imported = catalog.importJson(demoJson, QStringLiteral("demo"), actor);
    if (!imported)
        return imported.error();
    return !imported->alreadyCurrent;
}

}  // namespace motcua
