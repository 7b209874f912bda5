// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "core/catalog/Procedure.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace motcua::catalog {

struct ParsedCatalog {
    QString format;  // the file's "format" word, empty when it has none
    QList<Procedure> procedures;
};

// Parses a catalog file: {"format": …, "procedures": [ … ]} (a bare array of procedures is accepted too).
// The file is taken whole or not at all: any problem — JSON syntax (with line and column), a missing code or
// name, a negative or fractional number of days, an unknown processing kind, a duplicate code, a value of the
// wrong type — rejects it with ErrorCode::InvalidInput, and the message lists every problem, each named by
// procedure index, code and field, e.g. "procedures[12] (1.0001): processing.days is negative".
// `problems`, when given, receives the same list one problem per entry.
Result<ParsedCatalog> parseCatalog(const QByteArray &json, QStringList *problems = nullptr);

// Reads one procedure object. Problems are appended to `problems` prefixed with `where` (e.g. "procedures[3]");
// an object stored by a successful import has none.
Procedure procedureFromJson(const QJsonObject &object, const QString &where, QStringList *problems);

}  // namespace motcua::catalog
