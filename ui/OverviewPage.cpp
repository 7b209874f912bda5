// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/OverviewPage.h"

#include "core/Clock.h"
#include "core/calendar/CalendarStore.h"
#include "core/catalog/CatalogStore.h"
#include "core/dossier/CounterIdentity.h"
#include "core/store/Backups.h"
#include "ui/ProcedureTableModel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace motcua::ui {

namespace {

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString processingText(const ProcessingTime &t)
{
    switch (t.kind) {
    case ProcessingKind::WorkingDays:
        return OverviewPage::tr("%n working day(s)", nullptr, t.days);
    case ProcessingKind::CalendarDays:
        return OverviewPage::tr("%n day(s)", nullptr, t.days);
    case ProcessingKind::SameDay15h:
        return OverviewPage::tr("the same day (from 15:00: the next working day)");
    }
    return {};
}

}  // namespace

OverviewPage::OverviewPage(const Store &store, QWidget *parent) : QWidget(parent), m_store(store)
{
    auto *layout = new QHBoxLayout(this);

    auto *left = new QVBoxLayout;
    auto addGroup = [&](const QString &title) {
        auto *group = new QGroupBox(title, this);
        auto *form = new QFormLayout(group);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        left->addWidget(group);
        return form;
    };
    QFormLayout *counter = addGroup(tr("Counter"));
    m_counterLabel = valueLabel(this);
    m_unitLabel = valueLabel(this);
    m_agencyLabel = valueLabel(this);
    counter->addRow(tr("Counter:"), m_counterLabel);
    counter->addRow(tr("Unit:"), m_unitLabel);
    counter->addRow(tr("Agency identifier:"), m_agencyLabel);

    QFormLayout *storeForm = addGroup(tr("Local data store"));
    m_pathLabel = valueLabel(this);
    m_schemaLabel = valueLabel(this);
    m_integrityLabel = valueLabel(this);
    m_backupLabel = valueLabel(this);
    m_recordsLabel = valueLabel(this);
    storeForm->addRow(tr("Data file:"), m_pathLabel);
    storeForm->addRow(tr("Schema version:"), m_schemaLabel);
    storeForm->addRow(tr("Integrity:"), m_integrityLabel);
    storeForm->addRow(tr("Last backup:"), m_backupLabel);
    storeForm->addRow(tr("Records:"), m_recordsLabel);

    QFormLayout *rules = addGroup(tr("Catalog and calendar"));
    m_catalogLabel = valueLabel(this);
    m_hoursLabel = valueLabel(this);
    m_yearsLabel = valueLabel(this);
    rules->addRow(tr("Procedure catalog:"), m_catalogLabel);
    rules->addRow(tr("Working hours:"), m_hoursLabel);
    rules->addRow(tr("Official days off:"), m_yearsLabel);
    left->addStretch(1);
    layout->addLayout(left, 2);

    auto *lookup = new QGroupBox(tr("Procedure look-up"), this);
    auto *right = new QVBoxLayout(lookup);
    m_searchLineEdit = new QLineEdit(lookup);
    m_searchLineEdit->setObjectName(QStringLiteral("procedureSearchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Code or name of the procedure — no diacritics needed (Ctrl+F)"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_searchLineEdit->installEventFilter(this);
    right->addWidget(m_searchLineEdit);

    m_model = new ProcedureTableModel(this);
    m_resultsTableView = new QTableView(lookup);
    m_resultsTableView->setObjectName(QStringLiteral("procedureResultsTableView"));
    m_resultsTableView->setModel(m_model);
    m_resultsTableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultsTableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultsTableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultsTableView->verticalHeader()->hide();
    m_resultsTableView->horizontalHeader()->setSectionResizeMode(ProcedureTableModel::CodeColumn,
                                                                 QHeaderView::ResizeToContents);
    m_resultsTableView->horizontalHeader()->setStretchLastSection(true);
    right->addWidget(m_resultsTableView, 2);

    m_detailBrowser = new QTextBrowser(lookup);
    m_detailBrowser->setObjectName(QStringLiteral("procedureDetailBrowser"));
    m_detailBrowser->setOpenLinks(false);
    right->addWidget(m_detailBrowser, 3);
    layout->addWidget(lookup, 3);

    connect(m_searchLineEdit, &QLineEdit::textChanged, this, &OverviewPage::search);
    connect(m_resultsTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const CatalogHit *hit = m_model->hitAt(current.row()))
                    showProcedure(hit->code);
            });
    refresh();
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_statusStale)
        refresh();
}

void OverviewPage::focusSearch()
{
    m_searchLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchLineEdit->selectAll();
}

void OverviewPage::refresh()
{
    if (auto id = CounterIdentity::load(m_store)) {
        m_counterLabel->setText(id->counterId.isEmpty()
                                    ? tr("not set up")
                                    : id->counterId + (id->standalone ? tr(" (standalone)") : QString()));
        m_unitLabel->setText(id->unitName);
        m_agencyLabel->setText(id->agencyId);
    }
    // The row counts take seconds on a store of a million dossiers: only when the page is seen.
    if (!isVisible()) {
        m_statusStale = true;
    } else if (auto s = m_store.status()) {
        m_statusStale = false;
        m_pathLabel->setText(s->path);
        m_schemaLabel->setText(tr("%1 (this program: %2)").arg(s->schemaVersion).arg(s->programSchemaVersion));
        if (s->integrity == QStringLiteral("ok"))
            m_integrityLabel->setText(tr("passed the check at start"));
        else if (s->integrity == QStringLiteral("checking"))
            m_integrityLabel->setText(tr("being checked in the background; saving waits for it"));
        else if (s->integrity == QStringLiteral("not checked"))
            m_integrityLabel->setText(tr("not checked"));
        else
            m_integrityLabel->setText(s->integrity);  // the check's own (translated) message
        m_backupLabel->setText(
            s->lastBackupAt.isValid()
                ? QLocale().toString(s->lastBackupAt.toTimeZone(vietnamTimeZone()), QLocale::ShortFormat)
                : tr("none yet"));
        qint64 dossiers = 0;
        qint64 events = 0;
        qint64 outbox = 0;
        for (const TableCount &c : s->counts) {
            if (c.table == QStringLiteral("dossiers"))
                dossiers = c.rows;
            else if (c.table == QStringLiteral("events"))
                events = c.rows;
            else if (c.table == QStringLiteral("outbox"))
                outbox = c.rows;
        }
        m_recordsLabel->setText(
            tr("%1 dossiers, %2 events, %3 waiting to sync")
                .arg(QLocale().toString(dossiers), QLocale().toString(events), QLocale().toString(outbox)));
    } else {
        m_integrityLabel->setText(s.error().message);
    }
    if (auto index = CatalogIndex::load(m_store)) {
        m_index = std::move(*index);
        m_catalogLabel->setText(m_index.version() == 0
                                    ? tr("none imported")
                                    : tr("version %1, %2 procedures").arg(m_index.version()).arg(m_index.size()));
    } else {
        m_catalogLabel->setText(index.error().message);
    }
    if (auto calendar = CalendarStore::load(m_store)) {
        m_calendar = *calendar;
        m_hoursLabel->setText(WorkingCalendar::workingHoursText(m_calendar.workingHours()));
        const int year = Clock::now().toTimeZone(vietnamTimeZone()).date().year();
        QStringList years;
        for (int y = year - 1; y <= year + 1; ++y) {
            const auto source = m_calendar.yearSource(y);
            years << (source && *source == DaySource::Official ? tr("%1: official").arg(y) : tr("%1: computed").arg(y));
        }
        m_yearsLabel->setText(years.join(QStringLiteral(" · ")));
    } else {
        m_hoursLabel->setText(calendar.error().message);
    }
    search(m_searchLineEdit->text());
}

void OverviewPage::search(const QString &text)
{
    m_model->setHits(text.trimmed().isEmpty() ? QList<CatalogHit>{} : m_index.search(text, 50));
    if (m_model->rowCount() > 0)
        m_resultsTableView->selectRow(0);
    else
        m_detailBrowser->clear();
}

void OverviewPage::showProcedure(const QString &code)
{
    auto procedure = CatalogStore(m_store).procedure(code);
    if (!procedure) {
        m_detailBrowser->setPlainText(procedure.error().message);
        return;
    }
    const Procedure &p = *procedure;
    QString html = QStringLiteral("<h3>%1 — %2</h3>").arg(p.code.toHtmlEscaped(), p.name.toHtmlEscaped());
    html +=
        QStringLiteral("<p><b>%1</b> %2<br><b>%3</b> %4<br><b>%5</b> %6<br><b>%7</b> %8</p>")
            .arg(tr("Field:"), p.field.toHtmlEscaped(), tr("Processing time:"),
                 processingText(p.processing).toHtmlEscaped(), tr("Fee:"),
                 !p.feeVnd        ? tr("not stated")
                 : *p.feeVnd == 0 ? tr("free of charge")
                                  : tr("%1 VND").arg(QLocale().toString(*p.feeVnd)),
                 tr("If received now, due:"),
                 QLocale().toString(m_calendar.due(Clock::now(), p.processing), QLocale::ShortFormat).toHtmlEscaped());
    html +=
        QStringLiteral(
            "<table border='1' cellspacing='0' cellpadding='3'><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
            .arg(tr("Document"), tr("Originals"), tr("Certified copies"), tr("Copies"));
    for (const DocumentRequirement &d : p.documents) {
        html +=
            QStringLiteral(
                "<tr><td>%1</td><td align='center'>%2</td><td align='center'>%3</td><td align='center'>%4</td></tr>")
                .arg(d.name.toHtmlEscaped())
                .arg(d.originals)
                .arg(d.certifiedCopies)
                .arg(d.copies);
    }
    html += QStringLiteral("</table>");
    if (!p.legalBasis.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Legal basis:"));
        for (const QString &b : p.legalBasis)
            html += QStringLiteral("<li>%1</li>").arg(b.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    m_detailBrowser->setHtml(html);
}

bool OverviewPage::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the search field move through the hits, so the hands stay on the keyboard.
    if (watched == m_searchLineEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up || key->key() == Qt::Key_PageDown ||
            key->key() == Qt::Key_PageUp) {
            const int rows = m_model->rowCount();
            if (rows == 0)
                return true;
            const int step = key->key() == Qt::Key_Down       ? 1
                             : key->key() == Qt::Key_Up       ? -1
                             : key->key() == Qt::Key_PageDown ? 10
                                                              : -10;
            const int row = std::clamp(m_resultsTableView->currentIndex().row() + step, 0, rows - 1);
            m_resultsTableView->selectRow(row);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace motcua::ui
