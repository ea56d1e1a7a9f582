// Starts the real satellite CLI (from source) as a child process for end-to-end tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(REPO_ROOT, 'satellite', 'src', 'cli', 'main.ts');

export interface SatelliteProcess {
  child: ChildProcess;
  /** Everything the satellite logged so far. */
  log(): string;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Sends SIGTERM (unless the process already ended) and waits for its exit code. */
export async function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = await exited;
  return code as number | null;
}

export function startSatellite(args: string[]): SatelliteProcess {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
 * A satellite serving Wyoming on a free port (no zeroconf), with a Home Assistant-like
 * controller connected and started. Stops both through `cleanups`.
 */
export async function adoptedSatellite(args: string[], cleanups: Array<() => Promise<unknown>>) {
  const { freePort } = await import('./free-port.js');
  const { AssistSatelliteController } = await import('./assist-satellite-controller.js');
  const port = await freePort();
  const satellite = startSatellite(['--uri', `tcp://127.0.0.1:${port}`, '--no-zeroconf', ...args]);
  cleanups.push(() => satellite.stop());
  cleanups.push(async () => {
    if (process.env.DEBUG_SATELLITE) console.error(satellite.log());
  });
  const ha = await AssistSatelliteController.connect(`tcp://127.0.0.1:${port}`);
  cleanups.push(() => ha.close());
  const info = await ha.start();
  return { satellite, ha, info, port };
}
