// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SettingsDialog.h"

#include "core/calendar/WorkingCalendar.h"
#include "core/store/AuditLog.h"
#include "core/store/SettingsStore.h"
#include "ui/AppSettings.h"
#include "ui/CounterContext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPrinterInfo>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace motcua::ui {

SettingsDialog::SettingsDialog(CounterContext &context, QWidget *parent) : QDialog(parent), m_context(context)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs);
    tabs->addTab(createPrintingTab(tabs), tr("Printing"));
    tabs->addTab(createComputerTab(tabs), tr("This computer"));
    tabs->addTab(createUnitTab(tabs), tr("Unit"));

    m_problemLabel = new QLabel(this);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { color: #a01010; }"));
    layout->addWidget(m_problemLabel);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 480);
}

// The printer and paper of each form, preview or direct printing.
QWidget *SettingsDialog::createPrintingTab(QWidget *tabs)
{
    auto *printing = new QWidget(tabs);
    auto *printLayout = new QVBoxLayout(printing);
    m_previewRadioButton = new QRadioButton(tr("Preview before printing (and save as PDF from the preview)"), printing);
    m_directRadioButton = new QRadioButton(tr("Print directly to the form's printer"), printing);
    (AppSettings::printMode() == AppSettings::PrintMode::Preview ? m_previewRadioButton : m_directRadioButton)
        ->setChecked(true);
    printLayout->addWidget(m_previewRadioButton);
    printLayout->addWidget(m_directRadioButton);
    const QStringList printers = QPrinterInfo::availablePrinterNames();
    auto *grid = createPrinterGrid(printing, printers);
    printLayout->addLayout(grid);
    if (printers.isEmpty()) {
        auto *none = new QLabel(tr("No printer is installed on this computer: forms open in the preview, where they "
                                   "can be saved as PDF."),
                                printing);
        none->setWordWrap(true);
        printLayout->addWidget(none);
    }
    printLayout->addStretch(1);
    return printing;
}

QGridLayout *SettingsDialog::createPrinterGrid(QWidget *printing, const QStringList &printers)
{
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Form</b>"), printing), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Printer</b>"), printing), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Paper</b>"), printing), 0, 2);
    const QStringList formNames = {tr("01 Receipt and appointment"),
                                   tr("02 Supplement request"),
                                   tr("03 Refusal"),
                                   tr("04 Apology and new date"),
                                   tr("05 Stop notice"),
                                   tr("06 Control sheet"),
                                   tr("07 Register")};
    int row = 1;
    for (const QString &form : AppSettings::forms()) {
        grid->addWidget(new QLabel(formNames.value(row - 1), printing), row, 0);
        auto *printer = new QComboBox(printing);
        printer->addItem(tr("System default printer"), QString());
        for (const QString &p : printers)
            printer->addItem(p, p);
        const QString chosen = AppSettings::printerFor(form);
        if (!chosen.isEmpty() && printer->findData(chosen) < 0)
            printer->addItem(tr("%1 (not available)").arg(chosen), chosen);
        printer->setCurrentIndex(qMax(0, printer->findData(chosen)));
        auto *paper = new QComboBox(printing);
        paper->addItem(tr("A4"), QStringLiteral("a4"));
        if (form != QStringLiteral("07"))
            paper->addItem(tr("A5"), QStringLiteral("a5"));
        if (form == QStringLiteral("01"))
            paper->addItem(tr("80 mm receipt"), QStringLiteral("receipt80"));
        paper->setCurrentIndex(qMax(0, paper->findData(AppSettings::paperName(AppSettings::paperFor(form)))));
        grid->addWidget(printer, row, 1);
        grid->addWidget(paper, row, 2);
        m_printerComboBoxes.insert(form, printer);
        m_paperComboBoxes.insert(form, paper);
        ++row;
    }
    return grid;
}

// The language (next start) and the idle lock.
QWidget *SettingsDialog::createComputerTab(QWidget *tabs)
{
    auto *general = new QWidget(tabs);
    auto *generalForm = new QFormLayout(general);
    m_languageComboBox = new QComboBox(general);
    m_languageComboBox->addItem(QStringLiteral("Tiếng Việt"), QStringLiteral("vi"));
    m_languageComboBox->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_languageComboBox->setCurrentIndex(qMax(0, m_languageComboBox->findData(AppSettings::language())));
    m_idleSpinBox = new QSpinBox(general);
    m_idleSpinBox->setRange(0, 240);
    m_idleSpinBox->setSpecialValueText(tr("never"));
    m_idleSpinBox->setSuffix(tr(" min"));
    m_idleSpinBox->setValue(AppSettings::idleLockMinutes());
    generalForm->addRow(tr("Language (applies at the next start):"), m_languageComboBox);
    generalForm->addRow(tr("Lock the screen after this long without use:"), m_idleSpinBox);
    return general;
}

// The working hours and the unit's names printed on the forms, kept in the store (admins).
QWidget *SettingsDialog::createUnitTab(QWidget *tabs)
{
    auto *unit = new QWidget(tabs);
    auto *unitForm = new QFormLayout(unit);
    m_workingHoursLineEdit =
        new QLineEdit(WorkingCalendar::workingHoursText(m_context.calendar().workingHours()), unit);
    unitForm->addRow(tr("Working hours:"), m_workingHoursLineEdit);
    using Key = SettingsStore::Key;
    const QList<std::pair<Key, QString>> keys = {{Key::ParentAgency, tr("Parent agency (form header):")},
                                                 {Key::CenterName, tr("Center name (form header):")},
                                                 {Key::PlaceName, tr("Place name (\"…, ngày …\"):")},
                                                 {Key::LookupUrl, tr("Public look-up link (QR code):")}};
    const SettingsStore settings(m_context.store());
    for (const auto &[key, label] : keys) {
        auto value = settings.stored(key);
        auto *edit = new QLineEdit(value && *value ? **value : QString(), unit);
        unitForm->addRow(label, edit);
        m_unitLineEdits.insert(SettingsStore::name(key), edit);
    }
    if (!m_context.isAdmin()) {
        unit->setEnabled(false);
        auto *note = new QLabel(tr("Only the unit's admin can change these."), unit);
        unitForm->addRow(note);
    }
    return unit;
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::accept()
{
    if (m_context.isAdmin()) {
        auto hours = WorkingCalendar::parseWorkingHours(m_workingHoursLineEdit->text().trimmed());
        if (!hours) {
            m_problemLabel->setText(
                tr("Working hours: %1 Write them like 07:00-11:30,13:30-17:00.").arg(hours.error().message));
            return;
        }
        const Actor actor{m_context.officer().login, m_context.identity().counterId};
        auto written = m_context.store().write([&](const QSqlDatabase &db) -> Result<void> {
            if (auto r =
                    SettingsStore::set(db, SettingsStore::Key::WorkingHours, WorkingCalendar::workingHoursText(*hours));
                !r)
                return r;
            for (auto it = m_unitLineEdits.cbegin(); it != m_unitLineEdits.cend(); ++it) {
                if (auto r = SettingsStore::set(db, *SettingsStore::keyNamed(it.key()), it.value()->text().trimmed());
                    !r)
                    return r;
            }
            if (auto a = AuditLog::append(db, actor, {QStringLiteral("settings.update"), QStringLiteral("unit"), {}});
                !a)
                return a.error();
            return {};
        });
        if (!written) {
            m_problemLabel->setText(
                tr("The unit's settings were not saved: %1 Try again in a moment.").arg(written.error().message));
            return;
        }
    }
    AppSettings::setPrintMode(m_directRadioButton->isChecked() ? AppSettings::PrintMode::Direct
                                                               : AppSettings::PrintMode::Preview);
    for (const QString &form : AppSettings::forms()) {
        AppSettings::setPrinterFor(form, m_printerComboBoxes.value(form)->currentData().toString());
        AppSettings::setPaperFor(form,
                                 AppSettings::paperFromName(m_paperComboBoxes.value(form)->currentData().toString()));
    }
    AppSettings::setLanguage(m_languageComboBox->currentData().toString());
    AppSettings::setIdleLockMinutes(m_idleSpinBox->value());
    Q_EMIT saved();
    QDialog::accept();
}

}  // namespace motcua::ui
