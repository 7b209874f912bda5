// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/calendar/ProcessingTime.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace motcua {

// One required document: how many originals, certified copies and plain copies the applicant hands in.
// `presentOnly`: shown at the counter and handed back (e.g. the ID card), nothing is kept.
struct DocumentRequirement {
    QString name;
    int originals = 0;
    int certifiedCopies = 0;
    int copies = 0;
    bool presentOnly = false;

    friend bool operator==(const DocumentRequirement &, const DocumentRequirement &) = default;
};

// One line of a fee schedule ("fee_lines": [{"name", "fee_vnd", "note"}]), for procedures with several amounts.
struct FeeLine {
    QString name;
    qint64 feeVnd = 0;
    QString note;

    friend bool operator==(const FeeLine &, const FeeLine &) = default;
};

// A variant for a kind of zone ("zone_variants": [{"zone", "processing", "fee_vnd", "note"}]), e.g. a longer
// processing time in mountain or island communes. Unset parts fall back to the procedure's own.
struct ZoneVariant {
    QString zone;  // free word of the catalog, e.g. "plains", "mountain_island"
    std::optional<ProcessingTime> processing;
    std::optional<qint64> feeVnd;
    QString note;

    friend bool operator==(const ZoneVariant &, const ZoneVariant &) = default;
};

// A procedure of the catalog as imported (DESIGN.md, "Procedure catalog"). The JSON keys are those of the sample
// catalog: code, name, field, level, agency, processing {kind, days}, fee_vnd, fee_note, fee_lines, documents
// [{name, originals, certified_copies, copies, present_only}], zone_variants, legal_basis, verified, notes.
// Fields the program does not know are kept in `doc`, the object exactly as imported.
struct Procedure {
    QString code;  // national "1.001193" or a local variant "1.012753.H19"
    QString name;
    QString field;   // lĩnh vực
    QString level;   // e.g. "Cấp xã"
    QString agency;  // competent agency
    ProcessingTime processing;
    std::optional<qint64> feeVnd;  // unset when the catalog gives none (null or missing)
    QString feeNote;
    QList<FeeLine> feeLines;
    QList<DocumentRequirement> documents;
    QList<ZoneVariant> zoneVariants;
    QStringList legalBasis;
    bool verified = false;
    QString notes;
    QJsonObject doc;  // the original object, unknown fields included

    friend bool operator==(const Procedure &, const Procedure &) = default;
};

}  // namespace motcua
