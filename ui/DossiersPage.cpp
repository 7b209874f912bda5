// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DossiersPage.h"

#include "core/Clock.h"
#include "core/catalog/CatalogStore.h"
#include "ui/CounterContext.h"
#include "ui/DossierDetail.h"
#include "ui/DossierTableModel.h"
#include "ui/Texts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace motcua::ui {

DossiersPage::DossiersPage(CounterContext &context, FormPrinter &printer, QWidget *parent) :
    QWidget(parent), m_context(context)
{
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(createSearchRow());
    layout->addLayout(createFilterRow());
    layout->addWidget(createListAndDetail(printer), 1);
    connectSignals();
}

QHBoxLayout *DossiersPage::createSearchRow()
{
    auto *top = new QHBoxLayout;
    m_searchLineEdit = new QLineEdit(this);
    m_searchLineEdit->setObjectName(QStringLiteral("dossierSearchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Search: code, ID number, phone or name (without diacritics)"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_quickViewComboBox = new QComboBox(this);
    m_quickViewComboBox->setObjectName(QStringLiteral("quickViewComboBox"));
    m_quickViewComboBox->addItem(tr("All dossiers"), int(QuickView::All));
    m_quickViewComboBox->addItem(tr("Due today"), int(QuickView::DueToday));
    m_quickViewComboBox->addItem(tr("Due in 2 days"), int(QuickView::DueIn2Days));
    m_quickViewComboBox->addItem(tr("Overdue"), int(QuickView::Overdue));
    m_quickViewComboBox->addItem(tr("Waiting for supplement"), int(QuickView::WaitingSupplement));
    m_quickViewComboBox->addItem(tr("Result ready"), int(QuickView::ResultReady));
    auto *searchLabel = new QLabel(tr("&Find:"), this);
    searchLabel->setBuddy(m_searchLineEdit);
    auto *viewLabel = new QLabel(tr("&View:"), this);
    viewLabel->setBuddy(m_quickViewComboBox);
    top->addWidget(searchLabel);
    top->addWidget(m_searchLineEdit, 3);
    top->addWidget(viewLabel);
    top->addWidget(m_quickViewComboBox, 1);
    return top;
}

QHBoxLayout *DossiersPage::createFilterRow()
{
    auto *filters = new QHBoxLayout;
    m_statusComboBox = new QComboBox(this);
    m_statusComboBox->addItem(tr("Any status"), QString());
    for (DossierStatus s : {DossierStatus::Received, DossierStatus::WaitingSupplement, DossierStatus::Transferred,
                            DossierStatus::Processing, DossierStatus::ResultReady, DossierStatus::Returned,
                            DossierStatus::Refused, DossierStatus::Stopped, DossierStatus::Withdrawn})
        m_statusComboBox->addItem(texts::status(s), dossierStatusName(s));
    m_procedureComboBox = new QComboBox(this);
    m_procedureComboBox->addItem(tr("Any procedure"), QString());
    m_procedureComboBox->setMaximumWidth(260);
    m_fieldComboBox = new QComboBox(this);
    m_fieldComboBox->addItem(tr("Any field"), QString());
    m_fieldComboBox->setMaximumWidth(200);
    m_originComboBox = new QComboBox(this);
    m_originComboBox->addItem(tr("Received anywhere"), 0);
    m_originComboBox->addItem(tr("Received here"), 1);
    m_originComboBox->addItem(tr("Received elsewhere"), 2);
    m_datesCheckBox = new QCheckBox(tr("Received from"), this);
    m_fromDateEdit = new QDateEdit(Clock::now().toTimeZone(vietnamTimeZone()).date().addDays(-30), this);
    m_toDateEdit = new QDateEdit(Clock::now().toTimeZone(vietnamTimeZone()).date(), this);
    for (QDateEdit *e : {m_fromDateEdit, m_toDateEdit}) {
        e->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        e->setCalendarPopup(true);
        e->setEnabled(false);
    }
    filters->addWidget(m_statusComboBox);
    filters->addWidget(m_procedureComboBox, 1);
    filters->addWidget(m_fieldComboBox, 1);
    filters->addWidget(m_originComboBox);
    filters->addWidget(m_datesCheckBox);
    filters->addWidget(m_fromDateEdit);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_toDateEdit);
    return filters;
}

QSplitter *DossiersPage::createListAndDetail(FormPrinter &printer)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *listBox = new QWidget(splitter);
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_model = new DossierTableModel(m_context.store(), this);
    m_tableView = new QTableView(listBox);
    m_tableView->setObjectName(QStringLiteral("dossierTableView"));
    m_tableView->setModel(m_model);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->verticalHeader()->hide();
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 8);
    m_tableView->horizontalHeader()->setSectionResizeMode(DossierTableModel::ProcedureColumn, QHeaderView::Stretch);
    m_tableView->setColumnWidth(DossierTableModel::CodeColumn, 190);
    m_tableView->setColumnWidth(DossierTableModel::ApplicantColumn, 160);
    m_tableView->setColumnWidth(DossierTableModel::StatusColumn, 120);
    m_tableView->setColumnWidth(DossierTableModel::ReceivedColumn, 115);
    m_tableView->setColumnWidth(DossierTableModel::DueColumn, 115);
    m_tableView->setWordWrap(false);
    m_countLabel = new QLabel(listBox);
    listLayout->addWidget(m_tableView, 1);
    listLayout->addWidget(m_countLabel);
    m_detail = new DossierDetail(m_context, printer, splitter);
    splitter->addWidget(listBox);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({780, 560});
    return splitter;
}

void DossiersPage::connectSignals()
{
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(200);
    connect(&m_searchDelay, &QTimer::timeout, this, &DossiersPage::apply);
    connect(m_searchLineEdit, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_searchLineEdit, &QLineEdit::returnPressed, this, &DossiersPage::apply);
    m_searchLineEdit->installEventFilter(this);
    for (QComboBox *c : {m_quickViewComboBox, m_statusComboBox, m_procedureComboBox, m_fieldComboBox, m_originComboBox})
        connect(c, &QComboBox::currentIndexChanged, this, &DossiersPage::apply);
    connect(m_datesCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        m_fromDateEdit->setEnabled(on);
        m_toDateEdit->setEnabled(on);
        apply();
    });
    connect(m_fromDateEdit, &QDateEdit::dateChanged, this, &DossiersPage::apply);
    connect(m_toDateEdit, &QDateEdit::dateChanged, this, &DossiersPage::apply);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DossiersPage::currentChanged);
    connect(m_model, &DossierTableModel::loadFailed, this,
            [this](const QString &message) { m_countLabel->setText(message); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        m_countLabel->setText(tr("%n dossier(s) shown; scroll for more", nullptr, m_model->rowCount()));
    });
    connect(&m_context, &CounterContext::dossierChanged, this, [this](const QString &code) {
        apply();
        if (m_detail->dossier().code == code)
            m_detail->reload();
    });
    connect(&m_context, &CounterContext::reloaded, this, [this] { m_choicesFilled = false; });
}

DossiersPage::~DossiersPage() = default;

void DossiersPage::showEvent(QShowEvent *event)
{
    if (!m_choicesFilled)
        fillChoices();
    QWidget::showEvent(event);
}

void DossiersPage::fillChoices()
{
    m_choicesFilled = true;
    const QSignalBlocker b1(m_procedureComboBox);
    const QSignalBlocker b2(m_fieldComboBox);
    const QString procedure = m_procedureComboBox->currentData().toString();
    const QString field = m_fieldComboBox->currentData().toString();
    while (m_procedureComboBox->count() > 1)
        m_procedureComboBox->removeItem(1);
    while (m_fieldComboBox->count() > 1)
        m_fieldComboBox->removeItem(1);
    const CatalogStore catalog(m_context.store());
    auto version = catalog.currentVersion();
    if (!version)
        return;
    if (auto titles = catalog.titles(*version)) {
        for (const ProcedureTitle &t : std::as_const(*titles))
            m_procedureComboBox->addItem(t.code + QStringLiteral(" — ") + t.name, t.code);
    }
    if (auto fields = catalog.fields(*version)) {
        for (const QString &f : std::as_const(*fields))
            m_fieldComboBox->addItem(f, f);
    }
    m_procedureComboBox->setCurrentIndex(qMax(0, m_procedureComboBox->findData(procedure)));
    m_fieldComboBox->setCurrentIndex(qMax(0, m_fieldComboBox->findData(field)));
}

bool DossiersPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_searchLineEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int rows = m_model->rowCount();
            if (rows > 0) {
                const int current = m_tableView->currentIndex().row();
                m_tableView->selectRow(key->key() == Qt::Key_Down ? qMin(rows - 1, current + 1) : qMax(0, current - 1));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DossiersPage::focusSearch()
{
    m_searchLineEdit->setFocus();
    m_searchLineEdit->selectAll();
}

void DossiersPage::setQuickView(QuickView view)
{
    m_quickViewComboBox->setCurrentIndex(qMax(0, m_quickViewComboBox->findData(int(view))));
}

DossierFilter DossiersPage::currentFilter() const
{
    DossierFilter f;
    f.status = m_statusComboBox->currentData().toString();
    f.procedureCode = m_procedureComboBox->currentData().toString();
    f.field = m_fieldComboBox->currentData().toString();
    const QString counter = m_context.identity().counterId;
    switch (m_originComboBox->currentData().toInt()) {
    case 1:
        f.receivingCounter = counter;
        break;
    case 2:
        f.otherCounter = counter;
        break;
    default:
        break;
    }
    if (m_datesCheckBox->isChecked()) {
        f.receivedFrom = m_fromDateEdit->date();
        f.receivedTo = m_toDateEdit->date();
    }
    const QDateTime now = Clock::now();
    const QDate today = now.toTimeZone(vietnamTimeZone()).date();
    switch (QuickView(m_quickViewComboBox->currentData().toInt())) {
    case QuickView::All:
        break;
    case QuickView::DueToday:
        f.dueFrom = now;
        f.dueBefore = QDateTime(today.addDays(1), QTime(0, 0), vietnamTimeZone()).toUTC();
        break;
    case QuickView::DueIn2Days:
        f.dueFrom = now;
        f.dueBefore = QDateTime(today.addDays(3), QTime(0, 0), vietnamTimeZone()).toUTC();
        break;
    case QuickView::Overdue:
        f.overdueOnly = true;
        break;
    case QuickView::WaitingSupplement:
        f.status = dossierStatusName(DossierStatus::WaitingSupplement);
        break;
    case QuickView::ResultReady:
        f.status = dossierStatusName(DossierStatus::ResultReady);
        break;
    }
    f.now = now;
    return f;
}

void DossiersPage::apply()
{
    m_searchDelay.stop();
    QElapsedTimer timer;
    timer.start();
    const QString previous = m_detail->dossier().code;
    m_model->setQuery(m_searchLineEdit->text(), currentFilter());
    m_lastApplyNs = timer.nsecsElapsed();
    if (m_model->lastError().isEmpty())
        m_countLabel->setText(m_model->canFetchMore({})
                                  ? tr("%n dossier(s) shown; scroll for more", nullptr, m_model->rowCount())
                                  : tr("%n dossier(s)", nullptr, m_model->rowCount()));
    if (!previous.isEmpty())
        selectCode(previous);
    else if (m_model->rowCount() > 0)
        m_tableView->selectRow(0);
}

void DossiersPage::selectCode(const QString &code)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->summaryAt(row)->code == code) {
            m_tableView->selectRow(row);
            return;
        }
    }
    if (m_model->rowCount() > 0)
        m_tableView->selectRow(0);
    else
        m_detail->clear();
}

void DossiersPage::currentChanged()
{
    const DossierSummary *s = m_model->summaryAt(m_tableView->currentIndex().row());
    if (s)
        m_detail->showDossier(s->code);
}

}  // namespace motcua::ui
