// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>

namespace motcua {

// Dossier codes in the national format <agency id>-YYMMDD-NNNN (docs/dossier-codes.md). Every counter issues
// codes with no center contact and no two counters of an agency ever issue the same one: the NNNN space of
// each agency and day is partitioned into fixed reserves, one per counter slot (a number 1…slots that the center
// gives each counter of an agency at enrollment).
class DossierCodes final {
public:
    static constexpr int kMaxSequence = 9999;
    static constexpr int kDefaultSlots = 20;

    struct Range {
        int first = 0;
        int last = 0;
    };

    static QString format(const QString &agencyId, const QDate &day, int sequence);
    // Splits a code; false when it is not in the national format.
    static bool parse(const QString &code, QString *agencyId, QDate *day, int *sequence);
    static bool isValidAgencyId(const QString &agencyId);

    // The reserve of `slot` (1-based) when an agency's day is split into `slots` equal reserves.
    static Range reserve(int slot, int slots);

    // Issues the next code of `agencyId` for `day` from this counter's reserve, inside the caller's transaction.
    // Running out is an Exhausted error, never a duplicate.
    static Result<QString> issue(const QSqlDatabase &db, const QString &agencyId, const QDate &day, int slot,
                                 int slots);

private:
    DossierCodes() = delete;
};

}  // namespace motcua
