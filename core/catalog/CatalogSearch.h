// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/catalog/Procedure.h"
#include "core/store/Store.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <vector>

namespace motcua {

struct CatalogHit {
    enum class Match {
        ExactCode,   // the query is the code
        CodePrefix,  // the code starts with the query
        NamePrefix,  // the folded name starts with the folded query
        NameWords,   // every query word starts a word of the name, in any order
    };
    QString code;
    QString name;
    Match match = Match::NameWords;
};

// An in-memory index of one catalog snapshot for the counter's procedure search: by code or by name words in any
// order, each a prefix, without regard to case, diacritics or đ ("khai sinh dang" finds "Đăng ký khai sinh").
// Ranking: exact code, code prefix, name prefix, then names holding all query words — more whole-word matches,
// then earlier matches, then shorter names first; ties in code order.
// Built once per snapshot (a sorted vocabulary of folded name words with posting lists); searching is read-only
// and may run on several threads at once.
class CatalogIndex final {
public:
    struct Entry {
        QString code;
        QString name;
        QString nameFolded;  // foldVietnamese(name); computed when empty
    };

    CatalogIndex() = default;
    explicit CatalogIndex(QList<Entry> entries);
    static CatalogIndex fromProcedures(const QList<Procedure> &procedures);
    // The snapshot `version` of the store (0: the current one), read from the indexed columns.
    static Result<CatalogIndex> load(const Store &store, int version = 0);

    [[nodiscard]] QList<CatalogHit> search(QStringView query, int limit = 20) const;
    [[nodiscard]] qsizetype size() const { return qsizetype(m_entries.size()); }
    [[nodiscard]] int version() const { return m_version; }

private:
    struct Item {
        QString code;
        QString codeLower;
        QString name;
        QString folded;
        std::vector<int> wordIds;  // the vocabulary index of each word of `folded`, in order
        int codeRank = 0;          // place in code order
    };

    std::vector<Item> m_entries;
    std::vector<int> m_byCode;                 // entry indices in codeLower order
    std::vector<QString> m_vocabulary;         // distinct folded name words, sorted
    std::vector<std::vector<int>> m_postings;  // per vocabulary word: the entries holding it, ascending
    int m_version = 0;
};

}  // namespace motcua
