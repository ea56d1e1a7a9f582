// Starts the real Jarvis server (from source) as a child process, with a config file.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { type ChildLaunch, launch, REPO_ROOT, stopChild } from './satellite-process.js';

const MAIN = join(REPO_ROOT, 'server', 'src', 'main.ts');

export interface ServerProcess {
  child: ChildProcess;
  /** The Wyoming endpoint it listens on, with the port it got (ask for port 0). */
  wyomingUri: string;
  /** The HTTP API's port (ask for port 0). */
  httpPort: number;
  log(): string;
  stop(): Promise<number | null>;
}

/** Where the start-up summary says the server listens. */
export function boundAddresses(summary: string): { wyomingUri: string; httpPort: number } {
  const wyoming = /^ {2}Wyoming endpoint: +(\S+)/m.exec(summary);
  const http = /^ {2}HTTP API: +http:\/\/[^/]*:(\d+)\//m.exec(summary);
  if (!wyoming || !http) throw new Error(`no addresses in the start-up summary:\n${summary}`);
  return { wyomingUri: wyoming[1]!, httpPort: Number(http[1]) };
}

/**
 * Starts the server with `config` (merged into a YAML file) and waits until it is ready. Ask for
 * port 0 (`tcp://127.0.0.1:0`, `http.port: 0`): it reports the ports it got. `spawnOptions`
 * run it another way (`command`, `args` before node's) or with more environment.
 */
export async function startServer(
  config: Record<string, unknown>,
  timeoutMs = 100_000,
  spawnOptions: ChildLaunch = {},
): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'jarvis-server-'));
  const file = join(dir, 'config.yaml');
  writeFileSync(file, stringify({ data_dir: join(dir, 'data'), ...config }));
  const child = launch(['--conditions=source', '--import', 'tsx', MAIN, '--config', file], {
    ...spawnOptions,
    env: { JARVIS_CONFIG: undefined, ...spawnOptions.env },
  });
  // The directory goes once the server has exited, also when it never got ready.
  const stop = async () => {
    const code = await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    return code;
  };
  let output = '';
  child.stdout!.on('data', (data) => (output += data));
  child.stderr!.on('data', (data) => (output += data));
  const deadline = Date.now() + timeoutMs;
  while (!/Jarvis server ready[^]*\n\n/.test(output)) {
    const failure =
      child.exitCode !== null
        ? `server exited with ${child.exitCode}`
        : Date.now() > deadline && `server not ready after ${timeoutMs} ms`;
    if (failure) {
      await stop();
      throw new Error(`${failure}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, ...boundAddresses(output), log: () => output, stop };
}
