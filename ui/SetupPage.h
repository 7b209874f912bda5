// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/officer/OfficerStore.h"

#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace motcua::ui {

class CounterContext;

// First start: enroll this counter with the provincial center (its URL and the one-time enrollment code an admin
// made there), or run standalone for a demo or training with a local admin officer.
class SetupPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupPage)

public:
    explicit SetupPage(CounterContext &context, QWidget *parent = nullptr);
    ~SetupPage() override;

    void start();
    // Fills in the center's address and an enrollment code (e.g. a local center started for a demo) and selects
    // enrollment; the officer still chooses and confirms.
    void prefillEnrollment(const QUrl &centerUrl, const QString &code);
    // The answer to enrollRequested (from the sync layer).
    void enrollFinished(bool ok, const QString &message);
    // Shown when nothing handles enrollRequested in this program.
    void enrollUnavailable();

    [[nodiscard]] QRadioButton *enrollRadioButton() const { return m_enrollRadioButton; }
    [[nodiscard]] QRadioButton *standaloneRadioButton() const { return m_standaloneRadioButton; }
    [[nodiscard]] QLineEdit *centerUrlLineEdit() const { return m_centerUrlLineEdit; }
    [[nodiscard]] QLineEdit *enrollmentCodeLineEdit() const { return m_codeLineEdit; }
    [[nodiscard]] QLineEdit *caFileLineEdit() const { return m_caFileLineEdit; }
    [[nodiscard]] QLineEdit *adminLoginLineEdit() const { return m_adminLoginLineEdit; }
    [[nodiscard]] QLineEdit *adminNameLineEdit() const { return m_adminNameLineEdit; }
    [[nodiscard]] QLineEdit *passwordLineEdit() const { return m_passwordLineEdit; }
    [[nodiscard]] QLineEdit *confirmLineEdit() const { return m_confirmLineEdit; }
    [[nodiscard]] QPushButton *continueButton() const { return m_continueButton; }
    [[nodiscard]] QLabel *messageLabel() const { return m_messageLabel; }

Q_SIGNALS:
    // caPem: the province CA certificate from the file the admin gave (empty: trust the system's CAs).
    void enrollRequested(const QUrl &centerUrl, const QString &code, const QByteArray &caPem);
    // A standalone counter's admin was created; the next step is to sign in.
    void standaloneReady(const QString &login);
    // Enrollment succeeded; the officers come from the center.
    void enrolled();

private:
    // The fields of each way to set up, made in the order the Tab key follows.
    QWidget *createStandaloneBox(QWidget *parent);
    QWidget *createEnrollBox(QWidget *parent);
    void chooseCaFile();  // the file dialog behind the "…" button
    void updateMode();
    void proceed();
    void createStandalone();

    CounterContext &m_context;
    QRadioButton *m_enrollRadioButton = nullptr;
    QRadioButton *m_standaloneRadioButton = nullptr;
    QWidget *m_enrollBox = nullptr;
    QWidget *m_standaloneBox = nullptr;
    QLineEdit *m_centerUrlLineEdit = nullptr;
    QLineEdit *m_codeLineEdit = nullptr;
    QLineEdit *m_caFileLineEdit = nullptr;
    QLineEdit *m_adminLoginLineEdit = nullptr;
    QLineEdit *m_adminNameLineEdit = nullptr;
    QLineEdit *m_passwordLineEdit = nullptr;
    QLineEdit *m_confirmLineEdit = nullptr;
    QPushButton *m_continueButton = nullptr;
    QLabel *m_messageLabel = nullptr;
    bool m_enrolling = false;
};

}  // namespace motcua::ui
