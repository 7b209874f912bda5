// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/print/Documents.h"

#include "ui/print/Form01.h"
#include "ui/print/Forms.h"
#include "ui/print/QrCode.h"

#include <QCoreApplication>

namespace motcua::ui::print {

Result<FormDocument> dossierDocument(int form, const DossierState &dossier, const UnitInfo &unit, Paper paper,
                                     bool reprint)
{
    FormDocument doc;
    doc.paper = paper;
    if (form == 1) {
        doc.qr = qrCodeImage(form01QrText(dossier, unit), 8);
        if (doc.qr.isNull())
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("motcua::print", "The QR code could not be made."));
        doc.html = paper == Paper::Receipt80 ? receiptHtml(dossier, unit, reprint)
                                             : form01Html(dossier, unit, reprint, paper == Paper::A5);
        doc.title = QStringLiteral("Giấy tiếp nhận hồ sơ và hẹn trả kết quả — ") + dossier.code;
        return doc;
    }
    if (form < 2 || form > 6)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("motcua::print", "There is no form %1 for a dossier.").arg(form));
    if (paper == Paper::Receipt80)
        doc.paper = Paper::A4;  // only Form 01 has a receipt layout
    auto html = dossierFormHtml(FormId(form), dossier, unit);
    if (!html)
        return html.error();
    doc.html = *html;
    if (reprint) {
        // The legal text stays as it is; the mark sits above it, on the paper only.
        doc.html.replace(QStringLiteral("<body>"), QStringLiteral("<body><p align='right'><b>BẢN IN LẠI</b></p>"));
    }
    doc.title = QStringLiteral("Mẫu %1 — %2").arg(form, 2, 10, QLatin1Char('0')).arg(dossier.code);
    return doc;
}

FormDocument registerDocument(const QList<DossierSummary> &rows, const UnitInfo &unit, const QDate &from,
                              const QDate &to)
{
    FormDocument doc;
    doc.html = registerHtml(rows, unit, from, to);
    doc.orientation = QPageLayout::Landscape;
    doc.title = QStringLiteral("Sổ theo dõi hồ sơ");
    return doc;
}

}  // namespace motcua::ui::print
