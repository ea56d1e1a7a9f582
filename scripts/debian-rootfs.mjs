// Debian root filesystems for the smoke scripts (`addon:smoke`, `satellite:arm64-smoke`):
// debootstrap once into a cache, layers on top built once and kept by name, timed steps, and
// mounts for chroot. A foreign architecture (arm64 on x86-64) runs through qemu-user-static and
// binfmt_misc. Needs root, debootstrap and the Debian mirror on the first run.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CACHE =
  process.env.JARVIS_SMOKE_CACHE ?? join(homedir(), '.cache', 'jarvis-addon-smoke');
export const MIRROR = process.env.DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
export const SUITE = 'trixie';

/** Debian's name of this machine's architecture. */
export const HOST_ARCH = { x64: 'amd64', arm64: 'arm64' }[process.arch] ?? process.arch;

export const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });

/** A step runner that prints each step's name as it starts and keeps its time. */
export function timedSteps(label) {
  const timings = [];
  const step = (name, fn) => {
    const start = Date.now();
    process.stderr.write(`${label}: ${name}\n`);
    const result = fn();
    timings.push([name, (Date.now() - start) / 1000]);
    return result;
  };
  const table = () =>
    [
      '| step | seconds |',
      '| --- | ---: |',
      ...timings.map(([n, s]) => `| ${n} | ${s.toFixed(1)} |`),
    ].join('\n') + '\n';
  return { step, timings, table };
}

/**
 * `dir`, made by `build(partial)` the first time: built under `dir.partial`, renamed when it
 * succeeded, so an interrupted build is started again rather than used.
 */
export function cachedDir(dir, build) {
  if (existsSync(dir)) return dir;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  build(partial);
  renameSync(partial, dir);
  return dir;
}

/** Registers qemu-user-static's arm64 interpreter with binfmt_misc when it is not yet. */
export function ensureBinfmt(arch) {
  if (arch === HOST_ARCH) return;
  const qemu = { arm64: 'aarch64' }[arch];
  if (qemu === undefined) throw new Error(`no qemu binfmt known for ${arch}`);
  const misc = '/proc/sys/fs/binfmt_misc';
  if (!existsSync(join(misc, 'status'))) run('mount', ['-t', 'binfmt_misc', 'binfmt_misc', misc]);
  const entry = join(misc, `qemu-${qemu}`);
  if (!existsSync(entry)) run('update-binfmts', ['--enable', `qemu-${qemu}`]);
  // F (fix binary): the interpreter is opened now, so it also runs inside a chroot.
  if (!/^flags: .*F/m.test(readFileSync(entry, 'utf8')))
    throw new Error(`${entry} lacks the F flag: chroot would not find qemu`);
}

/** The minimal Debian `SUITE` for `arch`, debootstrapped once into the cache. */
export function baseRootfs(step, arch = HOST_ARCH) {
  const suffix = arch === HOST_ARCH && arch === 'amd64' ? '' : `-${arch}`;
  const base = join(CACHE, `rootfs-${SUITE}${suffix}`);
  if (existsSync(base)) return base;
  ensureBinfmt(arch);
  step(`debootstrap ${SUITE} ${arch} (cached in ${CACHE})`, () =>
    cachedDir(base, (partial) =>
      run('debootstrap', ['--variant=minbase', `--arch=${arch}`, SUITE, partial, MIRROR]),
    ),
  );
  return base;
}

/** Gives `rootfs` the host's resolver and mounts /proc and /dev in it; returns the unmount. */
export function mountInto(rootfs) {
  writeFileSync(join(rootfs, 'etc', 'resolv.conf'), readFileSync('/etc/resolv.conf'));
  const targets = [];
  const unmount = () => {
    for (const target of targets.reverse()) run('umount', ['-l', target]);
  };
  try {
    for (const [args, target] of [
      [['-t', 'proc', 'proc'], 'proc'],
      [['--bind', '/dev'], 'dev'],
    ]) {
      run('mount', [...args, join(rootfs, target)]);
      targets.push(join(rootfs, target));
    }
  } catch (error) {
    unmount();
    throw error;
  }
  return unmount;
}

/** Bind-mounts `source` at `target` inside a rootfs; returns the unmount. */
export function bindInto(source, target) {
  run('mount', ['--bind', source, target]);
  return () => run('umount', ['-l', target]);
}

/** Whether anything is still mounted under `dir` (then it must not be deleted). */
export function hasMounts(dir) {
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[1]?.startsWith(dir));
}
