#pragma once

#include "core/store/Store.h"

#include <QMainWindow>

class QLabel;

namespace motcua::ui {

class OverviewPage;

// The counter's main window: the pages, the menus, and the status bar (connection, counter, unit, store).
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    void refresh();
    // Shows a problem the officer should know about (e.g. a failed automatic backup) until dismissed.
    void showProblem(const QString &message);

    [[nodiscard]] OverviewPage *overviewPage() const { return m_overviewPage; }

private:
    void backUpNow();

    const Store &m_store;
    OverviewPage *m_overviewPage = nullptr;
    QLabel *m_problemLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_counterLabel = nullptr;
};

}  // namespace motcua::ui
