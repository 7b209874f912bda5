// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/CatalogImport.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace motcua::catalog {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::catalog)
};

// Large enough for any fee in đồng and any duration, small enough to be exact in a double.
constexpr double kMaxWhole = 1e15;

// Reads the values of one object, appending one problem per bad value, prefixed with `where`.
class Reader final {
public:
    Reader(const QJsonObject &object, QString where, QString path, QStringList *problems) :
        m_object(object), m_where(std::move(where)), m_path(std::move(path)), m_problems(problems)
    {
    }

    [[nodiscard]] QString key(const QString &name) const
    {
        return m_path.isEmpty() ? name : QString(m_path + QLatin1Char('.') + name);
    }

    void problem(const QString &text) const
    {
        if (m_problems)
            m_problems->append(m_where.isEmpty() ? text : QString(m_where + QStringLiteral(": ") + text));
    }

    [[nodiscard]] bool present(const QString &name) const
    {
        const QJsonValue v = m_object.value(name);
        return !v.isUndefined() && !v.isNull();
    }

    QString text(const QString &name, bool required) const
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(Tr::tr("%1 is missing").arg(key(name)));
            return {};
        }
        if (!v.isString()) {
            problem(Tr::tr("%1 must be text").arg(key(name)));
            return {};
        }
        const QString s = v.toString().trimmed();
        if (required && s.isEmpty())
            problem(Tr::tr("%1 is empty").arg(key(name)));
        return s;
    }

    std::optional<qint64> whole(const QString &name, bool required, qint64 max = kMaxWhole) const
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(Tr::tr("%1 is missing").arg(key(name)));
            return std::nullopt;
        }
        if (!v.isDouble()) {
            problem(Tr::tr("%1 must be a number").arg(key(name)));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (d < 0) {
            problem(Tr::tr("%1 is negative").arg(key(name)));
            return std::nullopt;
        }
        if (std::floor(d) != d) {
            problem(Tr::tr("%1 must be a whole number").arg(key(name)));
            return std::nullopt;
        }
        if (d > double(max)) {
            problem(Tr::tr("%1 is too large").arg(key(name)));
            return std::nullopt;
        }
        return qint64(d);
    }

    bool flag(const QString &name) const
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool()) {
            problem(Tr::tr("%1 must be true or false").arg(key(name)));
            return false;
        }
        return v.toBool();
    }

    QJsonArray list(const QString &name) const
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            problem(Tr::tr("%1 must be a list").arg(key(name)));
            return {};
        }
        return v.toArray();
    }

    std::optional<QJsonObject> object(const QString &name, bool required) const
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(Tr::tr("%1 is missing").arg(key(name)));
            return std::nullopt;
        }
        if (!v.isObject()) {
            problem(Tr::tr("%1 must be an object").arg(key(name)));
            return std::nullopt;
        }
        return v.toObject();
    }

    // A reader for a nested object, reporting under the same `where`.
    Reader nested(const QJsonObject &object, const QString &path) const
    {
        return Reader(object, m_where, path, m_problems);
    }

private:
    QJsonObject m_object;
    QString m_where;
    QString m_path;
    QStringList *m_problems;
};

std::optional<ProcessingTime> readProcessing(const Reader &reader, const QString &name, bool required)
{
    const auto object = reader.object(name, required);
    if (!object)
        return std::nullopt;
    const Reader r = reader.nested(*object, reader.key(name));
    ProcessingTime time;
    bool ok = true;
    const QString kindName = r.text(QStringLiteral("kind"), true);
    if (!kindName.isEmpty() && !processingKindFromName(kindName, &time.kind)) {
        r.problem(Tr::tr("%1 is not a known processing kind (%2); use working_days, calendar_days or same_day_15h")
                      .arg(r.key(QStringLiteral("kind")), kindName));
        ok = false;
    }
    ok = ok && !kindName.isEmpty();
    const auto days = r.whole(QStringLiteral("days"), true);
    if (days && *days > 100000) {
        r.problem(Tr::tr("%1 is too large").arg(r.key(QStringLiteral("days"))));
        ok = false;
    }
    if (!days)
        ok = false;
    if (!ok)
        return std::nullopt;
    time.days = int(*days);
    return time;
}

bool isCodeCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || u == u'.' || u == u'-' ||
           u == u'_';
}

// Line and column (1-based) of a byte offset in `data`, counting characters, not bytes.
std::pair<int, int> lineAndColumn(const QByteArray &data, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    for (qsizetype i = 0; i < offset; ++i) {
        if (data.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const int column = int(QString::fromUtf8(data.mid(lineStart, offset - lineStart)).size()) + 1;
    return {line, column};
}

// Calls `read` with a reader for each object in the list `name`; an element that is not an object is a problem.
template <typename ReadOne> void forEachObject(const Reader &r, const QString &name, ReadOne read)
{
    const QJsonArray items = r.list(name);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = name + QStringLiteral("[%1]").arg(i);
        if (!items.at(i).isObject()) {
            r.problem(Tr::tr("%1 must be an object").arg(path));
            continue;
        }
        read(r.nested(items.at(i).toObject(), path));
    }
}

DocumentRequirement readDocument(const Reader &d)
{
    DocumentRequirement doc;
    doc.name = d.text(QStringLiteral("name"), true);
    // A counter hands in a handful of sheets; more than 999 of one document is a typing error.
    doc.originals = int(d.whole(QStringLiteral("originals"), false, 999).value_or(0));
    doc.certifiedCopies = int(d.whole(QStringLiteral("certified_copies"), false, 999).value_or(0));
    doc.copies = int(d.whole(QStringLiteral("copies"), false, 999).value_or(0));
    doc.presentOnly = d.flag(QStringLiteral("present_only"));
    return doc;
}

FeeLine readFeeLine(const Reader &f)
{
    FeeLine line;
    line.name = f.text(QStringLiteral("name"), true);
    line.feeVnd = f.whole(QStringLiteral("fee_vnd"), true).value_or(0);
    line.note = f.text(QStringLiteral("note"), false);
    return line;
}

ZoneVariant readZoneVariant(const Reader &z)
{
    ZoneVariant zone;
    zone.zone = z.text(QStringLiteral("zone"), true);
    zone.processing = readProcessing(z, QStringLiteral("processing"), false);
    zone.feeVnd = z.whole(QStringLiteral("fee_vnd"), false);
    zone.note = z.text(QStringLiteral("note"), false);
    return zone;
}

// legal_basis: one text or a list of texts.
QStringList readLegalBasis(const Reader &r, const QJsonObject &object)
{
    QStringList legalBasis;
    const QJsonValue basis = object.value(QStringLiteral("legal_basis"));
    if (basis.isString()) {
        if (!basis.toString().trimmed().isEmpty())
            legalBasis.append(basis.toString().trimmed());
    } else if (basis.isArray()) {
        const QJsonArray items = basis.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).isString())
                legalBasis.append(items.at(i).toString().trimmed());
            else
                r.problem(Tr::tr("%1 must be text").arg(QStringLiteral("legal_basis[%1]").arg(i)));
        }
    } else if (!basis.isUndefined() && !basis.isNull()) {
        r.problem(Tr::tr("%1 must be text or a list of texts").arg(QStringLiteral("legal_basis")));
    }
    return legalBasis;
}

}  // namespace

Procedure procedureFromJson(const QJsonObject &object, const QString &where, QStringList *problems)
{
    Procedure p;
    p.doc = object;
    const Reader r(object, where, QString(), problems);
    p.code = r.text(QStringLiteral("code"), true);
    if (!p.code.isEmpty() && !std::all_of(p.code.cbegin(), p.code.cend(), isCodeCharacter))
        r.problem(Tr::tr("code \"%1\" may only hold letters, digits, '.', '-' and '_'").arg(p.code));
    p.name = r.text(QStringLiteral("name"), true);
    p.field = r.text(QStringLiteral("field"), false);
    p.level = r.text(QStringLiteral("level"), false);
    p.agency = r.text(QStringLiteral("agency"), false);
    p.notes = r.text(QStringLiteral("notes"), false);
    p.feeNote = r.text(QStringLiteral("fee_note"), false);
    p.verified = r.flag(QStringLiteral("verified"));
    if (const auto time = readProcessing(r, QStringLiteral("processing"), true))
        p.processing = *time;
    p.feeVnd = r.whole(QStringLiteral("fee_vnd"), false);
    forEachObject(r, QStringLiteral("documents"), [&p](const Reader &d) { p.documents.append(readDocument(d)); });
    forEachObject(r, QStringLiteral("fee_lines"), [&p](const Reader &f) { p.feeLines.append(readFeeLine(f)); });
    forEachObject(r, QStringLiteral("zone_variants"),
                  [&p](const Reader &z) { p.zoneVariants.append(readZoneVariant(z)); });
    p.legalBasis = readLegalBasis(r, object);
    return p;
}

Result<ParsedCatalog> parseCatalog(const QByteArray &json, QStringList *problemsOut)
{
    QStringList problems;
    ParsedCatalog parsed;
    auto reject = [&]() -> Error {
        if (problemsOut)
            *problemsOut = problems;
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("The catalog was not imported: %1").arg(problems.join(QStringLiteral("; "))),
                         problems.join(QLatin1Char('\n')));
    };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        problems.append(Tr::tr("the file is not valid JSON: %1 at line %2, column %3")
                            .arg(parseError.errorString())
                            .arg(line)
                            .arg(column));
        return reject();
    }
    QJsonArray list;
    if (document.isArray()) {
        list = document.array();
    } else {
        const QJsonObject root = document.object();
        const QJsonValue procedures = root.value(QStringLiteral("procedures"));
        if (!procedures.isArray()) {
            problems.append(Tr::tr("the file must be a JSON object with a list \"procedures\""));
            return reject();
        }
        list = procedures.toArray();
        const QJsonValue format = root.value(QStringLiteral("format"));
        if (format.isString())
            parsed.format = format.toString();
    }
    if (list.isEmpty()) {
        problems.append(Tr::tr("the catalog lists no procedures"));
        return reject();
    }

    QHash<QString, qsizetype> firstIndexOfCode;
    parsed.procedures.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString index = QStringLiteral("procedures[%1]").arg(i);
        if (!list.at(i).isObject()) {
            problems.append(Tr::tr("%1 must be an object").arg(index));
            continue;
        }
        const QJsonObject object = list.at(i).toObject();
        const QJsonValue code = object.value(QStringLiteral("code"));
        const QString where = code.isString() && !code.toString().trimmed().isEmpty()
                                  ? QString(index + QStringLiteral(" (") + code.toString().trimmed() + QLatin1Char(')'))
                                  : index;
        Procedure p = procedureFromJson(object, where, &problems);
        if (!p.code.isEmpty()) {
            const auto seen = firstIndexOfCode.constFind(p.code);
            if (seen != firstIndexOfCode.constEnd())
                problems.append(QString(where + QStringLiteral(": ") +
                                        Tr::tr("code %1 is listed already at procedures[%2]").arg(p.code).arg(*seen)));
            else
                firstIndexOfCode.insert(p.code, i);
        }
        parsed.procedures.append(std::move(p));
    }
    if (!problems.isEmpty())
        return reject();
    if (problemsOut)
        problemsOut->clear();
    return parsed;
}

}  // namespace motcua::catalog
