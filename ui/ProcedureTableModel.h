// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/CatalogSearch.h"

#include <QAbstractTableModel>

namespace motcua::ui {

// The hits of a procedure search: code and name, in ranking order.
class ProcedureTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcedureTableModel)

public:
    enum Column { CodeColumn, NameColumn, ColumnCount };
    static constexpr int CodeRole = Qt::UserRole + 1;

    explicit ProcedureTableModel(QObject *parent = nullptr);
    ~ProcedureTableModel() override;

    void setHits(QList<CatalogHit> hits);
    [[nodiscard]] const CatalogHit *hitAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CatalogHit> m_hits;
};

}  // namespace motcua::ui
