// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/print/FormParts.h"

#include "core/Clock.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace motcua::ui::print {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString headerHtml(const UnitInfo &unit, const QDateTime &at)
{
    const QDate day = at.toTimeZone(vietnamTimeZone()).date();
    return QStringLiteral("<table width='100%' cellspacing='0' cellpadding='0'><tr>"
                          "<td width='45%' align='center'>%1<br><b>%2</b><br>———————</td>"
                          "<td width='55%' align='center'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>"
                          "<b>Độc lập - Tự do - Hạnh phúc</b><br>———————</td></tr>"
                          "<tr><td></td><td align='center'><i>%3, ngày %4 tháng %5 năm %6</i></td></tr></table>")
        .arg(esc(unit.parentAgency.toUpper()), esc(unit.centerName.toUpper()), esc(unit.placeName))
        .arg(day.day(), 2, 10, QLatin1Char('0'))
        .arg(day.month(), 2, 10, QLatin1Char('0'))
        .arg(day.year());
}

QString processingText(const ProcessingTime &t)
{
    switch (t.kind) {
    case ProcessingKind::WorkingDays:
        return QStringLiteral("%1 ngày làm việc").arg(t.days);
    case ProcessingKind::CalendarDays:
        return QStringLiteral("%1 ngày").arg(t.days);
    case ProcessingKind::SameDay15h:
        return QStringLiteral("Trong ngày làm việc (hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo)");
    }
    return {};
}

QString returnText(const DossierState &d)
{
    QString where;
    if (d.returnMethod == QStringLiteral("post"))
        where = QStringLiteral("Qua dịch vụ bưu chính công ích");
    else if (d.returnMethod == QStringLiteral("online"))
        where = QStringLiteral("Trực tuyến (qua Cổng dịch vụ công)");
    else
        where = QStringLiteral("Tại Bộ phận Một cửa");
    if (!d.returnUnit.isEmpty())
        where += QStringLiteral(" — ") + d.returnUnit;
    return where;
}

const TimelineEntry *latest(const DossierState &d, EventType type)
{
    for (auto it = d.timeline.crbegin(); it != d.timeline.crend(); ++it) {
        if (it->type == type && it->applied)
            return &*it;
    }
    return nullptr;
}

void paintDocument(const FormDocument &document, QPagedPaintDevice &device, int resolution)
{
    double pointSize = 12;
    switch (document.paper) {
    case Paper::A4:
        device.setPageSize(QPageSize(QPageSize::A4));
        device.setPageMargins(QMarginsF(20, 15, 15, 15), QPageLayout::Millimeter);
        break;
    case Paper::A5:
        device.setPageSize(QPageSize(QPageSize::A5));
        device.setPageMargins(QMarginsF(10, 8, 8, 8), QPageLayout::Millimeter);
        pointSize = 8.5;
        break;
    case Paper::Receipt80:
        // 80 mm paper (72 mm printable); long enough for the slip, the printer cuts after it.
        device.setPageSize(QPageSize(QSizeF(80, 120), QPageSize::Millimeter, QStringLiteral("Receipt 80 mm")));
        device.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter);
        pointSize = 8;
        break;
    }
    device.setPageOrientation(document.orientation);
    if (document.orientation == QPageLayout::Landscape)
        pointSize = 10;

    QTextDocument doc;
    // Lay the text out at the device's resolution and page size, so that what is measured is what is printed.
    doc.documentLayout()->setPaintDevice(&device);
    doc.setPageSize(device.pageLayout().paintRectPixels(resolution).size());
    doc.setDocumentMargin(0);
    QFont font(QStringLiteral("Liberation Serif"));
    font.setPointSizeF(pointSize);
    doc.setDefaultFont(font);
    if (!document.qr.isNull())
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("qr:code")), document.qr);
    doc.setHtml(document.html);
    doc.print(&device);
}

Result<void> renderPdf(const QString &html, Paper paper, QPageLayout::Orientation orientation, const QString &title,
                       const QImage &qr, const QString &outPath)
{
    {
        QPdfWriter writer(outPath);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("MotCua"));
        writer.setResolution(300);
        paintDocument({html, paper, orientation, title, qr}, writer, writer.resolution());
    }
    if (!QFileInfo(outPath).exists() || QFileInfo(outPath).size() == 0)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("motcua::print", "Could not write %1.").arg(outPath));
    return {};
}

Result<QByteArray> renderPdfBytes(const FormDocument &document)
{
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(document.title);
        writer.setCreator(QStringLiteral("MotCua"));
        writer.setResolution(300);
        paintDocument(document, writer, writer.resolution());
    }
    if (bytes.isEmpty())
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("motcua::print", "The form could not be laid out."));
    return bytes;
}

}  // namespace motcua::ui::print
