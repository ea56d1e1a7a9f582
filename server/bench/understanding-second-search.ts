// The second opinion's rule, searched on a calibration split: the grammar's score and Moonshine's
// agreement per utterance (understanding-second.ts) judged by every rule of a grid
// (second-opinion.ts), the best kept. Acting: at most 1 % of the out-of-grammar speech, the most
// commands acted on correctly, then the fewest acted on wrongly; sensitive actions only at a
// score none of the out-of-grammar speech asking for one reached; asking back: at most 2 %.
import { type SecondOpinionRule, weigh } from '../src/engines/stt/second-opinion.js';
import type { Verdict } from './understanding.js';

export interface Judged {
  readonly index: number;
  /** Out-of-grammar speech is `oog`, save the classes reported apart (`SEPARATE_CLASSES`). */
  readonly kind: 'command' | 'oog' | 'near-miss (new)';
  /** The grammar heard a sentence the intents act on. */
  readonly heard: boolean;
  /** Its margin over the shipped acceptance rule (≥ 0: accepted by the grammar alone). */
  readonly score: number;
  /** It does what was said (commands). */
  readonly right: boolean;
  readonly sensitive: boolean;
  /** The transcript's agreement with the sentence, and with its name or value run. */
  readonly sentence: number;
  readonly run?: number;
  readonly perWord?: readonly number[];
  /** Positions of `spoken` another sentence replaces by one word. */
  readonly slots?: readonly number[];
  readonly spoken?: readonly string[];
  readonly runAt?: { start: number; end: number } | readonly { start: number; end: number }[];
  readonly contrast?: number;
  readonly transcript?: readonly string[];
  readonly text: string;
}

/** A rule and the score sensitive actions need. */
export interface BenchRule extends SecondOpinionRule {
  /** How far below the rule a sentence is asked back (`weigh`). */
  readonly askBand: number;
  readonly sensitive: number;
}

const NONE = { sentence: -Infinity, run: -Infinity };

/** The shipped rule: the grammar alone (fit ≥ 2, deficit ≥ -600), band 5, sensitive +1. */
export const GRAMMAR_ONLY: BenchRule = {
  strict: NONE,
  looseBand: 0,
  loose: NONE,
  askBand: 5,
  ask: NONE,
  sensitive: 1,
};

export function verdict(j: Judged, rule: BenchRule): Verdict {
  if (!j.heard) return 'rejected';
  const weighed = weigh(j.score, { ...j, words: [] }, rule, rule.askBand);
  if (weighed === 'ask' && !j.sensitive) return j.right ? 'asked back, right' : 'asked back, wrong';
  if (weighed !== 'accept' || (j.sensitive && j.score < rule.sensitive)) return 'rejected';
  if (j.right) return 'correct';
  return j.sensitive ? 'asked' : 'wrong';
}

interface Counts {
  correct: number;
  wrong: number;
  oogActed: number;
  oogAskedBack: number;
  askedBackRight: number;
}

function count(judged: readonly Judged[], rule: BenchRule): Counts {
  const c = { correct: 0, wrong: 0, oogActed: 0, oogAskedBack: 0, askedBackRight: 0 };
  for (const j of judged) {
    const v = verdict(j, rule);
    if (j.kind === 'command') {
      if (v === 'correct') c.correct++;
      if (v === 'wrong') c.wrong++;
      if (v === 'asked back, right') c.askedBackRight++;
    } else if (j.kind === 'oog') {
      if (v === 'correct' || v === 'wrong') c.oogActed++;
      if (v.startsWith('asked back')) c.oogAskedBack++;
    }
  }
  return c;
}

// 0 stands for no threshold: below it the transcript is mostly other words than the sentence.
const SENTENCE = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1];
const RUN = [0, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1];
const LOOSE = [0, 2, 4, 6, 8, 10, 12, 15, 20, 30];
const BANDS = [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20];

const needs = () => SENTENCE.flatMap((sentence) => RUN.map((run) => ({ sentence, run })));

const show = (n: number) => (n <= 0 ? '-' : String(n));
export const describe = (r: BenchRule) =>
  `strict ${show(r.strict.sentence)}/${show(r.strict.run)}, loose ${r.looseBand} at ` +
  `${show(r.loose.sentence)}/${show(r.loose.run)}, ask ${r.askBand} at ` +
  `${show(r.ask.sentence)}/${show(r.ask.run)}, sensitive +${r.sensitive}` +
  (r.contrast === undefined ? '' : `, contrast ≥ ${r.contrast}`);

/** The least score (≥ 0) above which no out-of-grammar utterance acted on is sensitive. */
function sensitiveMargin(judged: readonly Judged[], rule: BenchRule): number {
  const open = { ...rule, sensitive: -Infinity };
  const scores = judged
    .filter((j) => j.kind === 'oog' && j.sensitive && verdict(j, open) === 'asked')
    .map((j) => Math.floor(j.score) + 1);
  return Math.max(0, ...scores);
}

/** `contrast`: the least contrast every rule of the grid needs (none: any). */
export function searchRules(
  judged: readonly Judged[],
  contrast?: number,
  maxActed = 0.01,
  maxAsked = 0.02,
) {
  const oog = judged.filter((j) => j.kind === 'oog').length;
  const report: string[] = [];
  const line = (label: string, r: BenchRule) => {
    const c = count(judged, r);
    report.push(
      `| ${label} | ${describe(r)} | ${c.correct} | ${c.wrong} | ${c.oogActed}/${oog} | ${c.askedBackRight} | ${c.oogAskedBack}/${oog} |`,
    );
  };
  report.push(
    '| rule | thresholds (sentence/run agreement) | commands correct | commands wrong | out-of-grammar acted | commands asked back, right | out-of-grammar asked back |',
    '|---|---|---:|---:|---:|---:|---:|',
  );
  line('grammar only (shipped)', GRAMMAR_ONLY);
  const best = new Map<string, { rule: BenchRule; c: Counts }>();
  const consider = (key: string, rule: BenchRule, c: Counts) => {
    if (c.oogActed > maxActed * oog) return;
    const b = best.get(key);
    const better =
      !b ||
      c.correct > b.c.correct ||
      (c.correct === b.c.correct && c.wrong < b.c.wrong) ||
      (c.correct === b.c.correct && c.wrong === b.c.wrong && c.oogActed < b.c.oogActed);
    if (better) best.set(key, { rule, c });
  };
  for (const strict of needs()) {
    for (const looseBand of LOOSE) {
      for (const loose of needs()) {
        if (loose.sentence < strict.sentence || loose.run < strict.run) continue;
        if (looseBand === 0 && (loose.sentence !== strict.sentence || loose.run !== strict.run))
          continue;
        const rule = { strict, looseBand, loose, askBand: 0, ask: NONE, sensitive: 0, contrast };
        const c = count(judged, rule);
        consider('any', rule, c);
        consider(`band ${looseBand}`, rule, c);
        if (strict.run === -Infinity && loose.run === -Infinity) consider('sentence only', rule, c);
        if (strict.sentence === -Infinity && loose.sentence === -Infinity)
          consider('run only', rule, c);
      }
    }
  }
  for (const [key, { rule }] of best) line(`best, ${key}`, rule);
  const acting = best.get('any')!.rule;
  const withMargin = { ...acting, sensitive: sensitiveMargin(judged, acting) };
  // The asking band: most commands asked back (right), at most `maxAsked` of the rest.
  let chosen = withMargin;
  let asked = -1;
  for (const askBand of BANDS) {
    for (const ask of needs()) {
      const rule = { ...withMargin, askBand, ask };
      const c = count(judged, rule);
      if (c.oogAskedBack > maxAsked * oog || c.askedBackRight <= asked) continue;
      chosen = rule;
      asked = c.askedBackRight;
    }
  }
  line('chosen', chosen);
  // The contrast with the value's neighbours, on top: does it reject what the runs let through?
  for (const least of [-0.5, -0.25, 0, 0.25])
    line('chosen, contrast', { ...chosen, contrast: least });
  return { shipped: GRAMMAR_ONLY, chosen, report };
}

/** The per-class table of `rule`, as the understanding benchmark prints it. */
export function tableOf(judged: readonly Judged[], rule: BenchRule, label: string): string {
  const lines = [
    `${label}: ${describe(rule)}`,
    '| class | utterances | acted correctly | acted wrongly | asked to confirm a sensitive action | asked back, right on yes | asked back, wrong on yes | rejected |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const kind of ['command', 'oog', 'near-miss (new)'] as const) {
    const mine = judged.filter((j) => j.kind === kind);
    if (mine.length === 0) continue;
    const verdicts = mine.map((j) => verdict(j, rule));
    const n = (v: Verdict) => verdicts.filter((x) => x === v).length;
    lines.push(
      `| ${kind === 'oog' ? 'out-of-grammar (all)' : kind} | ${mine.length} | ${n('correct')} | ${n('wrong')} | ` +
        `${n('asked')} | ${n('asked back, right')} | ${n('asked back, wrong')} | ${n('rejected')} |`,
    );
  }
  return lines.join('\n');
}
