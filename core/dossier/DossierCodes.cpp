// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dossier/DossierCodes.h"

#include "core/store/Sql.h"

#include <QCoreApplication>

namespace motcua {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::dossier)
};

Error exhausted(const QString &agencyId, const QDate &day, const DossierCodes::Range &range)
{
    return makeError(ErrorCode::Exhausted,
                     Tr::tr("This counter has issued all the dossier codes of its range for %1 on %2 (%3–%4). "
                            "Connect to the provincial center to lease more, or ask the unit's administrator.")
                         .arg(agencyId, day.toString(QStringLiteral("dd/MM/yyyy")))
                         .arg(range.first)
                         .arg(range.last));
}
}  // namespace

QString DossierCodes::format(const QString &agencyId, const QDate &day, int sequence)
{
    return agencyId + QLatin1Char('-') + day.toString(QStringLiteral("yyMMdd")) + QLatin1Char('-') +
           QStringLiteral("%1").arg(sequence, 4, 10, QLatin1Char('0'));
}

bool DossierCodes::isValidAgencyId(const QString &agencyId)
{
    if (agencyId.isEmpty() || agencyId.size() > 40)
        return false;
    for (const QChar c : agencyId) {
        const bool ok = (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                        (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                        (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('.');
        if (!ok)
            return false;
    }
    return true;
}

bool DossierCodes::parse(const QString &code, QString *agencyId, QDate *day, int *sequence)
{
    const qsizetype lastDash = code.lastIndexOf(QLatin1Char('-'));
    if (lastDash < 0 || code.size() - lastDash - 1 != 4)
        return false;
    const qsizetype dateDash = code.lastIndexOf(QLatin1Char('-'), lastDash - 1);
    if (dateDash < 1 || lastDash - dateDash - 1 != 6)
        return false;
    const QString agency = code.left(dateDash);
    if (!isValidAgencyId(agency))
        return false;
    const QString yymmdd = code.mid(dateDash + 1, 6);
    for (const QChar c : yymmdd) {
        if (!c.isDigit())
            return false;
    }
    const QDate d(2000 + yymmdd.left(2).toInt(), yymmdd.mid(2, 2).toInt(), yymmdd.mid(4, 2).toInt());
    bool ok = false;
    const int seq = code.mid(lastDash + 1).toInt(&ok);
    if (!d.isValid() || !ok || seq < 1 || seq > kMaxSequence)
        return false;
    if (agencyId)
        *agencyId = agency;
    if (day)
        *day = d;
    if (sequence)
        *sequence = seq;
    return true;
}

DossierCodes::Range DossierCodes::reserve(int slot, int slots)
{
    const int size = kMaxSequence / slots;
    return {(slot - 1) * size + 1, slot * size};
}

Result<QString> DossierCodes::issue(const QSqlDatabase &db, const QString &agencyId, const QDate &day, int slot,
                                    int slots)
{
    if (!isValidAgencyId(agencyId))
        return makeError(ErrorCode::InvalidInput, Tr::tr("'%1' is not a valid agency identifier.").arg(agencyId));
    if (slots < 1 || slots > kMaxSequence || slot < 1 || slot > slots)
        return makeError(
            ErrorCode::InvalidInput,
            Tr::tr("This counter has no valid code slot (%1 of %2); enroll it with the center or set it up "
                   "again.")
                .arg(slot)
                .arg(slots));
    const QString dayText = day.toString(Qt::ISODate);
    const Range range = reserve(slot, slots);
    // Leased blocks (from the center) and this slot's offline reserve share the table; the lowest open block goes
    // first. A reserve of another slot (left from before the counter's slot changed) is never drawn from: it
    // belongs to another counter now.
    auto block = sql::run(db,
                          QStringLiteral("SELECT first, next, last FROM code_blocks WHERE agency_id = ? AND day = ? "
                                         "AND next <= last AND (origin = 'lease' OR (first = ? AND last = ?)) "
                                         "ORDER BY first LIMIT 1"),
                          {agencyId, dayText, range.first, range.last});
    if (!block)
        return block.error();
    int first = 0;
    int next = 0;
    if (block->next()) {
        first = block->value(0).toInt();
        next = block->value(1).toInt();
    } else {
        auto used = sql::scalar(
            db, QStringLiteral("SELECT count(*) FROM code_blocks WHERE agency_id = ? AND day = ? AND first = ?"),
            {agencyId, dayText, range.first});
        if (!used)
            return used.error();
        if (used->toInt() > 0)
            return exhausted(agencyId, day, range);
        // A reserve that overlaps numbers this store already issued from another reserve (the slot count changed
        // during the day) is refused: those numbers may be on dossiers already.
        auto overlap = sql::scalar(db,
                                   QStringLiteral("SELECT count(*) FROM code_blocks WHERE agency_id = ? AND day = ? "
                                                  "AND first <= ? AND next - 1 >= ?"),
                                   {agencyId, dayText, range.last, range.first});
        if (!overlap)
            return overlap.error();
        if (overlap->toInt() > 0)
            return exhausted(agencyId, day, range);
        auto ins = sql::run(db,
                            QStringLiteral("INSERT INTO code_blocks(agency_id, day, first, last, next, origin) "
                                           "VALUES(?, ?, ?, ?, ?, 'reserve')"),
                            {agencyId, dayText, range.first, range.last, range.first});
        if (!ins)
            return ins.error();
        first = range.first;
        next = range.first;
    }
    auto upd = sql::run(
        db, QStringLiteral("UPDATE code_blocks SET next = next + 1 WHERE agency_id = ? AND day = ? AND first = ?"),
        {agencyId, dayText, first});
    if (!upd)
        return upd.error();
    return format(agencyId, day, next);
}

}  // namespace motcua
