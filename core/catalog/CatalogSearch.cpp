// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/CatalogSearch.h"

#include "core/catalog/CatalogStore.h"
#include "core/store/Sql.h"
#include "core/text/VietnameseFold.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>
#include <bit>

namespace motcua {

namespace {

// A hit's place in the ranking as one number, smaller first: match kind, then (name words only) more whole-word
// matches and earlier matches, then (name matches) shorter names, then code order.
struct Ranked {
    quint64 key = 0;
    int entry = 0;
    CatalogHit::Match match = CatalogHit::Match::NameWords;
};

quint64 rankKey(CatalogHit::Match match, int wholeWords, int positionSum, qsizetype nameLength, int codeRank)
{
    const auto clamp = [](qint64 v, qint64 max) { return quint64(std::clamp<qint64>(v, 0, max)); };
    return quint64(match) << 61 | (64 - clamp(wholeWords, 64)) << 54 | clamp(positionSum, 0xFFFF) << 38 |
           clamp(nameLength, 0xFFFF) << 22 | clamp(codeRank, 0x3FFFFF);
}

// Per entry in search(): -1 not matched; k >= 0: query words 0..k matched so far; kCodeMatched: a code hit already.
constexpr int kCodeMatched = 1 << 20;

// Per vocabulary word: which query words start it (bit i: query word i is a prefix of it) and which it equals.
struct WordMasks {
    std::vector<quint64> prefix;
    std::vector<quint64> equal;
};

// Takes the first `n` query words in turn, advancing `stateOf` of each entry that has a word each of them starts;
// stops at a query word that no entry still in the race has.
WordMasks matchQueryWords(const std::vector<QString> &vocabulary, const std::vector<std::vector<int>> &postings,
                          const QList<QStringView> &queryWords, int n, int *stateOf)
{
    WordMasks masks{std::vector<quint64>(n > 0 ? vocabulary.size() : 0, 0), {}};
    masks.equal.assign(masks.prefix.size(), 0);
    for (int wi = 0; wi < n; ++wi) {
        const QStringView word = queryWords.at(wi);
        auto it = std::lower_bound(vocabulary.cbegin(), vocabulary.cend(), word,
                                   [](const QString &v, QStringView w) { return QStringView(v).compare(w) < 0; });
        bool any = false;
        for (; it != vocabulary.cend() && it->startsWith(word); ++it) {
            const size_t id = size_t(it - vocabulary.cbegin());
            masks.prefix[id] |= quint64(1) << wi;
            if (it->size() == word.size())
                masks.equal[id] |= quint64(1) << wi;
            for (int e : postings[id]) {
                if (stateOf[e] == wi - 1) {
                    stateOf[e] = wi;
                    any = true;
                }
            }
        }
        if (!any)
            break;
    }
    return masks;
}

// The place of an entry whose name holds every query word: a name prefix, or name words ranked by how many query
// words are whole words of it and how early the query words first appear.
Ranked rankNameHit(const QString &nameFolded, const std::vector<int> &wordIds, int codeRank, int entry,
                   const QString &queryFolded, const WordMasks &masks)
{
    const auto match =
        nameFolded.startsWith(queryFolded) ? CatalogHit::Match::NamePrefix : CatalogHit::Match::NameWords;
    int wholeWords = 0;
    int positionSum = 0;
    if (match == CatalogHit::Match::NameWords) {
        const quint64 *const prefixOf = masks.prefix.data();
        const quint64 *const equalTo = masks.equal.data();
        quint64 seen = 0;
        quint64 whole = 0;
        const int *ids = wordIds.data();
        const int count = int(wordIds.size());
        for (int p = 0; p < count; ++p) {
            const quint64 mask = prefixOf[ids[p]];
            positionSum += p * std::popcount(mask & ~seen);  // the first word each query word starts
            seen |= mask;
            whole |= equalTo[ids[p]];
        }
        wholeWords = std::popcount(whole);
    }
    return {rankKey(match, wholeWords, positionSum, nameFolded.size(), codeRank), entry, match};
}

// Puts the best `limit` of `ranked` first, in order; returns how many there are.
size_t sortBest(std::vector<Ranked> &ranked, int limit)
{
    const size_t count = std::min(ranked.size(), size_t(limit));
    std::partial_sort(ranked.begin(), ranked.begin() + qsizetype(count), ranked.end(),
                      [](const Ranked &a, const Ranked &b) { return a.key < b.key; });
    return count;
}

}  // namespace

CatalogIndex::CatalogIndex(QList<Entry> entries)
{
    m_entries.reserve(size_t(entries.size()));
    for (Entry &e : entries) {
        Item item;
        item.codeLower = e.code.toLower();
        item.code = std::move(e.code);
        item.folded = e.nameFolded.isEmpty() ? foldVietnamese(e.name) : std::move(e.nameFolded);
        item.name = std::move(e.name);
        m_entries.push_back(std::move(item));
    }
    struct Occurrence {
        QStringView word;  // into the item's folded name, which lives as long as this constructor
        int entry;
        int position;
    };
    std::vector<Occurrence> occurrences;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        Item &item = m_entries[i];
        const QList<QStringView> words = foldedWords(item.folded);
        item.wordIds.assign(size_t(words.size()), -1);
        for (qsizetype p = 0; p < words.size(); ++p)
            occurrences.push_back({words.at(p), int(i), int(p)});
    }
    std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence &a, const Occurrence &b) {
        const int c = a.word.compare(b.word);
        return c != 0 ? c < 0 : a.entry < b.entry;
    });
    for (const Occurrence &o : occurrences) {
        if (m_vocabulary.empty() || m_vocabulary.back() != o.word) {
            m_vocabulary.push_back(o.word.toString());
            m_postings.emplace_back();
        }
        std::vector<int> &posting = m_postings.back();
        if (posting.empty() || posting.back() != o.entry)
            posting.push_back(o.entry);
        m_entries[size_t(o.entry)].wordIds[size_t(o.position)] = int(m_vocabulary.size() - 1);
    }
    m_byCode.resize(m_entries.size());
    for (size_t i = 0; i < m_entries.size(); ++i)
        m_byCode[i] = int(i);
    std::sort(m_byCode.begin(), m_byCode.end(),
              [this](int a, int b) { return m_entries[size_t(a)].codeLower < m_entries[size_t(b)].codeLower; });
    for (size_t rank = 0; rank < m_byCode.size(); ++rank)
        m_entries[size_t(m_byCode[rank])].codeRank = int(rank);
}

CatalogIndex CatalogIndex::fromProcedures(const QList<Procedure> &procedures)
{
    QList<Entry> entries;
    entries.reserve(procedures.size());
    for (const Procedure &p : procedures)
        entries.append({p.code, p.name, QString()});
    return CatalogIndex(std::move(entries));
}

Result<CatalogIndex> CatalogIndex::load(const Store &store, int version)
{
    if (version <= 0) {
        auto current = CatalogStore(store).currentVersion();
        if (!current)
            return current.error();
        version = *current;
    }
    auto q = sql::run(store.connection(),
                      QStringLiteral("SELECT code, name, name_folded FROM procedures WHERE version = ? ORDER BY code"),
                      {version});
    if (!q)
        return q.error();
    QList<Entry> entries;
    while (q->next())
        entries.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString()});
    if (entries.isEmpty() && version > 0)  // an imported snapshot is never empty
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("motcua::catalog", "Catalog version %1 does not exist.").arg(version));
    CatalogIndex index(std::move(entries));
    index.m_version = version;
    return index;
}

QList<CatalogHit> CatalogIndex::search(QStringView query, int limit) const
{
    const QStringView trimmed = query.trimmed();
    if (limit <= 0 || trimmed.isEmpty() || m_entries.empty())
        return {};
    std::vector<Ranked> ranked;
    std::vector<int> state(m_entries.size(), -1);  // see kCodeMatched
    int *const stateOf = state.data();

    // Codes: exact, then prefix (codes hold no spaces).
    if (!trimmed.contains(QLatin1Char(' '))) {
        const QString codeQuery = trimmed.toString().toLower();
        auto it = std::lower_bound(m_byCode.cbegin(), m_byCode.cend(), codeQuery,
                                   [this](int e, const QString &q) { return m_entries[size_t(e)].codeLower < q; });
        // In code order the exact code comes first, then the longer codes: the order of the ranking already.
        for (; it != m_byCode.cend() && qsizetype(ranked.size()) < limit; ++it) {
            const Item &item = m_entries[size_t(*it)];
            if (!item.codeLower.startsWith(codeQuery))
                break;
            const auto match = item.codeLower.size() == codeQuery.size() ? CatalogHit::Match::ExactCode
                                                                         : CatalogHit::Match::CodePrefix;
            ranked.push_back({rankKey(match, 0, 0, 0, item.codeRank), *it, match});
            stateOf[*it] = kCodeMatched;
        }
    }

    // Name words: every query word must start some word of the name.
    const QString folded = foldVietnamese(trimmed);
    QList<QStringView> queryWords = foldedWords(folded);
    if (queryWords.size() > 64)
        queryWords.resize(64);  // nobody types more; the bit masks hold 64
    // Code matches outrank every name match: with `limit` of them there is nothing left to find.
    const int n = qsizetype(ranked.size()) < limit ? int(queryWords.size()) : 0;
    const WordMasks masks = matchQueryWords(m_vocabulary, m_postings, queryWords, n, stateOf);
    for (size_t e = 0; n > 0 && e < m_entries.size(); ++e) {
        if (stateOf[e] != n - 1)
            continue;
        const Item &item = m_entries[e];
        ranked.push_back(rankNameHit(item.folded, item.wordIds, item.codeRank, int(e), folded, masks));
    }

    const size_t count = sortBest(ranked, limit);
    QList<CatalogHit> hits;
    hits.reserve(qsizetype(count));
    for (size_t i = 0; i < count; ++i) {
        const Item &item = m_entries[size_t(ranked[i].entry)];
        hits.append({item.code, item.name, ranked[i].match});
    }
    return hits;
}

}  // namespace motcua
