// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/VietnameseFold.h"

#include <array>

namespace motcua {

namespace {

// What one precomposed Latin letter folds to: its base letter (lower case), or 0 when the letter does not
// decompose to an ASCII letter. Covers Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional
// (U+1EA0–U+1EF9 hold the Vietnamese letters with two marks, e.g. ế, ở, ự).
constexpr char16_t kFirst = 0x00C0;
constexpr char16_t kLast = 0x1EFF;

struct FoldTable {
    std::array<char, kLast - kFirst + 1> base{};

    FoldTable()
    {
        for (char32_t c = kFirst; c <= kLast; ++c) {
            if (c > 0x024F && c < 0x1E00)
                continue;
            const QString nfd = QString(QChar(char16_t(c))).normalized(QString::NormalizationForm_D);
            if (nfd.isEmpty())
                continue;
            const char16_t first = nfd.at(0).unicode();
            char folded = 0;
            if (first >= u'A' && first <= u'Z')
                folded = char(first - u'A' + 'a');
            else if (first >= u'a' && first <= u'z')
                folded = char(first);
            base[c - kFirst] = folded;
        }
        // đ and Đ have no decomposition: a stroke is not a combining mark.
        base[0x0110 - kFirst] = 'd';
        base[0x0111 - kFirst] = 'd';
    }
};

const FoldTable &foldTable()
{
    static const FoldTable table;
    return table;
}

bool isCombiningMark(char16_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

}  // namespace

QString foldVietnamese(QStringView text)
{
    const FoldTable &table = foldTable();
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    auto put = [&](QChar c) {
        if (pendingSpace && !out.isEmpty())
            out.append(QLatin1Char(' '));
        pendingSpace = false;
        out.append(c);
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            if (c >= u'a' && c <= u'z')
                put(QChar(c));
            else if (c >= u'A' && c <= u'Z')
                put(QChar(char16_t(c - u'A' + u'a')));
            else if (c >= u'0' && c <= u'9')
                put(QChar(c));
            else
                pendingSpace = true;
            continue;
        }
        if (isCombiningMark(c))
            continue;  // NFD input: the mark follows its base letter, which is already out
        if (c >= kFirst && c <= kLast) {
            const char folded = table.base[c - kFirst];
            if (folded != 0) {
                put(QLatin1Char(folded));
                continue;
            }
        }
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode())) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, text[i + 1].unicode());
            if (QChar::isLetterOrNumber(ucs4)) {
                const char32_t lower = QChar::toLower(ucs4);
                const auto units = QChar::fromUcs4(lower);
                put(units.chars[0]);
                if (units.size() > 1)
                    out.append(units.chars[1]);
            } else if (QChar::category(ucs4) != QChar::Mark_NonSpacing) {
                pendingSpace = true;
            }
            ++i;
            continue;
        }
        const QChar qc(c);
        if (qc.isLetterOrNumber()) {
            // A letter outside the table (Greek, Cyrillic…) or a Latin letter without an ASCII base.
            const QString nfd = QString(qc).normalized(QString::NormalizationForm_D);
            for (QChar d : nfd) {
                if (!isCombiningMark(d.unicode()) && d.category() != QChar::Mark_NonSpacing)
                    put(d.toLower());
            }
        } else if (qc.category() == QChar::Mark_NonSpacing || qc.category() == QChar::Mark_Enclosing) {
            continue;
        } else {
            pendingSpace = true;
        }
    }
    return out;
}

QList<QStringView> foldedWords(QStringView folded)
{
    QList<QStringView> words;
    qsizetype start = 0;
    const qsizetype n = folded.size();
    for (qsizetype i = 0; i <= n; ++i) {
        if (i == n || folded[i] == QLatin1Char(' ')) {
            if (i > start)
                words.append(folded.mid(start, i - start));
            start = i + 1;
        }
    }
    return words;
}

}  // namespace motcua
