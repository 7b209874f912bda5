// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dossier/Dossier.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace motcua::ui {

class ScanDetector;

// Asks for what one lifecycle step needs (a reason, the agency, the new due date, who receives the result and
// that their identity was checked …) and builds the event's payload. Opened with open(), never exec().
class EventDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventDialog)

public:
    EventDialog(EventType type, const DossierState &dossier, QWidget *parent = nullptr);
    ~EventDialog() override;

    [[nodiscard]] EventType type() const { return m_type; }
    [[nodiscard]] QJsonObject payload() const;
    // Whether this step needs the dialog at all (appraise, result ready … do not).
    static bool needsInput(EventType type);

    void accept() override;

private:
    void fillFromScan(const QString &text);
    [[nodiscard]] QDateTime newDue() const;

    EventType m_type;
    QLineEdit *m_reasonLineEdit = nullptr;
    QLineEdit *m_agencyLineEdit = nullptr;
    QDateTimeEdit *m_newDueEdit = nullptr;
    QSpinBox *m_amountSpinBox = nullptr;
    QLineEdit *m_receiverNameLineEdit = nullptr;
    QLineEdit *m_receiverIdLineEdit = nullptr;
    QComboBox *m_relationComboBox = nullptr;
    QCheckBox *m_identityCheckBox = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDateTime m_currentDue;
};

}  // namespace motcua::ui
