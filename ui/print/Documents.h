// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/dossier/Dossier.h"
#include "core/dossier/DossierStore.h"
#include "ui/print/FormParts.h"

#include <QDate>

namespace motcua::ui::print {

// The printable document of a form for one dossier: 1 (Form 01), 2–6 (Forms 02–06). A reprint carries the mark
// "BẢN IN LẠI" on the paper. InvalidInput when the dossier has nothing the form reports.
Result<FormDocument> dossierDocument(int form, const DossierState &dossier, const UnitInfo &unit, Paper paper,
                                     bool reprint);
// Form 07, the register, over a date range.
FormDocument registerDocument(const QList<DossierSummary> &rows, const UnitInfo &unit, const QDate &from,
                              const QDate &to);

}  // namespace motcua::ui::print
