// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ApplicantForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace motcua::ui {

namespace {

void mark(QWidget *widget, bool bad)
{
    if (!widget)
        return;
    widget->setStyleSheet(
        bad ? QStringLiteral("%1 { background: #fdecea; }").arg(QString::fromLatin1(widget->metaObject()->className()))
            : QString());
}

void limit(QLineEdit *edit, ApplicantField field)
{
    edit->setMaxLength(applicantFieldMaxLength(field));
}

}  // namespace

ApplicantForm::ApplicantForm(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    buildApplicantGroup();
    buildRepresentativeGroup();

    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("applicantProblemsLabel"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setStyleSheet(QStringLiteral("QLabel { color: #a01010; }"));
    layout->addWidget(m_problemsLabel);

    for (QLineEdit *e : {m_idNumberLineEdit, m_oldIdLineEdit, m_fullNameLineEdit, m_birthDateLineEdit, m_phoneLineEdit,
                         m_emailLineEdit, m_repIdLineEdit, m_repNameLineEdit, m_repPhoneLineEdit, m_addressLineEdit})
        connect(e, &QLineEdit::textChanged, this, &ApplicantForm::validate);
    connect(m_genderComboBox, &QComboBox::currentIndexChanged, this, &ApplicantForm::validate);
    connect(m_representativeGroupBox, &QGroupBox::toggled, this, &ApplicantForm::validate);
}

void ApplicantForm::buildApplicantGroup()
{
    auto *group = new QGroupBox(tr("Applicant (scan the ID card anywhere on this page)"), this);
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_idNumberLineEdit = new QLineEdit(group);
    m_idNumberLineEdit->setObjectName(QStringLiteral("idNumberLineEdit"));
    m_idNumberLineEdit->setMaxLength(12);
    m_idNumberLineEdit->setPlaceholderText(tr("12 digits"));
    m_idNumberLineEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,12}")), m_idNumberLineEdit));
    m_oldIdLineEdit = new QLineEdit(group);
    m_oldIdLineEdit->setObjectName(QStringLiteral("oldIdLineEdit"));
    m_oldIdLineEdit->setMaxLength(12);
    m_fullNameLineEdit = new QLineEdit(group);
    m_fullNameLineEdit->setObjectName(QStringLiteral("fullNameLineEdit"));
    limit(m_fullNameLineEdit, ApplicantField::FullName);
    m_birthDateLineEdit = new QLineEdit(group);
    m_birthDateLineEdit->setObjectName(QStringLiteral("birthDateLineEdit"));
    m_birthDateLineEdit->setPlaceholderText(tr("dd/mm/yyyy"));
    m_genderComboBox = new QComboBox(group);
    m_genderComboBox->addItem(QString(), QString());
    m_genderComboBox->addItem(tr("Male"), QStringLiteral("Nam"));
    m_genderComboBox->addItem(tr("Female"), QStringLiteral("Nữ"));
    m_addressLineEdit = new QLineEdit(group);
    m_addressLineEdit->setObjectName(QStringLiteral("addressLineEdit"));
    limit(m_addressLineEdit, ApplicantField::Address);
    m_phoneLineEdit = new QLineEdit(group);
    m_phoneLineEdit->setObjectName(QStringLiteral("phoneLineEdit"));
    m_emailLineEdit = new QLineEdit(group);
    m_emailLineEdit->setObjectName(QStringLiteral("emailLineEdit"));
    limit(m_emailLineEdit, ApplicantField::Email);
    form->addRow(tr("&ID number:"), m_idNumberLineEdit);
    form->addRow(tr("Old ID (CMND):"), m_oldIdLineEdit);
    form->addRow(tr("Full &name:"), m_fullNameLineEdit);
    auto *birthRow = new QHBoxLayout;
    birthRow->addWidget(m_birthDateLineEdit, 1);
    birthRow->addWidget(new QLabel(tr("Gender:"), group));
    birthRow->addWidget(m_genderComboBox);
    auto *birthLabel = new QLabel(tr("&Birth date:"), group);
    birthLabel->setBuddy(m_birthDateLineEdit);
    form->addRow(birthLabel, birthRow);
    form->addRow(tr("&Address:"), m_addressLineEdit);
    auto *contactRow = new QHBoxLayout;
    contactRow->addWidget(m_phoneLineEdit, 1);
    contactRow->addWidget(new QLabel(tr("E-mail:"), group));
    contactRow->addWidget(m_emailLineEdit, 2);
    auto *phoneLabel = new QLabel(tr("P&hone:"), group);
    phoneLabel->setBuddy(m_phoneLineEdit);
    form->addRow(phoneLabel, contactRow);
    layout()->addWidget(group);
}

void ApplicantForm::buildRepresentativeGroup()
{
    m_representativeGroupBox = new QGroupBox(tr("Authorised &representative"), this);
    m_representativeGroupBox->setCheckable(true);
    m_representativeGroupBox->setChecked(false);
    auto *repForm = new QHBoxLayout(m_representativeGroupBox);
    m_repNameLineEdit = new QLineEdit(m_representativeGroupBox);
    m_repNameLineEdit->setPlaceholderText(tr("Full name"));
    limit(m_repNameLineEdit, ApplicantField::RepresentativeName);
    m_repIdLineEdit = new QLineEdit(m_representativeGroupBox);
    m_repIdLineEdit->setPlaceholderText(tr("ID number"));
    limit(m_repIdLineEdit, ApplicantField::RepresentativeIdNumber);
    m_repPhoneLineEdit = new QLineEdit(m_representativeGroupBox);
    m_repPhoneLineEdit->setPlaceholderText(tr("Phone"));
    repForm->addWidget(m_repNameLineEdit, 2);
    repForm->addWidget(m_repIdLineEdit, 1);
    repForm->addWidget(m_repPhoneLineEdit, 1);
    layout()->addWidget(m_representativeGroupBox);
}

ApplicantForm::~ApplicantForm() = default;

void ApplicantForm::fill(const citizen::CitizenId &id)
{
    m_idNumberLineEdit->setText(id.idNumber);
    m_oldIdLineEdit->setText(id.oldIdNumber);
    m_fullNameLineEdit->setText(id.fullName);
    m_birthDateLineEdit->setText(id.birthDate.toString(QStringLiteral("dd/MM/yyyy")));
    m_genderComboBox->setCurrentIndex(id.gender == citizen::Gender::Male ? 1 : 2);
    m_addressLineEdit->setText(id.address);
    m_issueDate = id.issueDate;
    validate();
}

void ApplicantForm::clear()
{
    for (QLineEdit *e :
         {m_idNumberLineEdit, m_oldIdLineEdit, m_fullNameLineEdit, m_birthDateLineEdit, m_addressLineEdit,
          m_phoneLineEdit, m_emailLineEdit, m_repNameLineEdit, m_repIdLineEdit, m_repPhoneLineEdit})
        e->clear();
    m_genderComboBox->setCurrentIndex(0);
    m_representativeGroupBox->setChecked(false);
    m_issueDate = QDate();
    validate();
}

ApplicantFields ApplicantForm::fields() const
{
    ApplicantFields a;
    a.idNumber = m_idNumberLineEdit->text();
    a.oldIdNumber = m_oldIdLineEdit->text();
    a.fullName = m_fullNameLineEdit->text();
    a.birthDate = m_birthDateLineEdit->text();
    a.gender = m_genderComboBox->currentData().toString();
    a.address = m_addressLineEdit->text();
    if (m_issueDate.isValid())
        a.issueDate = m_issueDate.toString(Qt::ISODate);
    a.phone = m_phoneLineEdit->text();
    a.email = m_emailLineEdit->text();
    return a;
}

RepresentativeFields ApplicantForm::representativeFields() const
{
    RepresentativeFields r;
    r.present = m_representativeGroupBox->isChecked();
    if (r.present) {
        r.fullName = m_repNameLineEdit->text();
        r.idNumber = m_repIdLineEdit->text();
        r.phone = m_repPhoneLineEdit->text();
    }
    return r;
}

QList<ApplicantProblem> ApplicantForm::problems() const
{
    return checkApplicant(fields(), representativeFields());
}

QJsonObject ApplicantForm::applicant() const
{
    return applicantJson(fields());
}

QJsonObject ApplicantForm::representative() const
{
    return representativeJson(representativeFields());
}

QWidget *ApplicantForm::fieldWidget(ApplicantField field) const
{
    switch (field) {
    case ApplicantField::IdNumber:
        return m_idNumberLineEdit;
    case ApplicantField::OldIdNumber:
        return m_oldIdLineEdit;
    case ApplicantField::FullName:
        return m_fullNameLineEdit;
    case ApplicantField::BirthDate:
        return m_birthDateLineEdit;
    case ApplicantField::Gender:
        return m_genderComboBox;
    case ApplicantField::Address:
        return m_addressLineEdit;
    case ApplicantField::Phone:
        return m_phoneLineEdit;
    case ApplicantField::Email:
        return m_emailLineEdit;
    case ApplicantField::RepresentativeName:
        return m_repNameLineEdit;
    case ApplicantField::RepresentativeIdNumber:
        return m_repIdLineEdit;
    case ApplicantField::RepresentativePhone:
        return m_repPhoneLineEdit;
    case ApplicantField::IssueDate:
    case ApplicantField::Unknown:
        break;
    }
    return nullptr;
}

bool ApplicantForm::isMarked(ApplicantField field) const
{
    return m_marked.contains(field);
}

bool ApplicantForm::stillTyping(ApplicantField field) const
{
    switch (field) {
    case ApplicantField::IdNumber:
        return m_idNumberLineEdit->text().trimmed().size() < 12;
    case ApplicantField::BirthDate:
        return m_birthDateLineEdit->text().trimmed().size() < 8;
    case ApplicantField::Phone:
        return normalizedPhone(m_phoneLineEdit->text()).size() < 10;
    default:
        return false;
    }
}

void ApplicantForm::validate()
{
    QStringList messages;
    m_marked.clear();
    for (const ApplicantProblem &p : problems()) {
        // A missing name is asked for when saving, not while the form is being filled in.
        if (p.field == ApplicantField::FullName && p.code == ApplicantProblemCode::Required)
            continue;
        messages << p.message;
        if (!stillTyping(p.field) && !m_marked.contains(p.field))
            m_marked << p.field;
    }
    m_problemsLabel->setText(messages.join(QLatin1Char('\n')));
    for (ApplicantField f : {ApplicantField::IdNumber, ApplicantField::OldIdNumber, ApplicantField::FullName,
                             ApplicantField::BirthDate, ApplicantField::Gender, ApplicantField::Address,
                             ApplicantField::Phone, ApplicantField::Email, ApplicantField::RepresentativeName,
                             ApplicantField::RepresentativeIdNumber, ApplicantField::RepresentativePhone})
        mark(fieldWidget(f), m_marked.contains(f));
    Q_EMIT changed();
}

}  // namespace motcua::ui
