// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dossier/DossierStore.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace motcua::ui {

// The dossiers of the local store, page by page as the view scrolls (canFetchMore/fetchMore), so that a store of a
// million dossiers opens at once: a search (DossierStore::search, re-run with a larger limit) or a filtered list
// (DossierStore::list with an offset). Open dossiers past their due moment are marked (red).
class DossierTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DossierTableModel)

public:
    enum Column {
        CodeColumn,
        ApplicantColumn,
        ProcedureColumn,
        StatusColumn,
        ReceivedColumn,
        DueColumn,
        CounterColumn,
        ColumnCount
    };
    static constexpr int CodeRole = Qt::UserRole + 1;
    static constexpr int OverdueRole = Qt::UserRole + 2;
    static constexpr int kPageSize = 200;

    explicit DossierTableModel(const Store &store, QObject *parent = nullptr);
    ~DossierTableModel() override;

    // A non-empty search text wins over the filter.
    void setQuery(const QString &searchText, const DossierFilter &filter);
    void reload();
    [[nodiscard]] const DossierSummary *summaryAt(int row) const;
    [[nodiscard]] QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    Result<QList<DossierSummary>> page(int offset) const;
    [[nodiscard]] bool overdue(const DossierSummary &s) const;

    const Store &m_store;
    QString m_searchText;
    DossierFilter m_filter;
    QList<DossierSummary> m_rows;
    bool m_more = false;
    bool m_changing = false;
    QDateTime m_now;
    QString m_lastError;
};

}  // namespace motcua::ui
