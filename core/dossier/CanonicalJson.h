// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QStringView>

// An event's canonical bytes are, by definition, what Qt's compact writer (QJsonDocument::toJson(Compact)) makes of
// it: keys sorted, no spaces, Qt's escapes. The center needs them for every event it stores and a counter writes
// hundreds of events into every push, so these helpers write and recognise exactly those bytes without building a
// QJsonDocument. test_canonical_json checks them against Qt's writer and parser.
namespace motcua::json {

// `text` as a JSON string, quotes included, escaped as Qt's writer escapes it: \" \\ \b \f \n \r \t, other control
// characters as \u00xx, a lone surrogate as \uxxxx, everything else as UTF-8.
void appendString(QByteArray &out, QStringView text);
// The same for text that is UTF-8 already (read from a database that holds what QString::toUtf8() wrote).
void appendUtf8String(QByteArray &out, QByteArrayView utf8);

// QDateTime::toString(Qt::ISODateWithMs) of the moment in UTC ("2026-03-05T01:02:03.004Z"), written directly for
// the years 1–9999 and by Qt otherwise.
QString isoUtcMs(const QDateTime &moment);

// The moment isoUtcMs() writes, read back: valid only for exactly that shape ("2026-03-05T01:02:03.004Z") with a
// real date and time; anything else is for QDateTime::fromString.
QDateTime parseIsoUtcMs(QStringView text);
QDateTime parseIsoUtcMs(QLatin1StringView text);

// True when `text` is one JSON value that Qt's parser accepts and Qt's compact writer writes back byte for byte:
// object keys in ascending order without repeats, no spaces, strings escaped as appendString() escapes them,
// numbers as integers of at most 18 digits. False when it is not, and also for the rare canonical text outside that
// profile (non-ASCII or escaped keys, fractions, noncharacters, a string that starts with U+FEFF, which Qt's parser
// drops, nesting deeper than 64): callers then write the value again with Qt, which is always right, only slower.
bool isCanonical(QByteArrayView text);

// The length of the JSON value `text` starts with, found by matching brackets outside strings (no other check);
// -1 when it does not end within `text`.
qsizetype valueLength(QByteArrayView text);

// The elements of the array that is the value of `key` in the JSON object `document`, as slices of `document`
// (without surrounding spaces), in order. False when `document` is not an object, when `key` is missing, repeated or
// not an array, or when the text is not well formed. `key` is matched as written, without escapes.
bool arrayElements(QByteArrayView document, QByteArrayView key, QList<QByteArrayView> *out);

}  // namespace motcua::json
