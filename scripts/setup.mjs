#!/usr/bin/env node
// First-run setup shared by `npm start` and `npm test`: checks Node, installs the Debian
// packages the command needs (as root with apt-get, otherwise it prints the sudo line and
// stops), and runs `npm ci` when node_modules is missing or older than package-lock.json.
// Built-in modules only: it must run before any dependency is installed.
//
//   node scripts/setup.mjs start|test|all|arm64-smoke|addon-smoke
//   JARVIS_SKIP_SYSTEM_PACKAGES=1   skip the Debian packages (other distributions, containers)

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Debian packages per command. The server speaks with espeak-ng and listens with pocketsphinx;
 * its memory reads WordNet's database (wordnet-base) to find what was said in other words and
 * FreeDict's French-English dictionary (dict-freedict-fra-eng) to match French and English.
 */
const PACKAGES = {
  start: [
    'espeak-ng',
    'pocketsphinx',
    'pocketsphinx-en-us',
    'alsa-utils',
    'wordnet-base',
    'dict-freedict-fra-eng',
  ],
  test: [
    'espeak-ng',
    'flite',
    // The understanding benchmark's held-out voice (split heldout3): Festival's ked diphone voice.
    'festival',
    'festvox-kdlpc16k',
    // The understanding benchmark's heldout5 voice: Festival's kal diphone voice.
    'festvox-kallpc16k',
    'pocketsphinx',
    'pocketsphinx-en-us',
    'redis-server',
    'mosquitto',
    'alsa-utils',
    // The satellite's capture switch test: a real ALSA mixer without a sound card (amixer -D pulse).
    'pulseaudio',
    'libasound2-plugins',
    // The network isolation test: a namespace with only loopback, and strace to watch it.
    'iproute2',
    'strace',
    // The dashboard card's browser tests (playwright-core drives /usr/bin/chromium), with a font.
    'chromium',
    'fonts-liberation',
    // The memory's WordNet and dictionary tests read their files.
    'wordnet-base',
    'dict-freedict-fra-eng',
  ],
};
PACKAGES.all = [...new Set([...PACKAGES.start, ...PACKAGES.test])];
// `npm run satellite:arm64-smoke`: an arm64 Debian emulated with qemu (not in `all`: not a test).
PACKAGES['arm64-smoke'] = ['debootstrap', 'qemu-user-static', 'binfmt-support', 'espeak-ng'];
// `npm run addon:smoke`: the add-on's image built in a debootstrapped rootfs with chroot.
PACKAGES['addon-smoke'] = ['debootstrap'];

const log = (message) => process.stderr.write(`[setup] ${message}\n`);

function fail(message) {
  process.stderr.write(`\n[setup] ${message}\n\n`);
  process.exit(1);
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) fail(`Jarvis needs Node.js 20 or newer; this is ${process.version}.`);
}

function isInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function installSystemPackages(wanted) {
  if (process.env.JARVIS_SKIP_SYSTEM_PACKAGES === '1') return;
  if (spawnSync('dpkg-query', ['--version']).error) {
    log(`not a Debian-based system: install the equivalents of ${wanted.join(', ')} yourself.`);
    return;
  }
  const missing = wanted.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return;
  const line = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    fail(
      `Jarvis needs these Debian packages: ${missing.join(', ')}.\n` +
        `Install them, then run the command again:\n\n    sudo apt-get update && sudo ${line}`,
    );
  }
  log(`installing ${missing.join(', ')} with apt-get`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], env) !== 0) fail('apt-get update failed (see above).');
  if (run('apt-get', line.split(' ').slice(1), env) !== 0) {
    fail(`apt-get could not install ${missing.join(', ')} (see above).`);
  }
}

function installNodeModules() {
  const lock = join(ROOT, 'package-lock.json');
  const installed = join(ROOT, 'node_modules', '.package-lock.json');
  const stale = !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;
  if (!stale) return;
  log('installing npm dependencies (npm ci)');
  // onnxruntime-node ships its CPU binaries; never let its install script fetch GPU extras.
  // The older copy under @huggingface/transformers (pulled in by the Moonshine package) reads
  // only the CUDA variable, and otherwise downloads a GPU archive on every linux-x64 install.
  // (.npmrc sets both too, for a plain `npm ci`.)
  const status = run('npm', ['ci', '--no-audit', '--no-fund'], {
    ONNXRUNTIME_NODE_INSTALL: 'skip',
    ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip',
  });
  if (status !== 0) fail('npm ci failed (see above).');
}

const command = process.argv[2] ?? 'all';
if (!(command in PACKAGES))
  fail(`usage: node scripts/setup.mjs start|test|all|arm64-smoke|addon-smoke (got '${command}')`);
checkNode();
installSystemPackages(PACKAGES[command]);
installNodeModules();
