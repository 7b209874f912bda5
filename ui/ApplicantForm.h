#pragma once

#include "core/citizen/CitizenId.h"

#include <QDate>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace motcua::ui {

// The applicant's fields, validated as they are typed (ID number structure against birth date and gender, phone,
// e-mail), with messages under the form; a CCCD scan fills them. Also the optional authorised representative.
class ApplicantForm final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplicantForm)

public:
    explicit ApplicantForm(QWidget *parent = nullptr);
    ~ApplicantForm() override;

    void fill(const citizen::CitizenId &id);
    void clear();
    // The problems of what is typed now, translated; empty when the applicant can be saved.
    [[nodiscard]] QStringList problems() const;
    // Keys of `cccd parse --json` plus phone and email; empty fields are left out.
    [[nodiscard]] QJsonObject applicant() const;
    [[nodiscard]] QJsonObject representative() const;  // empty when none

    [[nodiscard]] QLineEdit *idNumberLineEdit() const { return m_idNumberLineEdit; }
    [[nodiscard]] QLineEdit *fullNameLineEdit() const { return m_fullNameLineEdit; }
    [[nodiscard]] QLineEdit *birthDateLineEdit() const { return m_birthDateLineEdit; }
    [[nodiscard]] QComboBox *genderComboBox() const { return m_genderComboBox; }
    [[nodiscard]] QLineEdit *addressLineEdit() const { return m_addressLineEdit; }
    [[nodiscard]] QLineEdit *phoneLineEdit() const { return m_phoneLineEdit; }
    [[nodiscard]] QLineEdit *emailLineEdit() const { return m_emailLineEdit; }
    [[nodiscard]] QLabel *problemsLabel() const { return m_problemsLabel; }
    [[nodiscard]] QGroupBox *representativeGroupBox() const { return m_representativeGroupBox; }

    // dd/MM/yyyy (or d/M/yyyy, ddMMyyyy) as typed; invalid when it is not a date.
    static QDate parseDate(const QString &text);
    static QString normalizedPhone(const QString &text);

Q_SIGNALS:
    void changed();

private:
    void validate();

    QLineEdit *m_idNumberLineEdit = nullptr;
    QLineEdit *m_oldIdLineEdit = nullptr;
    QLineEdit *m_fullNameLineEdit = nullptr;
    QLineEdit *m_birthDateLineEdit = nullptr;
    QComboBox *m_genderComboBox = nullptr;
    QLineEdit *m_addressLineEdit = nullptr;
    QLineEdit *m_phoneLineEdit = nullptr;
    QLineEdit *m_emailLineEdit = nullptr;
    QGroupBox *m_representativeGroupBox = nullptr;
    QLineEdit *m_repNameLineEdit = nullptr;
    QLineEdit *m_repIdLineEdit = nullptr;
    QLineEdit *m_repPhoneLineEdit = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QDate m_issueDate;
};

}  // namespace motcua::ui
