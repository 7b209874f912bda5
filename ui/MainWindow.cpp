#include "ui/MainWindow.h"

#include "core/Clock.h"
#include "core/dossier/CounterIdentity.h"
#include "core/store/AuditLog.h"
#include "core/store/Backups.h"
#include "ui/OverviewPage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

namespace motcua::ui {

MainWindow::MainWindow(const Store &store, QWidget *parent) : QMainWindow(parent), m_store(store)
{
    setWindowTitle(tr("MotCua — reception counter"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);

    m_problemLabel = new QLabel(central);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; padding: 6px; }"));
    m_problemLabel->setVisible(false);
    layout->addWidget(m_problemLabel);

    m_overviewPage = new OverviewPage(store, central);
    layout->addWidget(m_overviewPage, 1);
    setCentralWidget(central);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *backup = fileMenu->addAction(tr("&Back up now"), this, &MainWindow::backUpNow);
    backup->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    backup->setStatusTip(tr("Write a consistent copy of the data file into the backups folder"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *find = viewMenu->addAction(tr("&Find a procedure"), m_overviewPage, &OverviewPage::focusSearch);
    find->setShortcut(QKeySequence::Find);
    QAction *reload = viewMenu->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    reload->setShortcut(QKeySequence::Refresh);

    m_connectionLabel = new QLabel(tr("Offline — standalone counter"), statusBar());
    m_counterLabel = new QLabel(statusBar());
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_counterLabel);
    resize(1100, 680);
    refresh();
    m_overviewPage->focusSearch();
}

MainWindow::~MainWindow() = default;

void MainWindow::refresh()
{
    m_overviewPage->refresh();
    if (auto id = CounterIdentity::load(m_store); id && id->isSetUp())
        m_counterLabel->setText(tr("Counter %1 · %2").arg(id->counterId, id->unitName));
    else
        m_counterLabel->setText(tr("Counter not set up"));
}

void MainWindow::showProblem(const QString &message)
{
    m_problemLabel->setText(message);
    m_problemLabel->setVisible(true);
}

void MainWindow::backUpNow()
{
    const QString out =
        QDir(Store::backupDirectoryFor(m_store.path()))
            .filePath(QStringLiteral("manual-%1.sqlite").arg(Clock::now().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    auto taken = Backups::take(m_store, out);
    if (!taken) {
        QMessageBox::warning(this, tr("Backup failed"), taken.error().message);
        return;
    }
    auto id = CounterIdentity::load(m_store);
    const QString counter = id && !id->counterId.isEmpty() ? id->counterId : QStringLiteral("standalone");
    auto logged = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        auto a = AuditLog::append(db, {qEnvironmentVariable("USER"), counter},
                                  {QStringLiteral("store.backup"), taken->path, {}});
        if (!a)
            return a.error();
        return {};
    });
    if (!logged)
        showProblem(logged.error().message);
    statusBar()->showMessage(tr("Backup written to %1").arg(taken->path), 8000);
    refresh();
}

}  // namespace motcua::ui
