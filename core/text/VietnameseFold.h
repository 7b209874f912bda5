// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace motcua {

// Folds text for search without diacritics: decomposes (NFD), drops combining marks, maps đ/Đ to d, lower-cases,
// and turns every run of spaces and punctuation into one space (none at either end).
//   "Đăng ký khai sinh"  -> "dang ky khai sinh"
//   "Chứng thực bản sao" -> "chung thuc ban sao"
//   "Hộ tịch, bản sao (Giấy khai sinh)" -> "ho tich ban sao giay khai sinh"
// Letters of other scripts and digits are kept (lower-cased). Linear, no regular expressions: officers' queries and
// a million applicant names go through it.
QString foldVietnamese(QStringView text);

// Splits folded text into its words (folded text has exactly one space between words).
QList<QStringView> foldedWords(QStringView folded);

}  // namespace motcua
