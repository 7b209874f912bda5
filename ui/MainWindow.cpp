// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/Async.h"
#include "core/Clock.h"
#include "core/catalog/CatalogStore.h"
#include "core/dossier/DossierStore.h"
#include "core/store/AuditLog.h"
#include "core/store/Backups.h"
#include "ui/AppSettings.h"
#include "ui/CounterContext.h"
#include "ui/DossierTableModel.h"
#include "ui/DossiersPage.h"
#include "ui/FormPrinter.h"
#include "ui/IdleWatcher.h"
#include "ui/LoginPage.h"
#include "ui/OverviewPage.h"
#include "ui/ReceivePage.h"
#include "ui/ReturnPage.h"
#include "ui/SettingsDialog.h"
#include "ui/SetupPage.h"
#include "ui/Texts.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaMethod>
#include <QProgressBar>

#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace motcua::ui {

MainWindow::MainWindow(const Store &store, QWidget *parent) : QMainWindow(parent), m_store(store)
{
    setWindowTitle(tr("MotCua — reception counter"));
    m_context = new CounterContext(store, this);
    m_printer = new FormPrinter(*m_context, this);
    m_idleWatcher = new IdleWatcher(this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    m_problemLabel = new QLabel(central);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; padding: 6px; }"));
    m_problemLabel->setVisible(false);
    layout->addWidget(m_problemLabel);

    m_stack = new QStackedWidget(central);
    m_setupPage = new SetupPage(*m_context, m_stack);
    m_loginPage = new LoginPage(*m_context, m_stack);
    m_workArea = new QWidget(m_stack);
    auto *workLayout = new QVBoxLayout(m_workArea);
    workLayout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(m_workArea);
    m_receivePage = new ReceivePage(*m_context, *m_printer, m_tabs);
    m_dossiersPage = new DossiersPage(*m_context, *m_printer, m_tabs);
    m_returnPage = new ReturnPage(*m_context, *m_printer, m_tabs);
    m_overviewPage = new OverviewPage(store, m_tabs);
    m_tabs->addTab(m_receivePage, tr("&Receive (F2)"));
    m_tabs->addTab(m_dossiersPage, tr("&Dossiers (F3)"));
    m_tabs->addTab(m_returnPage, tr("Re&turn results (F4)"));
    m_tabs->addTab(m_overviewPage, tr("&Overview"));
    workLayout->addWidget(m_tabs);
    m_stack->addWidget(m_setupPage);
    m_stack->addWidget(m_loginPage);
    m_stack->addWidget(m_workArea);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    buildMenus();
    buildStatusBar();

    connect(m_setupPage, &SetupPage::enrollRequested, this,
            [this](const QUrl &url, const QString &code, const QByteArray &caPem) {
                // Enrollment is the sync client's work; a program without one says so.
                if (!isSignalConnected(QMetaMethod::fromSignal(&MainWindow::enrollRequested)))
                    m_setupPage->enrollUnavailable();
                else
                    Q_EMIT enrollRequested(url, code, caPem);
            });
    connect(m_setupPage, &SetupPage::standaloneReady, this, [this](const QString &login) {
        m_loginPage->loginLineEdit()->setText(login);
        (void)m_context->reload();
        showStart();
    });
    connect(m_setupPage, &SetupPage::enrolled, this, [this] {
        (void)m_context->reload();
        showStart();
    });
    connect(m_loginPage, &LoginPage::signedIn, this, &MainWindow::startSession);
    connect(m_returnPage, &ReturnPage::lookupRequested, this, &MainWindow::lookupRequested);
    connect(m_idleWatcher, &IdleWatcher::idle, this, &MainWindow::lock);
    connect(m_context, &CounterContext::dossierChanged, this, &MainWindow::updatePending);
    connect(m_printer, &FormPrinter::problem, this, &MainWindow::showProblem);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_dossiersPage && m_dossiersPage->model()->rowCount() == 0)
            m_dossiersPage->apply();
    });

    resize(1280, 760);
    refresh();
    showStart();
}

MainWindow::~MainWindow()
{
    // The store may close right after the window; the jobs' callbacks go with the window.
    m_work.waitForFinished();
    m_pendingCount.waitForFinished();
}

void MainWindow::buildMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *backup = fileMenu->addAction(tr("&Back up now"), this, &MainWindow::backUpNow);
    backup->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    backup->setStatusTip(tr("Write a consistent copy of the data file into the backups folder"));
    QAction *catalog = fileMenu->addAction(tr("&Import a procedure catalog…"), this, [this] {
        auto *dialog = new QFileDialog(this, tr("Import a procedure catalog"), QString(), tr("Catalog (*.json)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::importCatalog);
        dialog->open();
    });
    QAction *settings = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    fileMenu->addSeparator();
    QAction *lockAction = fileMenu->addAction(tr("&Lock the screen"), this, &MainWindow::lock);
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *signOutAction = fileMenu->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *goMenu = menuBar()->addMenu(tr("&Go"));
    QAction *receive = goMenu->addAction(tr("&Receive a dossier"), this, [this] {
        m_tabs->setCurrentWidget(m_receivePage);
        m_receivePage->focusSearch();
    });
    receive->setShortcut(QKeySequence(Qt::Key_F2));
    QAction *dossiers = goMenu->addAction(tr("&Dossiers"), this, [this] {
        m_tabs->setCurrentWidget(m_dossiersPage);
        m_dossiersPage->focusSearch();
    });
    dossiers->setShortcut(QKeySequence(Qt::Key_F3));
    QAction *ret = goMenu->addAction(tr("Re&turn a result"), this, [this] {
        m_tabs->setCurrentWidget(m_returnPage);
        m_returnPage->focusFind();
    });
    ret->setShortcut(QKeySequence(Qt::Key_F4));
    QAction *overdue = goMenu->addAction(tr("&Overdue dossiers"), this, [this] {
        m_tabs->setCurrentWidget(m_dossiersPage);
        m_dossiersPage->setQuickView(DossiersPage::QuickView::Overdue);
    });
    QAction *find = goMenu->addAction(tr("&Find a procedure"), this, [this] {
        m_tabs->setCurrentWidget(m_overviewPage);
        m_overviewPage->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *reload = goMenu->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    reload->setShortcut(QKeySequence::Refresh);
    m_sessionActions = {backup,   catalog, settings, lockAction, signOutAction, receive,
                        dossiers, ret,     overdue,  find,       reload};
}

void MainWindow::buildStatusBar()
{
    auto add = [this](const QString &name) {
        auto *label = new QLabel(statusBar());
        label->setObjectName(name);
        label->setStyleSheet(QStringLiteral("QLabel { padding: 0 6px; border-left: 1px solid #b0b0b0; }"));
        statusBar()->addPermanentWidget(label);
        return label;
    };
    m_progressBar = new QProgressBar(statusBar());
    m_progressBar->setMaximumWidth(160);
    m_progressBar->setRange(0, 0);
    m_progressBar->hide();
    statusBar()->addPermanentWidget(m_progressBar);
    m_syncProgressBar = new QProgressBar(statusBar());
    m_syncProgressBar->setObjectName(QStringLiteral("syncProgressBar"));
    m_syncProgressBar->setMaximumWidth(320);
    m_syncProgressBar->setRange(0, 1000);
    m_syncProgressBar->hide();
    statusBar()->addPermanentWidget(m_syncProgressBar);
    m_connectionLabel = add(QStringLiteral("connectionLabel"));
    m_pendingLabel = add(QStringLiteral("pendingLabel"));
    m_lastSyncLabel = add(QStringLiteral("lastSyncLabel"));
    m_officerLabel = add(QStringLiteral("officerLabel"));
    m_counterLabel = add(QStringLiteral("counterLabel"));
    m_connectionLabel->setText(tr("Standalone (not connected to a center)"));
}

QString MainWindow::statusText() const
{
    return QStringList{m_connectionLabel->text(), m_pendingLabel->text(), m_lastSyncLabel->text(),
                       m_officerLabel->text(), m_counterLabel->text()}
        .join(QStringLiteral(" | "));
}

void MainWindow::showStart()
{
    // Enrolled counters sign in even before the center's officers arrived (they come with the next sync).
    auto officers = OfficerStore(m_store).list();
    const CounterIdentity &identity = m_context->identity();
    const bool setUp = (officers && !officers->isEmpty()) || (identity.isSetUp() && !identity.standalone);
    for (QAction *a : std::as_const(m_sessionActions))
        a->setEnabled(false);
    m_idleWatcher->setActive(false);
    if (!setUp) {
        m_stack->setCurrentWidget(m_setupPage);
        m_setupPage->start();
    } else {
        m_stack->setCurrentWidget(m_loginPage);
        m_loginPage->showLogin();
    }
    updateOfficerLabels();
}

void MainWindow::startSession(const OfficerRecord &officer)
{
    const bool sameOfficer = m_context->officer().login == officer.login;
    m_context->setOfficer(officer);
    for (QAction *a : std::as_const(m_sessionActions))
        a->setEnabled(true);
    m_stack->setCurrentWidget(m_workArea);
    m_idleWatcher->setTimeoutMs(qint64(AppSettings::idleLockMinutes()) * 60 * 1000);
    m_idleWatcher->setActive(true);
    updateOfficerLabels();
    if (!sameOfficer) {
        m_tabs->setCurrentWidget(m_receivePage);
        m_receivePage->startNew();
    }
}

void MainWindow::lock()
{
    if (!m_context->signedIn() || m_stack->currentWidget() != m_workArea)
        return;
    for (QAction *a : std::as_const(m_sessionActions))
        a->setEnabled(false);
    m_idleWatcher->setActive(false);
    m_stack->setCurrentWidget(m_loginPage);
    m_loginPage->showLocked(m_context->officer().login);
}

void MainWindow::signOut()
{
    m_context->setOfficer({});
    m_loginPage->loginLineEdit()->clear();
    showStart();
}

void MainWindow::updateOfficerLabels()
{
    const OfficerRecord &o = m_context->officer();
    m_officerLabel->setText(o.login.isEmpty() ? tr("Not signed in") : tr("Officer: %1 (%2)").arg(o.fullName, o.login));
    const CounterIdentity &id = m_context->identity();
    m_counterLabel->setText(id.isSetUp() ? tr("Counter %1 · %2").arg(id.counterId, id.unitName)
                                         : tr("Counter not set up"));
}

void MainWindow::refresh()
{
    (void)m_context->reload();
    m_overviewPage->refresh();
    updateOfficerLabels();
    updatePending();
}

void MainWindow::updatePending()
{
    if (m_haveSyncStatus)
        return;  // the sync client reports the count
    if (m_counting) {
        m_pendingAgain = true;
        return;
    }
    // Counting the outbox of a large store takes a while: off the officer's way.
    m_counting = true;
    const Store &store = m_store;
    m_pendingCount = QFuture<void>(async::runThenCallback(
        this, [&store] { return DossierStore(store).pendingOutbox(); },
        [this](const Result<int> &count) {
            m_counting = false;
            if (!m_haveSyncStatus) {
                m_pendingLabel->setText(count ? tr("%n event(s) waiting to sync", nullptr, *count)
                                              : tr("Events waiting: unknown (%1)").arg(count.error().message));
                m_lastSyncLabel->setText(tr("Last sync: never"));
            }
            if (m_pendingAgain) {
                m_pendingAgain = false;
                updatePending();
            }
        }));
}

void MainWindow::setSyncStatus(const sync::SyncStatus &status)
{
    m_haveSyncStatus = true;
    using State = sync::SyncStatus::State;
    QString text;
    QString color = QStringLiteral("#555555");
    switch (status.state) {
    case State::Standalone:
        text = tr("Standalone (not connected to a center)");
        break;
    case State::Offline:
        text = tr("Offline — working locally");
        color = QStringLiteral("#a05a00");
        break;
    case State::Syncing:
        text = tr("Online — syncing …");
        color = QStringLiteral("#0b5d1e");
        break;
    case State::Online:
        text = tr("Online");
        color = QStringLiteral("#0b5d1e");
        break;
    case State::Error:
        text = tr("Sync problem");
        color = QStringLiteral("#a01010");
        break;
    }
    m_connectionLabel->setText(text);
    m_connectionLabel->setStyleSheet(
        QStringLiteral("QLabel { color: %1; font-weight: bold; padding: 0 6px; border-left: 1px solid #b0b0b0; }")
            .arg(color));
    QString tip = status.reason;
    if (status.nextAttempt.isValid() && (status.state == State::Offline || status.state == State::Error))
        tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
               tr("Next attempt at %1.").arg(texts::moment(status.nextAttempt));
    m_connectionLabel->setToolTip(tip);
    QString pending = tr("%n event(s) waiting to sync", nullptr, status.pending);
    if (status.quarantined > 0)
        pending += QStringLiteral(", ") + tr("%n rejected by the center", nullptr, status.quarantined);
    m_pendingLabel->setText(pending);
    m_lastSyncLabel->setText(status.lastSuccess.isValid() ? tr("Last sync: %1").arg(texts::moment(status.lastSuccess))
                                                          : tr("Last sync: never"));
    m_returnPage->setCenterReachable(status.state == State::Online || status.state == State::Syncing);

    // A long pull (the first sync of a unit, or catching up after days offline) shows how far it has come; work
    // at the counter goes on meanwhile.
    const bool longPull = status.state == State::Syncing && status.progressTotal >= kSyncProgressThreshold;
    if (longPull) {
        const int permille = int(std::clamp<qint64>(status.progressDone * 1000 / status.progressTotal, 0, 1000));
        m_syncProgressBar->setValue(permille);
        const QString text = tr("Receiving dossiers from the center: %n event(s)", nullptr, status.pulledThisRound);
        m_syncProgressBar->setFormat(text + QStringLiteral(" (%1 %)").arg(permille / 10));
        m_syncProgressBar->setToolTip(text);
    }
    m_syncProgressBar->setVisible(longPull);
}

void MainWindow::prefillEnrollment(const QUrl &centerUrl, const QString &code)
{
    m_setupPage->prefillEnrollment(centerUrl, code);
}

void MainWindow::enrollFinished(bool ok, const QString &message)
{
    m_setupPage->enrollFinished(ok, message);
}

void MainWindow::lookupFinished(const QString &code, bool found, const QString &message)
{
    m_returnPage->lookupFinished(code, found, message);
}

void MainWindow::showProblem(const QString &message)
{
    m_problemLabel->setText(message);
    m_problemLabel->setVisible(true);
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(*m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::saved, this, [this] {
        refresh();
        m_idleWatcher->setTimeoutMs(qint64(AppSettings::idleLockMinutes()) * 60 * 1000);
        m_idleWatcher->setActive(m_stack->currentWidget() == m_workArea);
        statusBar()->showMessage(tr("Settings saved."), 5000);
    });
    dialog->open();
}

void MainWindow::runInBackground(const QString &what, std::function<QString()> work, std::function<void(QString)> done)
{
    if (m_working) {
        statusBar()->showMessage(tr("Wait until the current work finishes."), 5000);
        return;
    }
    m_working = true;
    m_progressBar->setFormat(what);
    m_progressBar->setToolTip(what);
    m_progressBar->show();
    statusBar()->showMessage(what);
    m_work = QFuture<void>(
        async::runThenCallback(this, std::move(work), [this, done = std::move(done)](const QString &result) {
            m_working = false;
            m_progressBar->hide();
            statusBar()->clearMessage();
            done(result);
        }));
}

void MainWindow::backUpNow()
{
    const QString out =
        QDir(Store::backupDirectoryFor(m_store.path()))
            .filePath(QStringLiteral("manual-%1.sqlite").arg(Clock::now().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    auto path = std::make_shared<QString>();
    runInBackground(
        tr("Backing up …"),
        [this, out, path]() -> QString {
            auto taken = Backups::take(m_store, out);
            if (!taken)
                return taken.error().message;
            *path = taken->path;
            return {};
        },
        [this, path](const QString &error) {
            if (!error.isEmpty()) {
                showProblem(tr("The backup failed: %1 Check the free disk space, then try again.").arg(error));
                return;
            }
            const Actor actor{m_context->officer().login, m_context->identity().counterId};
            auto logged = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
                auto a = AuditLog::append(db, actor, {QStringLiteral("store.backup"), *path, {}});
                if (!a)
                    return a.error();
                return {};
            });
            if (!logged)
                showProblem(logged.error().message);
            statusBar()->showMessage(tr("Backup written to %1").arg(*path), 8000);
            refresh();
        });
}

void MainWindow::importCatalog(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showProblem(tr("Could not read %1: %2").arg(path, file.errorString()));
        return;
    }
    const QByteArray bytes = file.readAll();
    const Actor actor{m_context->officer().login, m_context->identity().counterId};
    runInBackground(
        tr("Importing the catalog …"),
        [this, bytes, path, actor]() -> QString {
            auto imported = CatalogStore(m_store).importJson(bytes, QFileInfo(path).fileName(), actor);
            return imported ? QString() : imported.error().message;
        },
        [this](const QString &error) {
            if (!error.isEmpty()) {
                showProblem(tr("The catalog was not imported: %1").arg(error));
                return;
            }
            statusBar()->showMessage(tr("Catalog imported."), 8000);
            refresh();
        });
}

}  // namespace motcua::ui
