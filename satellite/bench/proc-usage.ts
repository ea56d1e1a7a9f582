// What a running process costs, from /proc (Linux): resident memory and CPU time so far.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

export interface ProcUsage {
  /** Resident set size now, and its peak (VmHWM), in MB. */
  readonly rssMb: number;
  readonly peakRssMb: number;
  /** User + system CPU seconds the process used so far (not its children). */
  readonly cpuSeconds: number;
}

export function procUsage(pid: number): ProcUsage {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return {
    rssMb: kb('VmRSS') / 1024,
    peakRssMb: kb('VmHWM') / 1024,
    cpuSeconds: ticks / TICKS_PER_SECOND,
  };
}

/** Disk usage of `paths` in MB, as `du` counts it (hard links once). */
export function diskMb(...paths: string[]): number {
  const out = execFileSync('du', ['-sck', ...paths], { encoding: 'utf8' });
  return Number(/^(\d+)\s+total$/m.exec(out)?.[1]) / 1024;
}
