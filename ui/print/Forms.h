// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/dossier/Dossier.h"
#include "core/dossier/DossierStore.h"
#include "ui/print/Form01.h"

#include <QDate>

namespace motcua::ui::print {

// Forms 02–06 of Circular 03/2025/TT-VPCP for one dossier, and Form 07 (the register) for a date range.
enum class FormId { SupplementRequest = 2, Refusal = 3, Apology = 4, StopNotice = 5, ControlSheet = 6 };

// The form's HTML; InvalidInput when the dossier has no event the form reports (e.g. Form 04 without an
// extension).
Result<QString> dossierFormHtml(FormId form, const DossierState &dossier, const UnitInfo &unit);
Result<void> renderDossierFormPdf(FormId form, const DossierState &dossier, const UnitInfo &unit, Paper paper,
                                  const QString &outPath);

// Form 07: Sổ theo dõi hồ sơ, landscape, the column headers repeated on every page.
QString registerHtml(const QList<DossierSummary> &rows, const UnitInfo &unit, const QDate &from, const QDate &to);
Result<void> renderRegisterPdf(const QList<DossierSummary> &rows, const UnitInfo &unit, const QDate &from,
                               const QDate &to, const QString &outPath);

}  // namespace motcua::ui::print
