// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/citizen/CitizenId.h"
#include "core/dossier/ApplicantCheck.h"

#include <QDate>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace motcua::ui {

// The applicant's fields, checked as they are typed by core's checkApplicant() (ID number against birth date and
// gender, phone, e-mail, lengths), with the messages under the form and the fields concerned marked; a CCCD scan
// fills them. Also the optional authorised representative.
class ApplicantForm final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplicantForm)

public:
    explicit ApplicantForm(QWidget *parent = nullptr);
    ~ApplicantForm() override;

    void fill(const citizen::CitizenId &id);
    void clear();
    [[nodiscard]] ApplicantFields fields() const;
    [[nodiscard]] RepresentativeFields representativeFields() const;
    // The problems of what is typed now (a missing name too); empty when the applicant can be saved.
    [[nodiscard]] QList<ApplicantProblem> problems() const;
    // The stored form (applicantJson()): keys of `cccd parse --json` plus phone and email, empty fields left out.
    [[nodiscard]] QJsonObject applicant() const;
    [[nodiscard]] QJsonObject representative() const;  // empty when none
    // The widget where `field` is typed; nullptr for a field the form does not show (the scanned issue date).
    [[nodiscard]] QWidget *fieldWidget(ApplicantField field) const;
    // Whether `field` is marked as having a problem.
    [[nodiscard]] bool isMarked(ApplicantField field) const;

    [[nodiscard]] QLineEdit *idNumberLineEdit() const { return m_idNumberLineEdit; }
    [[nodiscard]] QLineEdit *fullNameLineEdit() const { return m_fullNameLineEdit; }
    [[nodiscard]] QLineEdit *birthDateLineEdit() const { return m_birthDateLineEdit; }
    [[nodiscard]] QComboBox *genderComboBox() const { return m_genderComboBox; }
    [[nodiscard]] QLineEdit *addressLineEdit() const { return m_addressLineEdit; }
    [[nodiscard]] QLineEdit *phoneLineEdit() const { return m_phoneLineEdit; }
    [[nodiscard]] QLineEdit *emailLineEdit() const { return m_emailLineEdit; }
    [[nodiscard]] QLabel *problemsLabel() const { return m_problemsLabel; }
    [[nodiscard]] QGroupBox *representativeGroupBox() const { return m_representativeGroupBox; }

Q_SIGNALS:
    void changed();

private:
    void buildApplicantGroup();
    void buildRepresentativeGroup();
    void validate();
    // True while `field` is still being typed (too short to judge): listed under the form but not marked yet.
    [[nodiscard]] bool stillTyping(ApplicantField field) const;

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
    QList<ApplicantField> m_marked;
};

}  // namespace motcua::ui
