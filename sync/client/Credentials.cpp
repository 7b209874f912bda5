// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/client/Credentials.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <qt6keychain/keychain.h>

namespace motcua::sync {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::sync::Credentials)
};

QString keyFor(const QString &counterId)
{
    return QStringLiteral("counter/%1").arg(counterId);
}

Error keychainError(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return makeError(ErrorCode::NotFound, Tr::tr("The keychain holds no credential for this counter. Enroll it "
                                                     "with the provincial center again."));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return makeError(ErrorCode::Io,
                         Tr::tr("The keychain is locked or refused access. Unlock it (log in to the "
                                "desktop again) and retry; work goes on offline meanwhile."),
                         job.errorString());
    case QKeychain::NoBackendAvailable:
        return makeError(ErrorCode::Io,
                         Tr::tr("No keychain is available on this computer (the Secret Service, "
                                "e.g. GNOME Keyring, is not running), so the counter cannot sign in to "
                                "the provincial center. Work goes on offline. Ask IT to start the "
                                "keychain."),
                         job.errorString());
    default:
        // QtKeychain reports a missing D-Bus session or Secret Service as a generic error.
        return makeError(ErrorCode::Io,
                         Tr::tr("No keychain can be used on this computer (%1), so the counter cannot keep its "
                                "credential for the provincial center. Work goes on offline. Ask IT to start the "
                                "keychain (e.g. GNOME Keyring) for this user.")
                             .arg(job.errorString()),
                         job.errorString());
    }
}

template <typename JobT> void runJob(JobT &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

}  // namespace

KeychainCredentials::KeychainCredentials(QString service) : m_service(std::move(service)) {}

Result<void> KeychainCredentials::save(const QString &counterId, const QString &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(keyFor(counterId));
    job.setTextData(secret);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job);
    return {};
}

Result<QString> KeychainCredentials::load(const QString &counterId)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(keyFor(counterId));
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job);
    return job.textData();
}

Result<void> KeychainCredentials::remove(const QString &counterId)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(keyFor(counterId));
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keychainError(job);
    return {};
}

Result<void> KeychainCredentials::probe()
{
    const QString key = QStringLiteral("probe/%1").arg(QCoreApplication::applicationPid());
    QKeychain::WritePasswordJob write(m_service);
    write.setKey(key);
    write.setTextData(QStringLiteral("probe"));
    runJob(write);
    if (write.error() != QKeychain::NoError)
        return keychainError(write);
    QKeychain::DeletePasswordJob erase(m_service);
    erase.setKey(key);
    runJob(erase);
    return {};
}

QString KeychainCredentials::describe() const
{
    return Tr::tr("the OS keychain");
}

PlaintextCredentials::PlaintextCredentials(QString path) : m_path(std::move(path)) {}

Result<void> PlaintextCredentials::save(const QString &counterId, const QString &secret)
{
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::ReadOnly, Tr::tr("Cannot write %1.").arg(m_path));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(QJsonObject{{keyFor(counterId), secret}}).toJson());
    if (!file.commit())
        return makeError(ErrorCode::Io, Tr::tr("Cannot write %1.").arg(m_path));
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

Result<QString> PlaintextCredentials::load(const QString &counterId)
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, Tr::tr("There is no credential file %1.").arg(m_path));
    const QString secret = QJsonDocument::fromJson(file.readAll()).object().value(keyFor(counterId)).toString();
    if (secret.isEmpty())
        return makeError(ErrorCode::NotFound, Tr::tr("%1 holds no credential for this counter.").arg(m_path));
    return secret;
}

Result<void> PlaintextCredentials::remove(const QString &counterId)
{
    Q_UNUSED(counterId)
    if (QFile::exists(m_path) && !QFile::remove(m_path))
        return makeError(ErrorCode::Io, Tr::tr("Cannot remove %1.").arg(m_path));
    return {};
}

Result<void> PlaintextCredentials::probe()
{
    const QFileInfo info(m_path);
    if (!QFileInfo(info.absolutePath()).isWritable())
        return makeError(ErrorCode::ReadOnly, Tr::tr("Cannot write in %1.").arg(info.absolutePath()));
    return {};
}

QString PlaintextCredentials::describe() const
{
    return Tr::tr("the plain file %1 (allowed by the administrator)").arg(m_path);
}

std::unique_ptr<CredentialStore> credentialStoreFor(const QString &storePath, bool allowPlaintext)
{
    if (allowPlaintext)
        return std::make_unique<PlaintextCredentials>(QFileInfo(storePath).absoluteFilePath() +
                                                      QStringLiteral(".credentials"));
    return std::make_unique<KeychainCredentials>();
}

}  // namespace motcua::sync
