// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/calendar/ProcessingTime.h"
#include "core/dossier/Dossier.h"
#include "ui/print/Form01.h"

#include <QImage>
#include <QPageLayout>
#include <QPagedPaintDevice>
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

// A printable form: its HTML, the paper it is laid out on, and the QR image "qr:code" the HTML may show.
struct FormDocument {
    QString html;
    Paper paper = Paper::A4;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    QString title;
    QImage qr;  // null when the form has none
};

// Sets the page of `device` (size, margins, orientation) for `document` and lays the HTML out at the device's
// resolution, so that what is measured is what is printed; then prints every page. Works for a PDF writer and for
// a printer alike.
void paintDocument(const FormDocument &document, QPagedPaintDevice &device, int resolution);

// Lays `html` out at the resolution of a PDF writer on `paper` and writes the PDF (fonts embedded). `qr`, when
// not null, is the image "qr:code" the HTML may show.
Result<void> renderPdf(const QString &html, Paper paper, QPageLayout::Orientation orientation, const QString &title,
                       const QImage &qr, const QString &outPath);
// The same PDF, in memory.
Result<QByteArray> renderPdfBytes(const FormDocument &document);

}  // namespace motcua::ui::print
