// SPDX-License-Identifier: GPL-3.0-or-later
// The PouchDB side of bench_sync: the same documents as MotCua's events, replicated by pouchdb-node to
// express-pouchdb over HTTPS on loopback (the server is a separate node process, as motcua-center is).
//
//   node bench.js --work DIR --cert SERVER_PEM --key SERVER_KEY --ca CA_PEM
//                 [--w1 FILE.ndjson] [--w5 DIR_OF_NDJSON] [--batch-size N (500)]
//
// Each .ndjson file holds one counter's events, one JSON object per line; the event id becomes the document id.
// W1: one local database with the --w1 file's documents replicated to one remote database.
// W5: one local database per file of --w5, all replicating at once, each to its own remote database.
// Progress goes to stderr; the last line on stdout is a JSON object with the figures.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const https = require('https');
const path = require('path');
const readline = require('readline');
const { performance } = require('perf_hooks');
const PouchDB = require('pouchdb-node');

function parseArgs(argv) {
  // bench_sync passes the counters' push batch, so that both replicate in requests of the same size (PouchDB's own
  // default of 100 measured the same as 200 and 500 within the noise on the 2-core machine).
  const out = { batchSize: 500 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (key === 'batch-size') out.batchSize = Number(value);
    else out[key] = value;
  }
  for (const required of ['work', 'cert', 'key', 'ca']) {
    if (!out[required]) throw new Error('missing --' + required);
  }
  return out;
}

function log(...parts) {
  process.stderr.write('pouchdb: ' + parts.join(' ') + '\n');
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function latencySummary(samples) {
  const sorted = samples.slice().sort((a, b) => a - b);
  return { n: sorted.length, p50_ms: percentile(sorted, 0.5), p99_ms: percentile(sorted, 0.99), max_ms: percentile(sorted, 1) };
}

async function readDocs(file) {
  const docs = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const event = JSON.parse(line);
    const doc = Object.assign({ _id: event.event_id }, event);
    delete doc.event_id;
    docs.push(doc);
  }
  return docs;
}

async function fillLocal(db, docs) {
  for (let i = 0; i < docs.length; i += 1000) {
    const results = await db.bulkDocs(docs.slice(i, i + 1000));
    const failed = results.filter((r) => r.error);
    if (failed.length) throw new Error('local bulkDocs failed: ' + JSON.stringify(failed[0]));
  }
}

// Starts the server process and resolves with its port.
function startServer(options) {
  const child = childProcess.fork(path.join(__dirname, 'server.js'), [path.join(options.work, 'server'), options.cert, options.key], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error('express-pouchdb exited with code ' + code)));
    child.once('message', (message) => resolve({ child, port: message.port }));
  });
}

function serverCpu(child) {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message.cpuSeconds));
    child.send({ cpu: true });
  });
}

function cpuSeconds() {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1e6;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  fs.mkdirSync(options.work, { recursive: true });
  const { child, port } = await startServer(options);
  const base = 'https://127.0.0.1:' + port + '/';
  // The self-signed province CA pinned, keep-alive connections, as the MotCua counter does.
  const agent = new https.Agent({ ca: fs.readFileSync(options.ca), keepAlive: true });
  let latencies = [];
  let bulkLatencies = [];
  const timedFetch = (url, init) => {
    const started = performance.now();
    return PouchDB.fetch(url, Object.assign({}, init, { agent })).then((response) => {
      const ms = performance.now() - started;
      latencies.push(ms);
      if (String(url).includes('_bulk_docs')) bulkLatencies.push(ms);
      return response;
    });
  };
  const remoteDb = (name) => new PouchDB(base + name, { fetch: timedFetch });
  const localDb = (name) => new PouchDB(path.join(options.work, 'local-' + name));
  const result = {
    pouchdb_version: require('pouchdb-node/package.json').version,
    express_pouchdb_version: require('express-pouchdb/package.json').version,
    node_version: process.version,
    batch_size: options.batchSize,
  };

  try {
    if (options.w1) {
      const docs = await readDocs(options.w1);
      const local = localDb('w1');
      await fillLocal(local, docs);
      log('W1:', docs.length, 'documents in the local database; replicating');
      latencies = [];
      bulkLatencies = [];
      const remote = remoteDb('w1');
      const cpuBefore = cpuSeconds();
      const serverBefore = await serverCpu(child);
      const started = performance.now();
      const replication = await local.replicate.to(remote, { batch_size: options.batchSize });
      const seconds = (performance.now() - started) / 1000;
      const info = await remote.info();
      result.w1 = {
        docs: docs.length,
        docs_written: replication.docs_written,
        remote_doc_count: info.doc_count,
        seconds,
        docs_per_second: docs.length / seconds,
        requests: latencySummary(latencies),
        bulk_docs: latencySummary(bulkLatencies),
        client_cpu_seconds: cpuSeconds() - cpuBefore,
        server_cpu_seconds: (await serverCpu(child)) - serverBefore,
      };
      log('W1:', docs.length, 'documents in', seconds.toFixed(1), 's');
    }

    if (options.w5) {
      const files = fs
        .readdirSync(options.w5)
        .filter((f) => f.endsWith('.ndjson'))
        .sort();
      const locals = [];
      let total = 0;
      for (const file of files) {
        const docs = await readDocs(path.join(options.w5, file));
        const local = localDb('w5-' + locals.length);
        await fillLocal(local, docs);
        locals.push(local);
        total += docs.length;
      }
      log('W5:', locals.length, 'local databases,', total, 'documents; replicating all at once');
      latencies = [];
      bulkLatencies = [];
      const cpuBefore = cpuSeconds();
      const serverBefore = await serverCpu(child);
      const started = performance.now();
      const finishes = [];
      const written = await Promise.all(
        locals.map(async (local, i) => {
          const r = await local.replicate.to(remoteDb('w5-unit-' + i), { batch_size: options.batchSize });
          finishes.push((performance.now() - started) / 1000);
          return r.docs_written;
        })
      );
      const seconds = (performance.now() - started) / 1000;
      let remoteCount = 0;
      for (let i = 0; i < locals.length; ++i) remoteCount += (await remoteDb('w5-unit-' + i).info()).doc_count;
      finishes.sort((a, b) => a - b);
      result.w5 = {
        databases: locals.length,
        docs: total,
        docs_written: written.reduce((a, b) => a + b, 0),
        remote_doc_count: remoteCount,
        seconds,
        docs_per_second: total / seconds,
        first_done_seconds: finishes[0],
        requests: latencySummary(latencies),
        bulk_docs: latencySummary(bulkLatencies),
        client_cpu_seconds: cpuSeconds() - cpuBefore,
        server_cpu_seconds: (await serverCpu(child)) - serverBefore,
      };
      log('W5:', total, 'documents in', seconds.toFixed(1), 's');
    }
  } finally {
    child.kill('SIGTERM');
    agent.destroy();
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error) => {
  process.stderr.write('pouchdb: failed: ' + (error && error.stack ? error.stack : error) + '\n');
  process.stdout.write(JSON.stringify({ error: String(error && error.message ? error.message : error) }) + '\n');
  process.exit(1);
});
