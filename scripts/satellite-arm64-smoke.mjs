#!/usr/bin/env node
// `npm run satellite:arm64-smoke`: the satellite on arm64, emulated. A Debian trixie arm64 root
// filesystem (debootstrap, cached) with Debian's nodejs (20) and npm as Node.js's own builds carry
// it (its npm registry tarball: Debian's npm package brings 460 packages, an hour of dpkg under
// qemu), cached, runs through qemu-user-static and binfmt_misc. The satellite, packed on this
// machine, is installed in it with its install.sh as its README says, then
// `jarvis-satellite detect` hears a "hey jarvis" spoken by espeak-ng here. Prints each step with
// its time and writes bench-results/satellite-arm64-smoke.json. Needs root, debootstrap,
// qemu-user-static, espeak-ng and, on a cold run, the Debian mirror and the npm registry.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as debian from './debian-rootfs.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARCH = 'arm64';
const PACKAGES = ['nodejs', 'ca-certificates'];
/** The npm that Node.js 20.19's own builds bundle. */
const NPM_VERSION = '10.8.2';
const PREFIX = '/opt/jarvis-satellite';
/** The espeak-ng voice whose "hey jarvis" the model scores highest (0.98 on x86-64). */
const VOICE = 'en-gb+m3';
const { step, timings, table } = debian.timedSteps('satellite:arm64-smoke');

const output = (command, args) => execFileSync(command, args, { encoding: 'utf8' }).trim();

/** npm's tarball from the npm registry, fetched once into the cache. */
function npmTarball() {
  const tarball = join(debian.CACHE, `npm-${NPM_VERSION}.tgz`);
  if (!existsSync(tarball))
    debian.run('npm', ['pack', `npm@${NPM_VERSION}`, '--pack-destination', debian.CACHE], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  return tarball;
}

/**
 * The arm64 rootfs with Node.js from Debian (apt-get under qemu) and npm where Node.js's own
 * builds put it (/usr/local/lib/node_modules/npm), built once.
 */
function nodeRootfs() {
  const key = createHash('sha256')
    .update(`${PACKAGES.join(' ')} npm@${NPM_VERSION}`)
    .digest('hex')
    .slice(0, 12);
  const layer = join(debian.CACHE, `rootfs-${debian.SUITE}-${ARCH}-node-${key}`);
  if (existsSync(layer)) return layer;
  const base = debian.baseRootfs(step, ARCH);
  return step(`apt-get install ${PACKAGES.join(' ')}, npm ${NPM_VERSION} (cached)`, () =>
    debian.cachedDir(layer, (partial) => {
      debian.run('cp', ['-a', base, partial]);
      const unmount = debian.mountInto(partial);
      try {
        const install = `apt-get update -qq && apt-get install -y -qq --no-install-recommends ${PACKAGES.join(' ')} >/dev/null`;
        debian.run('chroot', [partial, 'sh', '-c', install], {
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        });
        debian.run('chroot', [partial, 'apt-get', 'clean']);
      } finally {
        unmount();
      }
      const modules = join(partial, 'usr', 'local', 'lib', 'node_modules');
      mkdirSync(join(modules, 'npm'), { recursive: true });
      debian.run('tar', ['-xzf', npmTarball(), '-C', join(modules, 'npm'), '--strip-components=1']);
      for (const bin of ['npm', 'npx'])
        symlinkSync(
          `../lib/node_modules/npm/bin/${bin}-cli.js`,
          join(partial, 'usr', 'local', 'bin', bin),
        );
    }),
  );
}

const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/**
 * This machine's certificate authorities in the rootfs (its bundle, NODE_EXTRA_CA_CERTS), so npm
 * there reaches the registry as npm here does, through a proxy that re-signs TLS included.
 */
function trustAsHost(rootfs) {
  const bundles = [BUNDLE, process.env.NODE_EXTRA_CA_CERTS].filter((f) => f && existsSync(f));
  writeFileSync(join(rootfs, BUNDLE), bundles.map((f) => readFileSync(f, 'utf8')).join('\n'));
}

/** The ELF machine of a shared library: 183 is AArch64, 62 is x86-64. */
function elfMachine(path) {
  const header = Buffer.alloc(20);
  const fd = openSync(path, 'r');
  readSync(fd, header, 0, 20, 0);
  return header.readUInt16LE(18);
}

/** onnxruntime-node's platform folders left after install.sh, and its binding's ELF machine. */
function onnxruntimeBinaries(installed) {
  const bin = join(installed, 'node_modules', 'onnxruntime-node', 'bin');
  const platforms = [];
  for (const napi of readdirSync(bin))
    for (const os of readdirSync(join(bin, napi)))
      for (const arch of readdirSync(join(bin, napi, os))) platforms.push(`${os}/${arch}`);
  if (platforms.join() !== 'linux/arm64')
    throw new Error(`onnxruntime-node kept ${platforms.join(', ')}, not linux/arm64 alone`);
  const napi = readdirSync(bin)[0];
  const binding = join(bin, napi, 'linux', 'arm64', 'onnxruntime_binding.node');
  const machine = elfMachine(binding);
  if (machine !== 183) throw new Error(`${binding} is for ELF machine ${machine}, not AArch64`);
  return { platforms, binding: 'AArch64' };
}

async function main() {
  if (process.getuid?.() !== 0)
    throw new Error('satellite:arm64-smoke needs root (debootstrap, binfmt_misc, chroot, mount)');
  const started = Date.now();
  mkdirSync(debian.CACHE, { recursive: true });
  step('qemu-aarch64 registered with binfmt_misc', () => debian.ensureBinfmt(ARCH));
  const layer = nodeRootfs();
  const scratch = mkdtempSync(join(process.env.JARVIS_SMOKE_TMP ?? tmpdir(), 'jarvis-arm64-'));
  try {
    step('pack the satellite (npm run pack -w satellite, on this machine)', () =>
      debian.run('npm', ['run', 'pack', '-w', 'satellite', '--silent'], { cwd: ROOT }),
    );
    const packDir = join(ROOT, 'satellite', 'pack');
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
    const work = join(scratch, 'rootfs');
    const smoke = join(work, 'tmp', 'smoke');
    step('copy the cached rootfs, the tarball, install.sh and the WAV into it', () => {
      debian.run('cp', ['-a', layer, work]);
      trustAsHost(work);
      mkdirSync(smoke, { recursive: true });
      for (const file of [tarball, 'install.sh']) cpSync(join(packDir, file), join(smoke, file));
      debian.run('espeak-ng', ['-v', VOICE, '-w', join(smoke, 'hey-jarvis.wav'), 'hey jarvis']);
    });
    const npmCache = join(debian.CACHE, `npm-${ARCH}`);
    mkdirSync(npmCache, { recursive: true });
    mkdirSync(join(work, 'root', '.npm'), { recursive: true });
    const unmounts = [
      debian.mountInto(work),
      debian.bindInto(npmCache, join(work, 'root', '.npm')),
    ];
    let result;
    try {
      const inside = (...args) => output('chroot', [work, ...args]);
      // npm and node in the rootfs trust what this machine trusts (trustAsHost).
      process.env.NODE_EXTRA_CA_CERTS = BUNDLE;
      const platform = step('the rootfs: uname -m, node and npm --version, process.arch', () => ({
        uname: inside('uname', '-m'),
        node: inside('node', '--version'),
        npm: inside('npm', '--version'),
        arch: inside('node', '-p', 'process.arch'),
      }));
      if (platform.arch !== 'arm64') throw new Error(`node in the rootfs is ${platform.arch}`);
      step(`sh install.sh --prefix ${PREFIX} --no-service (npm under qemu)`, () =>
        debian.run('chroot', [
          work,
          'sh',
          '/tmp/smoke/install.sh',
          ...['--prefix', PREFIX, '--no-service', `/tmp/smoke/${tarball}`],
        ]),
      );
      const installed = join(work, PREFIX, 'lib', 'node_modules', '@jarvis', 'satellite');
      const onnxruntime = step('onnxruntime-node kept linux/arm64 only', () =>
        onnxruntimeBinaries(installed),
      );
      const diskMb = Number(output('du', ['-sm', installed]).split('\t')[0]);
      const line = step('jarvis-satellite detect hey-jarvis.wav (arm64, emulated)', () =>
        inside(
          `${PREFIX}/bin/jarvis-satellite`,
          ...['detect', '--wake-word', 'hey_jarvis', '/tmp/smoke/hey-jarvis.wav'],
        ),
      );
      process.stdout.write(`\n${line}\n\n`);
      const detection = JSON.parse(line).detections.find((d) => d.name === 'hey_jarvis');
      if (detection === undefined) throw new Error('no hey_jarvis detection in the arm64 rootfs');
      result = { platform, onnxruntime, installedMb: diskMb, detection };
    } finally {
      for (const unmount of unmounts.reverse()) unmount();
    }
    timings.push(['total', (Date.now() - started) / 1000]);
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    const json = {
      date: new Date().toISOString(),
      ...result,
      seconds: Object.fromEntries(timings),
    };
    writeFileSync(
      join(ROOT, 'bench-results', 'satellite-arm64-smoke.json'),
      `${JSON.stringify(json, null, 2)}\n`,
    );
    process.stdout.write(
      `node ${result.platform.node} (npm ${result.platform.npm}) on ${result.platform.uname}; installed ${result.installedMb} MB\n\n`,
    );
    process.stdout.write(table());
  } finally {
    if (debian.hasMounts(scratch)) process.stderr.write(`left ${scratch}: still mounted\n`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`satellite:arm64-smoke: ${error.message}\n`);
  process.exit(1);
});
