// Starts the real satellite CLI (from source) as a child process for end-to-end tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childProcesses } from './proc.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(REPO_ROOT, 'satellite', 'src', 'cli', 'main.ts');

export interface SatelliteProcess {
  child: ChildProcess;
  /** Everything the satellite logged so far. */
  log(): string;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
}

/** How to run a child: under a wrapper command (`ip netns exec ns strace ...`), with more env. */
export interface ChildLaunch {
  /** A command and its arguments that run node (given last) for us. */
  wrapper?: string[];
  env?: NodeJS.ProcessEnv;
}

// Children run under a wrapper: `stopChild` signals the node the wrapper started (strace, for
// one, blocks SIGTERM while its command runs), and the wrapper ends with it.
const wrapped = new WeakSet<ChildProcess>();

/** Starts node with `nodeArgs` from the repository root, its output piped. */
export function launch(nodeArgs: string[], options: ChildLaunch = {}): ChildProcess {
  const [command, ...args] = [...(options.wrapper ?? []), process.execPath, ...nodeArgs];
  const child = spawn(command!, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  if (options.wrapper) wrapped.add(child);
  return child;
}

/** Sends SIGTERM (unless the process already ended) and waits for its exit code. */
export async function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  if (!wrapped.has(child)) child.kill('SIGTERM');
  else for (const inner of childProcesses(child.pid!)) process.kill(inner.pid, 'SIGTERM');
  const [code] = await exited;
  return code as number | null;
}

export function startSatellite(args: string[], options: ChildLaunch = {}): SatelliteProcess {
  const child = launch(['--conditions=source', '--import', 'tsx', MAIN, ...args], options);
  let output = '';
  child.stdout!.on('data', (data) => (output += data));
  child.stderr!.on('data', (data) => (output += data));
  return {
    child,
    log: () => output,
    stop: () => stopChild(child),
  };
}

/** Runs the CLI to completion and returns its exit code and output. */
export async function runSatelliteCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (data) => (stdout += data));
  child.stderr!.on('data', (data) => (stderr += data));
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stdout, stderr };
}

/**
 * The URI a satellite started with `--uri tcp://127.0.0.1:0` serves, from its "ready" line, once
 * it is ready; a `SatelliteProcess` that exits first fails with its log.
 */
export async function servedUri(satellite: SatelliteProcess, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /ready: .*; serving (tcp:\/\/\S+)$/m.exec(satellite.log());
    if (match) return match[1]!;
    if (satellite.child.exitCode !== null)
      throw new Error(`satellite exited with ${satellite.child.exitCode}:\n${satellite.log()}`);
    if (Date.now() > deadline) throw new Error(`satellite not ready:\n${satellite.log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A satellite serving Wyoming on a port of its own (no zeroconf), with a Home Assistant-like
 * controller connected and started. Stops both through `cleanups`.
 */
export async function adoptedSatellite(
  args: string[],
  cleanups: Array<() => Promise<unknown>>,
  launchOptions: ChildLaunch = {},
) {
  const { AssistSatelliteController } = await import('./assist-satellite-controller.js');
  const satellite = startSatellite(
    ['--uri', 'tcp://127.0.0.1:0', '--no-zeroconf', ...args],
    launchOptions,
  );
  cleanups.push(() => satellite.stop());
  cleanups.push(async () => {
    if (process.env.DEBUG_SATELLITE) console.error(satellite.log());
  });
  const uri = await servedUri(satellite);
  const port = Number(uri.replace(/^.*:/, ''));
  const ha = await AssistSatelliteController.connect(uri);
  cleanups.push(() => ha.close());
  const info = await ha.start();
  return { satellite, ha, info, port };
}
