// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LoginPage.h"

#include "core/Clock.h"
#include "ui/AppSettings.h"
#include "ui/CounterContext.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace motcua::ui {

LoginPage::LoginPage(CounterContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *box = new QWidget(this);
    box->setMinimumWidth(420);
    box->setMaximumWidth(520);
    auto *layout = new QVBoxLayout(box);
    m_titleLabel = new QLabel(box);
    m_titleLabel->setObjectName(QStringLiteral("loginTitleLabel"));
    QFont big = m_titleLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_titleLabel->setFont(big);
    m_unitLabel = new QLabel(box);
    m_unitLabel->setWordWrap(true);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_unitLabel);

    auto *form = new QFormLayout;
    m_loginLineEdit = new QLineEdit(box);
    m_loginLineEdit->setObjectName(QStringLiteral("loginLineEdit"));
    m_passwordLineEdit = new QLineEdit(box);
    m_passwordLineEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Login:"), m_loginLineEdit);
    form->addRow(tr("&Password:"), m_passwordLineEdit);
    layout->addLayout(form);
    m_messageLabel = new QLabel(box);
    m_messageLabel->setObjectName(QStringLiteral("loginMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setStyleSheet(QStringLiteral("QLabel { color: #a01010; }"));
    layout->addWidget(m_messageLabel);
    m_signInButton = new QPushButton(tr("&Sign in"), box);
    m_signInButton->setDefault(true);
    layout->addWidget(m_signInButton, 0, Qt::AlignRight);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(m_signInButton, &QPushButton::clicked, this, &LoginPage::attempt);
    connect(m_passwordLineEdit, &QLineEdit::returnPressed, this, &LoginPage::attempt);
    connect(m_loginLineEdit, &QLineEdit::returnPressed, m_passwordLineEdit, qOverload<>(&QWidget::setFocus));
    showLogin();
}

LoginPage::~LoginPage() = default;

void LoginPage::showLogin()
{
    m_titleLabel->setText(tr("Sign in"));
    const CounterIdentity &id = m_context.identity();
    m_unitLabel->setText(tr("Counter %1 · %2").arg(id.counterId, id.unitName));
    m_loginLineEdit->setReadOnly(false);
    if (m_loginLineEdit->text().isEmpty())
        m_loginLineEdit->setText(AppSettings::lastLogin());
    m_passwordLineEdit->clear();
    m_messageLabel->clear();
    if (m_loginLineEdit->text().isEmpty())
        m_loginLineEdit->setFocus();
    else
        m_passwordLineEdit->setFocus();
}

void LoginPage::showLocked(const QString &login)
{
    showLogin();
    m_titleLabel->setText(tr("Screen locked"));
    m_unitLabel->setText(tr("The screen was locked after a time without use. Type your password to continue, or "
                            "sign in as another officer."));
    m_loginLineEdit->setText(login);
    m_passwordLineEdit->setFocus();
}

void LoginPage::attempt()
{
    const QString login = m_loginLineEdit->text().trimmed();
    if (login.isEmpty()) {
        m_messageLabel->setText(tr("Type your login."));
        m_loginLineEdit->setFocus();
        return;
    }
    auto result = OfficerStore(m_context.store()).login(login, m_passwordLineEdit->text());
    m_passwordLineEdit->clear();
    if (!result) {
        m_messageLabel->setText(tr("Signing in failed: %1").arg(result.error().message));
        return;
    }
    switch (result->outcome) {
    case LoginOutcome::Ok:
        m_messageLabel->clear();
        AppSettings::setLastLogin(login);
        Q_EMIT signedIn(result->officer);
        return;
    case LoginOutcome::Unknown:
        m_messageLabel->setText(tr("The login or the password is wrong."));
        break;
    case LoginOutcome::WrongPassword:
        m_messageLabel->setText(
            tr("The login or the password is wrong. %n more wrong attempt(s) lock the account for %1 minutes.", nullptr,
               result->attemptsLeft)
                .arg(OfficerStore::kLockMinutes));
        break;
    case LoginOutcome::Locked:
        m_messageLabel->setText(
            tr("Too many wrong passwords: this account is locked until %1. Wait, or ask the "
               "unit's admin.")
                .arg(result->lockedUntil.toTimeZone(vietnamTimeZone()).toString(QStringLiteral("HH:mm"))));
        break;
    case LoginOutcome::Disabled:
        m_messageLabel->setText(tr("This account is disabled. Ask the unit's admin."));
        break;
    }
    m_passwordLineEdit->setFocus();
}

}  // namespace motcua::ui
