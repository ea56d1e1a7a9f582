// Starts the real Jarvis server (from source) as a child process, with a config file.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { REPO_ROOT, stopChild } from './satellite-process.js';

const MAIN = join(REPO_ROOT, 'server', 'src', 'main.ts');

export interface ServerProcess {
  child: ChildProcess;
  log(): string;
  stop(): Promise<number | null>;
}

/** Starts the server with `config` (merged into a YAML file) and waits until it is ready. */
export async function startServer(
  config: Record<string, unknown>,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'jarvis-server-'));
  const file = join(dir, 'config.yaml');
  writeFileSync(file, stringify({ data_dir: join(dir, 'data'), ...config }));
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', MAIN, '--config', file],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, JARVIS_CONFIG: undefined },
    },
  );
  let output = '';
  child.stdout!.on('data', (data) => (output += data));
  child.stderr!.on('data', (data) => (output += data));
  const deadline = Date.now() + timeoutMs;
  while (!output.includes('Jarvis server ready')) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline)
      throw new Error(`server not ready after ${timeoutMs} ms:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    log: () => output,
    stop: () => stopChild(child),
  };
}
