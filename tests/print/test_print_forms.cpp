// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace motcua::test;

namespace {

QString pdfText(const QString &pdf)
{
    // -raw: the order the text was drawn in, so a wrapped table cell is not interleaved with its neighbours.
    auto r = runProcess(QStandardPaths::findExecutable(QStringLiteral("pdftotext")),
                        {QStringLiteral("-raw"), pdf, QStringLiteral("-")});
    REQUIRE(r.exitCode == 0);
    return r.out.simplified();
}

QString pdfInfo(const QString &pdf)
{
    auto r = runProcess(QStandardPaths::findExecutable(QStringLiteral("pdfinfo")), {pdf});
    REQUIRE(r.exitCode == 0);
    return r.out;
}

struct Counter {
    TempDir dir;
    QString db = dir.file(QStringLiteral("counter.sqlite"));
    ProcessResult cli(const QStringList &args) { return runCli(QStringList{QStringLiteral("--db"), db} + args); }

    Counter()
    {
        REQUIRE(cli({QStringLiteral("counter"), QStringLiteral("setup"), QStringLiteral("--agency-id"),
                     QStringLiteral("000.00.04.H49"), QStringLiteral("--unit"), QStringLiteral("Phường Hồng Gai")})
                    .exitCode == 0);
    }

    QString receive(const QString &name, const QString &at, const QString &procedure = QStringLiteral("1.004873"))
    {
        QFile f(dir.file(QStringLiteral("applicant.json")));
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QStringLiteral(R"({"full_name":"%1","phone":"0912345678"})").arg(name).toUtf8());
        f.close();
        auto r = cli({QStringLiteral("dossier"), QStringLiteral("receive"), QStringLiteral("--procedure"), procedure,
                      QStringLiteral("--applicant-json"), f.fileName(), QStringLiteral("--received"), at});
        REQUIRE(r.exitCode == 0);
        return r.out.trimmed();
    }

    void event(const QString &code, const QString &type, const QByteArray &json)
    {
        QFile f(dir.file(QStringLiteral("event.json")));
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(json);
        f.close();
        auto r = cli(
            {QStringLiteral("dossier"), QStringLiteral("event"), code, type, QStringLiteral("--json"), f.fileName()});
        REQUIRE(r.err == QString());
        REQUIRE(r.exitCode == 0);
    }

    QString print(const QString &form, const QString &code)
    {
        const QString pdf = dir.file(QStringLiteral("form%1.pdf").arg(form));
        auto r = cli({QStringLiteral("print"), form, QStringLiteral("--dossier"), code, QStringLiteral("--out"), pdf});
        CHECK(r.err == QString());
        REQUIRE(r.exitCode == 0);
        return pdfText(pdf);
    }
};

}  // namespace

TEST_CASE("Forms 02 to 06 carry the dossier and the reason of the step they report", "[print][forms]")
{
    Counter c;
    const QString code = c.receive(QStringLiteral("Hoàng Văn Thắng"), QStringLiteral("2026-03-02T09:00"));

    // Form 04 before any extension: a clear refusal, nothing written.
    auto early = c.cli({QStringLiteral("print"), QStringLiteral("04"), QStringLiteral("--dossier"), code,
                        QStringLiteral("--out"), c.dir.file(QStringLiteral("x.pdf"))});
    CHECK(early.exitCode == 2);
    CHECK_FALSE(QFile::exists(c.dir.file(QStringLiteral("x.pdf"))));

    c.event(code, QStringLiteral("supplement_requested"), R"({"reason":"Thiếu bản sao Giấy khai sinh có chứng thực"})");
    QString t = c.print(QStringLiteral("02"), code);
    CHECK(t.contains(QStringLiteral("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")));
    CHECK(t.contains(QStringLiteral("Thiếu bản sao Giấy khai sinh có chứng thực")));
    CHECK(t.contains(code));
    CHECK(t.contains(QStringLiteral("Hoàng Văn Thắng")));

    c.event(code, QStringLiteral("supplemented"), R"({"due_at":"2026-03-09T10:00"})");
    c.event(code, QStringLiteral("extended"),
            R"({"new_due_at":"2026-03-16T16:30","reason":"Cần xác minh thông tin tại nơi cư trú cũ"})");
    t = c.print(QStringLiteral("04"), code);
    CHECK(t.contains(QStringLiteral("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT")));
    CHECK(t.contains(QStringLiteral("Cần xác minh thông tin tại nơi cư trú cũ")));
    CHECK(t.contains(QStringLiteral("16 giờ 30 phút, ngày 16 tháng 03 năm 2026")));

    c.event(code, QStringLiteral("stopped"), R"({"reason":"Người nộp đề nghị dừng để bổ sung giấy tờ khác"})");
    t = c.print(QStringLiteral("05"), code);
    CHECK(t.contains(QStringLiteral("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ")));
    CHECK(t.contains(QStringLiteral("Người nộp đề nghị dừng để bổ sung giấy tờ khác")));

    t = c.print(QStringLiteral("06"), code);
    CHECK(t.contains(QStringLiteral("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ")));
    for (const QString &step :
         {QStringLiteral("Tiếp nhận hồ sơ"), QStringLiteral("Yêu cầu bổ sung hồ sơ"),
          QStringLiteral("Nhận hồ sơ bổ sung"), QStringLiteral("Xin lỗi, gia hạn thời gian giải quyết"),
          QStringLiteral("Dừng giải quyết")})
        CHECK(t.contains(step));

    // Form 03 for a dossier refused at intake.
    const QString refused = c.receive(QStringLiteral("Đỗ Thị Yến"), QStringLiteral("2026-03-02T10:00"));
    c.event(refused, QStringLiteral("refused"), R"({"reason":"Thủ tục không thuộc thẩm quyền giải quyết của cấp xã"})");
    t = c.print(QStringLiteral("03"), refused);
    CHECK(t.contains(QStringLiteral("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ")));
    CHECK(t.contains(QStringLiteral("Thủ tục không thuộc thẩm quyền giải quyết của cấp xã")));
}

TEST_CASE("Form 07, the register, is landscape, paginated, with its headers on every page", "[print][register]")
{
    Counter c;
    QStringList codes;
    for (int i = 0; i < 60; ++i)
        codes << c.receive(QStringLiteral("Người nộp số %1").arg(i + 1),
                           QStringLiteral("2026-03-0%1T%2:00").arg(2 + i % 3).arg(8 + i % 8, 2, 10, QLatin1Char('0')));
    c.receive(QStringLiteral("Ngoài khoảng"), QStringLiteral("2026-03-10T09:00"));
    const QString pdf = c.dir.file(QStringLiteral("register.pdf"));
    auto r = c.cli({QStringLiteral("print"), QStringLiteral("register"), QStringLiteral("--from"),
                    QStringLiteral("2026-03-02"), QStringLiteral("--to"), QStringLiteral("2026-03-04"),
                    QStringLiteral("--out"), pdf});
    REQUIRE(r.exitCode == 0);
    const QString info = pdfInfo(pdf);
    CHECK(info.contains(QStringLiteral("842 x 595 pts")));  // A4 landscape
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
    CHECK(pages >= 2);
    const QString text = pdfText(pdf);
    CHECK(text.count(QStringLiteral("Tên thủ tục")) == pages);  // the header row is repeated on every page
    for (const QString &code : codes)
        CHECK(text.contains(code));
    CHECK_FALSE(text.contains(QStringLiteral("Ngoài khoảng")));
    CHECK(text.contains(QStringLiteral("Tổng số: 60 hồ sơ")));

    auto bad = c.cli({QStringLiteral("print"), QStringLiteral("register"), QStringLiteral("--from"),
                      QStringLiteral("2026-03-05"), QStringLiteral("--to"), QStringLiteral("2026-03-01"),
                      QStringLiteral("--out"), pdf});
    requireOneLineError(bad, 2);
}

TEST_CASE("Long procedure names and a 25-document list wrap and paginate instead of clipping", "[print][form01]")
{
    Counter c;
    // The longest name of the sample catalog, and a procedure of 25 documents with long names.
    QString documents;
    for (int i = 1; i <= 25; ++i) {
        documents +=
            QStringLiteral(
                R"({"name":"Giấy tờ thứ %1: bản khai chi tiết về nhân thân, nơi cư trú, quá trình công tác và các giấy tờ kèm theo số %1","originals":1,"certified_copies":%2,"copies":%3}%4)")
                .arg(i)
                .arg(i % 2)
                .arg(i % 3)
                .arg(i < 25 ? QStringLiteral(",") : QString());
    }
    const QString longName = QStringLiteral(
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ "
        "chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức "
        "có "
        "thẩm quyền của nước ngoài cấp hoặc chứng nhận");
    QFile catalog(c.dir.file(QStringLiteral("catalog.json")));
    REQUIRE(catalog.open(QIODevice::WriteOnly));
    catalog.write(QStringLiteral(R"({"procedures":[{"code":"9.000025","name":"%1","field":"Chứng thực","level":"Cấp xã",
        "processing":{"kind":"working_days","days":5},"fee_vnd":2000,"documents":[%2]}]})")
                      .arg(longName, documents)
                      .toUtf8());
    catalog.close();
    REQUIRE(c.cli({QStringLiteral("catalog"), QStringLiteral("import"), catalog.fileName()}).exitCode == 0);
    const QString code = c.receive(QStringLiteral("Nguyễn Thị Minh Khai"), QStringLiteral("2026-03-02T09:00"),
                                   QStringLiteral("9.000025"));

    for (const QString &paper : {QStringLiteral("a4"), QStringLiteral("a5")}) {
        DYNAMIC_SECTION("paper " << paper.toStdString())
        {
            const QString pdf = c.dir.file(QStringLiteral("long-%1.pdf").arg(paper));
            REQUIRE(c.cli({QStringLiteral("print"), QStringLiteral("01"), QStringLiteral("--dossier"), code,
                           QStringLiteral("--out"), pdf, QStringLiteral("--paper"), paper})
                        .exitCode == 0);
            const QString text = pdfText(pdf);
            CHECK(text.contains(longName));
            for (int i = 1; i <= 25; ++i) {
                INFO("document " << i);
                // Both copies, nothing cut off. (A row that meets a page break is drawn on both pages, clipped to
                // each, so the PDF's text layer may hold it a third time.)
                CHECK(text.count(QStringLiteral("Giấy tờ thứ %1:").arg(i)) >= 2);
            }
            CHECK(text.count(QStringLiteral("Thời gian trả kết quả giải quyết hồ sơ")) == 2);
            CHECK(text.count(QStringLiteral("NGƯỜI TIẾP NHẬN HỒ SƠ")) == 2);
        }
    }
}
