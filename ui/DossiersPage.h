// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dossier/DossierStore.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;

namespace motcua::ui {

class CounterContext;
class DossierDetail;
class DossierTableModel;
class FormPrinter;

// Hồ sơ: every dossier of the local store. One search box (code, ID number, phone, name words without diacritics),
// filters (status, procedure, field, received between, received here or elsewhere), quick views (due today, due in
// 2 days, overdue, waiting for supplement, result ready); the chosen dossier's detail and steps beside the list.
class DossiersPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DossiersPage)

public:
    enum class QuickView { All, DueToday, DueIn2Days, Overdue, WaitingSupplement, ResultReady };

    DossiersPage(CounterContext &context, FormPrinter &printer, QWidget *parent = nullptr);
    ~DossiersPage() override;

    void focusSearch();
    void setQuickView(QuickView view);
    // Runs the search or the filters now (the search box waits for a pause in typing).
    void apply();
    void selectCode(const QString &code);

    [[nodiscard]] QLineEdit *searchLineEdit() const { return m_searchLineEdit; }
    [[nodiscard]] DossierTableModel *model() const { return m_model; }
    [[nodiscard]] QTableView *tableView() const { return m_tableView; }
    [[nodiscard]] DossierDetail *detail() const { return m_detail; }
    [[nodiscard]] QComboBox *statusComboBox() const { return m_statusComboBox; }
    [[nodiscard]] QComboBox *quickViewComboBox() const { return m_quickViewComboBox; }
    [[nodiscard]] DossierFilter currentFilter() const;
    // The time the last apply() took from the query to the first page shown (for the benchmark).
    [[nodiscard]] qint64 lastApplyNs() const { return m_lastApplyNs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QHBoxLayout *createSearchRow();
    QHBoxLayout *createFilterRow();
    QSplitter *createListAndDetail(FormPrinter &printer);
    void connectSignals();
    void fillChoices();
    void currentChanged();

    CounterContext &m_context;
    DossierTableModel *m_model = nullptr;
    QLineEdit *m_searchLineEdit = nullptr;
    QComboBox *m_quickViewComboBox = nullptr;
    QComboBox *m_statusComboBox = nullptr;
    QComboBox *m_procedureComboBox = nullptr;
    QComboBox *m_fieldComboBox = nullptr;
    QComboBox *m_originComboBox = nullptr;
    QCheckBox *m_datesCheckBox = nullptr;
    QDateEdit *m_fromDateEdit = nullptr;
    QDateEdit *m_toDateEdit = nullptr;
    QTableView *m_tableView = nullptr;
    QLabel *m_countLabel = nullptr;
    DossierDetail *m_detail = nullptr;
    QTimer m_searchDelay;
    qint64 m_lastApplyNs = 0;
    bool m_choicesFilled = false;
};

}  // namespace motcua::ui
