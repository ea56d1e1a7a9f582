// Starts a real redis-server for tests: on a quiet port of 127.0.0.1 (it cannot listen on 0), nothing persisted, its
// working directory a temp dir removed on stop. `kill()` is "Redis dying" (SIGKILL) and
// `restart()` brings it back on the same port, for the resilience tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quietPort } from './ports.js';

export interface RedisServerProcess {
  /** `redis://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** SIGTERM, waits for the exit (SIGKILL after a few seconds), removes the temp dir. */
  stop(): Promise<void>;
  /** SIGKILL: Redis dying without a word. The port and temp dir are kept for `restart()`. */
  kill(): Promise<void>;
  /** Starts Redis again on the same port (stopping it first if it still runs). */
  restart(): Promise<void>;
  /** SIGSTOP: Redis hanging — connections stay open, nothing answers. */
  pause(): void;
  /** SIGCONT after `pause()`. */
  resume(): void;
}

export interface RedisServerOptions {
  /** The port to listen on; a quiet one (see `quietPort`) when absent. */
  port?: number;
  /** The redis-server binary (default `redis-server` from PATH). */
  binary?: string;
  /** How long to wait for Redis to accept connections (default 15 s). */
  readyTimeoutMs?: number;
  /** Keep data across `kill()`/`restart()` (an append-only file synced on every write). */
  persistent?: boolean;
}

const STOP_GRACE_MS = 5_000;
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Starts redis-server and waits until it answers PING. */
export async function startRedisServer(
  options: RedisServerOptions = {},
): Promise<RedisServerProcess> {
  const binary = options.binary ?? 'redis-server';
  const readyTimeoutMs = options.readyTimeoutMs ?? 15_000;
  const persistent = options.persistent ?? false;
  const dir = mkdtempSync(join(tmpdir(), 'jarvis-redis-'));
  let port = options.port ?? quietPort();
  let child: ChildProcess;
  for (let attempt = 1; ; attempt++) {
    try {
      child = await launch(binary, port, dir, readyTimeoutMs, persistent);
      break;
    } catch (error) {
      // Another Redis of the suite picked the same port: try another one.
      if (options.port !== undefined || !(error instanceof PortInUseError) || attempt === 5) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
      port = quietPort();
    }
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await terminate(child);
      rmSync(dir, { recursive: true, force: true });
    },
    async kill() {
      await signalAndWait(child, 'SIGKILL');
    },
    async restart() {
      await terminate(child);
      mkdirSync(dir, { recursive: true }); // gone if it was stopped
      child = await launch(binary, port, dir, readyTimeoutMs, persistent);
    },
    pause() {
      child.kill('SIGSTOP');
    },
    resume() {
      child.kill('SIGCONT');
    },
  };
}

class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

async function launch(
  binary: string,
  port: number,
  dir: string,
  readyTimeoutMs: number,
  persistent: boolean,
): Promise<ChildProcess> {
  installExitHook();
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', persistent ? 'yes' : 'no',
    '--appendfsync', 'always',
    '--daemonize', 'no',
    '--dir', dir,
    '--logfile', '',
    '--loglevel', 'notice',
  ]; // prettier-ignore
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (data: Buffer) => (output = (output + data.toString()).slice(-8_000));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  running.add(child);
  child.once('exit', () => running.delete(child));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    const failure = await Promise.race([spawnError, delay(50).then(() => undefined)]);
    if (failure) throw missingBinaryError(binary, failure);
    if (child.exitCode !== null || child.signalCode !== null) {
      if (/address already in use/i.test(output))
        throw new PortInUseError(`redis-server: port ${port} is in use:\n${output}`);
      throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    if (await ping(port)) return child;
    if (Date.now() > deadline) {
      await signalAndWait(child, 'SIGKILL');
      throw new Error(
        `redis-server not ready on port ${port} after ${readyTimeoutMs} ms:\n${output}`,
      );
    }
  }
}

function missingBinaryError(binary: string, cause: Error): Error {
  if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
    return new Error(
      `${binary} not found: install the Debian package redis-server (apt-get install redis-server)`,
      { cause },
    );
  }
  return new Error(`could not start ${binary}: ${cause.message}`, { cause });
}

/** True when something on 127.0.0.1:port answers a Redis PING with PONG. */
export function ping(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      clearTimeout(timer);
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      reply += data.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exited = waitForExit(child);
  child.kill('SIGCONT'); // a paused Redis cannot handle SIGTERM
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

async function signalAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (hasExited(child)) return;
  const exited = waitForExit(child);
  child.kill(signal);
  await exited;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (hasExited(child)) resolve();
    else child.once('exit', () => resolve());
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Never leave a redis-server behind when the test process ends without stopping it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}
