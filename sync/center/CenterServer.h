// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QHostAddress>
#include <QObject>
#include <QThreadPool>

#include <memory>

class QHttpServer;
class QHttpServerRequest;

namespace motcua::sync {

class CenterService;

struct ServerConfig {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;         // 0: any free port
    QString certificatePath;  // PEM; with keyPath, the server speaks HTTPS only
    QString keyPath;
    int threads = 16;  // requests handled in parallel (each thread has its own database connection)
};

// HTTPS front of the center's service (QtHttpServer). Requests are parsed on the event loop and handled on a
// thread pool; plain HTTP is accepted only on a loopback address (development, and the embedded local center).
class CenterServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CenterServer)

public:
    explicit CenterServer(CenterService &service, QObject *parent = nullptr);
    ~CenterServer() override;

    // Starts listening; returns the port. InvalidInput for a configuration that must not run (plain HTTP on a
    // public address, unreadable certificate or key).
    Result<quint16> start(const ServerConfig &config);
    [[nodiscard]] bool tls() const { return m_tls; }

private:
    // The certificate and key of `config`, for HTTPS.
    Result<void> setUpTls(const ServerConfig &config);
    CenterService &m_service;
    std::unique_ptr<QHttpServer> m_server;
    QThreadPool m_pool;
    bool m_tls = false;
};

}  // namespace motcua::sync
