// `npm run bench -w server -- understanding filler FILE [THRESHOLD [ask]]`: the filler check
// (`filler-check.ts`) judged on a calibration run made with BENCH_FILLER_CHECK=1: its margins for
// commands acted on rightly and wrongly and for out-of-grammar speech acted on, a sweep of the
// threshold below which a sentence is rejected (or asked back) at the shipped rule, and the rule
// and asking band calibrated again at each threshold (may the rule be loosened with it?).
// BENCH_FILLER_RELATIVE=1: the run's margin less that of the words around it is judged.
import { readFileSync } from 'node:fs';
import { calibrateBand } from './understanding-band.js';
import { calibrate, type Scored, type Thresholds, tabulate, verdictOf } from './understanding.js';
import { shippedThresholds } from './understanding-run.js';
import { fillerScore } from '../src/engines/stt/filler-check.js';
import { quantiles } from './understanding-slotcheck.js';

const SWEEP = [-Infinity, -20, -10, -5, 0, 5, 10, 12, 14, 16, 18, 20, 22, 25, 30];

/** Commands and out-of-grammar speech at `t`, as one table row. */
function row(scored: readonly Scored[], t: Thresholds, label: string): string {
  const rows = tabulate(scored, t);
  const c = rows.find((r) => r.kind === 'command')!;
  const o = rows.find((r) => r.kind === 'out-of-grammar (all)')!;
  const near = scored.filter((s) => s.item.kind === 'near-miss');
  const nearActed = near.filter((s) => ['correct', 'wrong'].includes(verdictOf(s, t))).length;
  return (
    `| ${label} | ${c.correct}/${c.count} | ${c.wrong} | ${c.askedBackRight} | ${c.askedBackWrong} | ` +
    `${c.rejected} | ${o.correct + o.wrong}/${o.count} | ${nearActed}/${near.length} | ` +
    `${o.askedBackRight + o.askedBackWrong}/${o.count} | ${o.asked} |`
  );
}

const HEADER = [
  '| filler ≥ | commands correct | acted wrongly | asked back right | asked back wrong | rejected | OOG acted | near misses acted | OOG asked back | OOG asked sensitive |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];

/** `relative`: the run's margin less the carrier's is judged (`fillerScore`). */
export function runFiller(file: string, threshold?: number, ask = false, relative = false): void {
  const read = (JSON.parse(readFileSync(file, 'utf8')) as { utterances: Scored[] }).utterances;
  const scored = read.map((s) =>
    s.filler ? { ...s, filler: { ...s.filler, margin: fillerScore(s.filler, relative) } } : s,
  );
  if (scored.some((s) => s.item.split !== 'calibration')) throw new Error('calibration runs only');
  const shipped = shippedThresholds();
  const show = (s: Scored, v: string) =>
    `- ${s.item.kind} ${v}: "${s.item.text}" -> "${s.heard}" (${s.item.source}) filler ` +
    `${s.filler?.margin.toFixed(1)} over ${s.filler?.runWords} word(s), ${s.filler?.runFrames} frames`;
  console.log('\nShipped rule; commands acted wrongly and out-of-grammar speech acted on:\n');
  for (const s of scored) {
    const v = verdictOf(s, shipped);
    if (v === 'wrong' || (s.item.kind !== 'command' && ['correct', 'wrong'].includes(v))) {
      console.log(show(s, v));
    }
  }
  const right = scored.filter((s) => verdictOf(s, shipped) === 'correct' && s.filler);
  console.log(`\nCommands acted correctly with a filler margin: ${right.length} (quantiles)`);
  console.log(quantiles(right.map((s) => s.filler!.margin)));
  for (const fillerAsk of [false, true]) {
    console.log(
      `\nShipped rule and band, ${fillerAsk ? 'asked back' : 'rejected'} below a filler margin:\n`,
    );
    const lines = SWEEP.map((filler) =>
      row(scored, { ...shipped, filler, fillerAsk }, `${filler}`),
    );
    console.log([...HEADER, ...lines].join('\n'));
  }
  // The voice's fit overall taken away: a voice the model hears badly fits badly everywhere.
  for (const weight of [0.5, 1, 2]) {
    const adjusted = scored.map((s) =>
      s.filler ? { ...s, filler: { ...s.filler, margin: s.filler.margin - weight * s.fit } } : s,
    );
    const margins = adjusted
      .filter((s) => verdictOf(s, shipped) === 'correct' && s.filler)
      .map((s) => s.filler!.margin)
      .sort((a, b) => a - b);
    console.log(`
Shipped rule and band, rejected below filler margin - ${weight} × fit:
`);
    const lines = [0, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2].map((q) => {
      const filler = margins[Math.floor(q * margins.length)]! - (q === 0 ? 1e-6 : 0);
      return row(adjusted, { ...shipped, filler }, `${filler.toFixed(1)} (${q * 100} %)`);
    });
    console.log([...HEADER, ...lines].join('\n'));
  }
  console.log('\nCalibrated again at each filler threshold (rule, band, sensitive margin):\n');
  const thresholds = threshold === undefined ? SWEEP : [threshold];
  const lines = thresholds.map((filler) => {
    const found = calibrate(scored, 0.02, { filler, fillerAsk: ask });
    const t: Thresholds = { ...found, filler, fillerAsk: ask };
    const band = calibrateBand(scored, t);
    const { rule } = found;
    const label =
      `${filler}: fit ≥ ${rule.fit}, word ≥ ${rule.worstWord}, deficit ≥ ${rule.worstDeficit}, ` +
      `band ${band}, sensitive +${found.sensitive}`;
    return row(scored, { ...t, ask: band }, label);
  });
  console.log([...HEADER, ...lines].join('\n'));
}
