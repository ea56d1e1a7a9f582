// `npm run bench -w server -- understanding general cost`: what Moonshine costs per utterance on
// the calibration split (173 utterances), the VAD that finds the speech and the decode apart,
// one utterance at a time, with the machine's load average (other work slows both).
import { loadavg } from 'node:os';
import { SileroVad } from '@jarvis/satellite/engines';
import { MoonshineRecognizer } from '../src/engines/stt/moonshine.js';
import { SpeechFinder } from '../src/engines/stt/speech-span.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { buildCorpus } from './understanding-corpus.js';
import { englishHome } from './understanding-home.js';

const percentiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
  return `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms`;
};

export async function runGeneralCost(): Promise<void> {
  const grammar = createIntentRecognizer().sentences(englishHome(), 'en');
  const corpus = await buildCorpus({ grammar, commands: 60, splits: ['calibration'] });
  const finder = new SpeechFinder(() => SileroVad.load());
  const recognizer = await MoonshineRecognizer.load();
  const vad: number[] = [];
  const decode: number[] = [];
  const seconds: number[] = [];
  const load = loadavg()[0]!;
  try {
    for (const { audio } of corpus) {
      let started = performance.now();
      const span = await finder.find(audio);
      vad.push(performance.now() - started);
      if (!span) continue;
      seconds.push((span.end - span.start) / 32000);
      started = performance.now();
      await recognizer.decode(audio.subarray(span.start, span.end));
      decode.push(performance.now() - started);
    }
  } finally {
    await Promise.all([finder.close(), recognizer.close()]);
  }
  console.log(
    `\nMoonshine tiny, one thread, ${corpus.length} calibration utterances (load average ` +
      `${load.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end):\n` +
      `- finding the speech (Silero VAD over the whole utterance): ${percentiles(vad)}\n` +
      `- decoding it (${decode.length} with speech, ${percentiles(seconds.map((s) => s * 1000))} ` +
      `of speech): ${percentiles(decode)}`,
  );
}
