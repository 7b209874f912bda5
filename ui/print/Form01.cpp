// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/print/Form01.h"

#include "core/Clock.h"
#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierCodes.h"
#include "core/officer/OfficerStore.h"
#include "core/store/SettingsStore.h"
#include "core/store/Store.h"
#include "ui/print/FormParts.h"
#include "ui/print/QrCode.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

// The forms are legal documents in Vietnamese whatever the interface language: their text is data here,
// not translatable interface text.

namespace motcua::ui::print {

namespace {

// The unit's setting, or its default (also when it cannot be read: the form is printed all the same).
QString setting(const SettingsStore &settings, SettingsStore::Key key)
{
    auto v = settings.value(key);
    return v ? *v : SettingsStore::defaultValue(key);
}

QString copyHtml(const DossierState &d, const UnitInfo &unit, const QString &copyLabel, bool reprint, bool compact)
{
    // A5 keeps each copy on one sheet: less room for signatures and a smaller QR code.
    const QString signatureSpace = compact ? QStringLiteral("<br><br>") : QStringLiteral("<br><br><br><br>");
    const int qrSide = compact ? 72 : 96;
    const QDateTime receivedVn = d.receivedAt.toTimeZone(vietnamTimeZone());
    QString h;
    h += headerHtml(unit, d.receivedAt);
    h += QStringLiteral("<p align='center' style='font-size:large'><b>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</b></p>");
    h += QStringLiteral("<p align='center'>Mã hồ sơ: <b>%1</b><br><i>(%2)%3</i></p>")
             .arg(esc(d.code), esc(copyLabel), reprint ? QStringLiteral(" — BẢN IN LẠI") : QString());
    const QJsonObject &a = d.applicant;
    h += QStringLiteral("<p>%1 tiếp nhận hồ sơ của:</p>").arg(esc(unit.centerName));
    h += QStringLiteral("<p>Ông/Bà: <b>%1</b>%2<br>Địa chỉ: %3<br>Số điện thoại: %4 &nbsp;&nbsp; Email: %5</p>")
             .arg(esc(a.value(QStringLiteral("full_name")).toString()),
                  a.value(QStringLiteral("id_number")).toString().isEmpty()
                      ? QString()
                      : QStringLiteral(" &nbsp;&nbsp; Số định danh cá nhân: %1")
                            .arg(esc(a.value(QStringLiteral("id_number")).toString())),
                  esc(a.value(QStringLiteral("address")).toString()), esc(a.value(QStringLiteral("phone")).toString()),
                  esc(a.value(QStringLiteral("email")).toString()));
    if (!d.representative.isEmpty())
        h += QStringLiteral("<p>Người được ủy quyền: %1</p>")
                 .arg(esc(d.representative.value(QStringLiteral("full_name")).toString()));
    h += QStringLiteral("<p>Nội dung yêu cầu giải quyết: <b>%1</b> (mã thủ tục %2)</p>")
             .arg(esc(d.procedureName), esc(d.procedureCode));
    h += QStringLiteral("<p>1. Thành phần hồ sơ nộp gồm:</p>"
                        "<table width='100%' border='1' cellspacing='0' cellpadding='3'>"
                        "<thead><tr><th width='6%'>STT</th><th>Tên giấy tờ</th><th width='11%'>Bản chính</th>"
                        "<th width='13%'>Bản sao chứng thực</th><th width='10%'>Bản sao</th></tr></thead>");
    int row = 0;
    for (const QJsonValue &v : d.documents) {
        const QJsonObject doc = v.toObject();
        h += QStringLiteral(
                 "<tr><td align='center'>%1</td><td>%2</td><td align='center'>%3</td><td align='center'>%4</td>"
                 "<td align='center'>%5</td></tr>")
                 .arg(++row)
                 .arg(esc(doc.value(QStringLiteral("name")).toString()))
                 .arg(doc.value(QStringLiteral("originals")).toInt())
                 .arg(doc.value(QStringLiteral("certified_copies")).toInt())
                 .arg(doc.value(QStringLiteral("copies")).toInt());
    }
    h += QStringLiteral("</table>");
    int sequence = 0;
    DossierCodes::parse(d.code, nullptr, nullptr, &sequence);
    h += QStringLiteral("<p>2. Số lượng hồ sơ: %1 (bộ)<br>"
                        "3. Thời gian giải quyết hồ sơ theo quy định: %2<br>"
                        "4. Thời gian nhận hồ sơ: <b>%3</b><br>"
                        "5. Thời gian trả kết quả giải quyết hồ sơ: <b>%4</b><br>"
                        "6. Đăng ký nhận kết quả tại: %5<br>"
                        "7. Phí, lệ phí: %6<br>"
                        "Vào Sổ theo dõi hồ sơ, Quyển số: %7, Số thứ tự: %8</p>")
             .arg(d.sets)
             .arg(esc(processingText(d.processing)), esc(vietnameseMoment(d.receivedAt)),
                  esc(vietnameseMoment(d.dueAt)), esc(returnText(d)),
                  d.feeTotal() > 0 ? QStringLiteral("%1 đồng").arg(
                                         QLocale(QLocale::Vietnamese, QLocale::Vietnam).toString(d.feeTotal()))
                                   : QStringLiteral("Không"))
             .arg(receivedVn.toString(QStringLiteral("dd/MM/yyyy")))
             .arg(sequence, 4, 10, QLatin1Char('0'));
    h += QStringLiteral("<table width='100%'><tr>"
                        "<td width='50%' align='center'><b>NGƯỜI NỘP HỒ SƠ</b><br><i>(Ký và ghi rõ họ "
                        "tên)</i>%1%2</td>"
                        "<td width='50%' align='center'><b>NGƯỜI TIẾP NHẬN HỒ SƠ</b><br><i>(Ký và ghi rõ họ "
                        "tên)</i>%1%3</td>"
                        "</tr></table>")
             .arg(signatureSpace, esc(a.value(QStringLiteral("full_name")).toString()), esc(unit.officerName));
    h += QStringLiteral("<table><tr><td><img src='qr:code' width='%3' height='%3'></td>"
                        "<td valign='middle'>&nbsp;Mã hồ sơ: <b>%1</b><br>&nbsp;Tra cứu kết quả: %2</td></tr></table>")
             .arg(esc(d.code), esc(unit.lookupUrl + d.code))
             .arg(qrSide);
    return h;
}

}  // namespace

Result<UnitInfo> UnitInfo::load(const Store &store, const QString &officerLogin)
{
    auto id = CounterIdentity::load(store);
    if (!id)
        return id.error();
    using Key = SettingsStore::Key;
    const SettingsStore settings(store);
    UnitInfo u;
    u.parentAgency = setting(settings, Key::ParentAgency);
    // Unset, the center is named as the unit was at enrollment.
    auto center = settings.stored(Key::CenterName);
    if (center && *center && !(*center)->isEmpty())
        u.centerName = **center;
    else
        u.centerName = id->unitName.isEmpty() ? SettingsStore::defaultValue(Key::CenterName) : id->unitName;
    u.placeName = setting(settings, Key::PlaceName);
    u.lookupUrl = setting(settings, Key::LookupUrl);
    auto name = OfficerStore(store).fullName(officerLogin);
    u.officerName = name && *name ? **name : officerLogin;
    return u;
}

QString vietnameseMoment(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime t = utc.toTimeZone(vietnamTimeZone());
    return QStringLiteral("%1 giờ %2 phút, ngày %3 tháng %4 năm %5")
        .arg(t.time().hour())
        .arg(t.time().minute(), 2, 10, QLatin1Char('0'))
        .arg(t.date().day(), 2, 10, QLatin1Char('0'))
        .arg(t.date().month(), 2, 10, QLatin1Char('0'))
        .arg(t.date().year());
}

QByteArray form01QrText(const DossierState &dossier, const UnitInfo &unit)
{
    return QString(dossier.code + QLatin1Char('\n') + unit.lookupUrl + dossier.code).toUtf8();
}

QString receiptHtml(const DossierState &d, const UnitInfo &unit, bool reprint)
{
    return QStringLiteral("<html><body><p align='center'><b>%1</b><br>%2</p>"
                          "<p align='center'><b>GIẤY HẸN TRẢ KẾT QUẢ</b>%3</p>"
                          "<p>Mã hồ sơ: <b>%4</b><br>Người nộp: %5<br>Thủ tục: %6</p>"
                          "<p>Nhận hồ sơ: %7<br>Hẹn trả: <b>%8</b><br>Nhận kết quả tại: %9</p>"
                          "<p align='center'><img src='qr:code' width='150' height='150'><br>Tra cứu: %10</p>"
                          "</body></html>")
        .arg(esc(unit.centerName.toUpper()), esc(unit.parentAgency),
             reprint ? QStringLiteral("<br>(BẢN IN LẠI)") : QString(), esc(d.code),
             esc(d.applicant.value(QStringLiteral("full_name")).toString()), esc(d.procedureName),
             esc(vietnameseMoment(d.receivedAt)), esc(vietnameseMoment(d.dueAt)), esc(returnText(d)))
        .arg(esc(unit.lookupUrl + d.code));
}

QString form01Html(const DossierState &dossier, const UnitInfo &unit, bool reprint, bool compact)
{
    return QStringLiteral("<html><body>") + copyHtml(dossier, unit, QStringLiteral("Liên 1: Lưu"), reprint, compact) +
           QStringLiteral("<p style='page-break-before: always'></p>") +
           copyHtml(dossier, unit, QStringLiteral("Liên 2: Giao người nộp"), reprint, compact) +
           QStringLiteral("</body></html>");
}

Result<void> renderForm01Pdf(const DossierState &dossier, const UnitInfo &unit, Paper paper, bool reprint,
                             const QString &outPath)
{
    const QImage qr = qrCodeImage(form01QrText(dossier, unit), 8);
    if (qr.isNull())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("motcua::print", "The QR code could not be made."));
    const QString html = paper == Paper::Receipt80 ? receiptHtml(dossier, unit, reprint)
                                                   : form01Html(dossier, unit, reprint, paper == Paper::A5);
    return renderPdf(html, paper, QPageLayout::Portrait,
                     QStringLiteral("Giấy tiếp nhận hồ sơ và hẹn trả kết quả — ") + dossier.code, qr, outPath);
}

}  // namespace motcua::ui::print
