// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/officer/PasswordHash.h"

#include <QCoreApplication>

#include <sodium.h>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::PasswordHash)
};

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

}  // namespace

Result<QString> hashPassword(const QString &password)
{
    if (password.isEmpty())
        return Error{ErrorCode::InvalidInput, Tr::tr("The password is empty."), {}};
    if (!sodiumReady())
        return Error{ErrorCode::Internal, Tr::tr("The password library could not start."), {}};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), kOpsLimit, kMemLimit) !=
        0) {
        return Error{ErrorCode::Internal, Tr::tr("There is not enough memory to protect the password."),
                     QStringLiteral("crypto_pwhash_str failed")};
    }
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString &hash, const QString &password)
{
    if (!sodiumReady() || hash.isEmpty() || !hash.startsWith(QLatin1String("$argon2id$")))
        return false;
    const QByteArray stored = hash.toLatin1();
    if (stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

bool passwordNeedsRehash(const QString &hash)
{
    if (!sodiumReady())
        return false;
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_needs_rehash(stored.constData(), kOpsLimit, kMemLimit) != 0;
}

}  // namespace motcua
