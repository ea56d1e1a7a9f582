// `npm run bench -w server -- understanding vtln BEFORE AFTER`: two calibration runs of the same
// corpus (`understanding calibration`, the second with BENCH_VTLN), judged by the shipped rule
// and each by the rule its own scores call for (`calibrate`: most commands acted correctly with at most 2 %
// of the out-of-grammar speech, near misses included, acted on); per voice, with the decoders'
// CPU per utterance and the warps chosen. Calibration runs only.
import { readFileSync } from 'node:fs';
import { calibrateBand } from './understanding-band.js';
import { shippedThresholds } from './understanding-run.js';
import { calibrate, type Scored, type Thresholds, verdictOf } from './understanding.js';

const load = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as { utterances: Scored[] }).utterances;

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** The rule `scored` calls for, with the asking band chosen on it. */
export function calibratedOn(scored: readonly Scored[]): Thresholds {
  const found = calibrate(scored);
  return { ...found, ask: calibrateBand(scored, found) };
}

const ruleText = (t: Thresholds) =>
  `fit ≥ ${t.rule.fit}, word ≥ ${t.rule.worstWord}, deficit ≥ ${t.rule.worstDeficit}, ` +
  `sensitive +${t.sensitive.toFixed(1)}, ask ${t.ask ?? 0}`;

/** One row: commands right/wrong/asked back (right, wrong) and out-of-grammar acted/asked back. */
function row(label: string, scored: readonly Scored[], t: Thresholds): string {
  const count = (group: readonly Scored[], ...verdicts: string[]) =>
    group.filter((s) => verdicts.includes(verdictOf(s, t))).length;
  const commands = scored.filter((s) => s.item.kind === 'command');
  const misses = scored.filter((s) => s.item.kind === 'near-miss');
  const others = scored.filter((s) => s.item.kind !== 'command' && s.item.kind !== 'near-miss');
  const acted = (group: readonly Scored[]) =>
    group.length ? `${count(group, 'correct', 'wrong', 'asked')}/${group.length}` : '-';
  return (
    `| ${label} | ${count(commands, 'correct')}/${commands.length} | ${count(commands, 'wrong')} | ` +
    `${count(commands, 'asked back, right')} | ${count(commands, 'asked back, wrong')} | ` +
    `${acted(others)} | ${acted(misses)} | ${count([...others, ...misses], 'asked back, right', 'asked back, wrong')} |`
  );
}

export function runVtlnReport(beforeFile: string, afterFile: string): void {
  const before = load(beforeFile);
  const after = load(afterFile);
  if (before.length !== after.length) throw new Error(`${before.length} != ${after.length}`);
  for (const [i, s] of before.entries()) {
    const t = after[i]!.item;
    if (s.item.text !== t.text || s.item.source !== t.source)
      throw new Error(`utterance ${i} differs`);
  }
  const rules: [string, Scored[], Thresholds][] = [
    ['before, shipped rule', before, shippedThresholds()],
    ['before, its calibrated rule', before, calibratedOn(before)],
    ['vtln, shipped rule', after, shippedThresholds()],
    ['vtln, its calibrated rule', after, calibratedOn(after)],
  ];
  for (const [label, , t] of rules) console.log(`${label}: ${ruleText(t)}`);
  const header =
    '| | commands acted correctly | acted wrongly | asked back, right | asked back, wrong | out-of-grammar acted | near misses acted | out-of-grammar asked back |\n|---|---:|---:|---:|---:|---:|---:|---:|';
  console.log(`\nAll voices (calibration split):\n\n${header}`);
  for (const [label, scored, t] of rules) console.log(row(label, scored, t));
  const voices = [
    ...new Set(before.filter((s) => s.item.kind === 'command').map((s) => s.item.source)),
  ];
  for (const voice of voices.sort()) {
    console.log(`\n${voice}:\n\n${header}`);
    for (const [label, scored, t] of rules) {
      console.log(
        row(
          label,
          scored.filter((s) => s.item.source === voice),
          t,
        ),
      );
    }
    const warps = new Map<number, number>();
    for (const s of after.filter((x) => x.item.source === voice && x.warp !== undefined))
      warps.set(s.warp!, (warps.get(s.warp!) ?? 0) + 1);
    const shown = [...warps].sort((a, b) => a[0] - b[0]).map(([w, n]) => `${w}: ${n}`);
    console.log(`\nwarps chosen: ${shown.join(', ')}`);
  }
  console.log(
    '\n| run | CPU p50 ms | CPU p95 ms | wall p50 ms | wall p95 ms |\n|---|---:|---:|---:|---:|',
  );
  for (const [label, scored] of [
    ['before', before],
    ['vtln', after],
  ] as const) {
    const decoded = scored.filter((s) => !s.rejected || s.rejected === 'not-understood');
    const cpu = decoded.map((s) => s.cpuMs ?? NaN);
    const wall = decoded.map((s) => s.ms);
    console.log(
      `| ${label} | ${quantile(cpu, 0.5).toFixed(0)} | ${quantile(cpu, 0.95).toFixed(0)} | ` +
        `${quantile(wall, 0.5).toFixed(0)} | ${quantile(wall, 0.95).toFixed(0)} |`,
    );
  }
}
