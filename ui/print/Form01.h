// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/dossier/Dossier.h"

#include <QString>

class QPagedPaintDevice;

namespace motcua {
class Store;
}

namespace motcua::ui::print {

// The receiving unit as the forms name it (settings "unit.*", defaults from the counter's identity).
struct UnitInfo {
    QString parentAgency;  // e.g. "UBND TỈNH QUẢNG NINH"
    QString centerName;    // e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HỒNG GAI"
    QString placeName;     // for "…, ngày … tháng … năm …"
    QString lookupUrl;     // the province's public look-up link; the code is appended
    QString officerName;   // the receiving officer's full name (or login)

    static Result<UnitInfo> load(const Store &store, const QString &officerLogin);
};

enum class Paper {
    A4,
    A5,
    Receipt80,  // an 80 mm thermal receipt: unit, code, procedure, received and appointment time, QR code
};

// Form 01 (Circular 03/2025/TT-VPCP): Giấy tiếp nhận hồ sơ và hẹn trả kết quả, in two copies ("Liên 1: Lưu",
// "Liên 2: Giao người nộp"), with the QR code of the code and the look-up link.
QString form01Html(const DossierState &dossier, const UnitInfo &unit, bool reprint, bool compact);
QByteArray form01QrText(const DossierState &dossier, const UnitInfo &unit);
// The short slip of Form 01 for an 80 mm receipt printer (one copy, for the citizen).
QString receiptHtml(const DossierState &dossier, const UnitInfo &unit, bool reprint);

// Renders Form 01 to a PDF file (fonts embedded).
Result<void> renderForm01Pdf(const DossierState &dossier, const UnitInfo &unit, Paper paper, bool reprint,
                             const QString &outPath);

// "9 giờ 30 phút, ngày 02 tháng 3 năm 2026" in Vietnam time.
QString vietnameseMoment(const QDateTime &utc);

}  // namespace motcua::ui::print
