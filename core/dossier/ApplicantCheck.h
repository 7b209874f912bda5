// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace motcua {

// The fields of an applicant (and of the optional authorised representative) that a check can be about.
enum class ApplicantField {
    IdNumber,
    OldIdNumber,
    FullName,
    BirthDate,
    Gender,
    Address,
    IssueDate,
    Phone,
    Email,
    RepresentativeName,
    RepresentativeIdNumber,
    RepresentativePhone,
    Unknown,  // a key of an applicant file that is no field
};

// What is wrong. Stable: a code keeps its value and meaning, and new codes are appended.
enum class ApplicantProblemCode {
    Required = 1,            // the full name (of the applicant, or of a representative) is empty
    TooLong = 2,             // longer than applicantFieldMaxLength()
    NotText = 3,             // a value of an applicant file that is not a string
    UnknownField = 4,        // a key of an applicant file that is no field
    BadDate = 5,             // the birth or issue date is not a date
    BirthInFuture = 6,       // born after today
    BirthTooEarly = 7,       // born more than applicantMaxAgeYears before today
    IssueInFuture = 8,       // the card is issued after today
    IssueBeforeBirth = 9,    // the card is issued before the birth date
    BadGender = 10,          // neither "Nam" nor "Nữ"
    IdNumberFormat = 11,     // not 12 digits
    IdNumberProvince = 12,   // digits 1-3 are no province code
    IdNumberCentury = 13,    // digit 4 disagrees with the birth date's century
    IdNumberYear = 14,       // digits 5-6 disagree with the birth year
    IdNumberGender = 15,     // digit 4 disagrees with the gender
    OldIdNumberFormat = 16,  // the old ID (CMND) is not 9 or 12 digits
    BadPhone = 17,           // not a Vietnamese phone number (isVietnamesePhone)
    BadEmail = 18,           // not like name@example.vn
};

struct ApplicantProblem {
    ApplicantField field = ApplicantField::Unknown;
    ApplicantProblemCode code = ApplicantProblemCode::Required;
    QString message;  // translated, a whole sentence
};

// The applicant as typed or as an applicant file gives it: text, trimmed or not. Dates as checkable by
// parseApplicantDate(); gender "Nam", "Nữ" or empty.
struct ApplicantFields {
    QString idNumber;
    QString oldIdNumber;
    QString fullName;
    QString birthDate;
    QString gender;
    QString address;
    QString issueDate;
    QString phone;
    QString email;
};

struct RepresentativeFields {
    bool present = false;
    QString fullName;
    QString idNumber;
    QString phone;
};

// The key of a field in the stored applicant ("full_name", …; "representative.full_name" for the representative's).
QString applicantFieldKey(ApplicantField field);
// A stable word for a code ("required", "too_long", "bad_phone", …).
QString applicantProblemCodeName(ApplicantProblemCode code);
// The most characters a free-text field may have after trimming; 0 for fields with a format of their own.
int applicantFieldMaxLength(ApplicantField field);
inline constexpr int applicantMaxAgeYears = 130;

// dd/MM/yyyy, d/M/yyyy, ddMMyyyy or yyyy-MM-dd; invalid when none of them.
QDate parseApplicantDate(const QString &text);
// Without spaces, dots and dashes, and with a leading +84 or 84 written as 0: "+84 912.345.678" -> "0912345678".
QString normalizedPhone(const QString &text);
// Whether a normalized number is a Vietnamese subscriber number: a mobile 0 + [35789] + 8 digits, or a fixed line
// 02 + 9 digits (an area code 02x plus the subscriber number).
bool isVietnamesePhone(const QString &normalized);

// Every problem of the applicant and the representative, in the order of the form; empty when they can be stored.
QList<ApplicantProblem> checkApplicant(const ApplicantFields &applicant,
                                       const RepresentativeFields &representative = {});

// The stored form: trimmed text, ISO dates, normalized phones; empty fields are left out. Meant for fields without
// problems (a date that is not a date is left out).
QJsonObject applicantJson(const ApplicantFields &applicant);
QJsonObject representativeJson(const RepresentativeFields &representative);  // empty when not present

// An applicant file (the keys of `cccd parse --json` plus phone and email; null values and what that command adds
// beyond the fields are ignored) and an optional representative {full_name, id_number, phone}, checked.
struct CheckedApplicant {
    QJsonObject applicant;       // the stored form
    QJsonObject representative;  // the stored form; empty when none
    QList<ApplicantProblem> problems;
};
CheckedApplicant checkApplicantJson(const QJsonObject &applicant, const QJsonObject &representative = {});

}  // namespace motcua
