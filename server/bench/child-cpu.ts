// CPU time of this process's children (the pocketsphinx decoders), from /proc: what decoding an
// utterance cost, whatever else loads the machine. Linux only; 0 elsewhere.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** Milliseconds of user and system CPU the live children have used so far. */
export function childCpuMs(): number {
  let ticks = 0;
  try {
    for (const task of readdirSync('/proc/self/task')) {
      const children = readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim();
      for (const pid of children ? children.split(/\s+/) : []) {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
        } catch {
          // exited meanwhile
        }
      }
    }
  } catch {
    return 0;
  }
  return ticks * TICK_MS;
}
