// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace motcua {

class Store;

// An officer as the counter knows them: created at the center and received by sync (or, on a standalone counter,
// the local admin made at first start). Only the Argon2id hash of the password is kept.
struct OfficerRecord {
    QString login;
    QString fullName;
    QString role;  // officer | supervisor | admin
    QString unitId;
    QString passwordHash;
    bool disabled = false;
    QDateTime updatedAt;  // UTC
};

enum class LoginOutcome { Ok, WrongPassword, Locked, Disabled, Unknown };

struct LoginResult {
    LoginOutcome outcome = LoginOutcome::Unknown;
    QDateTime lockedUntil;  // UTC; set when Locked
    int attemptsLeft = 0;   // after a wrong password: tries before the account locks
    OfficerRecord officer;  // set when the login is known
};

// The officers table of the local store; logins are checked offline. Five wrong passwords in a row lock the account
// for 15 minutes (Clock::now), counted on this counter only: the counts are local and never synced.
class OfficerStore final {
public:
    static constexpr int kMaxFailedLogins = 5;
    static constexpr int kLockMinutes = 15;

    explicit OfficerStore(const Store &store);

    // Inside the caller's transaction (the sync client's): inserts or replaces the officer's synced fields and keeps
    // the local failed_logins and locked_until.
    static Result<void> upsert(const QSqlDatabase &db, const OfficerRecord &record);
    // Adds a new officer in its own transaction (standalone setup); Conflict when the login exists.
    Result<void> add(const OfficerRecord &record);
    Result<LoginResult> login(const QString &login, const QString &password);
    Result<QList<OfficerRecord>> list() const;
    // The full name of the officer `login`; nothing when this store does not know the login.
    Result<std::optional<QString>> fullName(const QString &login) const;

    static bool validRole(const QString &role);

private:
    const Store &m_store;
};

}  // namespace motcua
