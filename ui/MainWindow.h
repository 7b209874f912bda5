// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/officer/OfficerStore.h"
#include "core/store/Store.h"
#include "sync/SyncStatus.h"

#include <QFuture>
#include <QMainWindow>
#include <QUrl>

class QLabel;
class QProgressBar;
class QStackedWidget;
class QTabWidget;

namespace motcua::ui {

class CounterContext;
class DossiersPage;
class FormPrinter;
class IdleWatcher;
class LoginPage;
class OverviewPage;
class ReceivePage;
class ReturnPage;
class SetupPage;

// The counter's main window. First start: setup (enroll or standalone); then sign-in; then the work pages —
// Tiếp nhận (receive), Hồ sơ (dossiers), Trả kết quả (return), Tổng quan (overview) — with a status bar always
// showing the connection, events waiting to sync, the last sync, the officer, the counter and the unit. The screen
// locks after the idle time set in Settings.
//
// Wiring for the sync client (app/counter/main.cpp):
//   enrollRequested(url, code, caPem) -> the client enrolls; it answers with enrollFinished(ok, message), after saving
//   the
//                                  counter identity and the officers (OfficerStore::upsert) in the store.
//   lookupRequested(code)       -> the client fetches that dossier's events from the center into the store (and
//                                  subscribes); it answers with lookupFinished(code, found, message).
//   the client's status signal  -> setSyncStatus(status).
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Below this many sequence numbers to go, a pull is short enough to need no progress bar.
    static constexpr qint64 kSyncProgressThreshold = 2000;

    explicit MainWindow(const Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    void refresh();
    // Shows a problem the officer should know about (e.g. a failed automatic backup) until dismissed.
    void showProblem(const QString &message);
    // Signs `officer` in and shows the work pages (the login page calls it; tests too).
    void startSession(const OfficerRecord &officer);
    void lock();
    void signOut();
    void openSettings();
    void backUpNow();

    [[nodiscard]] CounterContext *context() const { return m_context; }
    [[nodiscard]] FormPrinter *printer() const { return m_printer; }
    [[nodiscard]] SetupPage *setupPage() const { return m_setupPage; }
    [[nodiscard]] LoginPage *loginPage() const { return m_loginPage; }
    [[nodiscard]] OverviewPage *overviewPage() const { return m_overviewPage; }
    [[nodiscard]] ReceivePage *receivePage() const { return m_receivePage; }
    [[nodiscard]] DossiersPage *dossiersPage() const { return m_dossiersPage; }
    [[nodiscard]] ReturnPage *returnPage() const { return m_returnPage; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] QStackedWidget *stack() const { return m_stack; }
    [[nodiscard]] IdleWatcher *idleWatcher() const { return m_idleWatcher; }
    [[nodiscard]] QString statusText() const;  // the status bar's fields, for tests
    [[nodiscard]] QProgressBar *syncProgressBar() const { return m_syncProgressBar; }

public Q_SLOTS:
    void setSyncStatus(const motcua::sync::SyncStatus &status);
    void enrollFinished(bool ok, const QString &message);
    // First run only: the setup page offers enrollment with this center and code, already filled in.
    void prefillEnrollment(const QUrl &centerUrl, const QString &code);
    void lookupFinished(const QString &code, bool found, const QString &message);

Q_SIGNALS:
    void enrollRequested(const QUrl &centerUrl, const QString &code, const QByteArray &caPem);
    void lookupRequested(const QString &code);

private:
    void buildMenus();
    void buildStatusBar();
    void showStart();
    void updateOfficerLabels();
    void updatePending();
    void runInBackground(const QString &what, std::function<QString()> work, std::function<void(QString)> done);
    void importCatalog(const QString &path);

    const Store &m_store;
    CounterContext *m_context = nullptr;
    FormPrinter *m_printer = nullptr;
    IdleWatcher *m_idleWatcher = nullptr;
    QStackedWidget *m_stack = nullptr;
    SetupPage *m_setupPage = nullptr;
    LoginPage *m_loginPage = nullptr;
    QWidget *m_workArea = nullptr;
    QTabWidget *m_tabs = nullptr;
    OverviewPage *m_overviewPage = nullptr;
    ReceivePage *m_receivePage = nullptr;
    DossiersPage *m_dossiersPage = nullptr;
    ReturnPage *m_returnPage = nullptr;
    QLabel *m_problemLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_lastSyncLabel = nullptr;
    QLabel *m_officerLabel = nullptr;
    QLabel *m_counterLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QProgressBar *m_syncProgressBar = nullptr;  // a long pull, e.g. the first sync of a unit
    QList<QAction *> m_sessionActions;
    // Background jobs (core/Async.h) use the store: the window waits for them before it goes.
    QFuture<void> m_work;
    bool m_working = false;
    QFuture<void> m_pendingCount;
    bool m_counting = false;
    bool m_pendingAgain = false;
    bool m_haveSyncStatus = false;
};

}  // namespace motcua::ui
