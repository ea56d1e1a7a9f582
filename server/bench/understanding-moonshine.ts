// `npm run bench -w server -- understanding moonshine decode FILE`: the speech of every utterance
// of an earlier understanding run (FILE, its JSON; the audio is generated again,
// deterministically) transcribed by Moonshine tiny, trimmed as the phrase engine trims it. Writes
// FILE's name with `-moonshine` (the transcripts and Moonshine's time per utterance);
// `understanding moonshine [report] FILE` judges them (understanding-second.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { SileroVad } from '@jarvis/satellite/engines';
import { DEFAULT_DICTIONARY } from '../src/engines/stt/phrase-engine.js';
import { MoonshineRecognizer } from '../src/engines/stt/moonshine.js';
import { SpeechFinder, withNoiseFloor } from '../src/engines/stt/speech-span.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { installedNameLanguage } from '../src/intents/word-language.js';
import { buildCorpus } from './understanding-corpus.js';
import { englishHome } from './understanding-home.js';
import type { Scored } from './understanding.js';

/** Moonshine's transcript of one utterance's speech. */
export interface SecondDecode {
  readonly index: number;
  /** undefined: the speech finder found no speech (the engine decodes nothing either). */
  readonly transcript?: string;
  /** Wall-clock time of the transcription, ms. */
  readonly ms: number;
}

export async function runMoonshineDecode(file: string): Promise<void> {
  const previous = (JSON.parse(readFileSync(file, 'utf8')) as { utterances: Scored[] }).utterances;
  const scale = Number(process.env.BENCH_CAL_SCALE ?? '1');
  const split = previous[0]!.item.split;
  const { nameLanguage } = await installedNameLanguage({ englishDictionary: DEFAULT_DICTIONARY });
  const recognizer = createIntentRecognizer({ nameLanguage });
  const corpus = await buildCorpus({
    grammar: recognizer.sentences(englishHome(), 'en'),
    commands: 60,
    splits: [split],
    calibrationScale: scale,
  });
  if (corpus.length !== previous.length) throw new Error(`${corpus.length} != ${previous.length}`);
  const speech = new SpeechFinder(() => SileroVad.load());
  const moonshine = await MoonshineRecognizer.load();
  const decodes: SecondDecode[] = [];
  const out = file.replace(/\.json$/, '-moonshine.json');
  const save = () => writeFileSync(out, `${JSON.stringify({ decodes })}\n`);
  try {
    for (const [index, item] of corpus.entries()) {
      const before = previous[index]!;
      if (before.item.text !== item.text || before.item.source !== item.source)
        throw new Error(`utterance ${index} differs: ${item.text} / ${before.item.text}`);
      const whole = item.audio.subarray(0, item.audio.byteLength & ~1);
      const span = await speech.find(whole);
      if (!span) {
        decodes.push({ index, ms: 0 });
        continue;
      }
      const started = performance.now();
      const transcript = await moonshine.transcribe(
        withNoiseFloor(whole.subarray(span.start, span.end)),
      );
      decodes.push({ index, transcript, ms: performance.now() - started });
      if (index % 50 === 0) {
        console.log(`${index}/${corpus.length}`);
        save();
      }
    }
  } finally {
    await moonshine.close();
    await speech.close();
  }
  save();
  console.log(`wrote ${out}`);
}
