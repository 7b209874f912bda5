// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DossierDetail.h"

#include "core/Clock.h"
#include "core/catalog/CatalogStore.h"
#include "core/dossier/DossierStore.h"
#include "ui/CounterContext.h"
#include "ui/EventDialog.h"
#include "ui/FormPrinter.h"
#include "ui/Texts.h"
#include "ui/print/Documents.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace motcua::ui {

namespace {

// The form printed when a step is recorded.
int formOf(EventType type)
{
    switch (type) {
    case EventType::SupplementRequested:
        return 2;
    case EventType::Extended:
        return 4;
    case EventType::Stopped:
        return 5;
    default:
        return 0;
    }
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

}  // namespace

DossierDetail::DossierDetail(CounterContext &context, FormPrinter &printer, QWidget *parent) :
    QWidget(parent), m_context(context), m_printer(printer)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("dossierBrowser"));
    layout->addWidget(m_browser, 1);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("detailMessageLabel"));
    m_messageLabel->setWordWrap(true);
    layout->addWidget(m_messageLabel);

    auto *grid = new QGridLayout;
    grid->setSpacing(4);
    int i = 0;
    addAction(grid, i++, EventType::Transferred, {}, tr("Transfer to agency…"));
    addAction(grid, i++, EventType::ProcessingStep, QStringLiteral("appraise"), tr("Appraised"));
    addAction(grid, i++, EventType::ProcessingStep, QStringLiteral("approve"), tr("Approved"));
    addAction(grid, i++, EventType::ProcessingStep, QStringLiteral("sign"), tr("Signed and stamped"));
    addAction(grid, i++, EventType::ResultReady, {}, tr("Result ready"));
    addAction(grid, i++, EventType::Returned, {}, tr("Return the result…"));
    addAction(grid, i++, EventType::SupplementRequested, {}, tr("Request supplement… (Form 02)"));
    addAction(grid, i++, EventType::Supplemented, {}, tr("Supplement received"));
    addAction(grid, i++, EventType::Extended, {}, tr("Apology and new date… (Form 04)"));
    addAction(grid, i++, EventType::Stopped, {}, tr("Stop… (Form 05)"));
    addAction(grid, i++, EventType::Withdrawn, {}, tr("Withdrawn by the citizen…"));
    addAction(grid, i++, EventType::Refused, {}, tr("Refuse…"));
    addAction(grid, i++, EventType::Note, {}, tr("Note…"));
    addAction(grid, i++, EventType::Fee, {}, tr("Fee…"));
    addAction(grid, i++, EventType::ConflictResolved, {}, tr("Resolve conflict…"));

    m_printButton = new QToolButton(this);
    m_printButton->setText(tr("Print…"));
    m_printButton->setPopupMode(QToolButton::InstantPopup);
    m_printButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_printButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *menu = new QMenu(m_printButton);
    menu->addAction(tr("Reprint Form 01 (receipt and appointment)"), this, [this] { (void)printForm(1, true); });
    menu->addAction(tr("Reprint Form 02 (supplement request)"), this, [this] { (void)printForm(2, true); });
    menu->addAction(tr("Reprint Form 03 (refusal)"), this, [this] { (void)printForm(3, true); });
    menu->addAction(tr("Reprint Form 04 (apology, new date)"), this, [this] { (void)printForm(4, true); });
    menu->addAction(tr("Reprint Form 05 (stop notice)"), this, [this] { (void)printForm(5, true); });
    menu->addAction(tr("Print Form 06 (control sheet)"), this, [this] { (void)printForm(6, false); });
    menu->addSeparator();
    menu->addAction(tr("Save Form 01 as PDF…"), this, [this] {
        auto *dialog = new QFileDialog(window(), tr("Save Form 01 as PDF"), QString(), tr("PDF files (*.pdf)"));
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(QStringLiteral("pdf"));
        dialog->selectFile(m_dossier.code + QStringLiteral(".pdf"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
            auto unit = print::UnitInfo::load(m_context.store(), m_dossier.receivingOfficer);
            if (!unit) {
                showMessage(unit.error().message, true);
                return;
            }
            auto document = print::dossierDocument(1, m_dossier, *unit, print::Paper::A4, false);
            if (!document) {
                showMessage(document.error().message, true);
                return;
            }
            auto saved = m_printer.saveAsPdf({QStringLiteral("01"), m_dossier.code, false, *document}, path);
            showMessage(saved ? tr("Saved %1.").arg(path) : saved.error().message, !saved);
        });
        dialog->open();
    });
    m_printButton->setMenu(menu);
    grid->addWidget(m_printButton, i / 4, i % 4);
    layout->addLayout(grid);
    clear();
}

DossierDetail::~DossierDetail() = default;

void DossierDetail::addAction(QGridLayout *grid, int index, EventType type, const QString &step, const QString &label)
{
    auto *button = new QPushButton(label, this);
    button->setObjectName(QStringLiteral("action_") + eventTypeName(type) + step);
    connect(button, &QPushButton::clicked, this, [this, type, step] { start(type, step); });
    grid->addWidget(button, index / 4, index % 4);
    m_actions.append({type, step, button});
}

QPushButton *DossierDetail::actionButton(EventType type, const QString &step) const
{
    for (const Action &a : m_actions) {
        if (a.type == type && a.step == step)
            return a.button;
    }
    return nullptr;
}

void DossierDetail::clear()
{
    m_loaded = false;
    m_dossier = DossierState();
    m_browser->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Choose a dossier in the list.")));
    m_messageLabel->clear();
    updateActions();
}

bool DossierDetail::showDossier(const QString &code)
{
    auto loaded = DossierStore(m_context.store()).loadByCode(code);
    if (!loaded) {
        clear();
        m_browser->setPlainText(loaded.error().message);
        return false;
    }
    if (m_dossier.code != code)
        m_messageLabel->clear();
    m_dossier = *loaded;
    m_loaded = true;
    m_browser->setHtml(html());
    updateActions();
    return true;
}

void DossierDetail::reload()
{
    if (m_loaded)
        showDossier(m_dossier.code);
}

void DossierDetail::updateActions()
{
    const bool supervisor = m_context.officer().role == QStringLiteral("supervisor") || m_context.isAdmin();
    for (const Action &a : m_actions) {
        bool enabled = m_loaded && transitionAllowed(m_dossier.status, a.type);
        if (a.type == EventType::ConflictResolved)
            enabled = m_loaded && m_dossier.conflict && supervisor;
        a.button->setEnabled(enabled);
        a.button->setVisible(a.type != EventType::ConflictResolved || m_dossier.conflict);
    }
    m_printButton->setEnabled(m_loaded);
}

void DossierDetail::showMessage(const QString &text, bool error)
{
    m_messageLabel->setStyleSheet(error ? QStringLiteral("QLabel { color: #a01010; }")
                                        : QStringLiteral("QLabel { color: #0b5d1e; }"));
    m_messageLabel->setText(text);
}

void DossierDetail::start(EventType type, const QString &step)
{
    if (!m_loaded)
        return;
    if (type == EventType::ProcessingStep) {
        const QString problem = perform(type, {{QStringLiteral("step"), step}});
        if (!problem.isEmpty())
            showMessage(problem, true);
        return;
    }
    if (!EventDialog::needsInput(type)) {
        const QString problem = perform(type, {});
        if (!problem.isEmpty())
            showMessage(problem, true);
        return;
    }
    auto *dialog = new EventDialog(type, m_dossier, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString problem = perform(dialog->type(), dialog->payload());
        if (!problem.isEmpty())
            showMessage(problem, true);
    });
    dialog->open();
}

QString DossierDetail::perform(EventType type, QJsonObject payload)
{
    if (!m_loaded)
        return tr("Choose a dossier first.");
    if (type == EventType::Supplemented && !payload.contains(QStringLiteral("due_at"))) {
        // The legal time restarts from the day the dossier is complete again.
        payload.insert(QStringLiteral("due_at"),
                       m_context.calendar().due(Clock::now(), m_dossier.processing).toUTC().toString(Qt::ISODate));
    }
    const QString code = m_dossier.code;
    auto recorded = m_context.service().record(code, type, payload);
    if (!recorded)
        return recorded.error().message;
    m_context.notifyDossierChanged(code);
    showDossier(code);
    QString message = tr("Recorded: %1.").arg(texts::event(type));
    if (const int form = formOf(type)) {
        const QString printed = printForm(form, false);
        if (!printed.isEmpty())
            return message + QLatin1Char(' ') + printed;
    }
    showMessage(message, false);
    return {};
}

QString DossierDetail::printForm(int form, bool reprint)
{
    if (!m_loaded)
        return tr("Choose a dossier first.");
    auto printed = m_printer.printDossierForm(form, m_dossier.code, reprint, window());
    if (!printed) {
        const QString problem =
            tr("Form %1 was not printed: %2").arg(form, 2, 10, QLatin1Char('0')).arg(printed.error().message);
        showMessage(problem, true);
        return problem;
    }
    reload();
    return {};
}

QString DossierDetail::html() const
{
    const DossierState &d = m_dossier;
    QString h;
    h += QStringLiteral("<h2>%1</h2>").arg(esc(d.code));
    QString status = texts::status(d.status);
    if (d.conflict)
        status += QStringLiteral(" — <span style='color:#a01010'><b>%1</b></span>")
                      .arg(tr("conflicting steps recorded offline: a supervisor must decide"));
    const bool open = !isFinal(d.status) && d.status != DossierStatus::ResultReady;
    const bool overdue = open && d.dueAt.isValid() && d.dueAt < Clock::now();
    QString due = esc(texts::moment(d.dueAt));
    if (overdue)
        due = QStringLiteral("<span style='color:#a01010'><b>%1 (%2)</b></span>").arg(due, tr("overdue"));
    h += QStringLiteral("<table cellspacing='2'>");
    auto row = [&h](const QString &label, const QString &value) {
        h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(label), value);
    };
    row(tr("Status"), status);
    row(tr("Procedure"), esc(d.procedureCode + QStringLiteral(" — ") + d.procedureName));
    row(tr("Applicant"), esc(d.applicant.value(QStringLiteral("full_name")).toString()) + QStringLiteral(" · ") +
                             esc(d.applicant.value(QStringLiteral("id_number")).toString()) + QStringLiteral(" · ") +
                             esc(d.applicant.value(QStringLiteral("phone")).toString()));
    if (!d.representative.isEmpty())
        row(tr("Representative"), esc(d.representative.value(QStringLiteral("full_name")).toString()));
    row(tr("Received"), esc(texts::moment(d.receivedAt)) + QStringLiteral(" · ") +
                            esc(tr("counter %1, officer %2").arg(d.receivingCounter, d.receivingOfficer)));
    row(tr("Due"), due + QStringLiteral(" · ") + esc(texts::processing(d.processing)));
    row(tr("On time"), esc(texts::timeliness(d.timeliness)));
    row(tr("Result handed over"), esc(texts::returnMethod(d.returnMethod)) +
                                      (d.returnUnit.isEmpty() ? QString() : QStringLiteral(" · ") + esc(d.returnUnit)));
    row(tr("Fees"), esc(texts::money(d.feeTotal())));
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h3>%1</h3><table border='1' cellspacing='0' cellpadding='3' width='100%'>"
                        "<tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
             .arg(tr("Documents"), tr("Document"), tr("Originals"), tr("Certified copies"), tr("Copies"));
    for (const QJsonValue &v : d.documents) {
        const QJsonObject o = v.toObject();
        h += QStringLiteral("<tr><td>%1</td><td align='center'>%2</td><td align='center'>%3</td>"
                            "<td align='center'>%4</td></tr>")
                 .arg(esc(o.value(QStringLiteral("name")).toString()))
                 .arg(o.value(QStringLiteral("originals")).toInt())
                 .arg(o.value(QStringLiteral("certified_copies")).toInt())
                 .arg(o.value(QStringLiteral("copies")).toInt());
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h3>%1</h3><table border='1' cellspacing='0' cellpadding='3' width='100%'>"
                        "<tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
             .arg(tr("Timeline"), tr("When"), tr("Step"), tr("Officer"), tr("Counter"), tr("Details"));
    for (const TimelineEntry &t : d.timeline) {
        QString details;
        for (const QString &key : {QStringLiteral("reason"), QStringLiteral("agency"), QStringLiteral("step"),
                                   QStringLiteral("text"), QStringLiteral("note"), QStringLiteral("form")}) {
            if (t.payload.contains(key))
                details += t.payload.value(key).toString() + QLatin1Char(' ');
        }
        if (t.type == EventType::Returned)
            details +=
                t.payload.value(QStringLiteral("receiver")).toObject().value(QStringLiteral("full_name")).toString();
        if (t.type == EventType::Fee)
            details += texts::money(t.payload.value(QStringLiteral("amount_vnd")).toInteger());
        QString step = esc(texts::event(t.type));
        if (!t.applied)
            step = QStringLiteral("<span style='color:#a01010'>%1 (%2)</span>")
                       .arg(step, esc(t.conflicting ? tr("conflict, not applied") : tr("not applied")));
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(esc(texts::moment(t.at)), step, esc(t.officer), esc(t.counterId), esc(details.trimmed()));
    }
    h += QStringLiteral("</table>");
    return h;
}

}  // namespace motcua::ui
