// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/calendar/WorkingCalendar.h"
#include "core/catalog/CatalogSearch.h"
#include "core/store/Store.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;

namespace motcua::ui {

class ProcedureTableModel;

// The counter's home page: who this counter is, the state of its store, catalog and calendar, and a procedure
// look-up (type without diacritics; arrow keys move through the hits).
class OverviewPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    explicit OverviewPage(const Store &store, QWidget *parent = nullptr);
    ~OverviewPage() override;

    void refresh();
    void focusSearch();

    // For tests and the main window.
    [[nodiscard]] QLineEdit *searchLineEdit() const { return m_searchLineEdit; }
    [[nodiscard]] ProcedureTableModel *procedureModel() const { return m_model; }
    [[nodiscard]] QTextBrowser *detailBrowser() const { return m_detailBrowser; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void search(const QString &text);
    void showProcedure(const QString &code);

    const Store &m_store;
    CatalogIndex m_index;
    WorkingCalendar m_calendar;
    ProcedureTableModel *m_model = nullptr;
    QLabel *m_counterLabel = nullptr;
    QLabel *m_unitLabel = nullptr;
    QLabel *m_agencyLabel = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_schemaLabel = nullptr;
    QLabel *m_integrityLabel = nullptr;
    QLabel *m_backupLabel = nullptr;
    QLabel *m_recordsLabel = nullptr;
    QLabel *m_catalogLabel = nullptr;
    QLabel *m_hoursLabel = nullptr;
    QLabel *m_yearsLabel = nullptr;
    QLineEdit *m_searchLineEdit = nullptr;
    QTableView *m_resultsTableView = nullptr;
    QTextBrowser *m_detailBrowser = nullptr;
    bool m_statusStale = true;
};

}  // namespace motcua::ui
