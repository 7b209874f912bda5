// SPDX-License-Identifier: GPL-3.0-or-later
// express-pouchdb over HTTPS on loopback, the remote side of the PouchDB comparison in bench_sync.
// Run by bench.js as a child process: node server.js DATA_DIR CERT_PEM KEY_PEM
// Tells its parent the port once it listens, and its CPU time when asked.
'use strict';

const fs = require('fs');
const https = require('https');
const path = require('path');
const PouchDB = require('pouchdb-node');
const expressPouchDB = require('express-pouchdb');

const [dataDir, certPath, keyPath] = process.argv.slice(2);
fs.mkdirSync(dataDir, { recursive: true });

const ServerDB = PouchDB.defaults({ prefix: dataDir + path.sep });
const app = expressPouchDB(ServerDB, {
  mode: 'minimumForPouchDB',
  inMemoryConfig: true,
  logPath: path.join(dataDir, 'express-pouchdb.log'),
});

const server = https.createServer({ cert: fs.readFileSync(certPath), key: fs.readFileSync(keyPath) }, app);
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => {
  process.send({ port: server.address().port });
});

process.on('message', (message) => {
  if (message && message.cpu) {
    const cpu = process.cpuUsage();
    process.send({ cpuSeconds: (cpu.user + cpu.system) / 1e6 });
  }
});
process.on('disconnect', () => process.exit(0));
