// Judges the general-engine benchmark's decodes (understanding-general.ts) at a min_confidence:
// what the turn would do with the text, by the rules of turn.ts and the local intents.
import { type ConfidenceRule, moonshineConfidence } from '../src/engines/stt/moonshine-engine.js';
import { DEFAULT_SENSITIVE_CONFIDENCE } from '../src/engines/stt/stt.js';
import type { CorpusItem } from './understanding-corpus.js';
import { type Outcome, same } from './understanding.js';

export interface GeneralScored {
  readonly item: Omit<CorpusItem, 'audio'>;
  /** What the sentence said would do (commands only). */
  readonly expected?: Outcome;
  /** Absent until the phrase engine has heard it (Moonshine is decoded first). */
  readonly phrase?: {
    readonly text: string;
    readonly confidence: number;
    readonly rejected?: string;
    readonly unsure?: string;
    readonly ms: number;
    readonly outcome?: Outcome;
    readonly unsureOutcome?: Outcome;
  };
  readonly moonshine: {
    /** Its text whatever the confidence ('' when no speech was found or nothing written). */
    readonly heard: string;
    readonly rejected?: string;
    readonly logProbs: readonly number[];
    readonly ended: boolean;
    readonly ms: number;
    readonly outcome?: Outcome;
  };
}

/**
 * `wrong`: a service call, timer or mode nobody asked for; `answered`: a local reply that is not
 * what was said but does nothing ("I don't know any garage heater"); `asked`: "do you want me to
 * open ...?" (nothing without a yes); `agent`: no local intent, so the text goes to the agent
 * (or "I can't do that yet" without one), which this benchmark does not run.
 */
export type GeneralVerdict =
  | 'correct'
  | 'wrong'
  | 'answered'
  | 'asked'
  | 'asked back, right'
  | 'asked back, wrong'
  | 'agent'
  | 'rejected';

export interface Setting {
  readonly path: 'moonshine alone' | 'chain';
  readonly rule: ConfidenceRule;
  readonly minConfidence: number;
}

const acts = (o: Outcome) =>
  o.calls.length > 0 || o.timer !== undefined || o.intent === 'JarvisSetMode';

/** What the turn does with `outcome`, heard at `confidence` (turn.ts, conversation.ts). */
export function verdictOfText(
  outcome: Outcome | undefined,
  expected: Outcome | undefined,
  confidence: number,
): GeneralVerdict {
  if (!outcome) return 'agent';
  // Too unsure to even ask: "I didn't catch that", nothing done.
  if (outcome.sensitive && confidence < DEFAULT_SENSITIVE_CONFIDENCE) return 'rejected';
  if (expected && same(outcome, expected)) return 'correct';
  if (outcome.sensitive) return 'asked';
  return acts(outcome) ? 'wrong' : 'answered';
}

export function confidenceOf(s: GeneralScored, rule: ConfidenceRule): number {
  const { heard: text, logProbs, ended } = s.moonshine;
  return moonshineConfidence({ text, logProbs, ended }, rule);
}

function moonshineVerdict(s: GeneralScored, setting: Setting): GeneralVerdict | undefined {
  const confidence = confidenceOf(s, setting.rule);
  if (!s.moonshine.heard || confidence < setting.minConfidence) return undefined;
  return verdictOfText(s.moonshine.outcome, s.expected, confidence);
}

/** What Jarvis would do with `s` in `setting`. */
export function generalVerdict(s: GeneralScored, setting: Setting): GeneralVerdict {
  if (setting.path === 'moonshine alone') return moonshineVerdict(s, setting) ?? 'rejected';
  const { phrase } = s;
  if (!phrase) throw new Error("the chain needs the phrase engine's decodes");
  if (phrase.text) return verdictOfText(phrase.outcome, s.expected, phrase.confidence);
  const general = moonshineVerdict(s, setting);
  if (general) return general;
  // Both unsure: the phrase engine's nearest sentence is asked back, as without a general engine.
  const asked = phrase.unsure ? phrase.unsureOutcome : undefined;
  if (!asked || asked.sensitive) return 'rejected';
  return s.expected && same(asked, s.expected) ? 'asked back, right' : 'asked back, wrong';
}

type Group = 'command' | 'near miss' | 'other out-of-grammar' | 'not commands (all)';

function groupsOf(s: GeneralScored): Group[] {
  if (s.item.kind === 'command') return ['command'];
  const near = s.item.kind === 'near-miss' || s.item.kind === 'near-miss (new)';
  return [near ? 'near miss' : 'other out-of-grammar', 'not commands (all)'];
}

export type Counts = Record<GeneralVerdict, number> & { readonly count: number };

export function tally(scored: readonly GeneralScored[], setting: Setting): Map<Group, Counts> {
  const rows = new Map<Group, Counts>();
  for (const s of scored) {
    const verdict = generalVerdict(s, setting);
    for (const group of groupsOf(s)) {
      const row = rows.get(group) ?? {
        ...{ count: 0, correct: 0, wrong: 0, answered: 0, asked: 0, agent: 0, rejected: 0 },
        ...{ 'asked back, right': 0, 'asked back, wrong': 0 },
      };
      rows.set(group, { ...row, count: row.count + 1, [verdict]: row[verdict] + 1 });
    }
  }
  return rows;
}

export const THRESHOLDS = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

const pct = (n: number, d: number) => `${n} (${d ? ((100 * n) / d).toFixed(1) : '-'} %)`;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ??
  NaN;

export function formatGeneral(scored: readonly GeneralScored[]): string {
  const empty = { count: 0 } as Counts;
  const lines = [
    `\n${scored[0]?.item.split ?? ''} split, ${scored.length} utterances. Commands: acted correctly / acted wrongly / ` +
      'answered wrongly (nothing done) / to the agent; not commands: acted wrongly / answered ' +
      'wrongly / asked to confirm a sensitive action / to the agent\n',
    '| path | confidence | min_confidence | commands correct | commands acted wrongly | commands answered wrongly | commands to agent | not commands acted wrongly | of them near misses | not commands answered wrongly | asked to confirm | not commands to agent | asked back (chain) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const paths = scored.every((s) => s.phrase)
    ? (['moonshine alone', 'chain'] as const)
    : (['moonshine alone'] as const);
  for (const path of paths) {
    for (const rule of ['mean', 'least'] as const) {
      // Infinity: Moonshine off, the phrase engine alone (the chain's baseline).
      const thresholds =
        path === 'chain' && rule === 'mean' ? [Infinity, ...THRESHOLDS] : THRESHOLDS;
      for (const minConfidence of thresholds) {
        const rows = tally(scored, { path, rule, minConfidence });
        const c = rows.get('command') ?? empty;
        const o = rows.get('not commands (all)') ?? empty;
        const near = rows.get('near miss') ?? empty;
        const back = o['asked back, right'] + o['asked back, wrong'];
        lines.push(
          `| ${path} | ${rule} | ${minConfidence === Infinity ? 'off' : minConfidence} | ${pct(c.correct, c.count)} | ${pct(c.wrong, c.count)} | ` +
            `${c.answered} | ${c.agent} | ${pct(o.wrong, o.count)} | ${near.wrong}/${near.count} | ` +
            `${o.answered} | ${o.asked} | ${o.agent} | ${back} |`,
        );
      }
    }
  }
  const ms = (pick: (s: GeneralScored) => number) => {
    const values = scored.map(pick);
    return `p50 ${percentile(values, 0.5).toFixed(0)} ms, p95 ${percentile(values, 0.95).toFixed(0)} ms`;
  };
  lines.push(
    `\nper utterance: Moonshine (VAD and decode) ${ms((s) => s.moonshine.ms)}; ` +
      `phrase engine ${ms((s) => s.phrase?.ms ?? NaN)}`,
  );
  lines.push('\nActed on wrongly by Moonshine (said -> heard, voice, mean / least confidence):\n');
  for (const s of scored) {
    const verdict = verdictOfText(s.moonshine.outcome, s.expected, 1);
    if (!s.moonshine.heard || (verdict !== 'wrong' && verdict !== 'answered')) continue;
    const [mean, least] = [confidenceOf(s, 'mean'), confidenceOf(s, 'least')];
    lines.push(
      `- ${s.item.kind}: "${s.item.text}" -> "${s.moonshine.heard}" (${verdict}), ${s.item.source}, ` +
        `${mean.toFixed(2)} / ${least.toFixed(2)}${s.phrase?.text ? ' [phrase engine accepted its own]' : ''}`,
    );
  }
  return lines.join('\n');
}
