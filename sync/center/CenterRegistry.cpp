// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/center/CenterRegistry.h"

#include "core/Clock.h"
#include "core/store/Sql.h"
#include "sync/center/CenterDatabase.h"
#include "sync/center/CenterSchema.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>

#include <openssl/evp.h>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::CenterStore)
};

// SHA-256 through OpenSSL, which uses the CPU's SHA extensions where there are any: enrollment codes and counter
// secrets, one hash per authenticated request. (It was chosen when the center also hashed every event it stored, which
// schema 2 ended; QCryptographicHash remains the fallback.)
QString sha256Hex(const QByteArray &bytes)
{
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!sha256 || EVP_Digest(bytes.constData(), size_t(bytes.size()), digest, &size, sha256, nullptr) != 1)
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return QString::fromLatin1(QByteArray::fromRawData(reinterpret_cast<const char *>(digest), int(size)).toHex());
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

// Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud over the phone is not mistyped.
constexpr char kCodeAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

QString randomCode()
{
    QString code;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(kCodeAlphabet[QRandomGenerator::system()->bounded(32)]);
    }
    return code;
}

// An enrollment code as typed: upper-cased, dashes and spaces dropped, easily confused letters mapped.
QString normalizeCode(const QString &typed)
{
    QString out;
    for (QChar c : typed.toUpper()) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        if (c == QLatin1Char('O'))
            c = QLatin1Char('0');
        else if (c == QLatin1Char('I') || c == QLatin1Char('L'))
            c = QLatin1Char('1');
        out += c;
    }
    return out;
}

QString randomSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

}  // namespace

CenterRegistry::CenterRegistry(const CenterDatabase &db) : m_db(db) {}

Result<QString> CenterRegistry::epoch() const
{
    auto v = sql::cachedScalar(m_db.connection(), QStringLiteral("SELECT value FROM center_meta WHERE key = 'epoch'"));
    if (!v)
        return v.error();
    return v->toString();
}

Result<QString> CenterRegistry::startNewEpoch()
{
    const QString fresh = CenterSchema::newEpochId();
    auto r = m_db.write([&](const QSqlDatabase &db) -> Result<void> {
        auto u = sql::run(db, QStringLiteral("UPDATE center_meta SET value = ? WHERE key = 'epoch'"), {fresh});
        if (!u)
            return u.error();
        return {};
    });
    if (!r)
        return r.error();
    return fresh;
}

Result<void> CenterRegistry::addUnit(const UnitRecord &unit)
{
    if (unit.unitId.trimmed().isEmpty() || unit.name.trimmed().isEmpty() || unit.agencyId.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, Tr::tr("A unit needs an id, a name and an agency id."));
    if (unit.slots < 1 || unit.slots > 99)
        return makeError(ErrorCode::InvalidInput, Tr::tr("Slots must be between 1 and 99 (got %1).").arg(unit.slots));
    return m_db.write([&](const QSqlDatabase &db) -> Result<void> {
        auto existing = sql::scalar(db, QStringLiteral("SELECT count(*) FROM units WHERE unit_id = ?"), {unit.unitId});
        if (!existing)
            return existing.error();
        if (existing->toInt() > 0)
            return makeError(ErrorCode::Conflict, Tr::tr("The unit %1 exists already.").arg(unit.unitId));
        auto r = sql::run(db,
                          QStringLiteral("INSERT INTO units(unit_id, name, agency_id, slots, created_at) "
                                         "VALUES(?, ?, ?, ?, ?)"),
                          {unit.unitId.trimmed(), unit.name.trimmed(), unit.agencyId.trimmed().toUpper(), unit.slots,
                           CenterDatabase::nowText()});
        if (!r)
            return r.error();
        return {};
    });
}

Result<QList<UnitRecord>> CenterRegistry::units() const
{
    auto q = sql::run(m_db.connection(),
                      QStringLiteral("SELECT unit_id, name, agency_id, slots FROM units ORDER BY unit_id"));
    if (!q)
        return q.error();
    QList<UnitRecord> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toInt()});
    return out;
}

Result<UnitRecord> CenterRegistry::unit(const QString &unitId) const
{
    auto q = sql::run(m_db.connection(),
                      QStringLiteral("SELECT unit_id, name, agency_id, slots FROM units WHERE unit_id = ?"), {unitId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, Tr::tr("There is no unit %1. Add it with: unit add").arg(unitId));
    return UnitRecord{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toInt()};
}

Result<NewCounter> CenterRegistry::addCounter(const QString &unitId, const QString &name, int validHours)
{
    if (validHours < 1 || validHours > 24 * 30)
        return makeError(ErrorCode::InvalidInput,
                         Tr::tr("An enrollment code may be valid for 1 to 720 hours (got %1).").arg(validHours));
    auto u = unit(unitId);
    if (!u)
        return u.error();
    NewCounter out;
    out.unitId = unitId;
    out.enrollmentCode = randomCode();
    out.expiresAt = Clock::now().toUTC().addSecs(qint64(validHours) * 3600);
    auto r = m_db.write([&](const QSqlDatabase &db) -> Result<void> {
        // Slots of revoked counters are never handed out again: codes they issued stay theirs.
        auto used = sql::run(db, QStringLiteral("SELECT slot FROM counters WHERE unit_id = ?"), {unitId});
        if (!used)
            return used.error();
        QSet<int> taken;
        while (used->next())
            taken.insert(used->value(0).toInt());
        for (int s = 1; s <= u->slots; ++s) {
            if (!taken.contains(s)) {
                out.slot = s;
                break;
            }
        }
        if (out.slot == 0)
            return makeError(ErrorCode::Exhausted,
                             Tr::tr("All %1 dossier-code slots of unit %2 are taken. Raise the unit's slots first.")
                                 .arg(u->slots)
                                 .arg(unitId));
        out.counterId = QStringLiteral("%1-Q%2").arg(unitId).arg(out.slot, 2, 10, QLatin1Char('0'));
        auto ins = sql::run(db,
                            QStringLiteral("INSERT INTO counters(counter_id, unit_id, name, slot, enroll_hash, "
                                           "enroll_expires, created_at) VALUES(?, ?, ?, ?, ?, ?, ?)"),
                            {out.counterId, unitId, name.trimmed().isEmpty() ? out.counterId : name.trimmed(), out.slot,
                             sha256Hex(normalizeCode(out.enrollmentCode).toLatin1()),
                             out.expiresAt.toString(Qt::ISODateWithMs), CenterDatabase::nowText()});
        if (!ins)
            return ins.error();
        return {};
    });
    if (!r)
        return r.error();
    return out;
}

Result<void> CenterRegistry::revokeCounter(const QString &counterId)
{
    return m_db.write([&](const QSqlDatabase &db) -> Result<void> {
        auto q = sql::run(db,
                          QStringLiteral("UPDATE counters SET revoked = 1, secret_hash = '', enroll_hash = '' "
                                         "WHERE counter_id = ?"),
                          {counterId});
        if (!q)
            return q.error();
        if (q->numRowsAffected() == 0)
            return makeError(ErrorCode::NotFound, Tr::tr("There is no counter %1.").arg(counterId));
        return {};
    });
}

Result<Enrollment> CenterRegistry::enroll(const QString &code)
{
    const QString normalized = normalizeCode(code);
    if (normalized.size() != 12)
        return makeError(ErrorCode::NotFound, Tr::tr("The enrollment code is not valid."));
    Enrollment out;
    out.secret = randomSecret();
    QString unitId;
    auto r = m_db.write([&](const QSqlDatabase &db) -> Result<void> {
        auto q = sql::run(db,
                          QStringLiteral("SELECT counter_id, unit_id, slot, enroll_expires, revoked FROM counters "
                                         "WHERE enroll_hash = ?"),
                          {sha256Hex(normalized.toLatin1())});
        if (!q)
            return q.error();
        if (!q->next() || q->value(4).toInt() != 0)
            return makeError(ErrorCode::NotFound, Tr::tr("The enrollment code is not valid: mistyped, used already, "
                                                         "or revoked."));
        if (CenterDatabase::fromText(q->value(3).toString()) < Clock::now())
            return makeError(ErrorCode::NotFound, Tr::tr("The enrollment code has expired. Ask for a new one."));
        out.counterId = q->value(0).toString();
        unitId = q->value(1).toString();
        out.slot = q->value(2).toInt();
        // One use only: the code's hash is wiped in the same transaction that hands out the secret.
        auto u = sql::run(
            db,
            QStringLiteral("UPDATE counters SET enroll_hash = '', secret_hash = ?, enrolled_at = ?, "
                           "last_contact = ? WHERE counter_id = ?"),
            {sha256Hex(out.secret.toLatin1()), CenterDatabase::nowText(), CenterDatabase::nowText(), out.counterId});
        if (!u)
            return u.error();
        return {};
    });
    if (!r)
        return r.error();
    auto u = unit(unitId);
    if (!u)
        return u.error();
    out.unit = *u;
    auto e = epoch();
    if (!e)
        return e.error();
    out.epoch = *e;
    return out;
}

Result<CounterAuth> CenterRegistry::authenticate(const QByteArray &authorization) const
{
    static const QByteArray prefix = "Bearer ";
    if (!authorization.startsWith(prefix))
        return makeError(ErrorCode::NotFound, Tr::tr("No credential was sent."));
    const QByteArray credential = authorization.mid(prefix.size()).trimmed();
    const qsizetype dot = credential.lastIndexOf('.');
    if (dot <= 0 || dot == credential.size() - 1 || credential.size() > 512)
        return makeError(ErrorCode::NotFound, Tr::tr("The credential is malformed."));
    const QString counterId = QString::fromUtf8(credential.left(dot));
    const QByteArray secret = credential.mid(dot + 1);
    auto q = sql::cached(m_db.connection(),
                         QStringLiteral("SELECT unit_id, secret_hash, revoked FROM counters WHERE counter_id = ?"),
                         {counterId});
    if (!q)
        return q.error();
    const bool found = (*q)->next();
    const QString unitId = found ? (*q)->value(0).toString() : QString();
    const QByteArray stored = found ? (*q)->value(1).toString().toLatin1() : QByteArray();
    const bool revoked = found && (*q)->value(2).toInt() != 0;
    (*q)->finish();
    if (!found)
        return makeError(ErrorCode::NotFound, Tr::tr("Unknown counter."));
    if (revoked)
        return makeError(ErrorCode::Conflict, Tr::tr("This counter has been revoked by the provincial center."));
    if (stored.isEmpty() || !constantTimeEquals(stored, sha256Hex(secret).toLatin1()))
        return makeError(ErrorCode::NotFound, Tr::tr("Wrong credential."));
    return CounterAuth{counterId, unitId};
}

Result<void> CenterRegistry::touch(const QString &counterId) const
{
    return m_db.writeOne(QStringLiteral("UPDATE counters SET last_contact = ? WHERE counter_id = ?"),
                         {CenterDatabase::nowText(), counterId});
}

}  // namespace motcua::sync
