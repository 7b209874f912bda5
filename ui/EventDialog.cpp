// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EventDialog.h"

#include "core/Clock.h"
#include "core/citizen/CitizenId.h"
#include "ui/ScanDetector.h"
#include "ui/Texts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace motcua::ui {

bool EventDialog::needsInput(EventType type)
{
    switch (type) {
    case EventType::SupplementRequested:
    case EventType::Transferred:
    case EventType::Extended:
    case EventType::Stopped:
    case EventType::Withdrawn:
    case EventType::Returned:
    case EventType::Note:
    case EventType::Fee:
    case EventType::Refused:
    case EventType::ConflictResolved:
        return true;
    default:
        return false;
    }
}

EventDialog::EventDialog(EventType type, const DossierState &dossier, QWidget *parent) :
    QDialog(parent), m_type(type), m_currentDue(dossier.dueAt)
{
    setWindowTitle(tr("%1 — %2").arg(texts::event(type), dossier.code));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    switch (type) {
    case EventType::Transferred:
        m_agencyLineEdit = new QLineEdit(this);
        form->addRow(tr("To the agency:"), m_agencyLineEdit);
        break;
    case EventType::Extended:
        m_newDueEdit = new QDateTimeEdit(this);
        m_newDueEdit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
        {
            // Edited as Vietnam wall time, whatever the machine's zone.
            const QDateTime start =
                (dossier.dueAt.isValid() ? dossier.dueAt : Clock::now()).addDays(3).toTimeZone(vietnamTimeZone());
            m_newDueEdit->setDateTime(QDateTime(start.date(), start.time()));
        }
        m_newDueEdit->setCalendarPopup(true);
        form->addRow(tr("New appointment:"), m_newDueEdit);
        m_reasonLineEdit = new QLineEdit(this);
        form->addRow(tr("Reason for the delay:"), m_reasonLineEdit);
        break;
    case EventType::Returned: {
        m_receiverNameLineEdit = new QLineEdit(dossier.applicant.value(QStringLiteral("full_name")).toString(), this);
        m_receiverIdLineEdit = new QLineEdit(dossier.applicant.value(QStringLiteral("id_number")).toString(), this);
        m_relationComboBox = new QComboBox(this);
        m_relationComboBox->addItem(tr("the applicant"), QStringLiteral("self"));
        m_relationComboBox->addItem(tr("authorised representative"), QStringLiteral("representative"));
        m_relationComboBox->addItem(tr("other (see note)"), QStringLiteral("other"));
        m_identityCheckBox = new QCheckBox(tr("I checked the receiver's ID card against these details"), this);
        form->addRow(tr("Received by:"), m_receiverNameLineEdit);
        form->addRow(tr("Their ID number:"), m_receiverIdLineEdit);
        form->addRow(tr("Relation:"), m_relationComboBox);
        form->addRow(QString(), m_identityCheckBox);
        auto *hint = new QLabel(tr("Scanning the receiver's ID card fills the name and number."), this);
        hint->setWordWrap(true);
        form->addRow(QString(), hint);
        auto *scan = new ScanDetector(this);
        connect(scan, &ScanDetector::scanned, this, &EventDialog::fillFromScan);
        break;
    }
    case EventType::Fee:
        m_amountSpinBox = new QSpinBox(this);
        m_amountSpinBox->setRange(0, 2000000000);
        m_amountSpinBox->setSingleStep(1000);
        m_amountSpinBox->setGroupSeparatorShown(true);
        m_amountSpinBox->setSuffix(QStringLiteral(" ₫"));
        form->addRow(tr("Amount:"), m_amountSpinBox);
        m_reasonLineEdit = new QLineEdit(this);
        form->addRow(tr("Note:"), m_reasonLineEdit);
        break;
    case EventType::Note:
        m_reasonLineEdit = new QLineEdit(this);
        form->addRow(tr("Note:"), m_reasonLineEdit);
        break;
    case EventType::ConflictResolved:
        m_reasonLineEdit = new QLineEdit(this);
        form->addRow(tr("Decision:"), m_reasonLineEdit);
        break;
    default:
        m_reasonLineEdit = new QLineEdit(this);
        form->addRow(tr("Reason:"), m_reasonLineEdit);
        break;
    }
    m_problemLabel = new QLabel(this);
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { color: #a01010; }"));
    m_problemLabel->setWordWrap(true);
    layout->addWidget(m_problemLabel);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &EventDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

EventDialog::~EventDialog() = default;

QDateTime EventDialog::newDue() const
{
    const QDateTime wall = m_newDueEdit->dateTime();
    return QDateTime(wall.date(), wall.time(), vietnamTimeZone());
}

void EventDialog::fillFromScan(const QString &text)
{
    auto id = citizen::parseCccdQr(text);
    if (!id) {
        m_problemLabel->setText(tr("The scanned ID card could not be read: %1").arg(id.error().message));
        return;
    }
    m_receiverNameLineEdit->setText(id->fullName);
    m_receiverIdLineEdit->setText(id->idNumber);
    m_problemLabel->clear();
}

QJsonObject EventDialog::payload() const
{
    QJsonObject p;
    switch (m_type) {
    case EventType::Transferred:
        p.insert(QStringLiteral("agency"), m_agencyLineEdit->text().trimmed());
        break;
    case EventType::Extended:
        p.insert(QStringLiteral("new_due_at"), newDue().toUTC().toString(Qt::ISODate));
        p.insert(QStringLiteral("reason"), m_reasonLineEdit->text().trimmed());
        break;
    case EventType::Returned:
        p.insert(QStringLiteral("receiver"),
                 QJsonObject{{QStringLiteral("full_name"), m_receiverNameLineEdit->text().trimmed()},
                             {QStringLiteral("id_number"), m_receiverIdLineEdit->text().trimmed()},
                             {QStringLiteral("relation"), m_relationComboBox->currentData().toString()}});
        p.insert(QStringLiteral("identity_checked"), m_identityCheckBox->isChecked());
        break;
    case EventType::Fee:
        p.insert(QStringLiteral("amount_vnd"), m_amountSpinBox->value());
        p.insert(QStringLiteral("note"), m_reasonLineEdit->text().trimmed());
        break;
    case EventType::Note:
        p.insert(QStringLiteral("text"), m_reasonLineEdit->text().trimmed());
        break;
    case EventType::ConflictResolved:
        p.insert(QStringLiteral("note"), m_reasonLineEdit->text().trimmed());
        break;
    default:
        p.insert(QStringLiteral("reason"), m_reasonLineEdit->text().trimmed());
        break;
    }
    return p;
}

void EventDialog::accept()
{
    QString problem;
    if (m_reasonLineEdit && m_reasonLineEdit->text().trimmed().isEmpty() && m_type != EventType::Fee)
        problem = m_type == EventType::Note ? tr("Type the note.") : tr("Type the reason.");
    if (m_agencyLineEdit && m_agencyLineEdit->text().trimmed().isEmpty())
        problem = tr("Type the agency the dossier goes to.");
    if (m_newDueEdit && m_currentDue.isValid() && newDue() <= m_currentDue)
        problem = tr("The new appointment must be later than the current one (%1).").arg(texts::moment(m_currentDue));
    if (m_receiverNameLineEdit && m_receiverNameLineEdit->text().trimmed().isEmpty())
        problem = tr("Type who receives the result.");
    if (m_identityCheckBox && !m_identityCheckBox->isChecked())
        problem = tr("Check the receiver's ID card, then tick the box.");
    if (!problem.isEmpty()) {
        m_problemLabel->setText(problem);
        return;
    }
    QDialog::accept();
}

}  // namespace motcua::ui
