// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ReceivePage.h"

#include "core/Clock.h"
#include "core/catalog/CatalogStore.h"
#include "core/citizen/CitizenId.h"
#include "core/dossier/DossierService.h"
#include "ui/AppSettings.h"
#include "ui/ApplicantForm.h"
#include "ui/CounterContext.h"
#include "ui/FormPrinter.h"
#include "ui/ProcedureTableModel.h"
#include "ui/ScanDetector.h"
#include "ui/Texts.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace motcua::ui {

namespace {

enum DocumentColumn { DocReceived, DocName, DocOriginals, DocCertified, DocCopies, DocColumnCount };

QShortcut *shortcut(QWidget *page, const QKeySequence &keys)
{
    auto *s = new QShortcut(keys, page);
    s->setContext(Qt::WidgetWithChildrenShortcut);
    return s;
}

}  // namespace

ReceivePage::ReceivePage(CounterContext &context, FormPrinter &printer, QWidget *parent) :
    QWidget(parent), m_context(context), m_printer(printer)
{
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(buildProcedurePanel(), 2);

    // Right: applicant, documents, return, appointment, actions.
    auto *right = new QVBoxLayout;
    m_applicantForm = new ApplicantForm(this);
    right->addWidget(m_applicantForm);
    right->addWidget(buildDocumentsGroup(), 1);
    right->addLayout(buildReturnRow());
    buildMessages(right);
    right->addLayout(buildActions());
    layout->addLayout(right, 3);

    connect(m_searchLineEdit, &QLineEdit::textChanged, this, &ReceivePage::search);
    m_searchLineEdit->installEventFilter(this);
    connect(m_procedureTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReceivePage::showProcedureInfo);
    connect(m_procedureTableView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const CatalogHit *hit = m_procedureModel->hitAt(index.row()))
            chooseProcedure(hit->code);
    });
    m_scanDetector = new ScanDetector(this);
    connect(m_scanDetector, &ScanDetector::scanned, this, &ReceivePage::handleScan);
    m_clockTimer.setInterval(30 * 1000);
    connect(&m_clockTimer, &QTimer::timeout, this, &ReceivePage::updateAppointment);
    m_clockTimer.start();
    connect(&m_context, &CounterContext::reloaded, this, [this] { search(m_searchLineEdit->text()); });

    setTabOrder(m_searchLineEdit, m_applicantForm->idNumberLineEdit());
    startNew();
}

// Left: the procedure search, its hits and the chosen procedure's details.
QVBoxLayout *ReceivePage::buildProcedurePanel()
{
    auto *left = new QVBoxLayout;
    auto *searchLabel = new QLabel(tr("&Procedure (type without diacritics; ↑ ↓ and Enter):"), this);
    m_searchLineEdit = new QLineEdit(this);
    m_searchLineEdit->setObjectName(QStringLiteral("procedureSearchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("e.g. dang ky khai sinh, or a code like 1.001193"));
    m_searchLineEdit->setClearButtonEnabled(true);
    searchLabel->setBuddy(m_searchLineEdit);
    m_procedureModel = new ProcedureTableModel(this);
    m_procedureTableView = new QTableView(this);
    m_procedureTableView->setModel(m_procedureModel);
    m_procedureTableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_procedureTableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_procedureTableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_procedureTableView->verticalHeader()->hide();
    m_procedureTableView->horizontalHeader()->setStretchLastSection(true);
    m_procedureTableView->setFocusPolicy(Qt::NoFocus);
    m_procedureTableView->setColumnWidth(ProcedureTableModel::CodeColumn, 90);
    m_procedureBrowser = new QTextBrowser(this);
    m_procedureBrowser->setObjectName(QStringLiteral("procedureBrowser"));
    m_procedureBrowser->setFocusPolicy(Qt::NoFocus);
    left->addWidget(searchLabel);
    left->addWidget(m_searchLineEdit);
    left->addWidget(m_procedureTableView, 2);
    left->addWidget(m_procedureBrowser, 3);
    return left;
}

QGroupBox *ReceivePage::buildDocumentsGroup()
{
    auto *documents = new QGroupBox(tr("Documents received"), this);
    auto *docLayout = new QVBoxLayout(documents);
    m_documentsTable = new QTableWidget(0, DocColumnCount, documents);
    m_documentsTable->setObjectName(QStringLiteral("documentsTable"));
    m_documentsTable->setHorizontalHeaderLabels(
        {tr("Received"), tr("Document"), tr("Originals"), tr("Certified copies"), tr("Copies")});
    m_documentsTable->verticalHeader()->hide();
    m_documentsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_documentsTable->horizontalHeader()->setSectionResizeMode(DocName, QHeaderView::Stretch);
    m_documentsTable->setWordWrap(true);
    m_documentsTable->setTabKeyNavigation(false);
    docLayout->addWidget(m_documentsTable);
    return documents;
}

// Sets, fee, how and where the result is returned.
QHBoxLayout *ReceivePage::buildReturnRow()
{
    auto *returnRow = new QHBoxLayout;
    m_setsSpinBox = new QSpinBox(this);
    m_setsSpinBox->setRange(1, 99);
    m_feeSpinBox = new QSpinBox(this);
    m_feeSpinBox->setRange(0, 2000000000);
    m_feeSpinBox->setSingleStep(1000);
    m_feeSpinBox->setGroupSeparatorShown(true);
    m_feeSpinBox->setSuffix(QStringLiteral(" ₫"));
    m_returnMethodComboBox = new QComboBox(this);
    m_returnMethodComboBox->addItem(texts::returnMethod(QStringLiteral("counter")), QStringLiteral("counter"));
    m_returnMethodComboBox->addItem(texts::returnMethod(QStringLiteral("post")), QStringLiteral("post"));
    m_returnMethodComboBox->addItem(texts::returnMethod(QStringLiteral("online")), QStringLiteral("online"));
    m_returnUnitComboBox = new QComboBox(this);
    m_returnUnitComboBox->setEditable(true);
    m_returnUnitComboBox->setMinimumContentsLength(16);
    auto addLabelled = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        returnRow->addWidget(l);
        returnRow->addWidget(w);
    };
    addLabelled(tr("Se&ts:"), m_setsSpinBox);
    addLabelled(tr("&Fee:"), m_feeSpinBox);
    addLabelled(tr("Return &result:"), m_returnMethodComboBox);
    addLabelled(tr("at &unit:"), m_returnUnitComboBox);
    returnRow->setStretchFactor(m_returnUnitComboBox, 1);
    return returnRow;
}

// The appointment, the reason of F7/F8, the scan error and the outcome of the last save.
void ReceivePage::buildMessages(QVBoxLayout *right)
{
    m_appointmentLabel = new QLabel(this);
    m_appointmentLabel->setObjectName(QStringLiteral("appointmentLabel"));
    right->addWidget(m_appointmentLabel);

    auto *reasonRow = new QHBoxLayout;
    m_reasonLineEdit = new QLineEdit(this);
    m_reasonLineEdit->setObjectName(QStringLiteral("reasonLineEdit"));
    m_reasonLineEdit->setPlaceholderText(tr("what is missing (F7) or why the dossier is refused (F8)"));
    auto *reasonLabel = new QLabel(tr("Reas&on:"), this);
    reasonLabel->setBuddy(m_reasonLineEdit);
    reasonRow->addWidget(reasonLabel);
    reasonRow->addWidget(m_reasonLineEdit, 1);
    right->addLayout(reasonRow);

    m_scanErrorLabel = new QLabel(this);
    m_scanErrorLabel->setObjectName(QStringLiteral("scanErrorLabel"));
    m_scanErrorLabel->setWordWrap(true);
    m_scanErrorLabel->setStyleSheet(QStringLiteral("QLabel { color: #a01010; }"));
    m_scanErrorLabel->hide();
    right->addWidget(m_scanErrorLabel);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("receiveMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    right->addWidget(m_messageLabel);
}

// The buttons and their keys: Ctrl+N, F7, F8, Ctrl+Enter.
QHBoxLayout *ReceivePage::buildActions()
{
    auto *buttons = new QHBoxLayout;
    auto *newButton = new QPushButton(tr("New (Ctrl+N)"), this);
    auto *supplementButton = new QPushButton(tr("Request supplement (F7)"), this);
    auto *refuseButton = new QPushButton(tr("Refuse (F8)"), this);
    m_saveButton = new QPushButton(tr("Save and print (Ctrl+Enter)"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    for (QPushButton *b : {newButton, supplementButton, refuseButton, m_saveButton})
        b->setFocusPolicy(Qt::NoFocus);
    buttons->addWidget(newButton);
    buttons->addStretch(1);
    buttons->addWidget(supplementButton);
    buttons->addWidget(refuseButton);
    buttons->addWidget(m_saveButton);

    connect(newButton, &QPushButton::clicked, this, &ReceivePage::startNew);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { (void)save(); });
    connect(supplementButton, &QPushButton::clicked, this, [this] { (void)saveAndRequestSupplement(); });
    connect(refuseButton, &QPushButton::clicked, this, [this] { (void)refuse(); });
    for (const QKeySequence &k : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)})
        connect(shortcut(this, k), &QShortcut::activated, this, [this] { (void)save(); });
    connect(shortcut(this, QKeySequence(Qt::Key_F7)), &QShortcut::activated, this,
            [this] { (void)saveAndRequestSupplement(); });
    connect(shortcut(this, QKeySequence(Qt::Key_F8)), &QShortcut::activated, this, [this] { (void)refuse(); });
    connect(shortcut(this, QKeySequence(Qt::CTRL | Qt::Key_N)), &QShortcut::activated, this, &ReceivePage::startNew);
    return buttons;
}

ReceivePage::~ReceivePage() = default;

void ReceivePage::startNew()
{
    m_procedure.reset();
    m_searchLineEdit->clear();
    search(QString());
    m_applicantForm->clear();
    m_documentsTable->setRowCount(0);
    m_setsSpinBox->setValue(1);
    m_feeSpinBox->setValue(0);
    m_returnMethodComboBox->setCurrentIndex(0);
    m_returnUnitComboBox->clear();
    m_returnUnitComboBox->addItem(m_context.identity().unitName);
    m_reasonLineEdit->clear();
    m_scanErrorLabel->hide();
    m_procedureBrowser->clear();
    updateAppointment();
    focusSearch();
}

void ReceivePage::focusSearch()
{
    m_searchLineEdit->setFocus();
    m_searchLineEdit->selectAll();
}

void ReceivePage::search(const QString &text)
{
    const CatalogIndex &index = m_context.catalogIndex();
    QList<CatalogHit> hits;
    const QStringList recent = AppSettings::recentProcedures();
    if (text.trimmed().isEmpty()) {
        // Nothing typed: this counter's recent procedures.
        for (const QString &code : recent) {
            const QList<CatalogHit> h = index.search(code, 1);
            if (!h.isEmpty() && h.first().code == code)
                hits.append(h.first());
        }
    } else {
        hits = index.search(text, 50);
        if (!text.trimmed().at(0).isDigit()) {
            // Among name matches, the ones this counter receives often come first.
            std::stable_partition(hits.begin(), hits.end(),
                                  [&recent](const CatalogHit &h) { return recent.contains(h.code); });
        }
    }
    m_procedureModel->setHits(hits);
    if (!hits.isEmpty())
        m_procedureTableView->selectRow(0);
    else
        m_procedureBrowser->clear();
}

bool ReceivePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_searchLineEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int rows = m_procedureModel->rowCount();
        const int current = m_procedureTableView->currentIndex().row();
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_PageDown:
            if (rows > 0)
                m_procedureTableView->selectRow(qMin(rows - 1, current + (key->key() == Qt::Key_Down ? 1 : 10)));
            return true;
        case Qt::Key_Up:
        case Qt::Key_PageUp:
            if (rows > 0)
                m_procedureTableView->selectRow(qMax(0, current - (key->key() == Qt::Key_Up ? 1 : 10)));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (key->modifiers() & Qt::ControlModifier)
                return false;
            if (const CatalogHit *hit = m_procedureModel->hitAt(qMax(0, current)))
                chooseProcedure(hit->code);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ReceivePage::showProcedureInfo()
{
    const CatalogHit *hit = m_procedureModel->hitAt(m_procedureTableView->currentIndex().row());
    if (!hit) {
        m_procedureBrowser->clear();
        return;
    }
    auto p = CatalogStore(m_context.store()).procedure(hit->code);
    if (!p) {
        m_procedureBrowser->setPlainText(p.error().message);
        return;
    }
    QString h = QStringLiteral("<p><b>%1</b> — %2</p>").arg(p->code.toHtmlEscaped(), p->name.toHtmlEscaped());
    h += QStringLiteral("<p>%1: %2<br>%3: %4<br>%5: %6</p>")
             .arg(tr("Field"), p->field.toHtmlEscaped(), tr("Processing time"),
                  texts::processing(p->processing).toHtmlEscaped(), tr("Fee"),
                  p->feeVnd ? texts::money(*p->feeVnd) : tr("none"));
    if (!p->feeNote.isEmpty())
        h += QStringLiteral("<p><i>%1</i></p>").arg(p->feeNote.toHtmlEscaped());
    h += QStringLiteral("<p><b>%1</b></p><ol>").arg(tr("Documents"));
    for (const DocumentRequirement &d : p->documents)
        h += QStringLiteral("<li>%1 (%2)</li>")
                 .arg(d.name.toHtmlEscaped(), tr("originals %1, certified copies %2, copies %3")
                                                  .arg(d.originals)
                                                  .arg(d.certifiedCopies)
                                                  .arg(d.copies));
    h += QStringLiteral("</ol>");
    if (!p->legalBasis.isEmpty()) {
        h += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Legal basis"));
        for (const QString &l : p->legalBasis)
            h += QStringLiteral("<li>%1</li>").arg(l.toHtmlEscaped());
        h += QStringLiteral("</ul>");
    }
    m_procedureBrowser->setHtml(h);
}

bool ReceivePage::chooseProcedure(const QString &code)
{
    CatalogStore catalog(m_context.store());
    auto p = catalog.procedure(code);
    if (!p) {
        showMessage(p.error().message, true);
        return false;
    }
    auto version = catalog.currentVersion();
    m_catalogVersion = version ? *version : 0;
    m_procedure = *p;
    m_documentsTable->setRowCount(0);
    m_documentsTable->setRowCount(int(p->documents.size()));
    for (int row = 0; row < p->documents.size(); ++row) {
        const DocumentRequirement &d = p->documents.at(row);
        auto *check = new QTableWidgetItem;
        check->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        check->setCheckState(Qt::Checked);
        m_documentsTable->setItem(row, DocReceived, check);
        auto *name = new QTableWidgetItem(d.name);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        name->setToolTip(d.name);
        m_documentsTable->setItem(row, DocName, name);
        int column = DocOriginals;
        for (int count : {d.originals, d.certifiedCopies, d.copies}) {
            auto *item = new QTableWidgetItem;
            item->setData(Qt::EditRole, count);
            item->setTextAlignment(Qt::AlignCenter);
            m_documentsTable->setItem(row, column++, item);
        }
    }
    m_documentsTable->resizeColumnToContents(DocReceived);
    m_feeSpinBox->setValue(int(qMin<qint64>(p->feeVnd.value_or(0), m_feeSpinBox->maximum())));
    {
        // The chosen procedure stays listed and shown; typing again searches again.
        const QSignalBlocker blocker(m_searchLineEdit);
        m_searchLineEdit->setText(p->code + QStringLiteral(" — ") + p->name);
        m_searchLineEdit->setCursorPosition(0);
    }
    for (int row = 0; row < m_procedureModel->rowCount(); ++row) {
        if (m_procedureModel->hitAt(row)->code == p->code)
            m_procedureTableView->selectRow(row);
    }
    updateAppointment();
    m_applicantForm->idNumberLineEdit()->setFocus();
    return true;
}

void ReceivePage::updateAppointment()
{
    if (!m_procedure) {
        m_appointmentLabel->setText(tr("Appointment: choose a procedure first."));
        return;
    }
    const QDateTime due = m_context.calendar().due(Clock::now(), m_procedure->processing);
    m_appointmentLabel->setText(tr("Appointment: <b>%1</b> (%2, from now)")
                                    .arg(texts::moment(due), texts::processing(m_procedure->processing)));
}

void ReceivePage::handleScan(const QString &text)
{
    auto id = citizen::parseCccdQr(text);
    if (!id) {
        m_scanErrorLabel->setText(tr("The scanned ID card could not be read: %1 What was typed is kept; scan again "
                                     "or type the fields.")
                                      .arg(id.error().message));
        m_scanErrorLabel->show();
        return;
    }
    m_scanErrorLabel->hide();
    m_applicantForm->fill(*id);
    if (!m_procedure)
        focusSearch();
    else
        m_applicantForm->phoneLineEdit()->setFocus();
}

void ReceivePage::showMessage(const QString &text, bool error)
{
    m_messageLabel->setStyleSheet(error ? QStringLiteral("QLabel { color: #a01010; }")
                                        : QStringLiteral("QLabel { color: #0b5d1e; font-weight: bold; }"));
    m_messageLabel->setText(text);
}

QString ReceivePage::save()
{
    return submit(Kind::Receive);
}

QString ReceivePage::saveAndRequestSupplement()
{
    return submit(Kind::Supplement);
}

QString ReceivePage::refuse()
{
    return submit(Kind::Refuse);
}

bool ReceivePage::readyToSubmit(Kind kind)
{
    if (!m_procedure) {
        showMessage(tr("Choose the procedure first: type its name or code in the search box, then press Enter."), true);
        focusSearch();
        return false;
    }
    const QList<ApplicantProblem> problems = m_applicantForm->problems();
    if (!problems.isEmpty()) {
        QStringList messages;
        for (const ApplicantProblem &p : problems)
            messages << p.message;
        showMessage(tr("Not saved: %1").arg(messages.join(QLatin1Char(' '))), true);
        QWidget *field = m_applicantForm->fieldWidget(problems.first().field);
        (field ? field : m_applicantForm->fullNameLineEdit())->setFocus();
        return false;
    }
    if (kind != Kind::Receive && m_reasonLineEdit->text().trimmed().isEmpty()) {
        showMessage(kind == Kind::Supplement ? tr("Type what is missing in Reason, then press F7 again.")
                                             : tr("Type why the dossier is refused in Reason, then press F8 again."),
                    true);
        m_reasonLineEdit->setFocus();
        return false;
    }
    return true;
}

// The request for what the page shows; the service adds the due moment.
ReceiveRequest ReceivePage::request() const
{
    ReceiveRequest request;
    request.procedureCode = m_procedure->code;
    request.procedureName = m_procedure->name;
    request.catalogVersion = m_catalogVersion;
    request.processing = m_procedure->processing;
    request.applicant = m_applicantForm->applicant();
    request.representative = m_applicantForm->representative();
    for (int row = 0; row < m_documentsTable->rowCount(); ++row) {
        if (m_documentsTable->item(row, DocReceived)->checkState() != Qt::Checked)
            continue;
        request.documents.append(QJsonObject{
            {QStringLiteral("name"), m_documentsTable->item(row, DocName)->text()},
            {QStringLiteral("originals"), m_documentsTable->item(row, DocOriginals)->data(Qt::EditRole).toInt()},
            {QStringLiteral("certified_copies"), m_documentsTable->item(row, DocCertified)->data(Qt::EditRole).toInt()},
            {QStringLiteral("copies"), m_documentsTable->item(row, DocCopies)->data(Qt::EditRole).toInt()}});
    }
    request.sets = m_setsSpinBox->value();
    request.feeVnd = m_feeSpinBox->value();
    request.returnMethod = m_returnMethodComboBox->currentData().toString();
    request.returnUnit = m_returnUnitComboBox->currentText().trimmed();
    request.receivedAt = Clock::now();
    return request;
}

QString ReceivePage::submit(Kind kind)
{
    if (!readyToSubmit(kind))
        return {};
    const QString reason = m_reasonLineEdit->text().trimmed();
    DossierService service = m_context.service();
    Result<DossierState> state =
        kind == Kind::Refuse ? service.refuseAtIntake(request(), reason) : service.receive(request());
    if (state && kind == Kind::Supplement)
        state = service.record(state->code, EventType::SupplementRequested, {{QStringLiteral("reason"), reason}});
    if (!state) {
        showMessage(tr("Not saved: %1").arg(state.error().message), true);
        return {};
    }
    const QString code = state->code;
    AppSettings::noteProcedureUsed(m_procedure->code);
    QString message;
    int form = 1;
    switch (kind) {
    case Kind::Receive:
        message = tr("Saved: dossier %1. Appointment %2.").arg(code, texts::moment(state->dueAt));
        break;
    case Kind::Supplement:
        message = tr("Saved: dossier %1, waiting for a supplement.").arg(code);
        form = 2;
        break;
    case Kind::Refuse:
        message = tr("Refused at intake: dossier %1.").arg(code);
        form = 3;
        break;
    }
    m_context.notifyDossierChanged(code);
    Q_EMIT dossierSaved(code);
    startNew();
    if (auto printed = m_printer.printDossierForm(form, code, false, window()); !printed)
        message +=
            QLatin1Char(' ') +
            tr("The form was not printed: %1 Print it again from the dossier's page.").arg(printed.error().message);
    showMessage(message, false);
    return code;
}

}  // namespace motcua::ui
