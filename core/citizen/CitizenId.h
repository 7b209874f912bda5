// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace motcua::citizen {

enum class Gender { Male, Female };

// "Nam" or "Nữ", as printed on the card and in the QR.
QString genderWord(Gender gender);

// What the QR code of a chip ID card (CCCD, căn cước) says, checked.
struct CitizenId {
    QString idNumber;     // 12 digits
    QString oldIdNumber;  // the former 9-digit CMND (or 12-digit number); empty when the card has none
    QString fullName;
    QDate birthDate;
    Gender gender = Gender::Male;
    QString address;          // place of residence
    QDate issueDate;          // invalid when the QR gives none
    QStringList extraFields;  // fields after the seventh, kept as scanned
    QString raw;              // the scanned text without the trailing CR/LF
};

// Parses the QR text: UTF-8 "ID12|oldID9|Full name|ddMMyyyy|Nam/Nữ|address|ddMMyyyy" (issue date last), with the
// CR/LF a keyboard-wedge scanner adds stripped. Field counts:
//   7: as above;
//   more than 7: the first seven as above, the rest kept in extraFields;
//   6: one field is absent. When the third field is a date (so the name came second), the old-ID field is the
//      absent one (cards of people who never had a CMND):
//      "ID12|Full name|ddMMyyyy|Nam/Nữ|address|ddMMyyyy". Otherwise the issue date is the absent one and stays
//      invalid: "ID12|oldID|Full name|ddMMyyyy|Nam/Nữ|address";
//   fewer than 6: rejected.
// The ID number is checked against the QR's own birth date and gender (checkIdNumber). Every problem found is
// listed in the InvalidInput error's message.
Result<CitizenId> parseCccdQr(QStringView text);

// Checks a 12-digit ID number: digits 1–3 the province (or centrally-run city) of birth registration, one of the
// 63 codes of Circular 07/2016/TT-BCA (kept by Circular 59/2021/TT-BCA; the 2025 merger into 34 provinces does not
// change numbers already issued); digit 4 century and gender (1900s: 0 male, 1 female; 2000s: 2/3; 2100s: 4/5;
// 1800s: 6/7; 2200s: 8/9); digits 5–6 the last two digits of the birth year; 7–12 random (there is no check digit).
// With a valid `birthDate` the century, year and gender are compared with it. Returns the problems, translated;
// empty when the number is consistent.
QStringList checkIdNumber(const QString &idNumber, const QDate &birthDate, std::optional<Gender> gender);

// The same checks, each problem with what it is about.
enum class IdNumberProblem {
    Format,    // not exactly 12 digits (nothing else is checked then)
    Province,  // digits 1-3 are no province code
    Century,   // digit 4 disagrees with the century of the birth date
    Year,      // digits 5-6 disagree with the year of the birth date
    Gender,    // digit 4 disagrees with the gender
};
struct IdNumberIssue {
    IdNumberProblem kind = IdNumberProblem::Format;
    QString message;  // translated
};
QList<IdNumberIssue> checkIdNumberIssues(const QString &idNumber, const QDate &birthDate, std::optional<Gender> gender);

// The name of the province of birth registration for a 3-digit code ("022" -> "Quảng Ninh"); empty when unknown.
QString provinceName(QStringView code);

}  // namespace motcua::citizen
