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

const QString kOkStyle;
const QString kBadStyle = QStringLiteral("QLineEdit { background: #fdecea; }");

void mark(QLineEdit *edit, bool bad)
{
    edit->setStyleSheet(bad ? kBadStyle : kOkStyle);
}

}  // namespace

ApplicantForm::ApplicantForm(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
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
    m_fullNameLineEdit = new QLineEdit(group);
    m_fullNameLineEdit->setObjectName(QStringLiteral("fullNameLineEdit"));
    m_birthDateLineEdit = new QLineEdit(group);
    m_birthDateLineEdit->setObjectName(QStringLiteral("birthDateLineEdit"));
    m_birthDateLineEdit->setPlaceholderText(tr("dd/mm/yyyy"));
    m_genderComboBox = new QComboBox(group);
    m_genderComboBox->addItem(QString(), QString());
    m_genderComboBox->addItem(tr("Male"), QStringLiteral("Nam"));
    m_genderComboBox->addItem(tr("Female"), QStringLiteral("Nữ"));
    m_addressLineEdit = new QLineEdit(group);
    m_addressLineEdit->setObjectName(QStringLiteral("addressLineEdit"));
    m_phoneLineEdit = new QLineEdit(group);
    m_phoneLineEdit->setObjectName(QStringLiteral("phoneLineEdit"));
    m_emailLineEdit = new QLineEdit(group);
    m_emailLineEdit->setObjectName(QStringLiteral("emailLineEdit"));
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
    layout->addWidget(group);

    m_representativeGroupBox = new QGroupBox(tr("Authorised &representative"), this);
    m_representativeGroupBox->setCheckable(true);
    m_representativeGroupBox->setChecked(false);
    auto *repForm = new QHBoxLayout(m_representativeGroupBox);
    m_repNameLineEdit = new QLineEdit(m_representativeGroupBox);
    m_repNameLineEdit->setPlaceholderText(tr("Full name"));
    m_repIdLineEdit = new QLineEdit(m_representativeGroupBox);
    m_repIdLineEdit->setPlaceholderText(tr("ID number"));
    m_repPhoneLineEdit = new QLineEdit(m_representativeGroupBox);
    m_repPhoneLineEdit->setPlaceholderText(tr("Phone"));
    repForm->addWidget(m_repNameLineEdit, 2);
    repForm->addWidget(m_repIdLineEdit, 1);
    repForm->addWidget(m_repPhoneLineEdit, 1);
    layout->addWidget(m_representativeGroupBox);

    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("applicantProblemsLabel"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setStyleSheet(QStringLiteral("QLabel { color: #a01010; }"));
    layout->addWidget(m_problemsLabel);

    for (QLineEdit *e : {m_idNumberLineEdit, m_fullNameLineEdit, m_birthDateLineEdit, m_phoneLineEdit, m_emailLineEdit,
                         m_repIdLineEdit, m_repNameLineEdit, m_addressLineEdit})
        connect(e, &QLineEdit::textChanged, this, &ApplicantForm::validate);
    connect(m_genderComboBox, &QComboBox::currentIndexChanged, this, &ApplicantForm::validate);
    connect(m_representativeGroupBox, &QGroupBox::toggled, this, &ApplicantForm::validate);
}

ApplicantForm::~ApplicantForm() = default;

QDate ApplicantForm::parseDate(const QString &text)
{
    const QString t = text.trimmed();
    for (const QString &format : {QStringLiteral("dd/MM/yyyy"), QStringLiteral("d/M/yyyy"), QStringLiteral("ddMMyyyy"),
                                  QStringLiteral("yyyy-MM-dd")}) {
        const QDate d = QDate::fromString(t, format);
        if (d.isValid())
            return d;
    }
    return {};
}

QString ApplicantForm::normalizedPhone(const QString &text)
{
    QString p = text;
    p.remove(QLatin1Char(' ')).remove(QLatin1Char('.')).remove(QLatin1Char('-'));
    if (p.startsWith(QStringLiteral("+84")))
        p = QLatin1Char('0') + p.mid(3);
    return p;
}

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

QStringList ApplicantForm::problems() const
{
    QStringList out;
    const QString id = m_idNumberLineEdit->text().trimmed();
    const QString birthText = m_birthDateLineEdit->text().trimmed();
    const QDate birth = parseDate(birthText);
    if (!birthText.isEmpty() && !birth.isValid())
        out << tr("The birth date is not a date like 25/03/1990.");
    if (!id.isEmpty()) {
        std::optional<citizen::Gender> gender;
        if (m_genderComboBox->currentIndex() > 0)
            gender = m_genderComboBox->currentIndex() == 1 ? citizen::Gender::Male : citizen::Gender::Female;
        const QStringList idProblems = citizen::checkIdNumber(id, birth, gender);
        for (const QString &p : idProblems)
            out << tr("ID number: %1").arg(p);
    }
    static const QRegularExpression phone(QStringLiteral("^0[0-9]{9,10}$"));
    const QString p = normalizedPhone(m_phoneLineEdit->text());
    if (!p.isEmpty() && !phone.match(p).hasMatch())
        out << tr("The phone number is not a Vietnamese number like 0912345678.");
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    const QString mail = m_emailLineEdit->text().trimmed();
    if (!mail.isEmpty() && !email.match(mail).hasMatch())
        out << tr("The e-mail address is not like name@example.vn.");
    if (m_representativeGroupBox->isChecked() && m_repNameLineEdit->text().trimmed().isEmpty())
        out << tr("Type the representative's name, or untick the representative.");
    return out;
}

QJsonObject ApplicantForm::applicant() const
{
    QJsonObject a;
    auto put = [&a](const QString &key, const QString &value) {
        if (!value.trimmed().isEmpty())
            a.insert(key, value.trimmed());
    };
    put(QStringLiteral("id_number"), m_idNumberLineEdit->text());
    put(QStringLiteral("old_id_number"), m_oldIdLineEdit->text());
    put(QStringLiteral("full_name"), m_fullNameLineEdit->text());
    const QDate birth = parseDate(m_birthDateLineEdit->text());
    if (birth.isValid())
        a.insert(QStringLiteral("birth_date"), birth.toString(Qt::ISODate));
    put(QStringLiteral("gender"), m_genderComboBox->currentData().toString());
    put(QStringLiteral("address"), m_addressLineEdit->text());
    if (m_issueDate.isValid())
        a.insert(QStringLiteral("issue_date"), m_issueDate.toString(Qt::ISODate));
    put(QStringLiteral("phone"), normalizedPhone(m_phoneLineEdit->text()));
    put(QStringLiteral("email"), m_emailLineEdit->text());
    return a;
}

QJsonObject ApplicantForm::representative() const
{
    if (!m_representativeGroupBox->isChecked())
        return {};
    QJsonObject r;
    r.insert(QStringLiteral("full_name"), m_repNameLineEdit->text().trimmed());
    if (!m_repIdLineEdit->text().trimmed().isEmpty())
        r.insert(QStringLiteral("id_number"), m_repIdLineEdit->text().trimmed());
    if (!m_repPhoneLineEdit->text().trimmed().isEmpty())
        r.insert(QStringLiteral("phone"), normalizedPhone(m_repPhoneLineEdit->text()));
    return r;
}

void ApplicantForm::validate()
{
    const QStringList p = problems();
    m_problemsLabel->setText(p.join(QLatin1Char('\n')));
    const QString id = m_idNumberLineEdit->text().trimmed();
    mark(m_idNumberLineEdit,
         !id.isEmpty() && id.size() == 12 && std::any_of(p.cbegin(), p.cend(), [](const QString &s) {
             return s.startsWith(tr("ID number: %1").arg(QString()));
         }));
    const QString birthText = m_birthDateLineEdit->text().trimmed();
    mark(m_birthDateLineEdit, birthText.size() >= 8 && !parseDate(birthText).isValid());
    static const QRegularExpression phone(QStringLiteral("^0[0-9]{9,10}$"));
    const QString ph = normalizedPhone(m_phoneLineEdit->text());
    mark(m_phoneLineEdit, ph.size() >= 10 && !phone.match(ph).hasMatch());
    Q_EMIT changed();
}

}  // namespace motcua::ui
