// Does Jarvis act only on what it understood? `npm run bench -w server -- understanding`
// (add `calibrate` to sweep the acceptance threshold on the calibration split instead).
//
// Every utterance of the corpus (understanding-corpus.ts) goes through the phrase engine, and
// what it accepts through the local intents of a fresh English-speaking demo home with a garage
// door. A command is "acted correctly" when it does what the same sentence typed would do (the
// same service calls, timer and intent), an out-of-grammar utterance is "acted" whenever anything
// but "Sorry, I didn't catch that" comes of it.
import { cpus } from 'node:os';
import {
  type AcceptanceRule,
  acceptanceScore,
  DEFAULT_ACCEPTANCE,
  type WordFit,
  worstOf,
} from '../src/engines/stt/phrase-confidence.js';
import {
  DEFAULT_DICTIONARY,
  PhraseEngine,
  type PhraseEngineOptions,
  type PhraseResult,
} from '../src/engines/stt/phrase-engine.js';
import { type FillerMargin, fillerScore } from '../src/engines/stt/filler-check.js';
import type { SlotMargin } from '../src/engines/stt/slot-check.js';
import type { ServiceCall } from '../src/home/home.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { installedNameLanguage } from '../src/intents/word-language.js';
import type { IntentRecognizer, IntentResult } from '../src/intents/types.js';
import { withModes } from '../src/modes/mode-recognizer.js';
import { ModeStore } from '../src/modes/mode-store.js';
import { ManualClock } from '../src/speech/clock.js';
import {
  buildCorpus,
  type CorpusItem,
  SEPARATE_CLASSES,
  type Split,
  type UtteranceClass,
} from './understanding-corpus.js';
import { benchHome, DEMO_ALIASES, englishHome } from './understanding-home.js';
import { childCpuMs } from './child-cpu.js';
import { decodedBefore, reusable, savePartial } from './understanding-partial.js';

/**
 * `asked`: a sensitive action was asked for, and would happen only after a spoken "yes".
 * `asked back, right` / `asked back, wrong`: heard below the rule but within the asking band,
 * so the sentence was asked back ("Turn on the kitchen light?"); on a "yes" it does what was
 * said, or not. Neither is acting: nothing happens without the "yes".
 */
export type Verdict =
  'correct' | 'wrong' | 'asked' | 'asked back, right' | 'asked back, wrong' | 'rejected';

export interface Scored {
  readonly item: Omit<CorpusItem, 'audio'>;
  readonly heard: string;
  readonly fit: number;
  /** The worst word: its fit per frame, and its deficit summed over its frames. */
  readonly worstWord: number;
  readonly worstDeficit: number;
  /** Every segment of the best path (silences and noises too), with its fit. */
  readonly segments?: readonly WordFit[];
  /** The sentence's margin over any sequence of the grammar's words, per frame. */
  readonly loopMargin?: number;
  /** The sentence's margin over its slot neighbours (`BENCH_SLOT_CHECK=1`). */
  readonly slot?: SlotMargin;
  /** The sentence's margin over free phones in its name or value run (`BENCH_FILLER_CHECK=1`). */
  readonly filler?: FillerMargin;
  /** The phone loop's score per frame, and the frames decoded. */
  readonly free?: number;
  readonly frames?: number;
  readonly rejected?: string;
  readonly ms: number;
  /** The decoders' CPU time for it (`child-cpu.ts`), and the warp chosen (`vtln` only). */
  readonly cpuMs?: number;
  readonly warp?: number;
  /** What the sentence heard would do if accepted (undefined: no intent at all). */
  readonly outcome?: Outcome;
  /** What the sentence said would do (commands only). */
  readonly expected?: Outcome;
}

export interface Outcome {
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

export async function outcomeOf(
  recognizer: IntentRecognizer,
  text: string,
): Promise<Outcome | undefined> {
  const run = async (sure: boolean): Promise<IntentResult | undefined> =>
    recognizer.handle(text, {
      home: benchHome(),
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
    // Held back when not sure enough: failed before, a rejection (`notSureEnough`) since.
    sensitive:
      (held?.failed === true || held?.notSureEnough === true) &&
      held.calls.length === 0 &&
      !result.failed,
  };
}

export const same = (a: Outcome, b: Outcome) =>
  a.intent === b.intent &&
  JSON.stringify(a.calls) === JSON.stringify(b.calls) &&
  a.timer === b.timer &&
  a.speech === b.speech;

/** `BENCH_MODES=1`: the mode sentences in the grammar too, as the server has them. */
export const WITH_MODES = process.env.BENCH_MODES === '1';

/**
 * The intents as the server wraps them: a mode command heard is acted on, and the house is
 * back to normal before each utterance (one heard must not gate the ones after it).
 */
function modesOver(base: IntentRecognizer): IntentRecognizer {
  const clock = new ManualClock(new Date(2025, 0, 15, 15, 5).getTime());
  const store = new ModeStore({ clock });
  const wrapped = withModes(base, { store, clock, language: 'en' });
  return {
    ...wrapped,
    handle: (text, context) => {
      store.set('normal');
      return wrapped.handle(text, context);
    },
  };
}

/** Decodes every utterance once; the thresholds are applied afterwards. */
export async function scoreCorpus(
  splits: readonly Split[],
  commands = 60,
  options: PhraseEngineOptions = {},
  calibrationScale = 1,
): Promise<Scored[]> {
  // Names in the grammar of their language, told as the server tells them.
  const { nameLanguage } = await installedNameLanguage({ englishDictionary: DEFAULT_DICTIONARY });
  const base = createIntentRecognizer({ nameLanguage });
  const grammar = base.sentences(englishHome(), 'en');
  // The commands are drawn from the intents' grammar either way, so both runs hear the same.
  const corpus = await buildCorpus({ grammar, commands, splits, calibrationScale });
  const recognizer = WITH_MODES ? modesOver(base) : base;
  const engine = new PhraseEngine(options);
  // The server's grammar: the commands and the answers to its questions.
  // The commands are said with the English names either way; `BENCH_HOME=demo` hears them with
  // the names the server puts in the English grammar of the demo home (its French aliases too).
  const heard = WITH_MODES || DEMO_ALIASES ? recognizer.sentences(benchHome(), 'en') : grammar;
  await engine.setSentences([...heard, ...recognizer.answers('en')]);
  try {
    return await scoreWith(engine, recognizer, corpus);
  } finally {
    await engine.close();
  }
}

/** Each utterance of `corpus` heard by `engine`, and what the intents would do with it. */
export async function scoreWith(
  engine: PhraseEngine,
  recognizer: IntentRecognizer,
  corpus: readonly CorpusItem[],
): Promise<Scored[]> {
  const before = decodedBefore<Scored>();
  const scored: Scored[] = [];
  for (const { audio, ...item } of corpus) {
    const done = reusable(before, scored.length, item);
    scored.push(done ?? (await scoreAudio(engine, recognizer, item, audio)));
    if (!done) savePartial(scored);
  }
  return scored;
}

/** `audio` (all of `item`'s or a part of it) heard by `engine`, and what the intents would do. */
export async function scoreAudio(
  engine: PhraseEngine,
  recognizer: IntentRecognizer,
  item: Omit<CorpusItem, 'audio'>,
  audio: Uint8Array,
): Promise<Scored> {
  const [started, cpu] = [performance.now(), childCpuMs()];
  const heard: PhraseResult = await engine.recognize({ audio });
  const [ms, cpuMs] = [performance.now() - started, childCpuMs() - cpu];
  return {
    item,
    heard: heard.text,
    fit: heard.fit,
    ...worstOf(heard.words),
    segments: heard.segments,
    free: heard.free,
    loopMargin: heard.loopMargin,
    slot: heard.slot && finite(heard.slot),
    filler: heard.filler && {
      ...heard.filler,
      margin: clamp(heard.filler.margin),
      // JSON has no Infinity: a carrier with no reference is left out, as the engine ignores it.
      carrier: Number.isFinite(heard.filler.carrier) ? heard.filler.carrier : undefined,
    },
    frames: heard.frames,
    rejected: heard.rejected,
    ...{ ms, cpuMs, warp: heard.warp },
    outcome: heard.text ? await outcomeOf(recognizer, heard.text) : undefined,
    expected: item.kind === 'command' ? await outcomeOf(recognizer, item.text) : undefined,
  };
}

/** JSON has no infinities: ±1e9 stands for them. */
const clamp = (n: number) => Math.max(-1e9, Math.min(1e9, n));
const finite = (slot: SlotMargin): SlotMargin => ({
  ...slot,
  margin: clamp(slot.margin),
  slotMargin: clamp(slot.slotMargin),
});

export interface Thresholds {
  readonly rule: AcceptanceRule;
  /** Score (above the rule) a sensitive action needs before it may be asked for. */
  readonly sensitive: number;
  /**
   * How far below the rule (in units of fit) a sentence that is not sensitive is asked back
   * instead of rejected; 0 or undefined: never.
   */
  readonly ask?: number;
  /**
   * A sentence accepted whose slot margin (`SlotMargin.slotMargin`) is below this is asked back
   * (rejected when sensitive: those are never asked back); undefined: no slot check.
   */
  readonly slot?: number;
  /**
   * A sentence whose filler margin (`FillerMargin.margin`) is below this is rejected (asked back
   * with `fillerAsk`, unless sensitive).
   */
  readonly filler?: number;
  readonly fillerAsk?: boolean;
  /** The filler threshold judges the run's margin less the carrier's (`fillerScore`). */
  readonly fillerRelative?: boolean;
}

/** What Jarvis would do with one utterance at these thresholds. */
export function verdictOf(s: Scored, t: Thresholds): Verdict {
  if (s.rejected || !s.outcome) return 'rejected';
  const right = s.expected !== undefined && same(s.outcome, s.expected);
  if (t.filler !== undefined && s.filler && fillerScore(s.filler, t.fillerRelative) < t.filler) {
    if (!t.fillerAsk || s.outcome.sensitive) return 'rejected';
    return right ? 'asked back, right' : 'asked back, wrong';
  }
  const score = acceptanceScore(s, t.rule);
  if (score < 0 && !s.outcome.sensitive && score >= -(t.ask ?? 0)) {
    return right ? 'asked back, right' : 'asked back, wrong';
  }
  if (score < 0 || (s.outcome.sensitive && score < t.sensitive)) return 'rejected';
  if (t.slot !== undefined && s.slot && s.slot.slotMargin < t.slot) {
    if (s.outcome.sensitive) return 'rejected';
    return right ? 'asked back, right' : 'asked back, wrong';
  }
  if (right) return 'correct';
  return s.outcome.sensitive ? 'asked' : 'wrong';
}

export interface ClassRow {
  readonly split: Split;
  readonly kind: UtteranceClass | 'out-of-grammar (all)';
  readonly count: number;
  readonly correct: number;
  readonly wrong: number;
  /** Asked "do you want me to open/unlock ...?" for something nobody asked. */
  readonly asked: number;
  /** Asked back ("Turn on the kitchen light?"): on a "yes" what was said is done, or not. */
  readonly askedBackRight: number;
  readonly askedBackWrong: number;
  readonly rejected: number;
}

export function tabulate(scored: readonly Scored[], t: Thresholds): ClassRow[] {
  const rows: ClassRow[] = [];
  for (const split of [...new Set(scored.map((s) => s.item.split))]) {
    const mine = scored.filter((s) => s.item.split === split);
    const kinds = [...new Set(mine.map((s) => s.item.kind))];
    const groups: [ClassRow['kind'], Scored[]][] = kinds.map((k) => [
      k,
      mine.filter((s) => s.item.kind === k),
    ]);
    const outOfGrammar = mine.filter(
      (s) => s.item.kind !== 'command' && !SEPARATE_CLASSES.includes(s.item.kind),
    );
    groups.push(['out-of-grammar (all)', outOfGrammar]);
    for (const [kind, group] of groups) {
      const verdicts = group.map((s) => verdictOf(s, t));
      const count = (v: Verdict) => verdicts.filter((x) => x === v).length;
      rows.push({
        split,
        kind,
        count: group.length,
        correct: count('correct'),
        wrong: count('wrong'),
        asked: count('asked'),
        askedBackRight: count('asked back, right'),
        askedBackWrong: count('asked back, wrong'),
        rejected: count('rejected'),
      });
    }
  }
  return rows;
}

const GRID = {
  fit: [-20, -16, -12, -10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10],
  worstWord: [-Infinity, -100, -80, -60, -50, -40, -30, -20],
  worstDeficit: [-Infinity, -3000, -2000, -1500, -1000, -600],
  wordLoop: [-Infinity, -6, -5, -4, -3, -2, -1],
};

/** Every rule of the grid. */
function* gridRules(): Generator<AcceptanceRule> {
  for (const fit of GRID.fit) {
    for (const worstWord of GRID.worstWord) {
      for (const worstDeficit of GRID.worstDeficit) {
        for (const wordLoop of GRID.wordLoop) {
          yield { ...DEFAULT_ACCEPTANCE, fit, worstWord, worstDeficit, wordLoop };
        }
      }
    }
  }
}

/**
 * The rule a calibration split calls for: of a grid of thresholds, the one that acts correctly
 * on most commands while acting on at most `maxOutOfGrammar` of the out-of-grammar utterances
 * (a question "do you want me to open ...?" is not acting: nothing happens without a "yes"),
 * the one acting on fewest of those among equals; then the least score above it at which none
 * of them asks for a sensitive action either.
 */
export function calibrate(
  scored: readonly Scored[],
  maxOutOfGrammar = 0.02,
  checks: Pick<Thresholds, 'slot' | 'filler' | 'fillerAsk' | 'fillerRelative'> = {},
) {
  let best: { rule: AcceptanceRule; correct: number; acted: number } | undefined;
  const sweep: string[] = [];
  for (const rule of gridRules()) {
    const rows = tabulate(scored, { rule, sensitive: 0, ...checks });
    const oog = rows.find((r) => r.kind === 'out-of-grammar (all)')!;
    const commands = rows.find((r) => r.kind === 'command')!;
    const acted = oog.correct + oog.wrong;
    if ([rule.worstWord, rule.worstDeficit, rule.wordLoop].every((t) => t === -Infinity)) {
      sweep.push(
        `| ${rule.fit} | ${commands.correct}/${commands.count} | ${acted}/${oog.count} | ${oog.asked} |`,
      );
    }
    if (acted / oog.count > maxOutOfGrammar) continue;
    const better =
      !best ||
      commands.correct > best.correct ||
      (commands.correct === best.correct && acted < best.acted);
    if (better) best = { rule, correct: commands.correct, acted };
  }
  const rule = best?.rule ?? DEFAULT_ACCEPTANCE;
  const oogScores = scored
    .filter((s) => s.item.kind !== 'command' && s.outcome?.sensitive && !s.rejected)
    .filter(
      (s) =>
        !(s.filler && fillerScore(s.filler, checks.fillerRelative) < (checks.filler ?? -Infinity)),
    )
    .map((s) => acceptanceScore(s, rule));
  const sensitive = Math.max(0, ...oogScores.map((score) => Math.floor(score) + 1));
  return { rule, sensitive, sweep };
}

export function machine() {
  return { date: new Date().toISOString(), cpu: cpus()[0]?.model, cores: cpus().length };
}
