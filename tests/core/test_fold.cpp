// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "core/text/VietnameseFold.h"

using motcua::foldedWords;
using motcua::foldVietnamese;

namespace {

QString fold(const char *utf8)
{
    return foldVietnamese(QString::fromUtf8(utf8));
}

}  // namespace

TEST_CASE("foldVietnamese drops diacritics, folds đ and lower-cases", "[fold]")
{
    CHECK(fold("Đăng ký khai sinh") == QStringLiteral("dang ky khai sinh"));
    CHECK(fold("Chứng thực bản sao") == QStringLiteral("chung thuc ban sao"));
    CHECK(fold("ĐĂNG KÝ KHAI SINH") == QStringLiteral("dang ky khai sinh"));
    CHECK(fold("đ Đ đồng ĐỒNG") == QStringLiteral("d d dong dong"));
    CHECK(fold("Nguyễn Thị Ánh Tuyết") == QStringLiteral("nguyen thi anh tuyet"));
    CHECK(fold("Quảng Ninh") == QStringLiteral("quang ninh"));
    CHECK(fold("dang ky khai sinh") == QStringLiteral("dang ky khai sinh"));
}

TEST_CASE("foldVietnamese folds every tone of every vowel, both cases", "[fold]")
{
    struct Row {
        const char *letters;
        const char *expected;
    };
    const Row rows[] = {
        {"a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ", "a a a a a a a a a a a a a a a a a a"},
        {"A À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ", "a a a a a a a a a a a a a a a a a a"},
        {"e è é ẻ ẽ ẹ ê ề ế ể ễ ệ", "e e e e e e e e e e e e"},
        {"E È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ", "e e e e e e e e e e e e"},
        {"i ì í ỉ ĩ ị I Ì Í Ỉ Ĩ Ị", "i i i i i i i i i i i i"},
        {"o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ", "o o o o o o o o o o o o o o o o o o"},
        {"O Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ", "o o o o o o o o o o o o o o o o o o"},
        {"u ù ú ủ ũ ụ ư ừ ứ ử ữ ự", "u u u u u u u u u u u u"},
        {"U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự", "u u u u u u u u u u u u"},
        {"y ỳ ý ỷ ỹ ỵ Y Ỳ Ý Ỷ Ỹ Ỵ", "y y y y y y y y y y y y"},
    };
    for (const Row &row : rows) {
        INFO(row.letters);
        CHECK(fold(row.letters) == QString::fromUtf8(row.expected));
    }
}

TEST_CASE("foldVietnamese accepts decomposed (NFD) input", "[fold]")
{
    const QString nfd = QString::fromUtf8("Đăng ký khai sinh Nguyễn").normalized(QString::NormalizationForm_D);
    REQUIRE(nfd.size() > QString::fromUtf8("Đăng ký khai sinh Nguyễn").size());
    CHECK(foldVietnamese(nfd) == QStringLiteral("dang ky khai sinh nguyen"));
}

TEST_CASE("foldVietnamese turns spaces and punctuation into single spaces", "[fold]")
{
    CHECK(fold("  Hộ tịch,  bản sao (Giấy khai sinh)!! ") == QStringLiteral("ho tich ban sao giay khai sinh"));
    CHECK(fold("Đăng ký nhận cha, mẹ, con") == QStringLiteral("dang ky nhan cha me con"));
    CHECK(fold("tạm trú/tạm vắng\t–\nxóa") == QStringLiteral("tam tru tam vang xoa"));
    CHECK(fold("1.001193") == QStringLiteral("1 001193"));
    CHECK(fold("Nghị định 118/2025/NĐ-CP") == QStringLiteral("nghi dinh 118 2025 nd cp"));
    CHECK(fold("") == QString());
    CHECK(fold(" ,.;- ") == QString());
}

TEST_CASE("foldedWords splits folded text", "[fold]")
{
    const QString folded = fold("Đăng ký  khai sinh");
    const QList<QStringView> words = foldedWords(folded);
    REQUIRE(words.size() == 4);
    CHECK(words.at(0) == QStringLiteral("dang"));
    CHECK(words.at(3) == QStringLiteral("sinh"));
    CHECK(foldedWords(QString()).isEmpty());
}
