// `npm run bench -w server -- understanding slotcheck FILE [THRESHOLD]`: the slot check
// (`slot-check.ts`) judged on a calibration run made with BENCH_SLOT_CHECK=1: the margins of the
// commands acted wrongly against the right ones, a sweep of the threshold below which a sentence
// is asked back (per frame of the slot words, and per frame of the utterance), and the
// acceptance rule and asking band calibrated again with the slot check in place (THRESHOLD: the
// slot threshold to calibrate with; default none).
import { readFileSync } from 'node:fs';
import { calibrateBand, formatBand } from './understanding-band.js';
import {
  calibrate,
  type Scored,
  type Thresholds,
  tabulate,
  type Verdict,
  verdictOf,
} from './understanding.js';
import { shippedThresholds } from './understanding-run.js';

const SWEEP = [-Infinity, -10, -5, -2, 0, 1, 2, 3, 5, 8, 10, 15, 20, 30];

export const quantiles = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return [0, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5]
    .map((q) => `${q * 100}%: ${at(q)?.toFixed(1)}`)
    .join(', ');
};

function sweepRows(scored: readonly Scored[], t: Thresholds): string[] {
  const lines = [
    '| slot ≥ | commands correct | acted wrongly | asked back right | asked back wrong | rejected | OOG acted | OOG asked back |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const slot of SWEEP) {
    const rows = tabulate(scored, { ...t, slot });
    const c = rows.find((r) => r.kind === 'command')!;
    const o = rows.find((r) => r.kind === 'out-of-grammar (all)')!;
    lines.push(
      `| ${slot} | ${c.correct}/${c.count} | ${c.wrong} | ${c.askedBackRight} | ${c.askedBackWrong} | ` +
        `${c.rejected} | ${o.correct + o.wrong}/${o.count} | ${o.askedBackRight + o.askedBackWrong}/${o.count} |`,
    );
  }
  return lines;
}

/** The same run judged by the margin per frame of the whole utterance instead. */
const perUtterance = (scored: readonly Scored[]): Scored[] =>
  scored.map((s) => (s.slot ? { ...s, slot: { ...s.slot, slotMargin: s.slot.margin } } : s));

export function runSlotCheck(file: string, threshold?: number): void {
  const scored = (JSON.parse(readFileSync(file, 'utf8')) as { utterances: Scored[] }).utterances;
  if (scored.some((s) => s.item.split !== 'calibration')) throw new Error('calibration runs only');
  const shipped = shippedThresholds();
  const judged = scored.map((s) => ({ s, v: verdictOf(s, shipped) }));
  const acted = (v: Verdict) => v === 'correct' || v === 'wrong';
  const show = (s: Scored, v: Verdict) =>
    `- ${s.item.kind} ${v}: "${s.item.text}" -> "${s.heard}" (${s.item.source}) slot ${s.slot?.slotMargin.toFixed(1)} ` +
    `utterance ${s.slot?.margin.toFixed(2)} against "${s.slot?.neighbour}" of ${s.slot?.neighbours}`;
  console.log('\nShipped rule; commands acted wrongly and out-of-grammar speech acted on:\n');
  for (const { s, v } of judged) {
    if (v === 'wrong' || (s.item.kind !== 'command' && acted(v))) console.log(show(s, v));
  }
  const right = judged.filter(({ s, v }) => v === 'correct' && s.slot).map(({ s }) => s.slot!);
  console.log(`\nCommands acted correctly with a slot margin: ${right.length}`);
  console.log(`per slot frame, quantiles: ${quantiles(right.map((m) => m.slotMargin))}`);
  console.log(`per utterance frame, quantiles: ${quantiles(right.map((m) => m.margin))}`);
  for (const [name, data] of [
    ['per frame of the slot words', scored],
    ['per frame of the utterance', perUtterance(scored)],
  ] as const) {
    console.log(`\nShipped rule and band, asked back below a slot margin ${name}:\n`);
    console.log(sweepRows(data, shipped).join('\n'));
  }
  const found = calibrate(scored, 0.02, { slot: threshold });
  const recalibrated: Thresholds = { ...found, slot: threshold };
  const ask = calibrateBand(scored, recalibrated);
  console.log(
    `\nCalibrated with slot ≥ ${threshold ?? 'none'}: fit ≥ ${found.rule.fit}, worst word ≥ ${found.rule.worstWord}, ` +
      `worst deficit ≥ ${found.rule.worstDeficit}; sensitive +${found.sensitive}; band ${ask}\n`,
  );
  console.log(formatBand(scored, recalibrated));
}
