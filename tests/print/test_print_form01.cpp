// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace motcua::test;

namespace {

QString tool(const QString &name)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        FAIL(name.toStdString() << " is missing (packages poppler-utils and zbar-tools)");
    return path;
}

// The text of a PDF with runs of white space (line wraps) folded to one space.
QString pdfText(const QString &pdf)
{
    auto r = runProcess(tool(QStringLiteral("pdftotext")), {pdf, QStringLiteral("-")});
    REQUIRE(r.exitCode == 0);
    return r.out.simplified();
}

QString pdfInfo(const QString &pdf)
{
    auto r = runProcess(tool(QStringLiteral("pdfinfo")), {pdf});
    REQUIRE(r.exitCode == 0);
    return r.out;
}

// Decodes every QR code of page `page` rendered at 200 dpi.
QString qrOnPage(const TempDir &dir, const QString &pdf, int page)
{
    const QString prefix = dir.file(QStringLiteral("page"));
    auto png = runProcess(tool(QStringLiteral("pdftoppm")),
                          {QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-f"), QString::number(page),
                           QStringLiteral("-l"), QString::number(page), QStringLiteral("-png"),
                           QStringLiteral("-singlefile"), pdf, prefix});
    REQUIRE(png.exitCode == 0);
    auto z = runProcess(tool(QStringLiteral("zbarimg")),
                        {QStringLiteral("-q"), QStringLiteral("--raw"), prefix + QStringLiteral(".png")});
    REQUIRE((z.exitCode == 0 || z.exitCode == 4));  // 4: no code on this page
    return z.out.trimmed();
}

struct Counter {
    TempDir dir;
    QString db = dir.file(QStringLiteral("counter.sqlite"));
    ProcessResult cli(const QStringList &args) { return runCli(QStringList{QStringLiteral("--db"), db} + args); }
};

}  // namespace

TEST_CASE("Form 01 renders both copies with every field, the QR code and the right page size", "[print][form01]")
{
    Counter c;
    REQUIRE(c.cli({QStringLiteral("counter"), QStringLiteral("setup"), QStringLiteral("--agency-id"),
                   QStringLiteral("000.00.04.H49"), QStringLiteral("--unit"), QStringLiteral("Phường Hồng Gai")})
                .exitCode == 0);
    QFile applicant(c.dir.file(QStringLiteral("a.json")));
    REQUIRE(applicant.open(QIODevice::WriteOnly));
    applicant.write(
        R"({"id_number":"022095001234","full_name":"Nguyễn Văn Đức","birth_date":"1995-03-14","gender":"Nam",
                        "address":"Tổ 5, khu 3, phường Hồng Gai","phone":"0912345678","email":"duc@example.vn"})");
    applicant.close();
    auto received = c.cli({QStringLiteral("dossier"), QStringLiteral("receive"), QStringLiteral("--procedure"),
                           QStringLiteral("1.004873"), QStringLiteral("--applicant-json"), applicant.fileName(),
                           QStringLiteral("--received"), QStringLiteral("2026-02-13T10:00")});
    REQUIRE(received.exitCode == 0);
    const QString code = received.out.trimmed();

    for (const QString &paper : {QStringLiteral("a4"), QStringLiteral("a5")}) {
        DYNAMIC_SECTION("paper " << paper.toStdString())
        {
            const QString pdf = c.dir.file(QStringLiteral("form01-%1.pdf").arg(paper));
            auto printed = c.cli({QStringLiteral("print"), QStringLiteral("01"), QStringLiteral("--dossier"), code,
                                  QStringLiteral("--out"), pdf, QStringLiteral("--paper"), paper});
            CHECK(printed.exitCode == 0);
            REQUIRE(QFile::exists(pdf));

            const QString info = pdfInfo(pdf);
            CHECK(info.contains(paper == QStringLiteral("a4") ? QStringLiteral("(A4)") : QStringLiteral("(A5)")));

            const QString text = pdfText(pdf);
            CHECK(text.count(code) >= 4);  // number and QR caption, on both copies
            CHECK(text.contains(QStringLiteral("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")));
            CHECK(text.contains(QStringLiteral("Liên 1: Lưu")));
            CHECK(text.contains(QStringLiteral("Liên 2: Giao người nộp")));
            CHECK(text.contains(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
            CHECK(text.contains(QStringLiteral("Nguyễn Văn Đức")));
            CHECK(text.contains(QStringLiteral("Tổ 5, khu 3, phường Hồng Gai")));
            CHECK(text.contains(QStringLiteral("0912345678")));
            CHECK(text.contains(QStringLiteral("Cấp Giấy xác nhận tình trạng hôn nhân")));
            CHECK(text.contains(QStringLiteral("3 ngày làm việc")));
            // Received Friday 13/02/2026 10:00; 3 working days across Tết (16-20/02) and two weekends.
            CHECK(text.contains(QStringLiteral("Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 13 tháng 02 năm 2026")));
            CHECK(text.contains(
                QStringLiteral("Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 25 tháng 02 năm 2026")));
            CHECK(text.contains(QStringLiteral("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân")));
            CHECK(text.contains(QStringLiteral("NGƯỜI TIẾP NHẬN HỒ SƠ")));

            // The QR code holds exactly the code and the look-up link.
            const QString expected = code + QStringLiteral("\nhttps://dichvucong.quangninh.gov.vn/tra-cuu?ma=") + code;
            QString found;
            const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
            for (int page = 1; page <= pages && found.isEmpty(); ++page)
                found = qrOnPage(c.dir, pdf, page);
            CHECK(found == expected);
        }
    }
}

TEST_CASE("The 80 mm receipt is short, and a reprint is marked and recorded", "[print][form01]")
{
    Counter c;
    REQUIRE(c.cli({QStringLiteral("counter"), QStringLiteral("setup"), QStringLiteral("--agency-id"),
                   QStringLiteral("000.00.04.H49")})
                .exitCode == 0);
    QFile applicant(c.dir.file(QStringLiteral("a.json")));
    REQUIRE(applicant.open(QIODevice::WriteOnly));
    applicant.write(R"({"full_name":"Phạm Thị Hồng Nhung"})");
    applicant.close();
    auto received = c.cli({QStringLiteral("dossier"), QStringLiteral("receive"), QStringLiteral("--procedure"),
                           QStringLiteral("1.001193"), QStringLiteral("--applicant-json"), applicant.fileName(),
                           QStringLiteral("--received"), QStringLiteral("2026-03-09T15:00")});
    REQUIRE(received.exitCode == 0);
    const QString code = received.out.trimmed();
    const QString pdf = c.dir.file(QStringLiteral("receipt.pdf"));
    REQUIRE(c.cli({QStringLiteral("print"), QStringLiteral("01"), QStringLiteral("--dossier"), code,
                   QStringLiteral("--out"), pdf, QStringLiteral("--paper"), QStringLiteral("receipt80"),
                   QStringLiteral("--reprint")})
                .exitCode == 0);
    const QString info = pdfInfo(pdf);
    CHECK(info.contains(QStringLiteral("Pages:           1")));
    CHECK(info.contains(QStringLiteral("227 x 340 pts")));  // 80 x 120 mm
    const QString text = pdfText(pdf);
    CHECK(text.contains(code));
    CHECK(text.contains(QStringLiteral("Phạm Thị Hồng Nhung")));
    CHECK(text.contains(QStringLiteral("Đăng ký khai sinh")));
    CHECK(text.contains(QStringLiteral("BẢN IN LẠI")));
    // Received at 15:00 on Monday 09/03: a same-day procedure is due at closing time the next working day.
    CHECK(text.contains(QStringLiteral("Hẹn trả: 17 giờ 00 phút, ngày 10 tháng 03 năm 2026")));
    CHECK(qrOnPage(c.dir, pdf, 1) == code + QStringLiteral("\nhttps://dichvucong.quangninh.gov.vn/tra-cuu?ma=") + code);
    auto show = c.cli({QStringLiteral("--json"), QStringLiteral("dossier"), QStringLiteral("show"), code});
    CHECK(show.out.contains(QStringLiteral("\"reprinted\"")));
}

TEST_CASE("print 01 rejects bad input with one line", "[print][input]")
{
    Counter c;
    REQUIRE(c.cli({QStringLiteral("init")}).exitCode == 0);
    requireOneLineError(c.cli({QStringLiteral("print"), QStringLiteral("01"), QStringLiteral("--dossier"),
                               QStringLiteral("000.00.04.H49-260213-0001"), QStringLiteral("--out"),
                               c.dir.file(QStringLiteral("x.pdf"))}),
                        2);
    requireOneLineError(c.cli({QStringLiteral("print"), QStringLiteral("01"), QStringLiteral("--dossier"),
                               QStringLiteral("X"), QStringLiteral("--out"), c.dir.file(QStringLiteral("x.pdf")),
                               QStringLiteral("--paper"), QStringLiteral("letter")}),
                        2);
    requireOneLineError(
        c.cli({QStringLiteral("print"), QStringLiteral("01"), QStringLiteral("--dossier"), QStringLiteral("X"),
               QStringLiteral("--out"), c.dir.file(QStringLiteral("no/such/folder/x.pdf"))}),
        2);
    CHECK_FALSE(QFile::exists(c.dir.file(QStringLiteral("x.pdf"))));
}
