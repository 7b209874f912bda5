// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/officer/PasswordHash.h"

#include <catch2/catch.hpp>

using namespace motcua;

TEST_CASE("Argon2id password hashes verify the right password only")
{
    const auto hash = hashPassword(QStringLiteral("Mật khẩu 2026"));
    REQUIRE(hash.ok());
    CHECK(hash->startsWith(QLatin1String("$argon2id$")));
    CHECK(verifyPassword(*hash, QStringLiteral("Mật khẩu 2026")));
    CHECK_FALSE(verifyPassword(*hash, QStringLiteral("Mat khau 2026")));
    CHECK_FALSE(verifyPassword(*hash, QString()));
    CHECK_FALSE(passwordNeedsRehash(*hash));

    // Each hash has its own salt.
    const auto again = hashPassword(QStringLiteral("Mật khẩu 2026"));
    REQUIRE(again.ok());
    CHECK(*again != *hash);
}

TEST_CASE("Malformed or empty hashes never match and empty passwords are refused")
{
    CHECK_FALSE(verifyPassword(QString(), QStringLiteral("x")));
    CHECK_FALSE(verifyPassword(QStringLiteral("plain-text"), QStringLiteral("plain-text")));
    CHECK_FALSE(verifyPassword(QStringLiteral("$argon2id$v=19$m=1,t=1,p=1$broken"), QStringLiteral("x")));
    const auto empty = hashPassword(QString());
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::InvalidInput);
}
