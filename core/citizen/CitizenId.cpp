// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/citizen/CitizenId.h"

#include "core/Clock.h"
#include "core/text/VietnameseFold.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <optional>

namespace motcua::citizen {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::citizen)
};

struct Province {
    int code;
    const char16_t *name;
};

// Codes of the provinces and centrally-run cities of birth registration, Circular 07/2016/TT-BCA (Appendix I),
// unchanged by Circular 59/2021/TT-BCA. Numbers issued before the 2025 merger keep these codes.
constexpr std::array<Province, 63> kProvinces = {{
    {1, u"Hà Nội"},
    {2, u"Hà Giang"},
    {4, u"Cao Bằng"},
    {6, u"Bắc Kạn"},
    {8, u"Tuyên Quang"},
    {10, u"Lào Cai"},
    {11, u"Điện Biên"},
    {12, u"Lai Châu"},
    {14, u"Sơn La"},
    {15, u"Yên Bái"},
    {17, u"Hòa Bình"},
    {19, u"Thái Nguyên"},
    {20, u"Lạng Sơn"},
    {22, u"Quảng Ninh"},
    {24, u"Bắc Giang"},
    {25, u"Phú Thọ"},
    {26, u"Vĩnh Phúc"},
    {27, u"Bắc Ninh"},
    {30, u"Hải Dương"},
    {31, u"Hải Phòng"},
    {33, u"Hưng Yên"},
    {34, u"Thái Bình"},
    {35, u"Hà Nam"},
    {36, u"Nam Định"},
    {37, u"Ninh Bình"},
    {38, u"Thanh Hóa"},
    {40, u"Nghệ An"},
    {42, u"Hà Tĩnh"},
    {44, u"Quảng Bình"},
    {45, u"Quảng Trị"},
    {46, u"Thừa Thiên Huế"},
    {48, u"Đà Nẵng"},
    {49, u"Quảng Nam"},
    {51, u"Quảng Ngãi"},
    {52, u"Bình Định"},
    {54, u"Phú Yên"},
    {56, u"Khánh Hòa"},
    {58, u"Ninh Thuận"},
    {60, u"Bình Thuận"},
    {62, u"Kon Tum"},
    {64, u"Gia Lai"},
    {66, u"Đắk Lắk"},
    {67, u"Đắk Nông"},
    {68, u"Lâm Đồng"},
    {70, u"Bình Phước"},
    {72, u"Tây Ninh"},
    {74, u"Bình Dương"},
    {75, u"Đồng Nai"},
    {77, u"Bà Rịa - Vũng Tàu"},
    {79, u"Hồ Chí Minh"},
    {80, u"Long An"},
    {82, u"Tiền Giang"},
    {83, u"Bến Tre"},
    {84, u"Trà Vinh"},
    {86, u"Vĩnh Long"},
    {87, u"Đồng Tháp"},
    {89, u"An Giang"},
    {91, u"Kiên Giang"},
    {92, u"Cần Thơ"},
    {93, u"Hậu Giang"},
    {94, u"Sóc Trăng"},
    {95, u"Bạc Liêu"},
    {96, u"Cà Mau"},
}};

bool allDigits(QStringView s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

// ddMMyyyy; invalid unless it is eight digits naming a real day.
QDate parseDate(QStringView s)
{
    if (s.size() != 8 || !allDigits(s))
        return {};
    return QDate(s.mid(4, 4).toInt(), s.mid(2, 2).toInt(), s.mid(0, 2).toInt());
}

bool looksLikeDate(QStringView s)
{
    return parseDate(s.trimmed()).isValid();
}

int centuryOf(int digit)
{
    static constexpr std::array<int, 10> centuries = {1900, 1900, 2000, 2000, 2100, 2100, 1800, 1800, 2200, 2200};
    return centuries[size_t(digit)];
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QString genderName(Gender gender)
{
    return gender == Gender::Male ? QStringLiteral("Nam") : QStringLiteral("Nữ");
}

QList<IdNumberIssue> checkNumber(const QString &idNumber, const QDate &birthDate, std::optional<Gender> gender)
{
    if (idNumber.size() != 12 || !allDigits(idNumber))
        return {{IdNumberProblem::Format, Tr::tr("The ID number \"%1\" must be exactly 12 digits.").arg(idNumber)}};
    QList<IdNumberIssue> problems;
    const QStringView id(idNumber);
    if (provinceName(id.mid(0, 3)).isEmpty())
        problems.append({IdNumberProblem::Province,
                         Tr::tr("The ID number %1 starts with %2, which is not a province code of birth registration.")
                             .arg(idNumber, id.mid(0, 3).toString())});
    const int digit = id.at(3).digitValue();
    const int century = centuryOf(digit);
    const Gender numberGender = digit % 2 == 0 ? Gender::Male : Gender::Female;
    const int yearDigits = id.mid(4, 2).toInt();
    if (birthDate.isValid()) {
        if (birthDate.year() / 100 * 100 != century)
            problems.append({IdNumberProblem::Century,
                             Tr::tr("Digit 4 of the ID number (%1) means born in %2-%3, but the date of birth is %4.")
                                 .arg(digit)
                                 .arg(century)
                                 .arg(century + 99)
                                 .arg(isoDate(birthDate))});
        if (birthDate.year() % 100 != yearDigits)
            problems.append(
                {IdNumberProblem::Year, Tr::tr("Digits 5-6 of the ID number (%1) do not match the year of birth %2.")
                                            .arg(id.mid(4, 2).toString())
                                            .arg(birthDate.year())});
    }
    if (gender && numberGender != *gender)
        problems.append(
            {IdNumberProblem::Gender, Tr::tr("Digit 4 of the ID number (%1) means %2, but the card says %3.")
                                          .arg(digit)
                                          .arg(genderName(numberGender), genderName(*gender))});
    return problems;
}

}  // namespace

QString genderWord(Gender gender)
{
    return genderName(gender);
}

QString provinceName(QStringView code)
{
    if (code.size() != 3 || !allDigits(code))
        return {};
    const int n = code.toInt();
    for (const Province &p : kProvinces) {
        if (p.code == n)
            return QString::fromUtf16(p.name);
    }
    return {};
}

QList<IdNumberIssue> checkIdNumberIssues(const QString &idNumber, const QDate &birthDate, std::optional<Gender> gender)
{
    return checkNumber(idNumber, birthDate, gender);
}

QStringList checkIdNumber(const QString &idNumber, const QDate &birthDate, std::optional<Gender> gender)
{
    QStringList messages;
    for (const IdNumberIssue &issue : checkNumber(idNumber, birthDate, gender))
        messages.append(issue.message);
    return messages;
}

namespace {

// The text of a chip ID card's QR code without the byte order mark and line end a scanner may add.
QStringView qrBody(QStringView text)
{
    QStringView body = text;
    if (body.startsWith(QChar(0xFEFF)))
        body = body.mid(1);
    while (!body.isEmpty() && (body.back() == QLatin1Char('\r') || body.back() == QLatin1Char('\n')))
        body.chop(1);
    return body;
}

// The fields of the QR code that are checked before they go on the card, as written.
struct QrRawFields {
    QString birth;
    QString gender;
    QString issue;
};

// Puts the QR code's fields (at least 6) on `card`, in either layout: ID|old ID|name|birth|gender|address[|issue…]
// or, without the old ID, ID|name|birth|gender|address|issue.
QrRawFields readQrFields(const QList<QStringView> &fields, CitizenId *card)
{
    auto field = [&](qsizetype i) { return fields.at(i).trimmed().toString(); };
    QrRawFields raw;
    if (fields.size() == 6 && looksLikeDate(fields.at(2)) && !looksLikeDate(fields.at(3))) {
        card->idNumber = field(0);
        card->fullName = field(1);
        raw.birth = field(2);
        raw.gender = field(3);
        card->address = field(4);
        raw.issue = field(5);
    } else {
        card->idNumber = field(0);
        card->oldIdNumber = field(1);
        card->fullName = field(2);
        raw.birth = field(3);
        raw.gender = field(4);
        card->address = field(5);
        if (fields.size() > 6)
            raw.issue = field(6);
        for (qsizetype i = 7; i < fields.size(); ++i)
            card->extraFields.append(fields.at(i).toString());
    }
    card->fullName = card->fullName.simplified();
    return raw;
}

// Reads the dates and the gender onto `card` and returns what is wrong with the card's fields other than the ID
// number; `genderKnown` tells whether the gender was read.
QStringList checkQrFields(const QrRawFields &raw, CitizenId *card, bool *genderKnown)
{
    QStringList problems;
    if (card->fullName.isEmpty())
        problems.append(Tr::tr("The full name is empty."));
    card->birthDate = parseDate(raw.birth);
    if (!card->birthDate.isValid())
        problems.append(Tr::tr("The date of birth \"%1\" is not a valid date (ddMMyyyy).").arg(raw.birth));
    else if (card->birthDate > Clock::now().toTimeZone(vietnamTimeZone()).date())
        problems.append(Tr::tr("The date of birth %1 is in the future.").arg(isoDate(card->birthDate)));
    const QString foldedGender = foldVietnamese(raw.gender);
    *genderKnown = true;
    if (foldedGender == QStringLiteral("nam")) {
        card->gender = Gender::Male;
    } else if (foldedGender == QStringLiteral("nu")) {
        card->gender = Gender::Female;
    } else {
        *genderKnown = false;
        problems.append(Tr::tr("The gender \"%1\" is neither Nam nor Nữ.").arg(raw.gender));
    }
    if (!raw.issue.isEmpty()) {
        card->issueDate = parseDate(raw.issue);
        if (!card->issueDate.isValid())
            problems.append(Tr::tr("The issue date \"%1\" is not a valid date (ddMMyyyy).").arg(raw.issue));
        else if (card->birthDate.isValid() && card->issueDate < card->birthDate)
            problems.append(Tr::tr("The issue date %1 is before the date of birth %2.")
                                .arg(isoDate(card->issueDate), isoDate(card->birthDate)));
    }
    if (!card->oldIdNumber.isEmpty() &&
        !((card->oldIdNumber.size() == 9 || card->oldIdNumber.size() == 12) && allDigits(card->oldIdNumber)))
        problems.append(Tr::tr("The old ID number \"%1\" must be 9 or 12 digits.").arg(card->oldIdNumber));
    return problems;
}

}  // namespace

Result<CitizenId> parseCccdQr(QStringView text)
{
    CitizenId card;
    const QStringView body = qrBody(text);
    card.raw = body.toString();
    const QList<QStringView> fields = body.split(QLatin1Char('|'));
    auto reject = [](const QStringList &problems) {
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The ID card's QR code cannot be used: %1").arg(problems.join(QStringLiteral(" "))));
    };
    if (fields.size() < 6 || body.trimmed().isEmpty())
        return reject({Tr::tr("It has %1 fields separated by '|'; a chip ID card gives at least 6.")
                           .arg(body.trimmed().isEmpty() ? 0 : fields.size())});

    const QrRawFields raw = readQrFields(fields, &card);
    bool genderKnown = true;
    const QStringList fieldProblems = checkQrFields(raw, &card, &genderKnown);
    const QStringList problems =
        checkIdNumber(card.idNumber, card.birthDate, genderKnown ? std::optional<Gender>(card.gender) : std::nullopt) +
        fieldProblems;
    if (!problems.isEmpty())
        return reject(problems);
    return card;
}

}  // namespace motcua::citizen
