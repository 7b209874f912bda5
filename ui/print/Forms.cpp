// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/print/Forms.h"

#include "core/Clock.h"
#include "ui/print/FormParts.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace motcua::ui::print {

namespace {

QString applicantBlock(const DossierState &d)
{
    return QStringLiteral("<p>Kính gửi: Ông/Bà <b>%1</b><br>Địa chỉ: %2<br>Số điện thoại: %3</p>"
                          "<p>Mã hồ sơ: <b>%4</b> — Thủ tục: %5 (mã %6)<br>Tiếp nhận lúc: %7</p>")
        .arg(esc(d.applicant.value(QStringLiteral("full_name")).toString()),
             esc(d.applicant.value(QStringLiteral("address")).toString()),
             esc(d.applicant.value(QStringLiteral("phone")).toString()), esc(d.code), esc(d.procedureName),
             esc(d.procedureCode), esc(vietnameseMoment(d.receivedAt)));
}

QString signature(const QString &role, const QString &name)
{
    return QStringLiteral("<table width='100%'><tr><td width='50%'></td><td width='50%' align='center'><b>%1</b><br>"
                          "<i>(Ký và ghi rõ họ tên)</i><br><br><br><br>%2</td></tr></table>")
        .arg(esc(role), esc(name));
}

QString title(const QString &text)
{
    return QStringLiteral("<p align='center' style='font-size:large'><b>%1</b></p>").arg(esc(text));
}

QString stepName(const QJsonObject &payload)
{
    const QString step = payload.value(QStringLiteral("step")).toString();
    if (step == QStringLiteral("appraise"))
        return QStringLiteral("Thẩm định");
    if (step == QStringLiteral("approve"))
        return QStringLiteral("Phê duyệt");
    if (step == QStringLiteral("sign"))
        return QStringLiteral("Ký, đóng dấu");
    return step;
}

QString eventLabel(const TimelineEntry &t)
{
    switch (t.type) {
    case EventType::Received:
        return QStringLiteral("Tiếp nhận hồ sơ");
    case EventType::Refused:
        return QStringLiteral("Từ chối tiếp nhận");
    case EventType::SupplementRequested:
        return QStringLiteral("Yêu cầu bổ sung hồ sơ");
    case EventType::Supplemented:
        return QStringLiteral("Nhận hồ sơ bổ sung");
    case EventType::Transferred:
        return QStringLiteral("Chuyển hồ sơ đến ") + t.payload.value(QStringLiteral("agency")).toString();
    case EventType::ProcessingStep:
        return stepName(t.payload);
    case EventType::Extended:
        return QStringLiteral("Xin lỗi, gia hạn thời gian giải quyết");
    case EventType::Stopped:
        return QStringLiteral("Dừng giải quyết");
    case EventType::Withdrawn:
        return QStringLiteral("Công dân rút hồ sơ");
    case EventType::ResultReady:
        return QStringLiteral("Có kết quả, chuyển về Bộ phận Một cửa");
    case EventType::Returned:
        return QStringLiteral("Trả kết quả cho ") +
               t.payload.value(QStringLiteral("receiver")).toObject().value(QStringLiteral("full_name")).toString();
    case EventType::Note:
        return QStringLiteral("Ghi chú: ") + t.payload.value(QStringLiteral("text")).toString();
    case EventType::Fee:
        return QStringLiteral("Thu phí, lệ phí");
    case EventType::Attachment:
        return QStringLiteral("Đính kèm tài liệu");
    case EventType::Reprinted:
        return QStringLiteral("In lại mẫu ") + t.payload.value(QStringLiteral("form")).toString();
    case EventType::ConflictResolved:
        return QStringLiteral("Xử lý xung đột: ") + t.payload.value(QStringLiteral("note")).toString();
    }
    return {};
}

// Form 02, after the latest supplement request `e`.
QString supplementRequestHtml(const DossierState &d, const UnitInfo &unit, const TimelineEntry &e)
{
    QString h =
        headerHtml(unit, e.at) + title(QStringLiteral("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")) + applicantBlock(d);
    h += QStringLiteral("<p>Sau khi xem xét thành phần hồ sơ, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những "
                        "nội dung sau:</p><p>%1</p>")
             .arg(esc(e.payload.value(QStringLiteral("reason")).toString()));
    const QJsonArray docs = e.payload.value(QStringLiteral("documents")).toArray();
    if (!docs.isEmpty()) {
        h += QStringLiteral("<ol>");
        for (const QJsonValue &v : docs)
            h += QStringLiteral("<li>%1</li>")
                     .arg(esc(v.isObject() ? v.toObject().value(QStringLiteral("name")).toString() : v.toString()));
        h += QStringLiteral("</ol>");
    }
    h += QStringLiteral("<p>Lý do: hồ sơ chưa đầy đủ, hợp lệ theo quy định. Trong quá trình hoàn thiện hồ sơ, nếu "
                        "có vướng mắc, Ông/Bà liên hệ Bộ phận Một cửa để được hướng dẫn.</p>");
    h += signature(QStringLiteral("NGƯỜI HƯỚNG DẪN"), unit.officerName);
    return h;
}

// Form 03, after the refusal `e`.
QString refusalHtml(const DossierState &d, const UnitInfo &unit, const TimelineEntry &e)
{
    QString h =
        headerHtml(unit, e.at) + title(QStringLiteral("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ")) + applicantBlock(d);
    h += QStringLiteral("<p>Sau khi nghiên cứu, đối chiếu với quy định hiện hành, %1 từ chối tiếp nhận, giải quyết hồ "
                        "sơ này với lý do cụ thể như sau:</p><p><b>%2</b></p><p>Xin thông báo để Ông/Bà được biết và "
                        "thực hiện.</p>")
             .arg(esc(unit.centerName), esc(e.payload.value(QStringLiteral("reason")).toString()));
    h += signature(QStringLiteral("NGƯỜI TIẾP NHẬN"), unit.officerName);
    return h;
}

// Form 04, after the latest extension `e`.
QString apologyHtml(const DossierState &d, const UnitInfo &unit, const TimelineEntry &e)
{
    const QDateTime newDue = parseVietnamTime(e.payload.value(QStringLiteral("new_due_at")).toString());
    QString h = headerHtml(unit, e.at) +
                title(QStringLiteral("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT")) + applicantBlock(d);
    h +=
        QStringLiteral("<p>Hồ sơ của Ông/Bà có hẹn trả kết quả trước đó. Tuy nhiên đến nay chưa giải quyết xong "
                       "vì lý do: <b>%1</b></p><p>Sự chậm trễ này đã gây phiền hà cho Ông/Bà; chúng tôi xin lỗi Ông/Bà "
                       "và đề nghị gia hạn thời gian trả kết quả đến <b>%2</b>.</p>")
            .arg(esc(e.payload.value(QStringLiteral("reason")).toString()), esc(vietnameseMoment(newDue)));
    h += signature(QStringLiteral("THỦ TRƯỞNG CƠ QUAN"), QString());
    return h;
}

// Form 05, after the stop `e`.
QString stopNoticeHtml(const DossierState &d, const UnitInfo &unit, const TimelineEntry &e)
{
    QString h = headerHtml(unit, e.at) + title(QStringLiteral("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ")) + applicantBlock(d);
    h += QStringLiteral("<p>Hồ sơ nêu trên được dừng giải quyết vì lý do sau:</p><p><b>%1</b></p>"
                        "<p>Xin thông báo để Ông/Bà được biết.</p>")
             .arg(esc(e.payload.value(QStringLiteral("reason")).toString()));
    h += signature(QStringLiteral("THỦ TRƯỞNG CƠ QUAN"), QString());
    return h;
}

// Form 06: every event of the dossier, one row each.
QString controlSheetHtml(const DossierState &d, const UnitInfo &unit)
{
    QString h = headerHtml(unit, d.receivedAt) + title(QStringLiteral("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"));
    h += QStringLiteral("<p>Mã hồ sơ: <b>%1</b><br>Người nộp: %2<br>Thủ tục: %3<br>Tiếp nhận: %4<br>Hẹn trả: %5</p>")
             .arg(esc(d.code), esc(d.applicant.value(QStringLiteral("full_name")).toString()), esc(d.procedureName),
                  esc(vietnameseMoment(d.receivedAt)), esc(vietnameseMoment(d.dueAt)));
    h += QStringLiteral("<table width='100%' border='1' cellspacing='0' cellpadding='3'><thead><tr><th>STT</th>"
                        "<th>Bước xử lý</th><th>Thời gian</th><th>Người thực hiện</th><th>Quầy</th><th>Ghi chú</th>"
                        "</tr></thead>");
    int n = 0;
    for (const TimelineEntry &t : d.timeline) {
        h +=
            QStringLiteral("<tr><td align='center'>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                .arg(++n)
                .arg(esc(eventLabel(t)), esc(vietnameseMoment(t.at)), esc(t.officer), esc(t.counterId),
                     t.applied ? QString() : QStringLiteral("Xung đột, chờ lãnh đạo xử lý"));
    }
    h += QStringLiteral("</table>");
    return h;
}

Error nothingToPrint(const char *message)
{
    return makeError(ErrorCode::InvalidInput, QCoreApplication::translate("motcua::print", message));
}

}  // namespace

Result<QString> dossierFormHtml(FormId form, const DossierState &d, const UnitInfo &unit)
{
    QString body;
    switch (form) {
    case FormId::SupplementRequest: {
        const TimelineEntry *e = latest(d, EventType::SupplementRequested);
        if (!e)
            return nothingToPrint(
                QT_TRANSLATE_NOOP("motcua::print", "This dossier has no supplement request to print."));
        body = supplementRequestHtml(d, unit, *e);
        break;
    }
    case FormId::Refusal: {
        const TimelineEntry *e = latest(d, EventType::Refused);
        if (!e)
            return nothingToPrint(
                QT_TRANSLATE_NOOP("motcua::print", "This dossier was not refused; there is no Form 03 to print."));
        body = refusalHtml(d, unit, *e);
        break;
    }
    case FormId::Apology: {
        const TimelineEntry *e = latest(d, EventType::Extended);
        if (!e)
            return nothingToPrint(
                QT_TRANSLATE_NOOP("motcua::print", "This dossier has no extension; there is no Form 04 to print."));
        body = apologyHtml(d, unit, *e);
        break;
    }
    case FormId::StopNotice: {
        const TimelineEntry *e = latest(d, EventType::Stopped);
        if (!e)
            return nothingToPrint(
                QT_TRANSLATE_NOOP("motcua::print", "This dossier was not stopped; there is no Form 05 to print."));
        body = stopNoticeHtml(d, unit, *e);
        break;
    }
    case FormId::ControlSheet:
        body = controlSheetHtml(d, unit);
        break;
    }
    return QString(QStringLiteral("<html><body>") + body + QStringLiteral("</body></html>"));
}

Result<void> renderDossierFormPdf(FormId form, const DossierState &dossier, const UnitInfo &unit, Paper paper,
                                  const QString &outPath)
{
    auto html = dossierFormHtml(form, dossier, unit);
    if (!html)
        return html.error();
    return renderPdf(*html, paper, QPageLayout::Portrait,
                     QStringLiteral("Mẫu %1 — %2").arg(int(form), 2, 10, QLatin1Char('0')).arg(dossier.code), QImage(),
                     outPath);
}

QString registerHtml(const QList<DossierSummary> &rows, const UnitInfo &unit, const QDate &from, const QDate &to)
{
    QString h = QStringLiteral("<html><body><p align='center'><b>%1</b><br>%2</p>")
                    .arg(esc(unit.centerName.toUpper()), esc(unit.parentAgency));
    h += QStringLiteral("<p align='center' style='font-size:large'><b>SỔ THEO DÕI HỒ SƠ</b></p>"
                        "<p align='center'>Từ ngày %1 đến ngày %2</p>")
             .arg(from.toString(QStringLiteral("dd/MM/yyyy")), to.toString(QStringLiteral("dd/MM/yyyy")));
    // <thead> becomes the table's header rows, which Qt repeats at the top of every page.
    h += QStringLiteral("<table width='100%' border='1' cellspacing='0' cellpadding='2'><thead><tr>"
                        "<th>STT</th><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Người nộp</th><th>Số điện thoại</th>"
                        "<th>Ngày tiếp nhận</th><th>Hẹn trả</th><th>Trạng thái</th><th>Ghi chú</th></tr></thead>");
    int n = 0;
    for (const DossierSummary &r : rows) {
        h += QStringLiteral("<tr><td align='center'>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
                            "<td>%7</td><td>%8</td><td>%9</td></tr>")
                 .arg(++n)
                 .arg(esc(r.code), esc(r.procedureName), esc(r.applicantName), esc(r.phone),
                      esc(r.receivedAt.toTimeZone(vietnamTimeZone()).toString(QStringLiteral("dd/MM/yyyy HH:mm"))),
                      esc(r.dueAt.toTimeZone(vietnamTimeZone()).toString(QStringLiteral("dd/MM/yyyy HH:mm"))),
                      esc(r.status), r.conflict ? QStringLiteral("xung đột") : QString());
    }
    h += QStringLiteral("</table><p>Tổng số: %1 hồ sơ</p></body></html>").arg(rows.size());
    return h;
}

Result<void> renderRegisterPdf(const QList<DossierSummary> &rows, const UnitInfo &unit, const QDate &from,
                               const QDate &to, const QString &outPath)
{
    return renderPdf(registerHtml(rows, unit, from, to), Paper::A4, QPageLayout::Landscape,
                     QStringLiteral("Sổ theo dõi hồ sơ"), QImage(), outPath);
}

}  // namespace motcua::ui::print
