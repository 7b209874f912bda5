// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ProcedureTableModel.h"

namespace motcua::ui {

ProcedureTableModel::ProcedureTableModel(QObject *parent) : QAbstractTableModel(parent) {}

ProcedureTableModel::~ProcedureTableModel() = default;

void ProcedureTableModel::setHits(QList<CatalogHit> hits)
{
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

const CatalogHit *ProcedureTableModel::hitAt(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

int ProcedureTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int ProcedureTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcedureTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CatalogHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == CodeColumn ? hit.code : hit.name;
    case Qt::ToolTipRole:
        return hit.name;
    case CodeRole:
        return hit.code;
    default:
        return {};
    }
}

QVariant ProcedureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CodeColumn:
        return tr("Code");
    case NameColumn:
        return tr("Procedure");
    default:
        return {};
    }
}

}  // namespace motcua::ui
