#pragma once

#include "core/Result.h"
#include "core/calendar/ProcessingTime.h"
#include "core/dossier/Dossier.h"
#include "ui/print/Form01.h"

#include <QImage>
#include <QPageLayout>
#include <QString>

// Pieces every printed form shares. The forms are legal documents in Vietnamese whatever the interface
// language, so their text is data here, not translatable interface text.
namespace motcua::ui::print {

QString esc(const QString &s);
// The header of an administrative document: parent agency and unit | national motto, then "<place>, ngày … tháng
// … năm …" for `at` (Vietnam time).
QString headerHtml(const UnitInfo &unit, const QDateTime &at);
QString processingText(const ProcessingTime &t);
QString returnText(const DossierState &d);
// The newest event of `type` in the dossier's timeline, or null when there is none.
const TimelineEntry *latest(const DossierState &d, EventType type);

// Lays `html` out at the resolution of a PDF writer on `paper` and writes the PDF (fonts embedded). `qr`, when
// not null, is the image "qr:code" the HTML may show.
Result<void> renderPdf(const QString &html, Paper paper, QPageLayout::Orientation orientation, const QString &title,
                       const QImage &qr, const QString &outPath);

}  // namespace motcua::ui::print
