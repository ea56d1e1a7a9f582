// `npm run bench -w server -- understanding [calibrate]`: prints the tables, writes JSON.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORD_LOOP_ACCEPTANCE } from '../src/engines/stt/phrase-confidence.js';
import { ASK_BAND, DEFAULT_CALIBRATION } from '../src/engines/stt/phrase-engine.js';
import { calibrateBand, formatBand } from './understanding-band.js';
import { DEFAULT_SENSITIVE_CONFIDENCE } from '../src/engines/stt/phrase-engine.js';
import { formatMisses, formatTable, formatWrong } from './understanding-misses.js';
import { DEMO_ALIASES } from './understanding-home.js';
import { DEFAULT_VTLN, type VtlnOptions } from '../src/engines/stt/warp-selection.js';
import type { Split } from './understanding-corpus.js';
import {
  calibrate,
  machine,
  type Scored,
  scoreCorpus,
  tabulate,
  verdictOf,
  type Thresholds,
  WITH_MODES,
} from './understanding.js';

/**
 * `BENCH_WORD_LOOP=1`: the word-loop decoder on, judged by the rule calibrated with it (not
 * shipped: `WORD_LOOP_ACCEPTANCE`).
 */
const WORD_LOOP = process.env.BENCH_WORD_LOOP === '1';

/** `BENCH_SLOT_CHECK=1`: every sentence heard is checked against its slot neighbours too. */
const SLOT_CHECK = process.env.BENCH_SLOT_CHECK === '1';

/** `BENCH_FILLER_CHECK=1`: every sentence heard gets the filler check (`filler-check.ts`). */
const FILLER_CHECK = process.env.BENCH_FILLER_CHECK === '1';
/** `BENCH_FILLER_PHONE=P`: the filler loop's probability per phone. */
const FILLER_PHONE = process.env.BENCH_FILLER_PHONE
  ? Number(process.env.BENCH_FILLER_PHONE)
  : undefined;

/**
 * `BENCH_VTLN=1`: vocal tract length normalisation at the default warps (`warp-selection.ts`);
 * `BENCH_VTLN=0.9,1,1.1` at those.
 */
const VTLN: VtlnOptions | undefined = !process.env.BENCH_VTLN
  ? undefined
  : process.env.BENCH_VTLN === '1'
    ? DEFAULT_VTLN
    : { ...DEFAULT_VTLN, warps: process.env.BENCH_VTLN.split(',').map(Number) };
/** `BENCH_VTLN_TRIES=2`: the grammar decodes at the 2 warps the loops fit best. */
const VTLN_TRIES = Number(process.env.BENCH_VTLN_TRIES ?? '1');

/** The score at which the engine's confidence reaches `confidence`. */
function scoreAt(confidence: number): number {
  return DEFAULT_CALIBRATION.scale * Math.log(confidence / (1 - confidence));
}

export interface UnderstandingRun {
  /** Choose the rule on the calibration split (else: judge by the shipped rule). */
  readonly calibrating: boolean;
  /** The split decoded when not calibrating (default: held-out). */
  readonly split?: Split;
  /**
   * The JSON of an earlier run of the same split, to apply other thresholds without decoding
   * everything again.
   */
  readonly from?: string;
  /** `BENCH_CAL_SCALE`: times as many calibration commands (understanding-corpus.ts). */
  readonly calibrationScale?: number;
  /** Judge by these thresholds instead of the shipped ones (`--rule`). */
  readonly rule?: Thresholds;
}

/**
 * `FIT:WORD:DEFICIT:SENSITIVE:BAND[:FILLER[:ask][:rel]]` (`-Infinity` for none) as thresholds;
 * FILLER: the filler margin below which a sentence is rejected (asked back with `ask`; the run's
 * margin less the carrier's with `rel`).
 */
export function parseRule(text: string): Thresholds {
  const fields = text.split(':');
  const [fit, worstWord, worstDeficit, sensitive, ask] = fields.slice(0, 5).map(Number);
  const filler = fields[5] === undefined ? undefined : Number(fields[5]);
  if (
    [fit, worstWord, worstDeficit, sensitive, ask].some((n) => n === undefined || Number.isNaN(n))
  )
    throw new Error(`--rule FIT:WORD:DEFICIT:SENSITIVE:BAND, not ${text}`);
  const rule = {
    ...DEFAULT_CALIBRATION.rule,
    fit: fit!,
    worstWord: worstWord!,
    worstDeficit: worstDeficit!,
  };
  if (Number.isNaN(filler)) throw new Error(`--rule: no filler margin in ${text}`);
  const flags = fields.slice(6);
  return {
    ...{ rule, sensitive: sensitive!, ask: ask!, filler },
    ...{ fillerAsk: flags.includes('ask'), fillerRelative: flags.includes('rel') },
  };
}

/** The thresholds the engine ships with (the word loop's rule with BENCH_WORD_LOOP=1). */
export function shippedThresholds(): Thresholds {
  return {
    rule: WORD_LOOP ? WORD_LOOP_ACCEPTANCE : DEFAULT_CALIBRATION.rule,
    sensitive: scoreAt(DEFAULT_SENSITIVE_CONFIDENCE),
    ask: ASK_BAND,
    slot: DEFAULT_CALIBRATION.slotMargin,
    filler: DEFAULT_CALIBRATION.fillerMargin,
    fillerRelative: DEFAULT_CALIBRATION.fillerRelative,
  };
}

export async function runUnderstanding(resultsDir: string, run: UnderstandingRun): Promise<void> {
  const { calibrating, from } = run;
  const scale = run.calibrationScale ?? 1;
  const wanted: Split = calibrating ? 'calibration' : (run.split ?? 'heldout');
  const scored: Scored[] = from
    ? (JSON.parse(readFileSync(from, 'utf8')) as { utterances: Scored[] }).utterances
    : await scoreCorpus(
        [wanted],
        60,
        {
          wordLoop: WORD_LOOP,
          slotCheck: SLOT_CHECK,
          fillerCheck: FILLER_CHECK,
          fillerPhoneProbability: FILLER_PHONE,
          vtln: VTLN && { ...VTLN, tries: VTLN_TRIES },
          // A loaded machine takes longer than the engine's 15 s on a long utterance.
          timeoutMs: 120_000,
        },
        scale,
      );
  const split = scored[0]?.item.split ?? wanted;
  const shipped = run.rule ?? shippedThresholds();
  let chosen: Thresholds | undefined;
  if (calibrating) {
    const found = calibrate(scored);
    chosen = { ...found, ask: calibrateBand(scored, found) };
    console.log('\nOn the calibration split, by the fit alone:\n');
    console.log(
      '| fit ≥ | commands acted correctly | out-of-grammar acted | out-of-grammar asked to confirm |\n|---:|---:|---:|---:|',
    );
    console.log(found.sweep.join('\n'));
    console.log(
      `\nchosen rule: fit ≥ ${found.rule.fit}, worst word ≥ ${found.rule.worstWord}, ` +
        `worst deficit ≥ ${found.rule.worstDeficit}, word loop margin ≥ ${found.rule.wordLoop}; ` +
        `sensitive actions at score ≥ ${found.sensitive}`,
    );
    console.log(`\nAsking back, the shipped rule and the chosen one (band ${chosen.ask}):\n`);
    console.log(formatBand(scored, shipped));
    console.log('');
    console.log(formatBand(scored, found));
  }
  const thresholds = chosen ?? shipped;
  const rows = tabulate(scored, thresholds);
  const { rule } = thresholds;
  const why =
    split !== 'calibration'
      ? 'never used to choose anything'
      : scale > 1
        ? `${scale} times the commands; the rule was chosen on the first 60 only`
        : 'the rule was chosen on it';
  console.log(
    `\nUnderstanding, ${split} split (${why}): accepted at fit ≥ ${rule.fit}, ` +
      `worst word ≥ ${rule.worstWord}, worst deficit ≥ ${rule.worstDeficit}, ` +
      `word loop margin ≥ ${rule.wordLoop}; ` +
      `sensitive actions ${thresholds.sensitive.toFixed(1)} above that; ` +
      `asked back down to ${thresholds.ask ?? 0} below it` +
      `${thresholds.filler === undefined ? '' : `; filler margin ≥ ${thresholds.filler}${thresholds.fillerAsk ? ' (else asked back)' : ''}`}\n`,
  );
  console.log(formatTable(rows));
  console.log(`\n${byEngine(scored, thresholds)}`);
  console.log('\nWhy commands were missed (decode error: the best path was another sentence):\n');
  console.log(formatMisses(scored, thresholds));
  if (split === 'calibration') {
    console.log('\nCommands acted wrongly (calibration only: said -> heard, voice):\n');
    console.log(formatWrong(scored, thresholds));
  }
  const ms = scored.map((s) => s.ms).sort((a, b) => a - b);
  console.log(
    `\nphrase engine per utterance: p50 ${ms[ms.length >> 1]!.toFixed(0)} ms, p95 ${ms[Math.floor(ms.length * 0.95)]!.toFixed(0)} ms`,
  );
  const variant =
    `${WITH_MODES ? '-modes' : ''}${WORD_LOOP ? '-word-loop' : ''}${DEMO_ALIASES ? '-demo' : ''}` +
    `${SLOT_CHECK ? '-slots' : ''}${VTLN ? `-vtln${VTLN.warps.length}x${VTLN_TRIES}` : ''}${FILLER_CHECK ? `-filler${FILLER_PHONE ?? ''}` : ''}` +
    `${scale > 1 && !from ? `-scale${scale}` : ''}${split === 'calibration' && !calibrating ? '-shipped' : ''}`;
  const out = join(resultsDir, `server-understanding-${split}${variant}.json`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ ...machine(), split, thresholds, rows, utterances: scored }, null, 1)}\n`,
  );
  console.log(`\nwrote ${out}`);
}

/** Commands acted correctly per synthesizer (espeak-ng's formant voices against flite's and Festival's), then per voice. */
function byEngine(scored: readonly Scored[], thresholds: Thresholds): string {
  const lines = ['| commands said by | acted correctly | rejected |', '|---|---:|---:|'];
  const commands = scored.filter((s) => s.item.kind === 'command');
  const voices = [...new Set(commands.map((s) => s.item.source))].sort();
  const engines = [...new Set(voices.map((voice) => `${voice.slice(0, voice.indexOf(':'))}:`))];
  for (const source of [...engines, ...voices]) {
    const mine = commands.filter((s) =>
      source.endsWith(':') ? s.item.source.startsWith(source) : s.item.source === source,
    );
    const verdicts = mine.map((s) => verdictOf(s, thresholds));
    const count = (v: string) => verdicts.filter((x) => x === v).length;
    const name = source.endsWith(':') ? `${source.slice(0, -1)} (all)` : source;
    lines.push(
      `| ${name} | ${count('correct')}/${mine.length} | ${count('rejected')}/${mine.length} |`,
    );
  }
  return lines.join('\n');
}
