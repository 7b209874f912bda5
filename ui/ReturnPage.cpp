// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ReturnPage.h"

#include "core/citizen/CitizenId.h"
#include "core/dossier/DossierCodes.h"
#include "ui/CounterContext.h"
#include "ui/DossierDetail.h"
#include "ui/DossierTableModel.h"
#include "ui/ScanDetector.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMetaMethod>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace motcua::ui {

ReturnPage::ReturnPage(CounterContext &context, FormPrinter &printer, QWidget *parent) :
    QWidget(parent), m_context(context)
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_findLineEdit = new QLineEdit(this);
    m_findLineEdit->setObjectName(QStringLiteral("returnFindLineEdit"));
    m_findLineEdit->setPlaceholderText(tr("Dossier code, ID number or phone — or scan the ID card"));
    m_findLineEdit->setClearButtonEnabled(true);
    auto *label = new QLabel(tr("&Find the dossier:"), this);
    label->setBuddy(m_findLineEdit);
    auto *findButton = new QPushButton(tr("Find"), this);
    top->addWidget(label);
    top->addWidget(m_findLineEdit, 1);
    top->addWidget(findButton);
    layout->addLayout(top);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("returnMessageLabel"));
    m_messageLabel->setWordWrap(true);
    layout->addWidget(m_messageLabel);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_model = new DossierTableModel(context.store(), this);
    m_tableView = new QTableView(splitter);
    m_tableView->setModel(m_model);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->verticalHeader()->hide();
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    m_tableView->setColumnWidth(DossierTableModel::CodeColumn, 190);
    m_detail = new DossierDetail(context, printer, splitter);
    splitter->addWidget(m_tableView);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    connect(m_findLineEdit, &QLineEdit::returnPressed, this, [this] { find(m_findLineEdit->text()); });
    connect(findButton, &QPushButton::clicked, this, [this] { find(m_findLineEdit->text()); });
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const DossierSummary *s = m_model->summaryAt(current.row()))
                    m_detail->showDossier(s->code);
            });
    m_scanDetector = new ScanDetector(this);
    connect(m_scanDetector, &ScanDetector::scanned, this, [this](const QString &text) {
        auto id = citizen::parseCccdQr(text);
        if (!id) {
            showMessage(tr("The scanned ID card could not be read: %1").arg(id.error().message), true);
            return;
        }
        m_findLineEdit->setText(id->idNumber);
        find(id->idNumber);
    });
}

ReturnPage::~ReturnPage() = default;

void ReturnPage::focusFind()
{
    m_findLineEdit->setFocus();
    m_findLineEdit->selectAll();
}

void ReturnPage::showMessage(const QString &text, bool error)
{
    m_messageLabel->setStyleSheet(error ? QStringLiteral("QLabel { color: #a01010; }") : QString());
    m_messageLabel->setText(text);
}

void ReturnPage::find(const QString &text)
{
    const QString query = text.trimmed();
    if (query.isEmpty()) {
        showMessage(tr("Type or scan the dossier code, or the citizen's ID number."), true);
        return;
    }
    m_model->setQuery(query, {});
    if (!m_model->lastError().isEmpty()) {
        showMessage(m_model->lastError(), true);
        return;
    }
    if (m_model->rowCount() > 0) {
        // Ready results first: that is what the citizen came for.
        int row = 0;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (m_model->summaryAt(r)->status == QStringLiteral("result_ready")) {
                row = r;
                break;
            }
        }
        m_tableView->selectRow(row);
        showMessage(tr("%n dossier(s) found.", nullptr, m_model->rowCount()), false);
        return;
    }
    m_detail->clear();
    const QString code = query.toUpper();
    const bool looksLikeCode = DossierCodes::parse(code, nullptr, nullptr, nullptr);
    if (!looksLikeCode) {
        showMessage(tr("No dossier on this counter matches \"%1\".").arg(query), true);
        return;
    }
    if (!m_centerReachable || !isSignalConnected(QMetaMethod::fromSignal(&ReturnPage::lookupRequested))) {
        showMessage(tr("Dossier %1 is not on this counter, and the provincial center cannot be reached now, so it "
                       "cannot be fetched. Ask the citizen to come back when the counter is online, or look it up "
                       "at a counter of the unit that received it.")
                        .arg(code),
                    true);
        return;
    }
    m_pendingLookup = code;
    showMessage(tr("Dossier %1 is not on this counter; asking the provincial center …").arg(code), false);
    Q_EMIT lookupRequested(code);
}

void ReturnPage::lookupFinished(const QString &code, bool found, const QString &message)
{
    if (code != m_pendingLookup)
        return;
    m_pendingLookup.clear();
    if (!found) {
        showMessage(message.isEmpty() ? tr("The provincial center has no dossier %1.").arg(code) : message, true);
        return;
    }
    m_findLineEdit->setText(code);
    find(code);
}

}  // namespace motcua::ui
