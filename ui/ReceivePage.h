// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/Procedure.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTextBrowser;
class QVBoxLayout;

namespace motcua {
struct ReceiveRequest;
}

namespace motcua::ui {

class ApplicantForm;
class CounterContext;
class FormPrinter;
class ProcedureTableModel;
class ScanDetector;

// Tiếp nhận: a new dossier from procedure to printed slip, without the mouse. Type to find the procedure (arrow keys
// and Enter), scan the ID card anywhere on the page, check the documents, Ctrl+Enter saves and prints Form 01.
// F7 receives and requests a supplement (Form 02); F8 refuses at intake (Form 03); both need a reason.
class ReceivePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceivePage)

public:
    ReceivePage(CounterContext &context, FormPrinter &printer, QWidget *parent = nullptr);
    ~ReceivePage() override;

    void startNew();  // clears the form and puts the cursor in the procedure search
    void focusSearch();
    // Chooses a procedure by code (as Enter on a hit does); false when the catalog has no such code.
    bool chooseProcedure(const QString &code);
    // Ctrl+Enter, F7 and F8. Each returns the new dossier's code, or empty when it could not (the page says why).
    QString save();
    QString saveAndRequestSupplement();
    QString refuse();
    void handleScan(const QString &text);

    [[nodiscard]] QLineEdit *procedureSearchLineEdit() const { return m_searchLineEdit; }
    [[nodiscard]] ProcedureTableModel *procedureModel() const { return m_procedureModel; }
    [[nodiscard]] ApplicantForm *applicantForm() const { return m_applicantForm; }
    [[nodiscard]] QTableWidget *documentsTable() const { return m_documentsTable; }
    [[nodiscard]] QLabel *appointmentLabel() const { return m_appointmentLabel; }
    [[nodiscard]] QLabel *messageLabel() const { return m_messageLabel; }
    [[nodiscard]] QLabel *scanErrorLabel() const { return m_scanErrorLabel; }
    [[nodiscard]] QLineEdit *reasonLineEdit() const { return m_reasonLineEdit; }
    [[nodiscard]] const std::optional<Procedure> &procedure() const { return m_procedure; }

Q_SIGNALS:
    void dossierSaved(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Kind { Receive, Supplement, Refuse };
    QVBoxLayout *buildProcedurePanel();
    QGroupBox *buildDocumentsGroup();
    QHBoxLayout *buildReturnRow();
    void buildMessages(QVBoxLayout *right);
    QHBoxLayout *buildActions();
    // False (and the page says why) while a procedure, the applicant or the reason of F7/F8 is missing or wrong.
    bool readyToSubmit(Kind kind);
    [[nodiscard]] ReceiveRequest request() const;
    QString submit(Kind kind);
    void search(const QString &text);
    void showProcedureInfo();
    void updateAppointment();
    void showMessage(const QString &text, bool error);

    CounterContext &m_context;
    FormPrinter &m_printer;
    ScanDetector *m_scanDetector = nullptr;
    std::optional<Procedure> m_procedure;
    int m_catalogVersion = 0;

    QLineEdit *m_searchLineEdit = nullptr;
    QTableView *m_procedureTableView = nullptr;
    ProcedureTableModel *m_procedureModel = nullptr;
    QTextBrowser *m_procedureBrowser = nullptr;
    ApplicantForm *m_applicantForm = nullptr;
    QTableWidget *m_documentsTable = nullptr;
    QSpinBox *m_setsSpinBox = nullptr;
    QSpinBox *m_feeSpinBox = nullptr;
    QComboBox *m_returnMethodComboBox = nullptr;
    QComboBox *m_returnUnitComboBox = nullptr;
    QLabel *m_appointmentLabel = nullptr;
    QLineEdit *m_reasonLineEdit = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_scanErrorLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QTimer m_clockTimer;
};

}  // namespace motcua::ui
