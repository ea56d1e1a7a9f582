// `npm run bench -w server -- understanding general [SPLIT] [--base] [--from FILE]`: what
// Moonshine (tiny; base with `--base`), the general engine, would make Jarvis do
// (`... general cost`: its cost per utterance). Every
// utterance of the calibration split (commands, out-of-grammar speech, near misses, other
// languages, sounds) is heard by the phrase engine and by Moonshine, once each; the texts go
// through the local intents the server builds (routines and modes included) in the bench home.
// Judged afterwards at several `min_confidence` values (understanding-general-judge.ts):
// Moonshine alone (what Home Assistant gets from Jarvis as its speech-to-text) and the server's
// chain (the phrase engine first, Moonshine on what it rejects). A held-out SPLIT (`heldout`,
// `heldout3`, `heldout4`) is for the lead, run once for the final choice: nothing is chosen on it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MoonshineEngine, type MoonshineResult } from '../src/engines/stt/moonshine-engine.js';
import type { MoonshineSize } from '../src/engines/stt/moonshine.js';
import { DEFAULT_DICTIONARY, PhraseEngine } from '../src/engines/stt/phrase-engine.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import type { IntentRecognizer } from '../src/intents/types.js';
import { installedNameLanguage } from '../src/intents/word-language.js';
import { withModes } from '../src/modes/mode-recognizer.js';
import { ModeStore } from '../src/modes/mode-store.js';
import { withRoutines } from '../src/routines/routine-recognizer.js';
import { ManualClock } from '../src/speech/clock.js';
import { buildCorpus, type Split, SPLITS } from './understanding-corpus.js';
import { benchHome, englishHome } from './understanding-home.js';
import { formatGeneral, type GeneralScored } from './understanding-general-judge.js';
import { machine, outcomeOf } from './understanding.js';
import { runGeneralCost } from './understanding-general-cost.js';

/** The intents as the server builds them (serve.ts): routines (none), then modes. */
export function serverIntents(base: IntentRecognizer): IntentRecognizer {
  const clock = new ManualClock(new Date(2025, 0, 15, 15, 5).getTime());
  const store = new ModeStore({ clock });
  const local = withRoutines(base, { routines: [], sensitiveDomains: [] });
  const wrapped = withModes(local, { store, clock, language: 'en' });
  return {
    ...wrapped,
    handle: (text, context) => {
      store.set('normal'); // a mode heard must not gate the utterances after it
      return wrapped.handle(text, context);
    },
  };
}

/** What Moonshine heard of `item` (in `ms`), and what its text and the sentence said would do. */
export async function moonshineScored(
  recognizer: IntentRecognizer,
  item: GeneralScored['item'],
  heard: MoonshineResult,
  ms: number,
): Promise<GeneralScored> {
  return {
    item,
    expected: item.kind === 'command' ? await outcomeOf(recognizer, item.text) : undefined,
    moonshine: {
      heard: heard.written,
      rejected: heard.rejected,
      logProbs: heard.decoded?.logProbs ?? [],
      ended: heard.decoded?.ended ?? true,
      ms,
      outcome: heard.written ? await outcomeOf(recognizer, heard.written) : undefined,
    },
  };
}

async function decodeCorpus(
  split: Split,
  scale: number,
  size: MoonshineSize,
  save: (scored: readonly GeneralScored[]) => void,
): Promise<GeneralScored[]> {
  const { nameLanguage } = await installedNameLanguage({ englishDictionary: DEFAULT_DICTIONARY });
  const base = createIntentRecognizer({ nameLanguage });
  const recognizer = serverIntents(base);
  const grammar = base.sentences(englishHome(), 'en');
  const corpus = await buildCorpus({
    grammar,
    commands: 60,
    splits: [split],
    calibrationScale: scale,
  });
  const outcome = (text: string | undefined) =>
    text ? outcomeOf(recognizer, text) : Promise.resolve(undefined);
  // Moonshine first, written at once: the phrase engine takes ten times as long.
  const scored: GeneralScored[] = [];
  const moonshine = new MoonshineEngine({ size });
  await moonshine.load();
  try {
    for (const { audio, ...item } of corpus) {
      const started = performance.now();
      const heard = await moonshine.hear({ audio });
      const ms = performance.now() - started;
      scored.push(await moonshineScored(recognizer, item, heard, ms));
    }
  } finally {
    await moonshine.close();
  }
  save(scored);
  const phrase = new PhraseEngine();
  // The server's grammar: every sentence its intents know, modes too, and the answers.
  await phrase.setSentences([
    ...recognizer.sentences(benchHome(), 'en'),
    ...recognizer.answers('en'),
  ]);
  try {
    for (const [index, { audio }] of corpus.entries()) {
      const started = performance.now();
      const heard = await retried(() => phrase.transcribe({ audio }));
      const ms = performance.now() - started;
      const { text, confidence, rejected, unsure } = heard;
      scored[index] = {
        ...scored[index]!,
        phrase: {
          ...{ text, confidence, rejected, unsure, ms },
          outcome: await outcome(text),
          unsureOutcome: await outcome(unsure),
        },
      };
      if (index % 50 === 49)
        console.log(`${index + 1}/${corpus.length} heard by the phrase engine`);
    }
  } finally {
    await phrase.close();
  }
  return scored;
}

/** A decode that timed out on a loaded machine is tried again (twice at most). */
async function retried<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`retrying after: ${(error as Error).message}`);
    }
  }
}

export async function runGeneral(resultsDir: string, args: readonly string[]): Promise<void> {
  if (args[0] === 'cost') return runGeneralCost();
  const from = args.indexOf('--from');
  const split: Split = SPLITS.find((name) => args.includes(name)) ?? 'calibration';
  const scale = split === 'calibration' ? Number(process.env.BENCH_CAL_SCALE ?? '1') || 1 : 1;
  const size: MoonshineSize = args.includes('--base') ? 'base' : 'tiny';
  const named = size === 'base' ? '-base' : '';
  const out = join(resultsDir, `server-understanding-general-${split}-scale${scale}${named}.json`);
  const save = (utterances: readonly GeneralScored[]) => {
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(out, `${JSON.stringify({ ...machine(), split, scale, utterances })}\n`);
    console.log(`\nwrote ${out}`);
  };
  const scored: GeneralScored[] =
    from >= 0
      ? (JSON.parse(readFileSync(args[from + 1]!, 'utf8')) as { utterances: GeneralScored[] })
          .utterances
      : await decodeCorpus(split, scale, size, (partial) => {
          save(partial);
          console.log(formatGeneral(partial));
        });
  console.log(formatGeneral(scored));
  if (from < 0) save(scored);
}
