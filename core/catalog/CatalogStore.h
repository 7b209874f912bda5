// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/catalog/Procedure.h"
#include "core/store/AuditLog.h"
#include "core/store/Store.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace motcua {

struct CatalogVersion {
    int version = 0;
    QDateTime importedAt;  // UTC
    QString origin;        // where the file came from (a file name, "demo", the center …)
    QString sha256;        // of the imported bytes, hex
    int procedureCount = 0;
};

struct ProcedureTitle {
    QString code;
    QString name;
};

struct CatalogImportOutcome {
    CatalogVersion version;
    bool alreadyCurrent = false;  // the same bytes as the current version: nothing was written
};

// The versioned procedure catalog in the local store (tables catalog_versions and procedures; the current version
// number in meta "catalog_version"). Each import is a new snapshot, so a dossier keeps reading the procedure of the
// version it was received under while new dossiers get the newest one.
class CatalogStore final {
public:
    explicit CatalogStore(const Store &store) : m_store(store) {}

    // Parses `json` (catalog::parseCatalog) and stores it as a new version in one transaction, with an audit entry
    // "catalog.import". A rejected file changes nothing. The same bytes as the current version are a no-op that
    // reports that version (an older version's bytes make a new version: going back is a change too).
    Result<CatalogImportOutcome> importJson(const QByteArray &json, const QString &origin, const Actor &actor) const;

    // The version in force; 0 when no catalog has been imported.
    Result<int> currentVersion() const;
    Result<QList<CatalogVersion>> versions() const;

    // A procedure of `version` (0: the current version). NotFound when the code is not in that version.
    Result<Procedure> procedure(const QString &code, int version = 0) const;
    // Every procedure of `version` (0: the current one), in code order.
    Result<QList<Procedure>> procedures(int version = 0) const;
    // The code and name of every procedure of `version` (an imported version, not 0), in name order: for choosing one.
    Result<QList<ProcedureTitle>> titles(int version) const;
    // The fields (lĩnh vực) of the procedures of `version` (not 0), each once, in order; procedures without one are
    // left out.
    Result<QStringList> fields(int version) const;

private:
    Result<int> resolve(int version) const;

    const Store &m_store;
};

// Imports `demoJson` (the embedded demo catalog; core cannot reach the resources, so the caller passes the bytes)
// when the store has no catalog yet. Returns true when it imported.
Result<bool> ensureSeeded(const Store &store, const QByteArray &demoJson,
                          const Actor &actor = {QStringLiteral("system"), QStringLiteral("local")});

}  // namespace motcua
