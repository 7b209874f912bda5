// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/officer/OfficerStore.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace motcua::ui {

class CounterContext;

// Signing in, offline, against the officers in the store; also the lock screen after idle time (the same officer
// types the password again, or another officer signs in).
class LoginPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginPage)

public:
    explicit LoginPage(CounterContext &context, QWidget *parent = nullptr);
    ~LoginPage() override;

    // Lock mode: `login` is filled in and the title says the screen is locked.
    void showLogin();
    void showLocked(const QString &login);

    [[nodiscard]] QLineEdit *loginLineEdit() const { return m_loginLineEdit; }
    [[nodiscard]] QLineEdit *passwordLineEdit() const { return m_passwordLineEdit; }
    [[nodiscard]] QLabel *messageLabel() const { return m_messageLabel; }

Q_SIGNALS:
    void signedIn(const motcua::OfficerRecord &officer);

private:
    void attempt();

    CounterContext &m_context;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_unitLabel = nullptr;
    QLineEdit *m_loginLineEdit = nullptr;
    QLineEdit *m_passwordLineEdit = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPushButton *m_signInButton = nullptr;
};

}  // namespace motcua::ui
