// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace motcua::ui {

class CounterContext;
class DossierDetail;
class DossierTableModel;
class FormPrinter;
class ScanDetector;

// Trả kết quả: find the dossier by code, ID number or an ID-card scan and hand the result over (who received it,
// identity checked). A code that is not in the local store is asked of the provincial center (lookupRequested);
// offline, or with no sync client, the page says so plainly.
class ReturnPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReturnPage)

public:
    ReturnPage(CounterContext &context, FormPrinter &printer, QWidget *parent = nullptr);
    ~ReturnPage() override;

    void focusFind();
    void find(const QString &text);
    // The answer to lookupRequested: the sync layer has fetched (found) the dossier's events into the local store,
    // or says why not.
    void lookupFinished(const QString &code, bool found, const QString &message);
    // Whether lookupRequested reaches the center (connected and online); set by the main window.
    void setCenterReachable(bool reachable) { m_centerReachable = reachable; }

    [[nodiscard]] QLineEdit *findLineEdit() const { return m_findLineEdit; }
    [[nodiscard]] QLabel *messageLabel() const { return m_messageLabel; }
    [[nodiscard]] DossierTableModel *model() const { return m_model; }
    [[nodiscard]] DossierDetail *detail() const { return m_detail; }

Q_SIGNALS:
    void lookupRequested(const QString &code);

private:
    void showMessage(const QString &text, bool error);

    CounterContext &m_context;
    QLineEdit *m_findLineEdit = nullptr;
    QLabel *m_messageLabel = nullptr;
    QTableView *m_tableView = nullptr;
    DossierTableModel *m_model = nullptr;
    DossierDetail *m_detail = nullptr;
    ScanDetector *m_scanDetector = nullptr;
    QString m_pendingLookup;
    bool m_centerReachable = false;
};

}  // namespace motcua::ui
