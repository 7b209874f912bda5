// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SetupPage.h"

#include "core/Clock.h"
#include "core/officer/PasswordHash.h"
#include "ui/CounterContext.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaMethod>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace motcua::ui {

namespace {

QLabel *pageTitle(const QString &text, QWidget *parent)
{
    auto *title = new QLabel(text, parent);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    return title;
}

}  // namespace

SetupPage::SetupPage(CounterContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *box = new QWidget(this);
    box->setMaximumWidth(560);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(pageTitle(tr("Set up this counter"), box));

    m_standaloneRadioButton = new QRadioButton(tr("&Standalone, for a demo or training (no provincial center)"), box);
    m_standaloneRadioButton->setObjectName(QStringLiteral("standaloneRadioButton"));
    layout->addWidget(m_standaloneRadioButton);
    m_standaloneBox = createStandaloneBox(box);
    layout->addWidget(m_standaloneBox);

    m_enrollRadioButton = new QRadioButton(tr("&Enroll with the provincial center"), box);
    m_enrollRadioButton->setObjectName(QStringLiteral("enrollRadioButton"));
    layout->addWidget(m_enrollRadioButton);
    m_enrollBox = createEnrollBox(box);
    layout->addWidget(m_enrollBox);

    m_messageLabel = new QLabel(box);
    m_messageLabel->setObjectName(QStringLiteral("setupMessageLabel"));
    m_messageLabel->setWordWrap(true);
    layout->addWidget(m_messageLabel);
    m_continueButton = new QPushButton(tr("&Continue"), box);
    m_continueButton->setDefault(true);
    layout->addWidget(m_continueButton, 0, Qt::AlignRight);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    m_standaloneRadioButton->setChecked(true);
    connect(m_standaloneRadioButton, &QRadioButton::toggled, this, &SetupPage::updateMode);
    connect(m_continueButton, &QPushButton::clicked, this, &SetupPage::proceed);
    for (QLineEdit *e : {m_adminLoginLineEdit, m_adminNameLineEdit, m_passwordLineEdit, m_confirmLineEdit,
                         m_centerUrlLineEdit, m_codeLineEdit, m_caFileLineEdit})
        connect(e, &QLineEdit::returnPressed, this, &SetupPage::proceed);
    updateMode();
}

QWidget *SetupPage::createStandaloneBox(QWidget *parent)
{
    auto *standaloneBox = new QWidget(parent);
    auto *standaloneForm = new QFormLayout(standaloneBox);
    m_adminLoginLineEdit = new QLineEdit(QStringLiteral("admin"), standaloneBox);
    m_adminNameLineEdit = new QLineEdit(tr("Administrator"), standaloneBox);
    m_passwordLineEdit = new QLineEdit(standaloneBox);
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_confirmLineEdit = new QLineEdit(standaloneBox);
    m_confirmLineEdit->setEchoMode(QLineEdit::Password);
    standaloneForm->addRow(tr("Admin login:"), m_adminLoginLineEdit);
    standaloneForm->addRow(tr("Full name:"), m_adminNameLineEdit);
    standaloneForm->addRow(tr("New &password:"), m_passwordLineEdit);
    standaloneForm->addRow(tr("&Repeat the password:"), m_confirmLineEdit);
    return standaloneBox;
}

QWidget *SetupPage::createEnrollBox(QWidget *parent)
{
    auto *enrollBox = new QWidget(parent);
    auto *enrollForm = new QFormLayout(enrollBox);
    m_centerUrlLineEdit = new QLineEdit(enrollBox);
    m_centerUrlLineEdit->setPlaceholderText(QStringLiteral("https://motcua.quangninh.gov.vn"));
    m_codeLineEdit = new QLineEdit(enrollBox);
    m_codeLineEdit->setPlaceholderText(tr("the one-time code the center's admin gave you"));
    m_caFileLineEdit = new QLineEdit(enrollBox);
    m_caFileLineEdit->setObjectName(QStringLiteral("caFileLineEdit"));
    m_caFileLineEdit->setPlaceholderText(tr("optional: the province CA file (.pem) the admin gave you"));
    auto *browse = new QToolButton(enrollBox);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose the province CA certificate file"));
    connect(browse, &QToolButton::clicked, this, &SetupPage::chooseCaFile);
    auto *caRow = new QHBoxLayout;
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFileLineEdit, 1);
    caRow->addWidget(browse);
    enrollForm->addRow(tr("Center &address:"), m_centerUrlLineEdit);
    enrollForm->addRow(tr("Enrollment co&de:"), m_codeLineEdit);
    auto *caLabel = new QLabel(tr("Province C&A:"), enrollBox);
    caLabel->setBuddy(m_caFileLineEdit);
    enrollForm->addRow(caLabel, caRow);
    return enrollBox;
}

void SetupPage::chooseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Province CA certificate"), QString(),
                                                      tr("Certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_caFileLineEdit->setText(QDir::toNativeSeparators(file));
}

SetupPage::~SetupPage() = default;

void SetupPage::prefillEnrollment(const QUrl &centerUrl, const QString &code)
{
    m_centerUrlLineEdit->setText(centerUrl.toString());
    m_codeLineEdit->setText(code);
    m_enrollRadioButton->setChecked(true);
    updateMode();
    m_continueButton->setFocus();
}

void SetupPage::start()
{
    m_messageLabel->clear();
    updateMode();
}

void SetupPage::updateMode()
{
    const bool standalone = m_standaloneRadioButton->isChecked();
    m_standaloneBox->setEnabled(standalone);
    m_enrollBox->setEnabled(!standalone);
    (standalone ? m_passwordLineEdit : m_centerUrlLineEdit)->setFocus();
}

void SetupPage::proceed()
{
    if (m_enrolling)
        return;
    if (m_standaloneRadioButton->isChecked()) {
        createStandalone();
        return;
    }
    const QUrl url = QUrl::fromUserInput(m_centerUrlLineEdit->text().trimmed());
    if (!url.isValid() || url.host().isEmpty() || m_centerUrlLineEdit->text().trimmed().isEmpty()) {
        m_messageLabel->setText(tr("Type the center's address, e.g. https://motcua.quangninh.gov.vn."));
        m_centerUrlLineEdit->setFocus();
        return;
    }
    if (m_codeLineEdit->text().trimmed().isEmpty()) {
        m_messageLabel->setText(tr("Type the enrollment code the center's admin gave you."));
        m_codeLineEdit->setFocus();
        return;
    }
    QByteArray caPem;
    if (const QString caFile = m_caFileLineEdit->text().trimmed(); !caFile.isEmpty()) {
        QFile f(caFile);
        if (!f.open(QIODevice::ReadOnly)) {
            m_messageLabel->setText(tr("The CA file %1 cannot be read: %2. Check the name, or leave the field empty.")
                                        .arg(caFile, f.errorString()));
            m_caFileLineEdit->setFocus();
            return;
        }
        caPem = f.read(1024 * 1024);
        if (!caPem.contains("-----BEGIN CERTIFICATE-----")) {
            m_messageLabel->setText(tr("%1 holds no certificate in PEM form (it should start with "
                                       "\"-----BEGIN CERTIFICATE-----\"). Ask the center's admin for the province "
                                       "CA file.")
                                        .arg(caFile));
            m_caFileLineEdit->setFocus();
            return;
        }
    }
    m_enrolling = true;
    m_continueButton->setEnabled(false);
    m_messageLabel->setText(tr("Enrolling with %1 …").arg(url.host()));
    Q_EMIT enrollRequested(url, m_codeLineEdit->text().trimmed(), caPem);
}

void SetupPage::enrollUnavailable()
{
    m_enrolling = false;
    m_continueButton->setEnabled(true);
    m_messageLabel->setText(tr("Enrollment with a provincial center is not available in this program yet. Choose "
                               "\"Standalone\" to work without a center, and enroll later."));
}

void SetupPage::enrollFinished(bool ok, const QString &message)
{
    m_enrolling = false;
    m_continueButton->setEnabled(true);
    if (!ok) {
        m_messageLabel->setText(tr("Enrollment failed: %1").arg(message));
        return;
    }
    m_messageLabel->setText(message);
    Q_EMIT enrolled();
}

void SetupPage::createStandalone()
{
    const QString login = m_adminLoginLineEdit->text().trimmed();
    const QString password = m_passwordLineEdit->text();
    if (login.isEmpty() || m_adminNameLineEdit->text().trimmed().isEmpty()) {
        m_messageLabel->setText(tr("Type the admin's login and full name."));
        return;
    }
    if (password.size() < 6) {
        m_messageLabel->setText(tr("Choose a password of at least 6 characters."));
        m_passwordLineEdit->setFocus();
        return;
    }
    if (password != m_confirmLineEdit->text()) {
        m_messageLabel->setText(tr("The two passwords differ. Type the same password twice."));
        m_confirmLineEdit->clear();
        m_confirmLineEdit->setFocus();
        return;
    }
    // Standalone is chosen here, not assumed at start: the counter takes the demo identity now.
    if (!m_context.identity().isSetUp()) {
        if (auto saved = CounterIdentity::demo().save(m_context.store()); !saved) {
            m_messageLabel->setText(saved.error().message);
            return;
        }
        if (auto reloaded = m_context.reload(); !reloaded) {
            m_messageLabel->setText(reloaded.error().message);
            return;
        }
    }
    auto hash = hashPassword(password);
    if (!hash) {
        m_messageLabel->setText(hash.error().message);
        return;
    }
    OfficerRecord admin{login,
                        m_adminNameLineEdit->text().trimmed(),
                        QStringLiteral("admin"),
                        m_context.identity().agencyId,
                        *hash,
                        false,
                        Clock::now()};
    if (auto added = OfficerStore(m_context.store()).add(admin); !added) {
        m_messageLabel->setText(added.error().message);
        return;
    }
    m_passwordLineEdit->clear();
    m_confirmLineEdit->clear();
    Q_EMIT standaloneReady(login);
}

}  // namespace motcua::ui
