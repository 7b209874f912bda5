// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DossierTableModel.h"

#include "core/Clock.h"
#include "ui/Texts.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace motcua::ui {

DossierTableModel::DossierTableModel(const Store &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
}

DossierTableModel::~DossierTableModel() = default;

void DossierTableModel::setQuery(const QString &searchText, const DossierFilter &filter)
{
    m_searchText = searchText.trimmed();
    m_filter = filter;
    reload();
}

void DossierTableModel::reload()
{
    // Views (and QAbstractItemModelTester) may ask for more rows while the reset is announced; they get them after.
    m_changing = true;
    beginResetModel();
    m_now = Clock::now();
    m_rows.clear();
    m_more = false;
    m_lastError.clear();
    auto first = page(0);
    if (first) {
        m_rows = std::move(*first);
        m_more = m_rows.size() == kPageSize;
    } else {
        m_lastError = first.error().message;
    }
    endResetModel();
    m_changing = false;
    if (!m_lastError.isEmpty())
        Q_EMIT loadFailed(m_lastError);
}

Result<QList<DossierSummary>> DossierTableModel::page(int offset) const
{
    DossierStore store(m_store);
    if (!m_searchText.isEmpty()) {
        // Search has no offset: ask for one more page and keep the tail (the order is stable).
        auto rows = store.search(m_searchText, offset + kPageSize);
        if (!rows)
            return rows.error();
        return rows->mid(offset);
    }
    DossierFilter f = m_filter;
    f.now = m_now;
    return store.list(f, kPageSize, offset);
}

const DossierSummary *DossierTableModel::summaryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int DossierTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DossierTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool DossierTableModel::overdue(const DossierSummary &s) const
{
    static const QStringList open = {QStringLiteral("received"), QStringLiteral("waiting_supplement"),
                                     QStringLiteral("transferred"), QStringLiteral("processing")};
    return s.dueAt.isValid() && s.dueAt < m_now && open.contains(s.status);
}

QVariant DossierTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DossierSummary &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return s.code;
        case ApplicantColumn:
            return s.applicantName;
        case ProcedureColumn:
            return s.procedureName;
        case StatusColumn:
            return s.conflict ? tr("%1 — conflict").arg(texts::status(s.status)) : texts::status(s.status);
        case ReceivedColumn:
            return texts::moment(s.receivedAt);
        case DueColumn:
            return texts::moment(s.dueAt);
        case CounterColumn:
            return s.receivingCounter;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ProcedureColumn)
            return s.procedureName;
        if (overdue(s))
            return tr("Overdue since %1").arg(texts::moment(s.dueAt));
        return {};
    case Qt::BackgroundRole:
        if (overdue(s))
            return QBrush(QColor(0xfd, 0xec, 0xea));
        if (s.conflict)
            return QBrush(QColor(0xff, 0xf4, 0xd6));
        return {};
    case Qt::ForegroundRole:
        if (overdue(s))
            return QBrush(QColor(0x9a, 0x10, 0x10));
        return {};
    case Qt::FontRole:
        if (overdue(s) && index.column() == DueColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case CodeRole:
        return s.code;
    case OverdueRole:
        return overdue(s);
    default:
        return {};
    }
}

QVariant DossierTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn:
        return tr("Code");
    case ApplicantColumn:
        return tr("Applicant");
    case ProcedureColumn:
        return tr("Procedure");
    case StatusColumn:
        return tr("Status");
    case ReceivedColumn:
        return tr("Received");
    case DueColumn:
        return tr("Due");
    case CounterColumn:
        return tr("Counter");
    default:
        return {};
    }
}

bool DossierTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_changing;
}

void DossierTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_more || m_changing)
        return;
    auto next = page(int(m_rows.size()));
    if (!next) {
        m_more = false;
        m_lastError = next.error().message;
        Q_EMIT loadFailed(m_lastError);
        return;
    }
    m_more = next->size() == kPageSize;
    if (next->isEmpty())
        return;
    m_changing = true;  // no nested fetch while the insertion is announced
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + next->size() - 1));
    m_rows.append(*next);
    endInsertRows();
    m_changing = false;
}

}  // namespace motcua::ui
