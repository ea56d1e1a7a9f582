// Processes from /proc (Linux): a child a test started, and what that child started in turn.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessEntry {
  pid: number;
  name: string;
  /** `R`, `S`, `D`, `T`, `Z` (exited, not reaped yet)... */
  state: string;
}

/** The running (not zombie) processes whose parent is `parent`. */
export function childProcesses(parent: number): ProcessEntry[] {
  const children: ProcessEntry[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone since the listing
    }
    const match = /^\d+ \((.*)\) (\S) (\d+) /.exec(stat);
    if (!match || Number(match[3]) !== parent || match[2] === 'Z') continue;
    children.push({ pid: Number(entry), name: match[1]!, state: match[2]! });
  }
  return children;
}

/** The arguments `pid` was started with (after any `exec`); [] once it is gone. */
export function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);
  } catch {
    return [];
  }
}
