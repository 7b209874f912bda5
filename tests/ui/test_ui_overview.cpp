// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "app/common/Defaults.h"
#include "core/store/Store.h"
#include "ui/MainWindow.h"
#include "ui/OverviewPage.h"
#include "ui/ProcedureTableModel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using namespace motcua;
using motcua::test::TempDir;

namespace {

std::unique_ptr<Store> seededStore(const TempDir &dir)
{
    auto store = Store::open(dir.file(QStringLiteral("counter.sqlite")));
    REQUIRE(store.ok());
    REQUIRE(app::seedDefaults(**store, {QStringLiteral("test"), QStringLiteral("local")}).ok());
    REQUIRE(app::ensureDemoIdentity(**store).ok());
    return std::move(store.value());
}

}  // namespace

TEST_CASE("The procedure look-up finds procedures typed without diacritics and is driven by the keyboard", "[ui]")
{
    TempDir dir;
    auto store = seededStore(dir);
    ui::MainWindow window(*store);
    window.show();
    ui::OverviewPage *page = window.overviewPage();
    ui::ProcedureTableModel *model = page->procedureModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Warning);

    QTest::keyClicks(page->searchLineEdit(), QStringLiteral("dang ky khai sinh"));
    REQUIRE(model->rowCount() >= 1);
    CHECK(model->data(model->index(0, ui::ProcedureTableModel::CodeColumn)).toString() == QStringLiteral("1.001193"));
    CHECK(page->detailBrowser()->toPlainText().contains(QStringLiteral("Đăng ký khai sinh")));
    CHECK(page->detailBrowser()->toPlainText().contains(QStringLiteral("Tờ khai đăng ký khai sinh")));

    // Down moves to the next hit and shows it.
    if (model->rowCount() > 1) {
        const QString second = model->data(model->index(1, ui::ProcedureTableModel::CodeColumn)).toString();
        QTest::keyClick(page->searchLineEdit(), Qt::Key_Down);
        CHECK(page->detailBrowser()->toPlainText().contains(second));
    }

    // A code prefix, then nothing.
    page->searchLineEdit()->clear();
    QTest::keyClicks(page->searchLineEdit(), QStringLiteral("2.0008"));
    REQUIRE(model->rowCount() >= 1);
    CHECK(model->data(model->index(0, ui::ProcedureTableModel::CodeColumn))
              .toString()
              .startsWith(QStringLiteral("2.0008")));
    page->searchLineEdit()->clear();
    QTest::keyClicks(page->searchLineEdit(), QStringLiteral("zzzz khong co"));
    CHECK(model->rowCount() == 0);
    CHECK(page->detailBrowser()->toPlainText().isEmpty());
}

TEST_CASE("The main window shows the counter and the problem banner", "[ui]")
{
    TempDir dir;
    auto store = seededStore(dir);
    ui::MainWindow window(*store);
    auto *banner = window.findChild<QLabel *>(QStringLiteral("problemLabel"));
    REQUIRE(banner);
    CHECK(banner->isHidden());
    window.showProblem(QStringLiteral("Sao lưu tự động không thành công"));
    CHECK_FALSE(banner->isHidden());
    CHECK(banner->text().contains(QStringLiteral("Sao lưu")));
}

TEST_CASE("A long pull from the center shows its progress in the status bar, and a short one does not", "[ui][sync]")
{
    TempDir dir;
    auto store = seededStore(dir);
    ui::MainWindow window(*store);
    window.show();
    QProgressBar *bar = window.syncProgressBar();
    REQUIRE(bar);
    CHECK(bar->isHidden());

    sync::SyncStatus status;
    status.state = sync::SyncStatus::State::Syncing;
    status.progressTotal = 100000;
    status.progressDone = 25000;
    status.pulledThisRound = 18000;
    window.setSyncStatus(status);
    CHECK(bar->isVisible());
    CHECK(bar->value() == 250);
    CHECK(bar->text().contains(QStringLiteral("18000")));
    CHECK(bar->text().contains(QStringLiteral("25 %")));

    status.progressDone = 100000;
    window.setSyncStatus(status);
    CHECK(bar->value() == 1000);

    // A round of a few events needs no bar; neither does the end of the round.
    status.progressTotal = 40;
    status.progressDone = 10;
    window.setSyncStatus(status);
    CHECK(bar->isHidden());
    status.state = sync::SyncStatus::State::Online;
    status.progressTotal = 100000;
    window.setSyncStatus(status);
    CHECK(bar->isHidden());
}
