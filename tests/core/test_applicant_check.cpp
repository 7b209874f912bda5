// SPDX-License-Identifier: GPL-3.0-or-later
#include "DossierFixtures.h"
#include "TestSupport.h"

#include "core/Clock.h"
#include "core/calendar/CalendarStore.h"
#include "core/dossier/ApplicantCheck.h"
#include "core/dossier/DossierStore.h"

#include <QJsonObject>

#include <functional>

using namespace motcua;
using namespace motcua::test;

namespace {

// A consistent applicant: a man born 14/03/1995 in Quảng Ninh (022), card issued 10/04/2021.
ApplicantFields good()
{
    ApplicantFields a;
    a.idNumber = QStringLiteral("022095001234");
    a.oldIdNumber = QStringLiteral("100200300");
    a.fullName = QStringLiteral("Nguyễn Văn Đức");
    a.birthDate = QStringLiteral("14/03/1995");
    a.gender = QStringLiteral("Nam");
    a.address = QStringLiteral("Tổ 5, khu 3, phường Hồng Gai, Quảng Ninh");
    a.issueDate = QStringLiteral("2021-04-10");
    a.phone = QStringLiteral("0912 345 678");
    a.email = QStringLiteral("duc@example.vn");
    return a;
}

// The (field, code) pairs of the problems, for comparing whole lists.
QList<std::pair<ApplicantField, ApplicantProblemCode>> kinds(const QList<ApplicantProblem> &problems)
{
    QList<std::pair<ApplicantField, ApplicantProblemCode>> out;
    for (const ApplicantProblem &p : problems) {
        CHECK_FALSE(p.message.isEmpty());
        out.append({p.field, p.code});
    }
    return out;
}

using Kinds = QList<std::pair<ApplicantField, ApplicantProblemCode>>;

// The clock on 02/03/2026, so that "today" is fixed.
ScopedClockOverride fixedClock()
{
    return ScopedClockOverride([] { return vnTime(2026, 3, 2, 9, 30); });
}

}  // namespace

TEST_CASE("A consistent applicant has no problems and is stored in one form", "[dossier][applicant]")
{
    auto clock = fixedClock();
    CHECK(checkApplicant(good()).isEmpty());
    const QJsonObject o = applicantJson(good());
    CHECK(o.value(QStringLiteral("birth_date")).toString() == QStringLiteral("1995-03-14"));
    CHECK(o.value(QStringLiteral("issue_date")).toString() == QStringLiteral("2021-04-10"));
    CHECK(o.value(QStringLiteral("phone")).toString() == QStringLiteral("0912345678"));
    CHECK(o.size() == 9);
    ApplicantFields onlyName;
    onlyName.fullName = QStringLiteral("  Lê Văn An ");
    CHECK(checkApplicant(onlyName).isEmpty());
    CHECK(applicantJson(onlyName) == QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Lê Văn An")}});
}

TEST_CASE("One phone rule: Vietnamese mobile and fixed numbers, national or with +84", "[dossier][applicant][phone]")
{
    for (const char *ok :
         {"0912345678", "0321234567", "0561234567", "0701234567", "0812345678", "0991234567", "02431234567",
          "02033123456", "+84912345678", "84912345678", "+84 24 3123 4567", "091.234.5678", "091-234-5678"}) {
        INFO(ok);
        CHECK(isVietnamesePhone(normalizedPhone(QString::fromLatin1(ok))));
    }
    CHECK(normalizedPhone(QStringLiteral("+84 912.345-678")) == QStringLiteral("0912345678"));
    CHECK(normalizedPhone(QStringLiteral("84 24 3123 4567")) == QStringLiteral("02431234567"));
    for (const char *bad : {"12345", "091234567", "09123456789", "0123456789", "01681234567", "0412345678",
                            "0612345678", "0241234567", "024312345678", "+8491234567", "0912a45678", "+1 912345678"}) {
        INFO(bad);
        CHECK_FALSE(isVietnamesePhone(normalizedPhone(QString::fromLatin1(bad))));
    }
}

TEST_CASE("Every problem code of the applicant", "[dossier][applicant]")
{
    auto clock = fixedClock();
    using F = ApplicantField;
    using C = ApplicantProblemCode;
    auto check = [](const std::function<void(ApplicantFields &)> &change) {
        ApplicantFields a = good();
        change(a);
        return kinds(checkApplicant(a));
    };
    CHECK(check([](ApplicantFields &a) { a.fullName = QStringLiteral("  "); }) == Kinds{{F::FullName, C::Required}});
    CHECK(check([](ApplicantFields &a) { a.fullName = QString(101, QLatin1Char('a')); }) ==
          Kinds{{F::FullName, C::TooLong}});
    CHECK(check([](ApplicantFields &a) { a.fullName = QString(100, QLatin1Char('a')); }).isEmpty());
    CHECK(check([](ApplicantFields &a) { a.address = QString(301, QLatin1Char('a')); }) ==
          Kinds{{F::Address, C::TooLong}});
    CHECK(check([](ApplicantFields &a) { a.email = QString(250, QLatin1Char('a')) + QStringLiteral("@x.vn"); }) ==
          Kinds{{F::Email, C::TooLong}});
    CHECK(check([](ApplicantFields &a) { a.birthDate = QStringLiteral("31/02/1995"); }) ==
          Kinds{{F::BirthDate, C::BadDate}});
    CHECK(check([](ApplicantFields &a) { a.issueDate = QStringLiteral("2021-13-01"); }) ==
          Kinds{{F::IssueDate, C::BadDate}});
    CHECK(check([](ApplicantFields &a) {
              a.idNumber.clear();
              a.birthDate = QStringLiteral("03/03/2026");
              a.issueDate.clear();
          }) == Kinds{{F::BirthDate, C::BirthInFuture}});
    CHECK(check([](ApplicantFields &a) {
              a.idNumber.clear();
              a.birthDate = QStringLiteral("01/03/1896");
          }) == Kinds{{F::BirthDate, C::BirthTooEarly}});
    CHECK(check([](ApplicantFields &a) { a.issueDate = QStringLiteral("2026-03-03"); }) ==
          Kinds{{F::IssueDate, C::IssueInFuture}});
    CHECK(check([](ApplicantFields &a) { a.issueDate = QStringLiteral("1995-03-13"); }) ==
          Kinds{{F::IssueDate, C::IssueBeforeBirth}});
    CHECK(check([](ApplicantFields &a) { a.gender = QStringLiteral("nam giới"); }) == Kinds{{F::Gender, C::BadGender}});
    CHECK(check([](ApplicantFields &a) { a.idNumber = QStringLiteral("02209500123"); }) ==
          Kinds{{F::IdNumber, C::IdNumberFormat}});
    CHECK(check([](ApplicantFields &a) { a.idNumber = QStringLiteral("003095001234"); }) ==
          Kinds{{F::IdNumber, C::IdNumberProvince}});
    CHECK(check([](ApplicantFields &a) { a.idNumber = QStringLiteral("022295001234"); }) ==
          Kinds{{F::IdNumber, C::IdNumberCentury}});
    CHECK(check([](ApplicantFields &a) { a.idNumber = QStringLiteral("022096001234"); }) ==
          Kinds{{F::IdNumber, C::IdNumberYear}});
    CHECK(check([](ApplicantFields &a) { a.gender = QStringLiteral("Nữ"); }) ==
          Kinds{{F::IdNumber, C::IdNumberGender}});
    CHECK(check([](ApplicantFields &a) { a.oldIdNumber = QStringLiteral("12345"); }) ==
          Kinds{{F::OldIdNumber, C::OldIdNumberFormat}});
    CHECK(check([](ApplicantFields &a) { a.phone = QStringLiteral("0412345678"); }) == Kinds{{F::Phone, C::BadPhone}});
    CHECK(check([](ApplicantFields &a) { a.email = QStringLiteral("khong-phai-email"); }) ==
          Kinds{{F::Email, C::BadEmail}});

    // Several problems come in the order of the form, and each names its field.
    ApplicantFields many;
    many.idNumber = QStringLiteral("1");
    many.phone = QStringLiteral("12345");
    many.email = QStringLiteral("x");
    CHECK(kinds(checkApplicant(many)) == Kinds{{F::IdNumber, C::IdNumberFormat},
                                               {F::FullName, C::Required},
                                               {F::Phone, C::BadPhone},
                                               {F::Email, C::BadEmail}});
}

TEST_CASE("The representative's checks", "[dossier][applicant]")
{
    auto clock = fixedClock();
    using F = ApplicantField;
    using C = ApplicantProblemCode;
    RepresentativeFields r;
    CHECK(checkApplicant(good(), r).isEmpty());  // none
    r.present = true;
    CHECK(kinds(checkApplicant(good(), r)) == Kinds{{F::RepresentativeName, C::Required}});
    r.fullName = QStringLiteral("Trần Thị Hoa");
    r.idNumber = QString(21, QLatin1Char('1'));
    r.phone = QStringLiteral("12345");
    CHECK(kinds(checkApplicant(good(), r)) ==
          Kinds{{F::RepresentativeIdNumber, C::TooLong}, {F::RepresentativePhone, C::BadPhone}});
    r.idNumber = QStringLiteral("022195001234");
    r.phone = QStringLiteral("+84 98 765 4321");
    CHECK(checkApplicant(good(), r).isEmpty());
    CHECK(representativeJson(r) == QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Trần Thị Hoa")},
                                               {QStringLiteral("id_number"), QStringLiteral("022195001234")},
                                               {QStringLiteral("phone"), QStringLiteral("0987654321")}});
}

TEST_CASE("An applicant file: unknown keys and values that are not text are problems", "[dossier][applicant]")
{
    auto clock = fixedClock();
    using F = ApplicantField;
    using C = ApplicantProblemCode;
    const CheckedApplicant checked = checkApplicantJson(
        {{QStringLiteral("full_name"), QStringLiteral("Lê Văn An")},
         {QStringLiteral("nickname"), QStringLiteral("An")},
         {QStringLiteral("phone"), 912345678},
         {QStringLiteral("email"), QJsonValue::Null},
         {QStringLiteral("birth_registration_province"), QStringLiteral("Quảng Ninh")}},
        {{QStringLiteral("full_name"), QStringLiteral("Trần Thị Hoa")}, {QStringLiteral("age"), 30}});
    CHECK(kinds(checked.problems) ==
          Kinds{{F::Unknown, C::UnknownField}, {F::Phone, C::NotText}, {F::Unknown, C::UnknownField}});
    CHECK(checked.problems.first().message.contains(QStringLiteral("nickname")));
    CHECK(checked.problems.last().message.contains(QStringLiteral("representative.age")));

    const CheckedApplicant fine = checkApplicantJson({{QStringLiteral("full_name"), QStringLiteral(" Lê Văn An ")},
                                                      {QStringLiteral("old_id_number"), QString()},
                                                      {QStringLiteral("birth_date"), QStringLiteral("1990-05-01")},
                                                      {QStringLiteral("phone"), QStringLiteral("+84912345678")}});
    CHECK(fine.problems.isEmpty());
    CHECK(fine.applicant == QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Lê Văn An")},
                                        {QStringLiteral("birth_date"), QStringLiteral("1990-05-01")},
                                        {QStringLiteral("phone"), QStringLiteral("0912345678")}});
    CHECK(fine.representative.isEmpty());
}

TEST_CASE("Field keys and code names are stable", "[dossier][applicant]")
{
    CHECK(applicantFieldKey(ApplicantField::FullName) == QStringLiteral("full_name"));
    CHECK(applicantFieldKey(ApplicantField::RepresentativePhone) == QStringLiteral("representative.phone"));
    CHECK(int(ApplicantProblemCode::Required) == 1);
    CHECK(int(ApplicantProblemCode::BadEmail) == 18);
    CHECK(applicantProblemCodeName(ApplicantProblemCode::Required) == QStringLiteral("required"));
    CHECK(applicantProblemCodeName(ApplicantProblemCode::BadPhone) == QStringLiteral("bad_phone"));
    CHECK(applicantProblemCodeName(ApplicantProblemCode::BadEmail) == QStringLiteral("bad_email"));
    for (int c = 1; c <= 18; ++c)
        CHECK_FALSE(applicantProblemCodeName(ApplicantProblemCode(c)).isEmpty());
}

TEST_CASE("Receiving refuses an applicant with problems and stores nothing", "[dossier][applicant][service]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    REQUIRE(counterIdentity().save(*store).ok());
    auto id = CounterIdentity::load(*store);
    REQUIRE(id.ok());
    DossierService service(*store, *id, QStringLiteral("lan.nt"));

    ReceiveRequest r = receiveRequest(vnTime(2026, 3, 2, 9, 30));
    r.applicant.insert(QStringLiteral("phone"), QStringLiteral("0412345678"));
    r.applicant.insert(QStringLiteral("email"), QStringLiteral("khong-phai-email"));
    auto refused = service.receive(r);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(refused.error().message.contains(QStringLiteral("phone")));
    CHECK(refused.error().detail == QStringLiteral("phone bad_phone"));
    r.applicant.remove(QStringLiteral("email"));
    r.applicant.insert(QStringLiteral("phone"), QStringLiteral("0912345678"));
    r.representative = {{QStringLiteral("id_number"), QStringLiteral("022195001234")}};
    auto noRepresentativeName = service.refuseAtIntake(r, QStringLiteral("Thiếu giấy tờ"));
    REQUIRE_FALSE(noRepresentativeName.ok());
    CHECK(noRepresentativeName.error().code == ErrorCode::InvalidInput);
    auto none = DossierStore(*store).list({}, 10, 0);
    REQUIRE(none.ok());
    CHECK(none->isEmpty());

    // What passes is stored in the checked form.
    r.representative = {};
    r.applicant.insert(QStringLiteral("phone"), QStringLiteral("+84 912 345 678"));
    r.applicant.insert(QStringLiteral("birth_date"), QStringLiteral("14/03/1995"));
    auto received = service.receive(r);
    REQUIRE(received.ok());
    CHECK(received->applicant.value(QStringLiteral("phone")).toString() == QStringLiteral("0912345678"));
    CHECK(received->applicant.value(QStringLiteral("birth_date")).toString() == QStringLiteral("1995-03-14"));
}

TEST_CASE("Receiving computes the due moment from the processing time and the working calendar", "[dossier][service]")
{
    TempDir dir;
    auto store = openStore(dir.file(QStringLiteral("c.sqlite")));
    REQUIRE(counterIdentity().save(*store).ok());
    auto id = CounterIdentity::load(*store);
    REQUIRE(id.ok());
    DossierService service(*store, *id, QStringLiteral("lan.nt"));
    // 3 working days of 8 hours from Monday 02/03/2026 09:30: Thursday 09:30.
    auto received = service.receive(receiveRequest(vnTime(2026, 3, 2, 9, 30)));
    REQUIRE(received.ok());
    CHECK(received->dueAt == vnTime(2026, 3, 5, 9, 30));
    // Same day: received before 15:00 on Friday 06/03/2026, due at closing time that day.
    ReceiveRequest sameDay = receiveRequest(vnTime(2026, 3, 6, 10, 0));
    sameDay.processing = {ProcessingKind::SameDay15h, 0};
    auto today = service.receive(sameDay);
    REQUIRE(today.ok());
    CHECK(today->dueAt == vnTime(2026, 3, 6, 17, 0));
    auto calendar = CalendarStore::load(*store);
    REQUIRE(calendar.ok());
    CHECK(today->dueAt == calendar->due(sameDay.receivedAt, sameDay.processing));
}
