// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>

#include <memory>

namespace motcua::sync {

// Where a counter keeps the credential it received at enrollment. The OS keychain (QtKeychain: the Secret
// Service, e.g. GNOME Keyring, on Linux); never a plain file unless an administrator turned that on explicitly.
class CredentialStore {
public:
    virtual ~CredentialStore() = default;
    virtual Result<void> save(const QString &counterId, const QString &secret) = 0;
    // NotFound when there is none; Io (with a message saying what to do) when the keychain cannot be used.
    virtual Result<QString> load(const QString &counterId) = 0;
    virtual Result<void> remove(const QString &counterId) = 0;
    // Checks that credentials can be stored here at all, before an enrollment spends its one-time code.
    virtual Result<void> probe() = 0;
    [[nodiscard]] virtual QString describe() const = 0;
};

// The OS keychain. Blocking calls (a local event loop): use from a worker thread or a command-line program.
class KeychainCredentials final : public CredentialStore {
public:
    explicit KeychainCredentials(QString service = QStringLiteral("motcua"));
    Result<void> save(const QString &counterId, const QString &secret) override;
    Result<QString> load(const QString &counterId) override;
    Result<void> remove(const QString &counterId) override;
    Result<void> probe() override;
    [[nodiscard]] QString describe() const override;

private:
    QString m_service;
};

// A file readable by its owner only (0600). Only when the counter's configuration says
// `sync/allow_plaintext_credentials=true` (an administrator's explicit choice for a machine without a keychain).
class PlaintextCredentials final : public CredentialStore {
public:
    explicit PlaintextCredentials(QString path);
    Result<void> save(const QString &counterId, const QString &secret) override;
    Result<QString> load(const QString &counterId) override;
    Result<void> remove(const QString &counterId) override;
    Result<void> probe() override;
    [[nodiscard]] QString describe() const override;

private:
    QString m_path;
};

// The credential store for the counter whose data file is `storePath`: the keychain, or the plaintext file next to
// the store when `allowPlaintext`.
std::unique_ptr<CredentialStore> credentialStoreFor(const QString &storePath, bool allowPlaintext);

}  // namespace motcua::sync
