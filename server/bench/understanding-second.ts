// `npm run bench -w server -- understanding moonshine FILE [SECOND]`: the phrase engine's second
// opinion on a calibration run (FILE; SECOND is its Moonshine transcripts, default FILE with
// `-moonshine`, from `understanding moonshine decode FILE`). Per utterance the grammar's score
// and the transcript's agreement (agreement.ts); then the rule (second-opinion.ts) that acts
// correctly on most commands with at most 1 % of the out-of-grammar speech acted on
// (understanding-second-search.ts), the tables per class, and Moonshine's time per utterance.
import { readFileSync, writeFileSync } from 'node:fs';
import { acceptanceScore, DEFAULT_ACCEPTANCE } from '../src/engines/stt/phrase-confidence.js';
import { agreement, contrast, transcriptWords } from '../src/engines/stt/agreement.js';
import {
  type Neighbour,
  neighboursOf,
  rivalsAt,
  valueRuns,
  wordShares,
} from '../src/engines/stt/value-runs.js';
import {
  DECISIVE_MIN_PHONES,
  decisiveRuns,
  type DecisiveRunOptions,
} from '../src/engines/stt/decisive-runs.js';
import {
  WORST_RUNS_RULE,
  NEIGHBOURS_RUN_RULE,
  VALUE_RUNS_RULE,
} from '../src/engines/stt/second-opinion.js';
import { ASK_BAND, DEFAULT_SENSITIVE_CONFIDENCE } from '../src/engines/stt/stt.js';
import { fillerRun } from '../src/engines/stt/filler-grammar.js';
import { slotPositions } from '../src/engines/stt/slot-neighbours.js';
import { PhoneBook, readDictionary } from '../src/engines/stt/phone-book.js';
import { buildPhraseGrammar, wordsOf } from '../src/engines/stt/phrase-grammar.js';
import { pronounce } from '../src/engines/stt/lexicon.js';
import { DEFAULT_ACCENTS, DEFAULT_DICTIONARY } from '../src/engines/stt/phrase-engine.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { installedNameLanguage } from '../src/intents/word-language.js';
import { SEPARATE_CLASSES } from './understanding-corpus.js';
import { englishHome } from './understanding-home.js';
import { type Scored, verdictOf } from './understanding.js';
import type { SecondDecode } from './understanding-moonshine.js';
import { GRAMMAR_ONLY, type Judged, searchRules, tableOf } from './understanding-second-search.js';

/**
 * `BENCH_GRAMMAR_RULE=FIT:DEFICIT`: the grammar's rule the second opinion builds on, for scores
 * on another scale (a run with BENCH_VTLN); default the shipped one.
 */
const GRAMMAR_RULE = ((text) => {
  if (!text) return DEFAULT_ACCEPTANCE;
  const [fit, worstDeficit] = text.split(':').map(Number);
  return { ...DEFAULT_ACCEPTANCE, fit: fit!, worstDeficit: worstDeficit! };
})(process.env.BENCH_GRAMMAR_RULE);

/** The score above the rule sensitive actions need as shipped (`DEFAULT_SENSITIVE_CONFIDENCE`). */
const SENSITIVE_MARGIN =
  3 * Math.log(DEFAULT_SENSITIVE_CONFIDENCE / (1 - DEFAULT_SENSITIVE_CONFIDENCE));

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** Which runs are compared: the engine's (`runs` option) and, for `worst`, which parts. */
export interface RunVariant extends DecisiveRunOptions {
  readonly runs: 'neighbours' | 'values' | 'worst';
  readonly minPhones?: number;
}

/**
 * `BENCH_RUN`: `neighbours` (default, the engine's), the run most slot neighbours replace;
 * `worst`, every run that can go wrong (`decisive-runs.ts`), `BENCH_MIN_PHONES` their least
 * phones; `values`, the name and value runs (each with its rule, second-opinion.ts).
 */
export function benchVariant(): RunVariant {
  const runs = (process.env.BENCH_RUN ?? 'neighbours') as RunVariant['runs'];
  const least = runs === 'worst' ? DECISIVE_MIN_PHONES : 1;
  return { runs, minPhones: Number(process.env.BENCH_MIN_PHONES ?? least) };
}

/** Every utterance with what the rule search needs. */
export async function judge(
  scored: readonly Scored[],
  decodes: readonly SecondDecode[],
  variant: RunVariant = benchVariant(),
) {
  const { nameLanguage } = await installedNameLanguage({ englishDictionary: DEFAULT_DICTIONARY });
  const recognizer = createIntentRecognizer({ nameLanguage });
  const all = [...recognizer.sentences(englishHome(), 'en'), ...recognizer.answers('en')];
  const { pronunciations } = await pronounce(DEFAULT_DICTIONARY, wordsOf(all), {
    espeak: 'espeak-ng',
    accents: DEFAULT_ACCENTS,
  });
  const grammar = buildPhraseGrammar(all, pronunciations);
  const spokenOf = new Map([...grammar.sentences].map(([spoken, text]) => [text, spoken]));
  const sentences = [...grammar.sentences.keys()].map((spoken) => spoken.split(' '));
  const shares = wordShares(sentences);
  const book = new PhoneBook({ dictionary: DEFAULT_DICTIONARY, espeak: 'espeak-ng' });
  const heardWords = decodes.flatMap((d) => transcriptWords(d.transcript ?? ''));
  const lookup = await book.lookupFor([...new Set(heardWords)], readDictionary(grammar.dictionary));
  // Any threshold: only whether a sentence was heard right, and whether it is sensitive.
  const any = {
    rule: { ...DEFAULT_ACCEPTANCE, fit: -Infinity, worstDeficit: -Infinity },
    sensitive: -Infinity,
  };
  const runsOf = (spoken: string[], near: Neighbour[]) => {
    if (variant.runs === 'values') return valueRuns(spoken, near, shares);
    if (variant.runs === 'worst')
      return decisiveRuns(spoken, sentences, shares, { ...variant, near });
    return fillerRun(spoken, sentences);
  };
  return scored.map((s, index): Judged => {
    const decode = decodes[index]!;
    if (decode.index !== index) throw new Error(`decode ${decode.index} is not utterance ${index}`);
    const spoken = s.heard ? spokenOf.get(s.heard)?.split(' ') : undefined;
    const words = transcriptWords(decode.transcript ?? '');
    const near = spoken && neighboursOf(spoken, sentences);
    const run = spoken && runsOf(spoken, near!);
    const agreed = spoken
      ? agreement(spoken, words, lookup, run, variant.minPhones)
      : { sentence: -Infinity, words: [] as number[] };
    const rivals = spoken && Array.isArray(run) ? rivalsAt(near!, run) : [];
    const contrasted =
      spoken && words.length > 0 ? contrast(spoken, rivals, words, lookup) : undefined;
    const verdict = verdictOf(s, any);
    const oog = s.item.kind !== 'command' && !SEPARATE_CLASSES.includes(s.item.kind);
    return {
      index,
      kind: s.item.kind === 'command' ? 'command' : oog ? 'oog' : 'near-miss (new)',
      heard: !s.rejected && s.outcome !== undefined,
      score: acceptanceScore(s, GRAMMAR_RULE),
      right: verdict === 'correct',
      sensitive: s.outcome?.sensitive === true,
      sentence: agreed.sentence,
      run: agreed.run,
      perWord: agreed.words,
      slots: spoken ? [...slotPositions(spoken, sentences, 1)] : [],
      spoken,
      runAt: run,
      contrast: contrasted,
      transcript: words,
      text: `${s.item.source} "${s.item.text}" -> "${s.heard}" / "${decode.transcript ?? ''}"${
        'said' in agreed ? ` [run: ${agreed.said?.join(' ')}]` : ''
      }`,
    };
  });
}

/**
 * `args`: FILE [SECOND]; with `report` first, FILE is judged by the shipped rules only (no
 * search: the held-out split is for that).
 */
export async function runSecondOpinion(args: readonly string[]): Promise<void> {
  const report = args[0] === 'report';
  const [file, secondFile] = report ? args.slice(1) : args;
  const second = secondFile ?? file!.replace(/\.json$/, '-moonshine.json');
  const scored = (JSON.parse(readFileSync(file!, 'utf8')) as { utterances: Scored[] }).utterances;
  if (!report && scored.some((s) => s.item.split !== 'calibration')) {
    throw new Error('the rule is searched on calibration runs only (`report` judges others)');
  }
  const { decodes } = JSON.parse(readFileSync(second, 'utf8')) as { decodes: SecondDecode[] };
  const judged = await judge(scored, decodes);
  const ms = decodes.filter((d) => d.transcript !== undefined).map((d) => d.ms);
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  console.log(
    `Moonshine per utterance (${ms.length}): p50 ${quantile(ms, 0.5).toFixed(0)} ms, ` +
      `p95 ${quantile(ms, 0.95).toFixed(0)} ms, mean ${mean.toFixed(0)} ms`,
  );
  const split = scored[0]?.item.split;
  const rule = {
    neighbours: NEIGHBOURS_RUN_RULE,
    values: VALUE_RUNS_RULE,
    worst: WORST_RUNS_RULE,
  }[benchVariant().runs];
  const shipped = { ...rule, askBand: ASK_BAND, sensitive: SENSITIVE_MARGIN };
  console.log(`\n${tableOf(judged, GRAMMAR_ONLY, `${split}, grammar only`)}`);
  if (!report) {
    const found = searchRules(judged, rule.contrast);
    for (const line of found.report) console.log(line);
    console.log(`\n${tableOf(judged, found.chosen, `${split}, the rule found`)}`);
  }
  console.log(`\n${tableOf(judged, shipped, `${split}, the second opinion as shipped`)}`);
  const out = file!.replace(/\.json$/, '-second.json');
  const finite = (_: string, v: unknown) => (v === -Infinity ? -1e9 : v);
  writeFileSync(out, `${JSON.stringify({ judged }, finite)}\n`);
  console.log(`wrote ${out}`);
}
