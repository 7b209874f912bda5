// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QMap>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace motcua::ui {

class CounterContext;

// Settings: the printer and paper of each form, preview or direct printing, the language (next start) and the idle
// lock; for the unit's admin also the working hours and the unit's names printed on the forms (kept in the store).
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(CounterContext &context, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;
    [[nodiscard]] QLineEdit *workingHoursLineEdit() const { return m_workingHoursLineEdit; }
    [[nodiscard]] QLineEdit *unitLineEdit(const QString &key) const { return m_unitLineEdits.value(key); }
    [[nodiscard]] QSpinBox *idleSpinBox() const { return m_idleSpinBox; }
    [[nodiscard]] QLabel *problemLabel() const { return m_problemLabel; }

Q_SIGNALS:
    void saved();

private:
    QWidget *createPrintingTab(QWidget *tabs);
    QGridLayout *createPrinterGrid(QWidget *printing, const QStringList &printers);
    QWidget *createComputerTab(QWidget *tabs);
    QWidget *createUnitTab(QWidget *tabs);

    CounterContext &m_context;
    QRadioButton *m_previewRadioButton = nullptr;
    QRadioButton *m_directRadioButton = nullptr;
    QMap<QString, QComboBox *> m_printerComboBoxes;
    QMap<QString, QComboBox *> m_paperComboBoxes;
    QComboBox *m_languageComboBox = nullptr;
    QSpinBox *m_idleSpinBox = nullptr;
    QLineEdit *m_workingHoursLineEdit = nullptr;
    QMap<QString, QLineEdit *> m_unitLineEdits;
    QLabel *m_problemLabel = nullptr;
};

}  // namespace motcua::ui
