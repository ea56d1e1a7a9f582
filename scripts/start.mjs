#!/usr/bin/env node
// What `npm start` runs after setup and build: the Jarvis server once it is built, and until
// then the protocol's demo server on the server's Wyoming port. Arguments are passed through.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(ROOT, 'server', 'dist', 'main.js');
const demo = join(ROOT, 'protocol', 'dist', 'node', 'demo-cli.js');

const entry = existsSync(server) ? server : demo;
if (entry === demo) {
  process.stderr.write(
    'The Jarvis server is not built yet; starting the wyoming-ts demo server (default tcp://0.0.0.0:10600).\n',
  );
}
const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
