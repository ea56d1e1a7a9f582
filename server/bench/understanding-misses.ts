// Why commands are missed: for every command not acted on correctly, was the grammar's best path
// already wrong (a decode error: no threshold can save it) or right and then rejected (a
// rejection error: the acceptance rule or the sensitive-action margin turned it down)? Counts
// only, per voice too: no words are printed.
// Also the per-class table every understanding run prints.
import { type ClassRow, type Scored, type Thresholds, verdictOf } from './understanding.js';

export type MissCause =
  /** The engine found no sentence at all (no speech, or no path reached the grammar's end). */
  | 'no path'
  /** The best path is another sentence (its outcome differs from the command's), rejected. */
  | 'decode error, rejected'
  /** The best path is another sentence, and it was acted on or asked about. */
  | 'decode error, acted'
  /** The best path does what the command asks, and the acceptance rule rejected it. */
  | 'rejection error';

export const MISS_CAUSES: readonly MissCause[] = [
  'no path',
  'decode error, rejected',
  'decode error, acted',
  'rejection error',
];

/** Whether the best path does what the command said (the same intent, calls, timer, speech). */
export function rightPath(s: Scored): boolean {
  const { outcome, expected } = s;
  if (!outcome || !expected) return false;
  return (
    outcome.intent === expected.intent &&
    JSON.stringify(outcome.calls) === JSON.stringify(expected.calls) &&
    outcome.timer === expected.timer &&
    outcome.speech === expected.speech
  );
}

/** The cause of a missed command; `undefined` when it was acted on correctly. */
export function missCause(s: Scored, t: Thresholds): MissCause | undefined {
  const verdict = verdictOf(s, t);
  if (verdict === 'correct') return undefined;
  if (!s.heard) return 'no path';
  if (rightPath(s)) return 'rejection error';
  return verdict === 'rejected' ? 'decode error, rejected' : 'decode error, acted';
}

/** A table of the misses of `scored`'s commands by cause, per split and per voice. */
export function formatMisses(scored: readonly Scored[], t: Thresholds): string {
  const commands = scored.filter((s) => s.item.kind === 'command');
  const groups: [string, Scored[]][] = [];
  for (const split of [...new Set(commands.map((s) => s.item.split))]) {
    const mine = commands.filter((s) => s.item.split === split);
    groups.push([`${split} (all)`, mine]);
    for (const source of [...new Set(mine.map((s) => s.item.source))].sort()) {
      groups.push([`  ${source}`, mine.filter((s) => s.item.source === source)]);
    }
  }
  const lines = [
    `| commands | said | acted correctly | ${MISS_CAUSES.join(' | ')} |`,
    `|---|---:|---:|${MISS_CAUSES.map(() => '---:').join('|')}|`,
  ];
  for (const [name, group] of groups) {
    const causes = group.map((s) => missCause(s, t));
    const count = (c: MissCause | undefined) => causes.filter((x) => x === c).length;
    lines.push(
      `| ${name} | ${group.length} | ${count(undefined)} | ${MISS_CAUSES.map(count).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** Each command acted wrongly: what was said, what was heard, by which voice. */
export function formatWrong(scored: readonly Scored[], t: Thresholds): string {
  const wrong = scored.filter((s) => s.item.kind === 'command' && verdictOf(s, t) === 'wrong');
  if (wrong.length === 0) return '(none)';
  return wrong.map((s) => `- "${s.item.text}" -> "${s.heard}" (${s.item.source})`).join('\n');
}

/** The per-class table: every verdict's count and share. */
export function formatTable(rows: readonly ClassRow[]): string {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '-');
  const lines = [
    '| split | class | utterances | acted correctly without asking | acted wrongly | asked to confirm a sensitive action (nothing done) | asked back, then right on yes | asked back, wrong on yes | rejected |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const cell = (n: number, d: number) => `${n} (${pct(n, d)})`;
  for (const r of rows) {
    lines.push(
      `| ${r.split} | ${r.kind} | ${r.count} | ${cell(r.correct, r.count)} | ${cell(r.wrong, r.count)} | ` +
        `${cell(r.asked, r.count)} | ${cell(r.askedBackRight, r.count)} | ` +
        `${cell(r.askedBackWrong, r.count)} | ${cell(r.rejected, r.count)} |`,
    );
  }
  return lines.join('\n');
}
