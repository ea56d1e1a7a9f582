#!/usr/bin/env node
// `npm run addon:smoke`: the root Dockerfile without Docker. Its build stage runs here (this
// machine's Node 20 stands in for the node image), its runtime stage in a Debian root
// filesystem made by debootstrap (cached) with chroot: the same COPY and RUN lines, read from
// the Dockerfile. Then the image's command starts the server inside it, until /health answers.
// Needs root, debootstrap and the network (Debian mirror, npm registry) on the first run.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  baseRootfs,
  CACHE,
  cachedDir,
  hasMounts,
  mountInto,
  run,
  SUITE,
  timedSteps,
} from './debian-rootfs.mjs';
import { parseDockerfile } from './dockerfile.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { step, timings, table } = timedSteps('addon:smoke');

/** What .dockerignore keeps out of the build context. */
const IGNORED = /(^|\/)(node_modules|dist|\.git|bench-results)(\/|$)/;

/** Copies a COPY line's sources from `from` into `to` (relative to `workdir` when not absolute). */
function copy(instruction, from, to, workdir) {
  const dest = instruction.args.at(-1);
  const target = dest.startsWith('/') ? dest : join(workdir, dest);
  for (const source of instruction.args.slice(0, -1)) {
    const path = join(from, source);
    // A directory's contents go into the destination; a file goes under it when it ends in /.
    const into =
      dest.endsWith('/') && !statSync(path).isDirectory()
        ? join(to, target, basename(path))
        : join(to, target);
    mkdirSync(dirname(into), { recursive: true });
    cpSync(path, into, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => from !== ROOT || !IGNORED.test(relative(ROOT, src)),
    });
  }
}

function buildStage(stage, dir) {
  let env = { ...process.env };
  const workdir = '/src';
  mkdirSync(join(dir, workdir), { recursive: true });
  for (const instruction of stage.instructions) {
    if (instruction.kind === 'ENV') env = { ...env, ...instruction.env };
    else if (instruction.kind === 'COPY') copy(instruction, ROOT, dir, workdir);
    else if (instruction.kind === 'RUN')
      run('sh', ['-c', instruction.command], { cwd: join(dir, workdir), env });
  }
  return join(dir, workdir);
}

/** The runtime stage's steps before its first COPY --from, applied once and cached by content. */
function packagesRootfs(stage) {
  const early = stage.instructions.slice(
    0,
    stage.instructions.findIndex((i) => i.from),
  );
  const hash = createHash('sha256');
  for (const i of early) {
    hash.update(i.raw);
    if (i.kind === 'COPY')
      for (const s of i.args.slice(0, -1)) hash.update(readFileSync(join(ROOT, s)));
  }
  const layer = join(CACHE, `rootfs-${SUITE}-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(layer)) return layer;
  return step('runtime stage: system packages in the Debian rootfs (chroot)', () =>
    cachedDir(layer, (partial) => {
      run('cp', ['-a', baseRootfs(step), partial]);
      const unmount = mountInto(partial);
      try {
        for (const i of early) {
          if (i.kind === 'COPY') copy(i, ROOT, partial, '/');
          else if (i.kind === 'RUN') run('chroot', [partial, 'sh', '-c', i.command]);
        }
      } finally {
        unmount();
      }
    }),
  );
}

/** The rest of the runtime stage in a copy of the cached rootfs; the image's env and command. */
function runtimeStage(stage, layer, built, work) {
  run('cp', ['-a', layer, work]);
  let workdir = '/';
  const env = {};
  let command = [];
  const cached = stage.instructions.findIndex((x) => x.from);
  for (const [index, i] of stage.instructions.entries()) {
    if (i.kind === 'WORKDIR') workdir = i.args[0];
    else if (i.kind === 'ENV') Object.assign(env, i.env);
    else if (index < cached)
      continue; // its COPY and RUN lines are in the cached rootfs
    else if (i.kind === 'CMD') command = i.exec;
    else if (i.kind === 'COPY') {
      // --from=build: paths are the build stage's (/src/...), here under `built`.
      const from = i.from ? dirname(built) : ROOT;
      copy(i, from, work, workdir);
    } else if (i.kind === 'RUN') run('chroot', [work, 'sh', '-c', i.command]);
  }
  return { env, command };
}

/** Starts the image's command in `rootfs` and waits for /health; resolves to its answer. */
async function startAndProbe(rootfs, image) {
  mkdirSync(join(rootfs, 'config'), { recursive: true });
  writeFileSync(
    join(rootfs, 'config', 'jarvis.yaml'),
    'wyoming:\n  uri: tcp://127.0.0.1:0\n  zeroconf: false\ndiscovery:\n  zeroconf: false\nhttp:\n  host: 127.0.0.1\n  port: 0\nollama:\n  enabled: false\n',
  );
  const env = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: '/root',
    ...image.env,
  };
  const child = spawn('chroot', [rootfs, ...image.command], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const port = /HTTP API: +http:\/\/[^/]*:(\d+)\//.exec(output)?.[1];
      if (port) {
        const reply = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        if (reply?.ok) {
          // With the token it generated (in /data), /health says what is running.
          const token = readFileSync(join(rootfs, 'data', 'http-token'), 'utf8').trim();
          const headers = { Authorization: `Bearer ${token}` };
          const full = await fetch(`http://127.0.0.1:${port}/health`, { headers });
          // The web UI is in the image: its page and its built script are served.
          const script = await fetch(`http://127.0.0.1:${port}/ui/jarvis-web-ui.js`);
          if (!script.ok || !(await script.text()).includes('jarvis-web-ui'))
            throw new Error(`the web UI script is not served: ${script.status}`);
          return { body: await full.text(), output };
        }
      }
      if (child.exitCode !== null)
        throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no /health after 300 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) =>
      child.exitCode !== null ? resolve() : child.once('exit', resolve),
    );
  }
}

/** ha-addon/apparmor.txt through the real parser (compiled, not loaded: -Q). */
function checkAppArmor(rootfs) {
  writeFileSync(
    join(rootfs, 'tmp', 'jarvis.apparmor'),
    readFileSync(join(ROOT, 'ha-addon', 'apparmor.txt')),
  );
  const install =
    'DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends apparmor >/dev/null';
  run('chroot', [rootfs, 'sh', '-c', install]);
  run('chroot', [rootfs, 'apparmor_parser', '-Q', '-K', '-T', '/tmp/jarvis.apparmor']);
}

async function main() {
  if (process.getuid?.() !== 0)
    throw new Error('addon:smoke needs root (debootstrap, chroot, mount)');
  const started = Date.now();
  const stages = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  const [build, runtime] = [stages[0], stages.at(-1)];
  mkdirSync(CACHE, { recursive: true });
  const scratch = mkdtempSync(join(process.env.JARVIS_SMOKE_TMP ?? tmpdir(), 'jarvis-smoke-'));
  try {
    const built = step('build stage: npm ci, tsc, production dependencies (on this machine)', () =>
      buildStage(build, join(scratch, 'build')),
    );
    const layer = packagesRootfs(runtime);
    const work = join(scratch, 'rootfs');
    const image = step('runtime stage: the rest of its steps (copies)', () =>
      runtimeStage(runtime, layer, built, work),
    );
    const unmount = mountInto(work);
    const start = Date.now();
    let health;
    try {
      health = await startAndProbe(work, image);
      timings.push(['start to /health', (Date.now() - start) / 1000]);
      step('the AppArmor profile compiles (apparmor_parser -Q in the rootfs)', () =>
        checkAppArmor(work),
      );
    } finally {
      unmount();
    }
    process.stdout.write(`\n/health: ${health.body}\n\n`);
    timings.push(['total', (Date.now() - started) / 1000]);
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(
      join(ROOT, 'bench-results', 'addon-smoke.json'),
      `${JSON.stringify({ date: new Date().toISOString(), health: JSON.parse(health.body), seconds: Object.fromEntries(timings) }, null, 2)}\n`,
    );
    process.stdout.write(table());
  } finally {
    if (hasMounts(scratch)) process.stderr.write(`addon:smoke: left ${scratch}: still mounted\n`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`addon:smoke: ${error.message}\n`);
  process.exit(1);
});
