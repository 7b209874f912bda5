// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dossier/ApplicantCheck.h"

#include "core/Clock.h"
#include "core/citizen/CitizenId.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>
#include <optional>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::dossier)
};

const QString kMale = QStringLiteral("Nam");
const QString kFemale = QStringLiteral("Nữ");

QString shown(const QDate &date)
{
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

QDate today()
{
    return Clock::now().toTimeZone(vietnamTimeZone()).date();
}

bool allDigits(const QString &s)
{
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

QString label(ApplicantField field)
{
    switch (field) {
    case ApplicantField::FullName:
        return Tr::tr("The full name");
    case ApplicantField::Address:
        return Tr::tr("The address");
    case ApplicantField::Email:
        return Tr::tr("The e-mail address");
    case ApplicantField::RepresentativeName:
        return Tr::tr("The representative's name");
    case ApplicantField::RepresentativeIdNumber:
        return Tr::tr("The representative's ID number");
    default:
        return applicantFieldKey(field);
    }
}

class Checker {
public:
    QList<ApplicantProblem> problems;

    void add(ApplicantField field, ApplicantProblemCode code, const QString &message)
    {
        problems.append({field, code, message});
    }

    // False (with a problem) when `text` is longer than the field allows.
    bool fits(ApplicantField field, const QString &text)
    {
        const int max = applicantFieldMaxLength(field);
        if (max <= 0 || text.size() <= max)
            return true;
        add(field, ApplicantProblemCode::TooLong,
            Tr::tr("%1 is too long: %2 characters, at most %3.").arg(label(field)).arg(text.size()).arg(max));
        return false;
    }

    void phone(ApplicantField field, const QString &text)
    {
        if (text.trimmed().isEmpty() || isVietnamesePhone(normalizedPhone(text)))
            return;
        add(field, ApplicantProblemCode::BadPhone,
            field == ApplicantField::Phone
                ? Tr::tr("The phone number is not a Vietnamese number like 0912345678.")
                : Tr::tr("The representative's phone number is not a Vietnamese number like 0912345678."));
    }

    // The birth date when it is a plausible one.
    QDate birthDate(const QString &text)
    {
        if (text.trimmed().isEmpty())
            return {};
        const QDate birth = parseApplicantDate(text);
        if (!birth.isValid()) {
            add(ApplicantField::BirthDate, ApplicantProblemCode::BadDate,
                Tr::tr("The birth date is not a date like 25/03/1990."));
        } else if (birth > today()) {
            add(ApplicantField::BirthDate, ApplicantProblemCode::BirthInFuture,
                Tr::tr("The birth date %1 is in the future.").arg(shown(birth)));
        } else if (birth < today().addYears(-applicantMaxAgeYears)) {
            add(ApplicantField::BirthDate, ApplicantProblemCode::BirthTooEarly,
                Tr::tr("The birth date %1 is more than %2 years ago.").arg(shown(birth)).arg(applicantMaxAgeYears));
        } else {
            return birth;
        }
        return {};
    }

    void issueDate(const QString &text, const QDate &birth)
    {
        if (text.trimmed().isEmpty())
            return;
        const QDate issue = parseApplicantDate(text);
        if (!issue.isValid())
            add(ApplicantField::IssueDate, ApplicantProblemCode::BadDate,
                Tr::tr("The issue date is not a date like 10/04/2021."));
        else if (issue > today())
            add(ApplicantField::IssueDate, ApplicantProblemCode::IssueInFuture,
                Tr::tr("The issue date %1 is in the future.").arg(shown(issue)));
        else if (birth.isValid() && issue < birth)
            add(ApplicantField::IssueDate, ApplicantProblemCode::IssueBeforeBirth,
                Tr::tr("The issue date %1 is before the birth date %2.").arg(shown(issue), shown(birth)));
    }

    void idNumber(const QString &id, const QDate &birth, std::optional<citizen::Gender> gender)
    {
        if (id.isEmpty())
            return;
        for (const citizen::IdNumberIssue &issue : citizen::checkIdNumberIssues(id, birth, gender)) {
            static constexpr ApplicantProblemCode codes[] = {
                ApplicantProblemCode::IdNumberFormat, ApplicantProblemCode::IdNumberProvince,
                ApplicantProblemCode::IdNumberCentury, ApplicantProblemCode::IdNumberYear,
                ApplicantProblemCode::IdNumberGender};
            add(ApplicantField::IdNumber, codes[int(issue.kind)], issue.message);
        }
    }
};

void checkRepresentative(Checker &c, const RepresentativeFields &r)
{
    if (!r.present)
        return;
    const QString name = r.fullName.trimmed();
    if (name.isEmpty())
        c.add(ApplicantField::RepresentativeName, ApplicantProblemCode::Required,
              Tr::tr("The representative's full name is missing."));
    c.fits(ApplicantField::RepresentativeName, name);
    c.fits(ApplicantField::RepresentativeIdNumber, r.idNumber.trimmed());
    c.phone(ApplicantField::RepresentativePhone, r.phone);
}

void put(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

void putDate(QJsonObject &o, const QString &key, const QString &text)
{
    const QDate d = parseApplicantDate(text);
    if (d.isValid())
        o.insert(key, d.toString(Qt::ISODate));
}

// Reads the string fields of `o` named in `keys` into `targets`; anything else is a problem unless `ignored`.
void readJson(const QJsonObject &o, const QList<std::pair<ApplicantField, QString *>> &targets,
              const QStringList &ignored, QList<ApplicantProblem> *problems, const QString &keyPrefix = {})
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (ignored.contains(it.key()) || it.value().isNull())
            continue;
        const auto target = std::find_if(targets.cbegin(), targets.cend(), [&](const auto &t) {
            return applicantFieldKey(t.first) == keyPrefix + it.key();
        });
        if (target == targets.cend()) {
            problems->append({ApplicantField::Unknown, ApplicantProblemCode::UnknownField,
                              Tr::tr("The applicant file has an unknown field '%1'.").arg(keyPrefix + it.key())});
        } else if (!it.value().isString()) {
            problems->append({target->first, ApplicantProblemCode::NotText,
                              Tr::tr("Field %1 must be text.").arg(keyPrefix + it.key())});
        } else {
            *target->second = it.value().toString();
        }
    }
}

}  // namespace

QString applicantFieldKey(ApplicantField field)
{
    switch (field) {
    case ApplicantField::IdNumber:
        return QStringLiteral("id_number");
    case ApplicantField::OldIdNumber:
        return QStringLiteral("old_id_number");
    case ApplicantField::FullName:
        return QStringLiteral("full_name");
    case ApplicantField::BirthDate:
        return QStringLiteral("birth_date");
    case ApplicantField::Gender:
        return QStringLiteral("gender");
    case ApplicantField::Address:
        return QStringLiteral("address");
    case ApplicantField::IssueDate:
        return QStringLiteral("issue_date");
    case ApplicantField::Phone:
        return QStringLiteral("phone");
    case ApplicantField::Email:
        return QStringLiteral("email");
    case ApplicantField::RepresentativeName:
        return QStringLiteral("representative.full_name");
    case ApplicantField::RepresentativeIdNumber:
        return QStringLiteral("representative.id_number");
    case ApplicantField::RepresentativePhone:
        return QStringLiteral("representative.phone");
    case ApplicantField::Unknown:
        break;
    }
    return QStringLiteral("applicant");
}

QString applicantProblemCodeName(ApplicantProblemCode code)
{
    static const char *const names[] = {
        "required",           "too_long",        "not_text",         "unknown_field",
        "bad_date",           "birth_in_future", "birth_too_early",  "issue_in_future",
        "issue_before_birth", "bad_gender",      "id_number_format", "id_number_province",
        "id_number_century",  "id_number_year",  "id_number_gender", "old_id_number_format",
        "bad_phone",          "bad_email"};
    const int i = int(code) - 1;
    return i >= 0 && i < int(std::size(names)) ? QString::fromLatin1(names[i]) : QString();
}

int applicantFieldMaxLength(ApplicantField field)
{
    switch (field) {
    case ApplicantField::FullName:
    case ApplicantField::RepresentativeName:
        return 100;
    case ApplicantField::Address:
        return 300;
    case ApplicantField::Email:
        return 254;  // RFC 5321: the longest path a mail server must accept
    case ApplicantField::RepresentativeIdNumber:
        return 20;  // an ID number, old ID number or passport number
    default:
        return 0;
    }
}

QDate parseApplicantDate(const QString &text)
{
    const QString t = text.trimmed();
    for (const QString &format : {QStringLiteral("dd/MM/yyyy"), QStringLiteral("d/M/yyyy"), QStringLiteral("ddMMyyyy"),
                                  QStringLiteral("yyyy-MM-dd")}) {
        const QDate d = QDate::fromString(t, format);
        if (d.isValid())
            return d;
    }
    return {};
}

QString normalizedPhone(const QString &text)
{
    QString p = text.trimmed();
    p.remove(QLatin1Char(' ')).remove(QLatin1Char('.')).remove(QLatin1Char('-'));
    if (p.startsWith(QStringLiteral("+84")))
        p = QLatin1Char('0') + p.mid(3);
    else if (p.startsWith(QStringLiteral("84")))
        p = QLatin1Char('0') + p.mid(2);
    return p;
}

// The national numbering plan of the Ministry of Information and Communications (Circular 22/2014/TT-BTTTT, in
// force from 01/03/2015). Fixed lines: area codes changed in three stages from 11/02/2017 to 31/08/2017 (Decision
// 2036/QĐ-BTTTT); every area code now starts with 2 (24 Hà Nội, 28 Hồ Chí Minh, 2xx elsewhere) and every fixed
// number is 11 digits, 0 + area code + subscriber number. Mobile: the 11-digit numbers (012x, 016x, 018x, 0199) moved
// to 10 digits from 15/09/2018 (last old numbers 30/06/2019), so every mobile number is 0 + 9 digits with a network
// code 3x, 5x, 7x, 8x or 9x. libphonenumber's metadata for VN agrees (fixed_line 2 + 9 digits, mobile [35789] + 8
// digits, national significant numbers).
bool isVietnamesePhone(const QString &normalized)
{
    static const QRegularExpression phone(QStringLiteral("^0(?:[35789][0-9]{8}|2[0-9]{9})$"));
    return phone.match(normalized).hasMatch();
}

QList<ApplicantProblem> checkApplicant(const ApplicantFields &a, const RepresentativeFields &representative)
{
    Checker c;
    const QString gender = a.gender.trimmed();
    std::optional<citizen::Gender> idGender;
    if (gender == kMale || gender == kFemale)
        idGender = gender == kMale ? citizen::Gender::Male : citizen::Gender::Female;
    // The birth date is checked first so that the ID number is compared with a plausible one only; its problems
    // are listed after the ID number's, in the order of the form.
    Checker birth;
    const QDate birthDate = birth.birthDate(a.birthDate);
    c.idNumber(a.idNumber.trimmed(), birthDate, idGender);
    const QString oldId = a.oldIdNumber.trimmed();
    if (!oldId.isEmpty() && !((oldId.size() == 9 || oldId.size() == 12) && allDigits(oldId)))
        c.add(ApplicantField::OldIdNumber, ApplicantProblemCode::OldIdNumberFormat,
              Tr::tr("The old ID number \"%1\" must be 9 or 12 digits.").arg(oldId));
    if (a.fullName.trimmed().isEmpty())
        c.add(ApplicantField::FullName, ApplicantProblemCode::Required,
              Tr::tr("The applicant's full name is missing."));
    c.fits(ApplicantField::FullName, a.fullName.trimmed());
    c.problems += birth.problems;
    if (!gender.isEmpty() && !idGender)
        c.add(ApplicantField::Gender, ApplicantProblemCode::BadGender,
              Tr::tr("The gender must be \"Nam\" or \"Nữ\", not \"%1\".").arg(gender));
    c.fits(ApplicantField::Address, a.address.trimmed());
    c.issueDate(a.issueDate, parseApplicantDate(a.birthDate));
    c.phone(ApplicantField::Phone, a.phone);
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    const QString mail = a.email.trimmed();
    if (c.fits(ApplicantField::Email, mail) && !mail.isEmpty() && !email.match(mail).hasMatch())
        c.add(ApplicantField::Email, ApplicantProblemCode::BadEmail,
              Tr::tr("The e-mail address is not like name@example.vn."));
    checkRepresentative(c, representative);
    return c.problems;
}

QJsonObject applicantJson(const ApplicantFields &a)
{
    QJsonObject o;
    put(o, QStringLiteral("id_number"), a.idNumber.trimmed());
    put(o, QStringLiteral("old_id_number"), a.oldIdNumber.trimmed());
    put(o, QStringLiteral("full_name"), a.fullName.trimmed());
    putDate(o, QStringLiteral("birth_date"), a.birthDate);
    put(o, QStringLiteral("gender"), a.gender.trimmed());
    put(o, QStringLiteral("address"), a.address.trimmed());
    putDate(o, QStringLiteral("issue_date"), a.issueDate);
    put(o, QStringLiteral("phone"), normalizedPhone(a.phone));
    put(o, QStringLiteral("email"), a.email.trimmed());
    return o;
}

QJsonObject representativeJson(const RepresentativeFields &r)
{
    if (!r.present)
        return {};
    QJsonObject o{{QStringLiteral("full_name"), r.fullName.trimmed()}};
    put(o, QStringLiteral("id_number"), r.idNumber.trimmed());
    put(o, QStringLiteral("phone"), normalizedPhone(r.phone));
    return o;
}

CheckedApplicant checkApplicantJson(const QJsonObject &applicant, const QJsonObject &representative)
{
    CheckedApplicant out;
    ApplicantFields a;
    // What `cccd parse --json` adds beyond the applicant's fields is accepted and not stored.
    readJson(applicant,
             {{ApplicantField::IdNumber, &a.idNumber},
              {ApplicantField::OldIdNumber, &a.oldIdNumber},
              {ApplicantField::FullName, &a.fullName},
              {ApplicantField::BirthDate, &a.birthDate},
              {ApplicantField::Gender, &a.gender},
              {ApplicantField::Address, &a.address},
              {ApplicantField::IssueDate, &a.issueDate},
              {ApplicantField::Phone, &a.phone},
              {ApplicantField::Email, &a.email}},
             {QStringLiteral("birth_registration_province"), QStringLiteral("extra_fields")}, &out.problems);
    RepresentativeFields r;
    r.present = !representative.isEmpty();
    readJson(representative,
             {{ApplicantField::RepresentativeName, &r.fullName},
              {ApplicantField::RepresentativeIdNumber, &r.idNumber},
              {ApplicantField::RepresentativePhone, &r.phone}},
             {}, &out.problems, QStringLiteral("representative."));
    out.problems += checkApplicant(a, r);
    out.applicant = applicantJson(a);
    out.representative = representativeJson(r);
    return out;
}

}  // namespace motcua
