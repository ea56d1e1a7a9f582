// `npm run bench -w server -- understanding lvcsr decode FILE`: the speech of every utterance of
// an earlier understanding run (FILE, its JSON; the audio is generated again, deterministically)
// decoded a second time with pocketsphinx's general English language model, as the phrase engine
// trims it. Writes FILE's name with `-lvcsr` (the transcripts, their segments and the decoder's
// CPU per utterance); `understanding lvcsr FILE-lvcsr.json` judges them (understanding-agree.ts).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SileroVad } from '@jarvis/satellite/engines';
import { DEFAULT_DICTIONARY } from '../src/engines/stt/phrase-engine.js';
import { DEFAULT_ACCENTS } from '../src/engines/stt/phrase-engine.js';
import { mergeArgs, SHARED_ARGS } from '../src/engines/stt/phrase-decoders.js';
import { buildPhraseGrammar, wordsOf } from '../src/engines/stt/phrase-grammar.js';
import { pronounce } from '../src/engines/stt/lexicon.js';
import { SpeechFinder, withNoiseFloor } from '../src/engines/stt/speech-span.js';
import { type Segment, SphinxBatch } from '../src/engines/stt/sphinx-batch.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { installedNameLanguage } from '../src/intents/word-language.js';
import { buildCorpus } from './understanding-corpus.js';
import { englishHome } from './understanding-home.js';
import type { Scored } from './understanding.js';

const MODEL_ROOT = '/usr/share/pocketsphinx/model/en-us';

/** The general decode of one utterance, next to what the grammar heard. */
export interface GeneralDecode {
  readonly index: number;
  /** The grammar's sentence, spoken form (undefined: nothing heard). */
  readonly heardSpoken?: readonly string[];
  readonly words: readonly string[];
  readonly segments: readonly Segment[];
  /** The decoder's CPU for it (user + system), ms. */
  readonly cpuMs: number;
  readonly ms: number;
}

export interface GeneralRun {
  /** Every sentence of the grammar, spoken form. */
  readonly sentences: readonly string[];
  /** The grammar's pronunciations (word -> phone strings). */
  readonly pronunciations: Record<string, string[]>;
  readonly decodes: readonly GeneralDecode[];
}

/** CPU ms used so far by this process's `pocketsphinx_batch` children. */
function childCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid || !stat.includes('(pocketsphinx_')) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks * 10; // 100 ticks a second
}

export async function runGeneralDecode(file: string): Promise<void> {
  const previous = (JSON.parse(readFileSync(file, 'utf8')) as { utterances: Scored[] }).utterances;
  const scale = Number(process.env.BENCH_CAL_SCALE ?? '1');
  const split = previous[0]!.item.split;
  const { nameLanguage } = await installedNameLanguage({ englishDictionary: DEFAULT_DICTIONARY });
  const recognizer = createIntentRecognizer({ nameLanguage });
  const grammarSentences = recognizer.sentences(englishHome(), 'en');
  const all = [...grammarSentences, ...recognizer.answers('en')];
  const { pronunciations } = await pronounce(DEFAULT_DICTIONARY, wordsOf(all), {
    espeak: 'espeak-ng',
    accents: DEFAULT_ACCENTS,
  });
  const grammar = buildPhraseGrammar(all, pronunciations);
  const spokenOf = new Map([...grammar.sentences].map(([spoken, text]) => [text, spoken]));
  const corpus = await buildCorpus({
    grammar: grammarSentences,
    commands: 60,
    splits: [split],
    calibrationScale: scale,
  });
  if (corpus.length !== previous.length) throw new Error(`${corpus.length} != ${previous.length}`);
  const dir = await mkdtemp(join(tmpdir(), 'jarvis-lvcsr-'));
  const speech = new SpeechFinder(() => SileroVad.load());
  const decoder = new SphinxBatch({
    engine: 'lvcsr',
    binary: '/usr/bin/pocketsphinx_batch',
    audioDir: dir,
    args: mergeArgs([
      ...['-hmm', `${MODEL_ROOT}/en-us`, ...SHARED_ARGS],
      ...['-lm', `${MODEL_ROOT}/en-us.lm.bin`, '-dict', DEFAULT_DICTIONARY],
    ]),
    timeoutMs: 60_000,
  });
  const decodes: GeneralDecode[] = [];
  // `BENCH_LVCSR_RANGE=FROM:TO`: only those utterances (runs in parallel, merged when judged).
  const [first, last] = (process.env.BENCH_LVCSR_RANGE ?? `0:${corpus.length}`)
    .split(':')
    .map(Number);
  const out = file.replace(/\.json$/, `-lvcsr-${first}.json`);
  const save = () => {
    const run: GeneralRun = {
      sentences: [...grammar.sentences.keys()],
      pronunciations: Object.fromEntries(pronunciations),
      decodes,
    };
    writeFileSync(out, `${JSON.stringify(run)}\n`);
  };
  try {
    for (const [index, item] of corpus.entries()) {
      if (index < first! || index >= last!) continue;
      const before = previous[index]!;
      if (before.item.text !== item.text || before.item.source !== item.source)
        throw new Error(`utterance ${index} differs: ${item.text} / ${before.item.text}`);
      const whole = item.audio.subarray(0, item.audio.byteLength & ~1);
      const span = await speech.find(whole);
      const heardSpoken = before.heard ? spokenOf.get(before.heard)?.split(' ') : undefined;
      if (!span) {
        decodes.push({ index, heardSpoken, words: [], segments: [], cpuMs: 0, ms: 0 });
        continue;
      }
      await writeFile(
        join(dir, `u${index}.raw`),
        withNoiseFloor(whole.subarray(span.start, span.end)),
      );
      const cpu = childCpuMs();
      const started = performance.now();
      const hyp = await decoder.decode(`u${index}`);
      const ms = performance.now() - started;
      const cpuMs = childCpuMs() - cpu;
      decodes.push({ index, heardSpoken, words: hyp.words, segments: hyp.segments, cpuMs, ms });
      if (index % 20 === 0) {
        console.log(`${index}/${corpus.length}`);
        save();
      }
    }
  } finally {
    await decoder.close();
    await speech.close();
    await rm(dir, { recursive: true, force: true });
  }
  save();
  console.log(`wrote ${out}`);
}
