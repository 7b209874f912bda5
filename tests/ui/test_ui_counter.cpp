// SPDX-License-Identifier: GPL-3.0-or-later
// The counter window driven through its real widgets on the offscreen platform.
#include "UiFixtures.h"

#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierStore.h"
#include "core/store/Sql.h"
#include "ui/AppSettings.h"
#include "ui/ApplicantForm.h"
#include "ui/CounterContext.h"
#include "ui/DossierDetail.h"
#include "ui/DossierTableModel.h"
#include "ui/DossiersPage.h"
#include "ui/IdleWatcher.h"
#include "ui/LoginPage.h"
#include "ui/MainWindow.h"
#include "ui/ProcedureTableModel.h"
#include "ui/ReceivePage.h"
#include "ui/ReturnPage.h"
#include "ui/SettingsDialog.h"
#include "ui/SetupPage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

using namespace motcua;
using namespace motcua::test;

namespace {

void showActive(QWidget &w)
{
    w.show();
    QApplication::setActiveWindow(&w);
    REQUIRE(QTest::qWaitForWindowActive(&w));
}

}  // namespace

TEST_CASE("A new store starts with setup, and standalone creates the admin, who then signs in", "[ui][setup]")
{
    TempDir dir;
    auto store = seededStore(dir, /*firstRun=*/true);
    ui::MainWindow window(*store);
    showActive(window);
    ui::SetupPage *setup = window.setupPage();
    REQUIRE(window.stack()->currentWidget() == setup);
    CHECK(setup->standaloneRadioButton()->isChecked());
    // Who the counter is waits for the officer's choice.
    REQUIRE(CounterIdentity::load(*store).ok());
    CHECK_FALSE(CounterIdentity::load(*store)->isSetUp());

    // Enrollment with nothing to handle it says so plainly.
    setup->enrollRadioButton()->setChecked(true);
    setup->centerUrlLineEdit()->setText(QStringLiteral("https://motcua.example.vn"));
    setup->enrollmentCodeLineEdit()->setText(QStringLiteral("ABCD-1234"));
    setup->continueButton()->click();
    CHECK(setup->messageLabel()->text().contains(QStringLiteral("not available")));
    CHECK(window.stack()->currentWidget() == setup);

    // With a handler, the request goes out and the answer is shown.
    QSignalSpy enroll(&window, &ui::MainWindow::enrollRequested);
    // A CA file that cannot be read, or that holds no certificate, is explained before anything is sent.
    setup->caFileLineEdit()->setText(dir.file(QStringLiteral("missing.pem")));
    setup->continueButton()->click();
    CHECK(enroll.isEmpty());
    CHECK(setup->messageLabel()->text().contains(QStringLiteral("cannot be read")));
    {
        QFile notPem(dir.file(QStringLiteral("ca.txt")));
        REQUIRE(notPem.open(QIODevice::WriteOnly));
        notPem.write("this is a letter, not a certificate");
    }
    setup->caFileLineEdit()->setText(dir.file(QStringLiteral("ca.txt")));
    setup->continueButton()->click();
    CHECK(enroll.isEmpty());
    CHECK(setup->messageLabel()->text().contains(QStringLiteral("no certificate")));
    const QByteArray pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    {
        QFile ca(dir.file(QStringLiteral("ca.pem")));
        REQUIRE(ca.open(QIODevice::WriteOnly));
        ca.write(pem);
    }
    setup->caFileLineEdit()->setText(dir.file(QStringLiteral("ca.pem")));
    setup->continueButton()->click();
    REQUIRE(enroll.count() == 1);
    CHECK(enroll.at(0).at(0).toUrl().host() == QStringLiteral("motcua.example.vn"));
    CHECK(enroll.at(0).at(1).toString() == QStringLiteral("ABCD-1234"));
    CHECK(enroll.at(0).at(2).toByteArray() == pem);
    window.enrollFinished(false, QStringLiteral("the code has expired"));
    CHECK(setup->messageLabel()->text().contains(QStringLiteral("the code has expired")));

    // Standalone: different passwords are refused, the same ones create the admin.
    setup->standaloneRadioButton()->setChecked(true);
    setup->passwordLineEdit()->setText(QStringLiteral("matkhau123"));
    setup->confirmLineEdit()->setText(QStringLiteral("matkhau124"));
    setup->continueButton()->click();
    CHECK(window.stack()->currentWidget() == setup);
    setup->confirmLineEdit()->setText(QStringLiteral("matkhau123"));
    QTest::keyClick(setup->confirmLineEdit(), Qt::Key_Return);
    REQUIRE(window.stack()->currentWidget() == window.loginPage());
    auto officers = OfficerStore(*store).list();
    REQUIRE(officers.ok());
    REQUIRE(officers->size() == 1);
    CHECK(officers->first().role == QStringLiteral("admin"));
    // Choosing standalone gave the counter the demo identity, and the admin its agency.
    auto identity = CounterIdentity::load(*store);
    REQUIRE(identity.ok());
    CHECK(identity->isSetUp());
    CHECK(identity->standalone);
    CHECK(identity->counterId == CounterIdentity::demo().counterId);
    CHECK(officers->first().unitId == CounterIdentity::demo().agencyId);

    ui::LoginPage *login = window.loginPage();
    CHECK(login->loginLineEdit()->text() == QStringLiteral("admin"));
    login->passwordLineEdit()->setText(QStringLiteral("matkhau123"));
    QTest::keyClick(login->passwordLineEdit(), Qt::Key_Return);
    REQUIRE(window.stack()->currentWidget() != login);
    CHECK(window.statusText().contains(QStringLiteral("admin")));
    CHECK(window.statusText().contains(QStringLiteral("Standalone (not connected to a center)")));
    QTRY_VERIFY(window.statusText().contains(QStringLiteral("0 event(s) waiting")));
}

TEST_CASE("Five wrong passwords lock the account for 15 minutes, on the login page too", "[ui][login]")
{
    TempDir dir;
    auto store = seededStore(dir);
    addOfficer(*store, QStringLiteral("lan"), QStringLiteral("dungroi1"));
    const QDateTime t0 = QDateTime(QDate(2026, 3, 2), QTime(2, 0), QTimeZone::utc());
    QDateTime now = t0;
    ScopedClockOverride clock([&now] { return now; });
    ui::MainWindow window(*store);
    showActive(window);
    ui::LoginPage *login = window.loginPage();
    REQUIRE(window.stack()->currentWidget() == login);
    login->loginLineEdit()->setText(QStringLiteral("lan"));
    for (int i = 0; i < 4; ++i) {
        login->passwordLineEdit()->setText(QStringLiteral("sai"));
        QTest::keyClick(login->passwordLineEdit(), Qt::Key_Return);
    }
    CHECK(login->messageLabel()->text().contains(QStringLiteral("1 more wrong attempt")));
    login->passwordLineEdit()->setText(QStringLiteral("sai"));
    QTest::keyClick(login->passwordLineEdit(), Qt::Key_Return);
    CHECK(login->messageLabel()->text().contains(QStringLiteral("locked until 09:15")));
    // Even the right password waits for the lock to run out.
    login->passwordLineEdit()->setText(QStringLiteral("dungroi1"));
    QTest::keyClick(login->passwordLineEdit(), Qt::Key_Return);
    CHECK(window.stack()->currentWidget() == login);
    now = t0.addSecs(16 * 60);
    login->passwordLineEdit()->setText(QStringLiteral("dungroi1"));
    QTest::keyClick(login->passwordLineEdit(), Qt::Key_Return);
    CHECK(window.stack()->currentWidget() != login);
    CHECK(window.context()->officer().login == QStringLiteral("lan"));
}

TEST_CASE("Idle time locks the screen and the officer's password unlocks it", "[ui][lock]")
{
    TempDir dir;
    auto store = seededStore(dir);
    const OfficerRecord officer = addOfficer(*store, QStringLiteral("lan"), QStringLiteral("dungroi1"));
    ui::MainWindow window(*store);
    showActive(window);
    window.startSession(officer);
    window.idleWatcher()->setTimeoutMs(150);
    window.idleWatcher()->setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(window.stack()->currentWidget() == window.loginPage(), 3000);
    CHECK(window.loginPage()->loginLineEdit()->text() == QStringLiteral("lan"));
    window.loginPage()->passwordLineEdit()->setText(QStringLiteral("dungroi1"));
    QTest::keyClick(window.loginPage()->passwordLineEdit(), Qt::Key_Return);
    CHECK(window.stack()->currentWidget() != window.loginPage());
}

TEST_CASE("Scan, choose the procedure, save: Form 01 is printed and the dossier is in the list", "[ui][receive]")
{
    TempDir dir;
    auto store = seededStore(dir);
    const OfficerRecord officer = addOfficer(*store, QStringLiteral("lan"), QStringLiteral("dungroi1"));
    PrintCapture printed;
    ui::MainWindow window(*store);
    showActive(window);
    window.startSession(officer);
    ui::ReceivePage *page = window.receivePage();
    QAbstractItemModelTester tester(page->procedureModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
    REQUIRE(QApplication::focusWidget() == page->procedureSearchLineEdit());

    // The ID card is scanned first, while the cursor is still in the procedure search: nothing stays typed there.
    QTest::qWait(60);
    typeText(goodScan() + QStringLiteral("\r"));
    ui::ApplicantForm *applicant = page->applicantForm();
    CHECK(applicant->fullNameLineEdit()->text() == QStringLiteral("Nguyễn Văn An"));
    CHECK(applicant->idNumberLineEdit()->text() == QStringLiteral("022090001234"));
    CHECK(applicant->birthDateLineEdit()->text() == QStringLiteral("15/03/1990"));
    CHECK(applicant->genderComboBox()->currentData().toString() == QStringLiteral("Nam"));
    CHECK(applicant->addressLineEdit()->text().contains(QStringLiteral("Hồng Gai")));
    CHECK(page->procedureSearchLineEdit()->text().isEmpty());
    CHECK(applicant->problemsLabel()->text().isEmpty());

    // Choose the procedure with the keyboard.
    REQUIRE(QApplication::focusWidget() == page->procedureSearchLineEdit());
    QTest::keyClicks(page->procedureSearchLineEdit(), QStringLiteral("dang ky khai sinh"));
    REQUIRE(page->procedureModel()->rowCount() >= 1);
    QTest::keyClick(page->procedureSearchLineEdit(), Qt::Key_Return);
    REQUIRE(page->procedure().has_value());
    CHECK(page->procedure()->code == QStringLiteral("1.001193"));
    CHECK(page->documentsTable()->rowCount() == page->procedure()->documents.size());
    CHECK(page->appointmentLabel()->text().contains(QStringLiteral("Appointment")));
    CHECK(QApplication::focusWidget() == applicant->idNumberLineEdit());

    // A phone number typed by hand, then Ctrl+Enter.
    applicant->phoneLineEdit()->setFocus();
    QTest::keyClicks(applicant->phoneLineEdit(), QStringLiteral("0912 345 678"));
    QTest::keyClick(applicant->phoneLineEdit(), Qt::Key_Return, Qt::ControlModifier);

    REQUIRE(printed.jobs.size() == 1);
    const auto &job = printed.jobs.first();
    CHECK(job.job.form == QStringLiteral("01"));
    CHECK_FALSE(job.job.reprint);
    CHECK(job.pdf.startsWith("%PDF"));
    CHECK(job.job.document.html.contains(QStringLiteral("Liên 2: Giao người nộp")));
    const QString code = job.job.dossierCode;
    CHECK(page->messageLabel()->text().contains(code));
    auto dossier = DossierStore(*store).loadByCode(code);
    REQUIRE(dossier.ok());
    CHECK(dossier->applicant.value(QStringLiteral("full_name")).toString() == QStringLiteral("Nguyễn Văn An"));
    CHECK(dossier->applicant.value(QStringLiteral("phone")).toString() == QStringLiteral("0912345678"));
    CHECK(dossier->receivingOfficer == QStringLiteral("lan"));
    CHECK(dossier->documents.size() >= 1);
    // The form is ready for the next citizen.
    CHECK(applicant->fullNameLineEdit()->text().isEmpty());
    CHECK_FALSE(page->procedure().has_value());

    ui::DossiersPage *dossiers = window.dossiersPage();
    QAbstractItemModelTester listTester(dossiers->model(), QAbstractItemModelTester::FailureReportingMode::Warning);
    dossiers->apply();
    REQUIRE(dossiers->model()->rowCount() == 1);
    CHECK(dossiers->model()->summaryAt(0)->code == code);
    dossiers->searchLineEdit()->setText(QStringLiteral("nguyen van"));
    dossiers->apply();
    REQUIRE(dossiers->model()->rowCount() == 1);
    dossiers->searchLineEdit()->setText(QStringLiteral("022090001234"));
    dossiers->apply();
    CHECK(dossiers->model()->rowCount() == 1);
    CHECK(dossiers->detail()->browser()->toPlainText().contains(code));
}

TEST_CASE("A bad scan shows its error and keeps what was typed", "[ui][receive]")
{
    TempDir dir;
    auto store = seededStore(dir);
    const OfficerRecord officer = addOfficer(*store, QStringLiteral("lan"), QStringLiteral("dungroi1"));
    ui::MainWindow window(*store);
    showActive(window);
    window.startSession(officer);
    ui::ReceivePage *page = window.receivePage();
    ui::ApplicantForm *applicant = page->applicantForm();
    applicant->fullNameLineEdit()->setFocus();
    QTest::keyClicks(applicant->fullNameLineEdit(), QStringLiteral("Tran Thi Hoa"));
    QTest::qWait(80);
    // The card's number does not match its own birth year, and a field is missing.
    typeText(QStringLiteral("022095001234|Tran Thi Hoa|15031990|Nữ|Hạ Long\r"));
    CHECK(page->scanErrorLabel()->isVisible());
    CHECK(page->scanErrorLabel()->text().contains(QStringLiteral("could not be read")));
    CHECK(applicant->fullNameLineEdit()->text() == QStringLiteral("Tran Thi Hoa"));
    CHECK(applicant->idNumberLineEdit()->text().isEmpty());

    // A person typing digits is not a scanner.
    applicant->idNumberLineEdit()->setFocus();
    for (const char c : QByteArray("022090001234")) {
        QTest::keyClick(applicant->idNumberLineEdit(), c);
        QTest::qWait(50);
    }
    CHECK(applicant->idNumberLineEdit()->text() == QStringLiteral("022090001234"));
    // Live validation: a birth date that does not match the number.
    applicant->birthDateLineEdit()->setText(QStringLiteral("15/03/1991"));
    CHECK_FALSE(applicant->problemsLabel()->text().isEmpty());
    // The field is marked by what the problem is about, not by its message.
    CHECK(applicant->isMarked(ApplicantField::IdNumber));
    CHECK_FALSE(applicant->idNumberLineEdit()->styleSheet().isEmpty());
    CHECK_FALSE(applicant->isMarked(ApplicantField::BirthDate));
    applicant->birthDateLineEdit()->setText(QStringLiteral("15/03/1990"));
    CHECK_FALSE(applicant->isMarked(ApplicantField::IdNumber));
    CHECK(applicant->idNumberLineEdit()->styleSheet().isEmpty());
    applicant->phoneLineEdit()->setText(QStringLiteral("12345"));
    CHECK(applicant->problemsLabel()->text().contains(QStringLiteral("phone")));
    CHECK_FALSE(applicant->isMarked(ApplicantField::Phone));  // still being typed
    // A 10-digit number with a prefix that is no longer used (fixed lines moved to 02x).
    applicant->phoneLineEdit()->setText(QStringLiteral("0412345678"));
    CHECK(applicant->problemsLabel()->text().contains(QStringLiteral("phone")));
    CHECK(applicant->isMarked(ApplicantField::Phone));
    CHECK_FALSE(applicant->phoneLineEdit()->styleSheet().isEmpty());
    applicant->phoneLineEdit()->setText(QStringLiteral("+84 24 3123 4567"));
    CHECK_FALSE(applicant->isMarked(ApplicantField::Phone));
    applicant->phoneLineEdit()->setText(QStringLiteral("0912345678"));
    applicant->emailLineEdit()->setText(QStringLiteral("khong-phai-email"));
    CHECK(applicant->problemsLabel()->text().contains(QStringLiteral("e-mail")));
    CHECK(applicant->isMarked(ApplicantField::Email));
    applicant->emailLineEdit()->setText(QStringLiteral("hoa@example.vn"));
    CHECK(applicant->problemsLabel()->text().isEmpty());
    CHECK(applicant->problems().isEmpty());
    // A missing name is not shown while typing, but it is a problem, and saving asks for it.
    applicant->fullNameLineEdit()->clear();
    CHECK(applicant->problemsLabel()->text().isEmpty());
    REQUIRE(applicant->problems().size() == 1);
    CHECK(applicant->problems().first().field == ApplicantField::FullName);
    CHECK(applicant->problems().first().code == ApplicantProblemCode::Required);
    REQUIRE(page->chooseProcedure(QStringLiteral("1.001193")));
    CHECK(page->save().isEmpty());
    CHECK(page->messageLabel()->text().contains(QStringLiteral("full name")));
    CHECK(QApplication::focusWidget() == applicant->fullNameLineEdit());
    applicant->fullNameLineEdit()->setText(QStringLiteral("Tran Thi Hoa"));
    page->startNew();
    // Saving without a procedure says what to do.
    CHECK(page->save().isEmpty());
    CHECK(page->messageLabel()->text().contains(QStringLiteral("Choose the procedure")));
}

TEST_CASE("Refuse (F8) and request a supplement (F7) print Forms 03 and 02", "[ui][receive]")
{
    TempDir dir;
    auto store = seededStore(dir);
    const OfficerRecord officer = addOfficer(*store, QStringLiteral("lan"), QStringLiteral("dungroi1"));
    PrintCapture printed;
    ui::MainWindow window(*store);
    showActive(window);
    window.startSession(officer);
    ui::ReceivePage *page = window.receivePage();
    REQUIRE(page->chooseProcedure(QStringLiteral("1.001193")));
    page->applicantForm()->fullNameLineEdit()->setText(QStringLiteral("Lê Văn Bình"));
    QTest::keyClick(page->applicantForm()->fullNameLineEdit(), Qt::Key_F8);
    CHECK(printed.jobs.isEmpty());
    CHECK(QApplication::focusWidget() == page->reasonLineEdit());
    QTest::keyClicks(page->reasonLineEdit(), QStringLiteral("Thieu giay chung sinh"));
    QTest::keyClick(page->reasonLineEdit(), Qt::Key_F8);
    REQUIRE(printed.jobs.size() == 1);
    CHECK(printed.jobs.at(0).job.form == QStringLiteral("03"));
    auto refused = DossierStore(*store).loadByCode(printed.jobs.at(0).job.dossierCode);
    REQUIRE(refused.ok());
    CHECK(refused->status == DossierStatus::Refused);

    REQUIRE(page->chooseProcedure(QStringLiteral("1.001193")));
    page->applicantForm()->fullNameLineEdit()->setText(QStringLiteral("Lê Văn Bình"));
    page->reasonLineEdit()->setText(QStringLiteral("Bổ sung bản sao giấy đăng ký kết hôn"));
    QTest::keyClick(page->reasonLineEdit(), Qt::Key_F7);
    REQUIRE(printed.jobs.size() == 2);
    CHECK(printed.jobs.at(1).job.form == QStringLiteral("02"));
    auto waiting = DossierStore(*store).loadByCode(printed.jobs.at(1).job.dossierCode);
    REQUIRE(waiting.ok());
    CHECK(waiting->status == DossierStatus::WaitingSupplement);
}

TEST_CASE("The dossier list loads page by page and passes the model tester", "[ui][list]")
{
    TempDir dir;
    auto store = seededStore(dir);
    const QStringList codes = receiveMany(*store, 450, QDateTime(QDate(2026, 3, 2), QTime(1, 0), QTimeZone::utc()));
    ui::DossierTableModel model(*store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setQuery(QString(), {});
    CHECK(model.rowCount() == ui::DossierTableModel::kPageSize);
    REQUIRE(model.canFetchMore({}));
    model.fetchMore({});
    CHECK(model.rowCount() == 2 * ui::DossierTableModel::kPageSize);
    model.fetchMore({});
    CHECK(model.rowCount() == 450);
    CHECK_FALSE(model.canFetchMore({}));
    // Newest first; every code once.
    CHECK(model.summaryAt(0)->code == codes.last());
    QSet<QString> seen;
    for (int row = 0; row < model.rowCount(); ++row)
        seen.insert(model.summaryAt(row)->code);
    CHECK(seen.size() == 450);

    // A search pages the same way.
    model.setQuery(QStringLiteral("tran thi hoa"), {});
    CHECK(model.rowCount() == ui::DossierTableModel::kPageSize);
    CHECK(model.canFetchMore({}));
    model.fetchMore({});
    CHECK(model.rowCount() == 2 * ui::DossierTableModel::kPageSize);

    // Overdue rows stand out (the appointments are long past).
    model.setQuery(QString(), {});
    CHECK(model.data(model.index(0, 0), ui::DossierTableModel::OverdueRole).toBool());
    CHECK(model.data(model.index(0, 0), Qt::BackgroundRole).isValid());

    // The view fetches more as it scrolls.
    ui::MainWindow window(*store);
    showActive(window);
    window.startSession(addOfficer(*store, QStringLiteral("lan"), QStringLiteral("dungroi1")));
    window.tabs()->setCurrentWidget(window.dossiersPage());
    window.dossiersPage()->apply();
    const int before = window.dossiersPage()->model()->rowCount();
    window.dossiersPage()->tableView()->scrollToBottom();
    QTRY_VERIFY(window.dossiersPage()->model()->rowCount() > before);
    window.dossiersPage()->setQuickView(ui::DossiersPage::QuickView::Overdue);
    CHECK(window.dossiersPage()->model()->rowCount() == ui::DossierTableModel::kPageSize);
    window.dossiersPage()->setQuickView(ui::DossiersPage::QuickView::ResultReady);
    CHECK(window.dossiersPage()->model()->rowCount() == 0);
}

TEST_CASE("Lifecycle steps from the detail: forms printed, reprints marked and recorded, result returned",
          "[ui][detail]")
{
    TempDir dir;
    auto store = seededStore(dir);
    const OfficerRecord officer = addOfficer(*store, QStringLiteral("lan"), QStringLiteral("dungroi1"));
    const QString code = receiveMany(*store, 1, QDateTime(QDate(2026, 3, 2), QTime(1, 0), QTimeZone::utc())).first();
    PrintCapture printed;
    ui::MainWindow window(*store);
    showActive(window);
    window.startSession(officer);
    ui::DossierDetail *detail = window.dossiersPage()->detail();
    REQUIRE(detail->showDossier(code));
    CHECK(detail->actionButton(EventType::Transferred)->isEnabled());
    CHECK_FALSE(detail->actionButton(EventType::Returned)->isEnabled());

    CHECK(detail
              ->perform(EventType::Extended, {{QStringLiteral("new_due_at"), QStringLiteral("2026-04-30T10:00:00Z")},
                                              {QStringLiteral("reason"), QStringLiteral("Cần xác minh thêm")}})
              .isEmpty());
    REQUIRE(printed.jobs.size() == 1);
    CHECK(printed.jobs.at(0).job.form == QStringLiteral("04"));
    CHECK(
        detail->perform(EventType::Transferred, {{QStringLiteral("agency"), QStringLiteral("UBND phường")}}).isEmpty());
    CHECK(detail->perform(EventType::ProcessingStep, {{QStringLiteral("step"), QStringLiteral("appraise")}}).isEmpty());
    CHECK(detail->perform(EventType::ResultReady, {}).isEmpty());
    CHECK(detail->dossier().status == DossierStatus::ResultReady);
    // Returning without the identity check is refused by the domain.
    CHECK_FALSE(detail
                    ->perform(EventType::Returned, {{QStringLiteral("receiver"),
                                                     QJsonObject{{QStringLiteral("full_name"), QStringLiteral("A")}}},
                                                    {QStringLiteral("identity_checked"), false}})
                    .isEmpty());

    // Reprint Form 01: marked on the paper, recorded on the dossier.
    CHECK(detail->printForm(1, true).isEmpty());
    REQUIRE(printed.jobs.size() == 2);
    CHECK(printed.jobs.at(1).job.reprint);
    CHECK(printed.jobs.at(1).job.document.html.contains(QStringLiteral("BẢN IN LẠI")));
    CHECK(detail->printForm(6, false).isEmpty());
    REQUIRE(printed.jobs.size() == 3);
    CHECK(printed.jobs.at(2).job.form == QStringLiteral("06"));
    auto state = DossierStore(*store).loadByCode(code);
    REQUIRE(state.ok());
    int reprints = 0;
    for (const TimelineEntry &t : state->timeline) {
        if (t.type == EventType::Reprinted) {
            ++reprints;
            CHECK(t.payload.value(QStringLiteral("form")).toString() == QStringLiteral("01"));
            CHECK(t.officer == QStringLiteral("lan"));
        }
    }
    CHECK(reprints == 1);
    CHECK(detail->browser()->toPlainText().contains(QStringLiteral("Form reprinted")));

    // Return at the return page: found by code, handed over with the identity checked.
    ui::ReturnPage *ret = window.returnPage();
    ret->find(code);
    CHECK(ret->model()->rowCount() == 1);
    CHECK(ret->detail()->dossier().code == code);
    CHECK(
        ret->detail()
            ->perform(EventType::Returned, {{QStringLiteral("receiver"),
                                             QJsonObject{{QStringLiteral("full_name"), QStringLiteral("Trần Thị Hoa")},
                                                         {QStringLiteral("relation"), QStringLiteral("self")}}},
                                            {QStringLiteral("identity_checked"), true}})
            .isEmpty());
    CHECK(ret->detail()->dossier().status == DossierStatus::Returned);
}

TEST_CASE("A dossier not on this counter: asked of the center, or said plainly when it cannot be", "[ui][return]")
{
    TempDir dir;
    auto store = seededStore(dir);
    const OfficerRecord officer = addOfficer(*store, QStringLiteral("lan"), QStringLiteral("dungroi1"));
    ui::MainWindow window(*store);
    window.startSession(officer);
    ui::ReturnPage *ret = window.returnPage();
    const QString code = QStringLiteral("000.00.04.H49-260302-0457");
    ret->find(code);
    CHECK(ret->messageLabel()->text().contains(QStringLiteral("not on this counter")));
    CHECK(ret->messageLabel()->text().contains(QStringLiteral("cannot be reached")));

    QSignalSpy lookups(&window, &ui::MainWindow::lookupRequested);
    sync::SyncStatus online;
    online.state = sync::SyncStatus::State::Online;
    online.pending = 2;
    online.lastSuccess = QDateTime(QDate(2026, 3, 2), QTime(3, 4), QTimeZone::utc());
    window.setSyncStatus(online);
    CHECK(window.statusText().contains(QStringLiteral("Online")));
    CHECK(window.statusText().contains(QStringLiteral("2 event(s) waiting")));
    CHECK(window.statusText().contains(QStringLiteral("02/03/2026 10:04")));
    ret->find(code);
    REQUIRE(lookups.count() == 1);
    CHECK(lookups.at(0).at(0).toString() == code);
    window.lookupFinished(code, false, QStringLiteral("The center has no such dossier."));
    CHECK(ret->messageLabel()->text().contains(QStringLiteral("no such dossier")));

    sync::SyncStatus offline;
    offline.state = sync::SyncStatus::State::Offline;
    offline.pending = 5;
    window.setSyncStatus(offline);
    CHECK(window.statusText().contains(QStringLiteral("Offline")));
    ret->find(code);
    CHECK(lookups.count() == 1);
    CHECK(ret->messageLabel()->text().contains(QStringLiteral("cannot be reached")));
}

TEST_CASE("Settings: the admin sets the unit's working hours, and a bad value is explained", "[ui][settings]")
{
    TempDir dir;
    auto store = seededStore(dir);
    const OfficerRecord admin =
        addOfficer(*store, QStringLiteral("quantri"), QStringLiteral("dungroi1"), QStringLiteral("admin"));
    ui::MainWindow window(*store);
    window.startSession(admin);
    ui::SettingsDialog dialog(*window.context(), &window);
    dialog.workingHoursLineEdit()->setText(QStringLiteral("07:30-11:30,11:00-17:00"));
    dialog.accept();
    CHECK_FALSE(dialog.problemLabel()->text().isEmpty());
    dialog.workingHoursLineEdit()->setText(QStringLiteral("07:30-11:30,13:30-17:00"));
    dialog.unitLineEdit(QStringLiteral("unit.place_name"))->setText(QStringLiteral("Hạ Long"));
    dialog.idleSpinBox()->setValue(7);
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    auto hours = sql::scalar(store->connection(), QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                             {QStringLiteral("working_hours")});
    REQUIRE(hours.ok());
    CHECK(hours->toString() == QStringLiteral("07:30-11:30,13:30-17:00"));
    CHECK(ui::AppSettings::idleLockMinutes() == 7);
    auto place = sql::scalar(store->connection(), QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                             {QStringLiteral("unit.place_name")});
    REQUIRE(place.ok());
    CHECK(place->toString() == QStringLiteral("Hạ Long"));

    // An officer sees the unit's settings but cannot change them.
    const OfficerRecord officer = addOfficer(*store, QStringLiteral("lan"), QStringLiteral("dungroi1"));
    window.startSession(officer);
    ui::SettingsDialog officerDialog(*window.context(), &window);
    CHECK_FALSE(officerDialog.workingHoursLineEdit()->isEnabled());
}
