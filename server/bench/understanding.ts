// Does Jarvis act only on what it understood? `npm run bench -w server -- understanding`
// (add `calibrate` to sweep the acceptance threshold on the calibration split instead).
//
// Every utterance of the corpus (understanding-corpus.ts) goes through the phrase engine, and
// what it accepts through the local intents of a fresh English-speaking demo home with a garage
// door. A command is "acted correctly" when it does what the same sentence typed would do (the
// same service calls, timer and intent), an out-of-grammar utterance is "acted" whenever anything
// but "Sorry, I didn't catch that" comes of it.
import { cpus } from 'node:os';
import { PhraseEngine, type PhraseResult } from '../src/engines/stt/phrase-engine.js';
import type { ServiceCall } from '../src/home/home.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import type { IntentRecognizer, IntentResult } from '../src/intents/types.js';
import {
  buildCorpus,
  type CorpusItem,
  type Split,
  type UtteranceClass,
} from './understanding-corpus.js';
import { englishHome } from './understanding-home.js';

export type Verdict = 'correct' | 'wrong' | 'rejected';

export interface Scored {
  readonly item: Omit<CorpusItem, 'audio'>;
  readonly heard: string;
  readonly fit: number;
  readonly rejected?: string;
  readonly ms: number;
  /** What the sentence heard would do if accepted (undefined: no intent at all). */
  readonly outcome?: Outcome;
  /** What the sentence said would do (commands only). */
  readonly expected?: Outcome;
}

interface Outcome {
  readonly intent: string;
  readonly calls: readonly string[];
  readonly timer?: string;
  readonly speech: string;
  /** It would open, unlock or disarm: asked first, and only when heard with confidence. */
  readonly sensitive: boolean;
}

const describeCall = (call: ServiceCall) =>
  `${call.domain}.${call.service} ${call.target?.entity_id?.join(',') ?? ''} ${JSON.stringify(call.data ?? {})}`;

let conversation = 0;

async function outcomeOf(recognizer: IntentRecognizer, text: string): Promise<Outcome | undefined> {
  const run = async (sure: boolean): Promise<IntentResult | undefined> =>
    recognizer.handle(text, {
      home: englishHome(),
      area: 'living_room',
      conversationId: `bench-${++conversation}`,
      now: new Date(2025, 0, 15, 15, 5),
      timers: [{ id: 'timer-1', name: 'pasta', secondsLeft: 300 }],
      language: 'en',
      sureEnoughForSensitive: sure,
    });
  const result = await run(true);
  if (!result) return undefined;
  const held = await run(false);
  const timer = result.timer ? JSON.stringify({ ...result.timer, id: undefined }) : undefined;
  return {
    intent: result.intent,
    calls: result.calls.map(describeCall),
    timer,
    speech: result.speech,
    sensitive: held?.failed === true && held.calls.length === 0 && !result.failed,
  };
}

const same = (a: Outcome, b: Outcome) =>
  a.intent === b.intent &&
  JSON.stringify(a.calls) === JSON.stringify(b.calls) &&
  a.timer === b.timer &&
  a.speech === b.speech;

/** Decodes every utterance once; the thresholds are applied afterwards. */
export async function scoreCorpus(splits: readonly Split[], commands = 60): Promise<Scored[]> {
  const recognizer = createIntentRecognizer();
  const grammar = recognizer.sentences(englishHome(), 'en');
  const corpus = await buildCorpus({ grammar, commands, splits });
  const engine = new PhraseEngine();
  await engine.setSentences(grammar);
  const scored: Scored[] = [];
  for (const { audio, ...item } of corpus) {
    const started = performance.now();
    const heard: PhraseResult = await engine.recognize({ audio });
    const ms = performance.now() - started;
    scored.push({
      item,
      heard: heard.text,
      fit: heard.fit,
      rejected: heard.rejected,
      ms,
      outcome: heard.text ? await outcomeOf(recognizer, heard.text) : undefined,
      expected: item.kind === 'command' ? await outcomeOf(recognizer, item.text) : undefined,
    });
  }
  await engine.close();
  return scored;
}

export interface Thresholds {
  /** Fit at or above which a sentence is accepted. */
  readonly accept: number;
  /** Fit at or above which a sensitive action may be asked for. */
  readonly sensitive: number;
}

/** What Jarvis would do with one utterance at these thresholds. */
export function verdictOf(s: Scored, t: Thresholds): { verdict: Verdict; sensitive: boolean } {
  const accepted = !s.rejected && s.outcome && s.fit >= t.accept;
  if (!accepted || !s.outcome) return { verdict: 'rejected', sensitive: false };
  if (s.outcome.sensitive && s.fit < t.sensitive) return { verdict: 'rejected', sensitive: false };
  const correct = s.expected !== undefined && same(s.outcome, s.expected);
  return { verdict: correct ? 'correct' : 'wrong', sensitive: s.outcome.sensitive };
}

export interface ClassRow {
  readonly split: Split;
  readonly kind: UtteranceClass | 'out-of-grammar (all)';
  readonly count: number;
  readonly correct: number;
  readonly wrong: number;
  readonly rejected: number;
  /** Out-of-grammar utterances that led to a sensitive action being asked for. */
  readonly sensitive: number;
}

export function tabulate(scored: readonly Scored[], t: Thresholds): ClassRow[] {
  const rows: ClassRow[] = [];
  const splits = [...new Set(scored.map((s) => s.item.split))];
  for (const split of splits) {
    const mine = scored.filter((s) => s.item.split === split);
    const kinds = [...new Set(mine.map((s) => s.item.kind))];
    const groups: [ClassRow['kind'], Scored[]][] = kinds.map((k) => [
      k,
      mine.filter((s) => s.item.kind === k),
    ]);
    groups.push(['out-of-grammar (all)', mine.filter((s) => s.item.kind !== 'command')]);
    for (const [kind, group] of groups) {
      const verdicts = group.map((s) => verdictOf(s, t));
      const count = (v: Verdict) => verdicts.filter((x) => x.verdict === v).length;
      rows.push({
        split,
        kind,
        count: group.length,
        correct: count('correct'),
        wrong: count('wrong'),
        rejected: count('rejected'),
        sensitive: kind === 'command' ? 0 : verdicts.filter((x) => x.sensitive).length,
      });
    }
  }
  return rows;
}

/**
 * The thresholds a calibration split calls for: the lowest acceptance fit at which at most
 * `maxOutOfGrammar` of its out-of-grammar utterances are acted on, and the lowest sensitive fit
 * at which none of them asks for a sensitive action.
 */
export function calibrate(
  scored: readonly Scored[],
  maxOutOfGrammar = 0.02,
): Thresholds & { sweep: string[] } {
  const candidates = [
    ...new Set(scored.map((s) => Math.round(s.fit * 2) / 2).filter(Number.isFinite)),
  ].sort((a, b) => a - b);
  const sweep: string[] = [];
  let accept = Infinity;
  let sensitive = Infinity;
  for (const fit of candidates) {
    const rows = tabulate(scored, { accept: fit, sensitive: fit });
    const oog = rows.find((r) => r.kind === 'out-of-grammar (all)')!;
    const commands = rows.find((r) => r.kind === 'command')!;
    sweep.push(
      `| ${fit.toFixed(1)} | ${commands.correct}/${commands.count} | ${oog.count - oog.rejected}/${oog.count} | ${oog.sensitive} |`,
    );
    if (accept === Infinity && (oog.count - oog.rejected) / oog.count <= maxOutOfGrammar)
      accept = fit;
    if (sensitive === Infinity && oog.sensitive === 0) sensitive = fit;
  }
  return { accept, sensitive: Math.max(sensitive, accept), sweep };
}

export function formatTable(rows: readonly ClassRow[]): string {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '-');
  const lines = [
    '| split | class | utterances | acted correctly | acted wrongly | rejected | sensitive asked |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.split} | ${r.kind} | ${r.count} | ${r.correct} (${pct(r.correct, r.count)}) | ` +
        `${r.wrong} (${pct(r.wrong, r.count)}) | ${r.rejected} (${pct(r.rejected, r.count)}) | ${r.sensitive} |`,
    );
  }
  return lines.join('\n');
}

export function machine() {
  return { date: new Date().toISOString(), cpu: cpus()[0]?.model, cores: cpus().length };
}
