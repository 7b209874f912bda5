// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "core/citizen/CitizenId.h"

using namespace motcua;
using namespace motcua::citizen;

namespace {

// Invented people; the numbers follow the rules but belong to no one we know of.
const char *const kAn =
    "022090012345|100987654|Nguyễn Văn An|14051990|Nam|Tổ 5, Khu 3, Phường Hồng Gai, Quảng Ninh|20042021";

Result<CitizenId> parse(const char *utf8)
{
    return parseCccdQr(QString::fromUtf8(utf8));
}

QString errorOf(const char *utf8)
{
    auto r = parse(utf8);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::InvalidInput);
    return r.error().message;
}

}  // namespace

TEST_CASE("a 7-field CCCD QR text parses and checks", "[citizen]")
{
    auto card = parse(kAn);
    REQUIRE(card.ok());
    CHECK(card->idNumber == QStringLiteral("022090012345"));
    CHECK(card->oldIdNumber == QStringLiteral("100987654"));
    CHECK(card->fullName == QString::fromUtf8("Nguyễn Văn An"));
    CHECK(card->birthDate == QDate(1990, 5, 14));
    CHECK(card->gender == Gender::Male);
    CHECK(card->address == QString::fromUtf8("Tổ 5, Khu 3, Phường Hồng Gai, Quảng Ninh"));
    CHECK(card->issueDate == QDate(2021, 4, 20));
    CHECK(card->extraFields.isEmpty());
    CHECK(provinceName(QStringView(card->idNumber).left(3)) == QString::fromUtf8("Quảng Ninh"));

    auto ngoc = parse("001303004567||Trần Thị Bích Ngọc|02112003|Nữ|Số 12 ngõ 34 Phố Huế, Hà Nội|15082021");
    REQUIRE(ngoc.ok());
    CHECK(ngoc->oldIdNumber.isEmpty());
    CHECK(ngoc->gender == Gender::Female);
    CHECK(ngoc->birthDate == QDate(2003, 11, 2));
    CHECK(genderWord(ngoc->gender) == QString::fromUtf8("Nữ"));
}

TEST_CASE("trailing CR/LF from a keyboard-wedge scanner is stripped", "[citizen]")
{
    for (const char *ending : {"\r", "\n", "\r\n", "\r\n\r\n"}) {
        auto card = parseCccdQr(QString(QString::fromUtf8(kAn) + QString::fromLatin1(ending)));
        REQUIRE(card.ok());
        CHECK(card->issueDate == QDate(2021, 4, 20));
        CHECK(card->raw == QString::fromUtf8(kAn));
    }
}

TEST_CASE("6-field QR texts: without the old ID or without the issue date", "[citizen]")
{
    auto noOldId = parse("079085001122|Lê Hoàng Minh|30011985|Nam|Phường Bến Nghé, TP Hồ Chí Minh|10102022\r");
    REQUIRE(noOldId.ok());
    CHECK(noOldId->oldIdNumber.isEmpty());
    CHECK(noOldId->fullName == QString::fromUtf8("Lê Hoàng Minh"));
    CHECK(noOldId->birthDate == QDate(1985, 1, 30));
    CHECK(noOldId->address == QString::fromUtf8("Phường Bến Nghé, TP Hồ Chí Minh"));
    CHECK(noOldId->issueDate == QDate(2022, 10, 10));

    auto noIssue = parse("022090012345|100987654|Nguyễn Văn An|14051990|Nam|Tổ 5, Khu 3, Phường Hồng Gai, Quảng Ninh");
    REQUIRE(noIssue.ok());
    CHECK(noIssue->oldIdNumber == QStringLiteral("100987654"));
    CHECK(noIssue->address == QString::fromUtf8("Tổ 5, Khu 3, Phường Hồng Gai, Quảng Ninh"));
    CHECK_FALSE(noIssue->issueDate.isValid());
}

TEST_CASE("more than 7 fields: the extra ones are kept as scanned", "[citizen]")
{
    auto card = parseCccdQr(QString(QString::fromUtf8(kAn) + QStringLiteral("|X1| y2 \r\n")));
    REQUIRE(card.ok());
    CHECK(card->issueDate == QDate(2021, 4, 20));
    CHECK(card->extraFields == QStringList{QStringLiteral("X1"), QStringLiteral(" y2 ")});
}

TEST_CASE("the 1800s and 2200s century digits are accepted", "[citizen]")
{
    auto old = parse("022699012345||Phạm Văn Cổ|01011899|Nam|Quảng Ninh|01012021");
    REQUIRE(old.ok());
    CHECK(old->birthDate.year() == 1899);
    CHECK(checkIdNumber(QStringLiteral("001800123456"), QDate(2200, 3, 1), Gender::Male).isEmpty());
    CHECK(checkIdNumber(QStringLiteral("001901123456"), QDate(2201, 3, 1), Gender::Female).isEmpty());
}

TEST_CASE("every kind of bad CCCD text has its own message", "[citizen]")
{
    CHECK(errorOf("022090012345|100987654|Nguyễn Văn An") ==
          QStringLiteral(
              "The ID card's QR code cannot be used: It has 3 fields separated by '|'; a chip ID card gives at "
              "least 6."));
    CHECK(errorOf("\r\n").contains(QStringLiteral("It has 0 fields")));
    CHECK(errorOf("02209001234|100987654|Nguyễn Văn An|14051990|Nam|Quảng Ninh|20042021")
              .contains(QStringLiteral("The ID number \"02209001234\" must be exactly 12 digits.")));
    CHECK(errorOf("02209001234A|100987654|Nguyễn Văn An|14051990|Nam|Quảng Ninh|20042021")
              .contains(QStringLiteral("The ID number \"02209001234A\" must be exactly 12 digits.")));
    CHECK(errorOf("003090012345|100987654|Nguyễn Văn An|14051990|Nam|Quảng Ninh|20042021")
              .contains(
                  QStringLiteral("The ID number 003090012345 starts with 003, which is not a province code of birth "
                                 "registration.")));
    CHECK(errorOf("022290012345|100987654|Nguyễn Văn An|14051990|Nam|Quảng Ninh|20042021") ==
          QStringLiteral("The ID card's QR code cannot be used: Digit 4 of the ID number (2) means born in 2000-2099, "
                         "but the date of birth is 1990-05-14."));
    CHECK(errorOf("022190012345|100987654|Nguyễn Văn An|14051990|Nam|Quảng Ninh|20042021") ==
          QString::fromUtf8("The ID card's QR code cannot be used: Digit 4 of the ID number (1) means Nữ, but the card "
                            "says Nam."));
    CHECK(errorOf("022091012345|100987654|Nguyễn Văn An|14051990|Nam|Quảng Ninh|20042021") ==
          QStringLiteral("The ID card's QR code cannot be used: Digits 5-6 of the ID number (91) do not match the year "
                         "of birth 1990."));
    CHECK(errorOf("022090012345|100987654|Nguyễn Văn An|31021990|Nam|Quảng Ninh|20042021")
              .contains(QStringLiteral("The date of birth \"31021990\" is not a valid date (ddMMyyyy).")));
    CHECK(errorOf("022090012345|100987654|Nguyễn Văn An|14051990|Nam|Quảng Ninh|2004202")
              .contains(QStringLiteral("The issue date \"2004202\" is not a valid date (ddMMyyyy).")));
    CHECK(errorOf("022090012345|100987654|Nguyễn Văn An|14051990|Nam|Quảng Ninh|20041989")
              .contains(QStringLiteral("The issue date 1989-04-20 is before the date of birth 1990-05-14.")));
    CHECK(errorOf("022090012345|100987654|  |14051990|Nam|Quảng Ninh|20042021") ==
          QStringLiteral("The ID card's QR code cannot be used: The full name is empty."));
    CHECK(errorOf("022090012345|100987654|Nguyễn Văn An|14051990|Khác|Quảng Ninh|20042021") ==
          QString::fromUtf8("The ID card's QR code cannot be used: The gender \"Khác\" is neither Nam nor Nữ."));
    CHECK(
        errorOf("022090012345|10098765|Nguyễn Văn An|14051990|Nam|Quảng Ninh|20042021") ==
        QStringLiteral("The ID card's QR code cannot be used: The old ID number \"10098765\" must be 9 or 12 digits."));
    // Several problems at once are all listed.
    const QString several = errorOf("022191012345|100987654||14051990|Nam|Quảng Ninh|20042021");
    CHECK(several.contains(QStringLiteral("Digits 5-6 of the ID number (91)")));
    CHECK(several.contains(QString::fromUtf8("means Nữ, but the card says Nam")));
    CHECK(several.contains(QStringLiteral("The full name is empty.")));
}

TEST_CASE("checkIdNumber and the province list", "[citizen]")
{
    CHECK(checkIdNumber(QStringLiteral("022090012345"), QDate(1990, 5, 14), Gender::Male).isEmpty());
    CHECK(checkIdNumber(QStringLiteral("022090012345"), QDate(), Gender::Male).isEmpty());
    CHECK(checkIdNumber(QStringLiteral("001303004567"), QDate(2003, 11, 2), Gender::Female).isEmpty());
    CHECK(checkIdNumber(QStringLiteral("001303004567"), QDate(2003, 11, 2), Gender::Male).size() == 1);
    CHECK(provinceName(u"001") == QString::fromUtf8("Hà Nội"));
    CHECK(provinceName(u"079") == QString::fromUtf8("Hồ Chí Minh"));
    CHECK(provinceName(u"096") == QString::fromUtf8("Cà Mau"));
    CHECK(provinceName(u"046") == QString::fromUtf8("Thừa Thiên Huế"));
    CHECK(provinceName(u"003").isEmpty());
    CHECK(provinceName(u"097").isEmpty());
    CHECK(provinceName(u"22").isEmpty());
    int known = 0;
    for (int code = 0; code < 1000; ++code) {
        if (!provinceName(QString::number(code).rightJustified(3, QLatin1Char('0'))).isEmpty())
            ++known;
    }
    CHECK(known == 63);
}
