import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Starts a program in its own process group, so that stopping it also stops what it started
 * (`sh -c "arecord | sox ..."`): killing only the shell would leave the pipeline running.
 */
export function spawnGroup(argv: readonly string[], stdio: ('pipe' | 'ignore')[]): ChildProcess {
  return spawn(argv[0]!, argv.slice(1), { stdio, detached: true });
}

/** Signals the whole group of a child started with `spawnGroup`. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}
