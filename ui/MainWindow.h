#pragma once

#include "core/store/Store.h"

#include <QMainWindow>

class QLabel;
class QFormLayout;
class QPushButton;

namespace motcua::ui {

// The counter's main window. For now it shows the local store (where it is, its schema, integrity, counts and
// the last backup) and takes a backup on request; the reception pages are added to it as they are built.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    void refresh();
    // Shows a problem the officer should know about (e.g. a failed automatic backup) until dismissed.
    void showProblem(const QString &message);

private:
    void backUpNow();

    Store &m_store;
    QFormLayout *m_form = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_schemaLabel = nullptr;
    QLabel *m_integrityLabel = nullptr;
    QLabel *m_backupLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QPushButton *m_backupButton = nullptr;
    QLabel *m_storeStatusLabel = nullptr;
    QLabel *m_problemLabel = nullptr;
};

}  // namespace motcua::ui
