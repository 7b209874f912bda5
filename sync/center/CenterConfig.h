// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/center/CenterServer.h"
#include "sync/center/CenterService.h"
#include "sync/center/CenterStore.h"

namespace motcua::sync {

// The center's configuration file (INI), e.g. /etc/motcua/center.ini:
//
//   [database]
//   backend = postgresql          ; or sqlite (one machine)
//   path = /var/lib/motcua-center/center.sqlite   ; sqlite only
//   host = 127.0.0.1
//   port = 5432
//   name = motcua
//   user = motcua
//   password_file = /etc/motcua/db-password       ; read at start; keep it 0600
//
//   [server]
//   listen = 0.0.0.0
//   port = 8443
//   certificate = /etc/motcua/center.crt          ; PEM chain; with key, HTTPS only
//   key = /etc/motcua/center.key
//   ca = /etc/motcua/province-ca.crt              ; given to counters at enrollment, which pin it
//   public_url = https://motcua.example.gov.vn
//   threads = 16
//   max_in_flight = 64
//
// Relative paths are relative to the file's folder.
struct CenterConfig {
    QString file;
    CenterDbConfig database;
    ServerConfig server;
    ServiceOptions service;
};

// Reads `path`; InvalidInput naming the key for anything wrong, NotFound for a missing file.
// defaultCenterConfig() is the embedded default used without a file: SQLite in `dataDir`, plain HTTP on 127.0.0.1.
Result<CenterConfig> loadCenterConfig(const QString &path);
CenterConfig defaultCenterConfig(const QString &dataDir, quint16 port);

}  // namespace motcua::sync
