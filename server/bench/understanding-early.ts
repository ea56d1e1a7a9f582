// `npm run bench -w server -- understanding early [heldout] [MS[:turn]...]`: early endpointing on
// the calibration split (the held-out one to report a choice), as a turn does it, for several
// `pipeline.speculate_after_ms` (how much real audio of the pause the speculative decode hears
// before the rest is filled with the pause's quietest frame, or with `:turn` the turn's).
// Every utterance, followed by a second of the silence or noise it began with, goes through the
// server's VAD (Silero, the pause marks of the config); at the first mark of a pause the audio so
// far is lengthened to `early_endpoint_ms` and decoded; the command ends early when that is
// accepted and the pause reaches `early_endpoint_ms`, or on its rejection at
// `rejected_endpoint_ms` (then decoded once more in full), or at the VAD's end of speech. No
// timing is measured here (`latency` does): what ends early and what is acted on.
import { SileroVad, VadStream } from '@jarvis/satellite/engines';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PhraseEngine } from '../src/engines/stt/phrase-engine.js';
import {
  DEFAULT_CALIBRATION,
  DEFAULT_SENSITIVE_CONFIDENCE,
} from '../src/engines/stt/phrase-engine.js';
import { lengthenPause, type NoiseSource, pauseMarksMs } from '../src/pipeline/endpointing.js';
import { acceptanceScore } from '../src/engines/stt/phrase-confidence.js';
import type { IntentRecognizer } from '../src/intents/types.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { buildCorpus, type CorpusItem, roomNoise, type Split } from './understanding-corpus.js';
import { englishHome } from './understanding-home.js';
import { machine, type Scored, scoreAudio, type Thresholds, verdictOf } from './understanding.js';

const EARLY_MS = 300;
const REJECTED_MS = 450;
/** One VAD frame (32 ms) per chunk, as a satellite streams. */
const CHUNK_BYTES = 1024;
const BYTES_PER_MS = 32;

export type Endpoint = 'early' | 'not-understood' | 'vad' | 'none';

export interface EarlyRun {
  readonly endpoint: Endpoint;
  /** Speculative decodes the utterance caused (one per pause). */
  readonly speculations: number;
  readonly scored: Scored;
}

/** The shipped thresholds, as the engine applies them (`minConfidence` 0.5 is a score of 0). */
const SHIPPED: Thresholds = {
  rule: DEFAULT_CALIBRATION.rule,
  sensitive:
    DEFAULT_CALIBRATION.scale *
    Math.log(DEFAULT_SENSITIVE_CONFIDENCE / (1 - DEFAULT_SENSITIVE_CONFIDENCE)),
};

/** Accepted as the engine's `transcribe` would: a sentence, at a score of 0 or more. */
const accepted = (s: Scored) => !s.rejected && !!s.heard && acceptanceScore(s, SHIPPED.rule) >= 0;

/** The utterance up to the end of its speech, then a second of what came before it. */
export function withTail(item: CorpusItem, index: number): Uint8Array {
  const speech = item.audio.subarray(0, Math.round(item.speechEndMs) * BYTES_PER_MS);
  const tail =
    item.lead === 'long noise' ? roomNoise(1000, -50, 1000 + index) : new Uint8Array(32_000);
  const audio = new Uint8Array(speech.byteLength + tail.byteLength);
  audio.set(speech);
  audio.set(tail, speech.byteLength);
  return audio;
}

/** One utterance through the VAD and the speculative decode, as a turn hears it. */
export async function endpointOne(
  engine: PhraseEngine,
  recognizer: IntentRecognizer,
  vad: VadStream,
  item: Omit<CorpusItem, 'audio'>,
  audio: Uint8Array,
  noiseFrom: NoiseSource = 'pause',
): Promise<EarlyRun> {
  vad.reset();
  let pause: Scored | undefined;
  let speculations = 0;
  const full = async (heard: Uint8Array) => scoreAudio(engine, recognizer, item, heard);
  for (let at = 0; at < audio.byteLength; at += CHUNK_BYTES) {
    const { events } = await vad.process(audio.subarray(at, at + CHUNK_BYTES));
    const heard = audio.subarray(0, Math.min(audio.byteLength, at + CHUNK_BYTES));
    for (const event of events) {
      if (event.type === 'speech-resumed') pause = undefined;
      if (event.type === 'speech-stopped')
        return { endpoint: 'vad', speculations, scored: await full(heard) };
      if (event.type !== 'speech-paused') continue;
      if (!pause) {
        speculations++;
        const lengthened = lengthenPause(heard, event.timestampMs, EARLY_MS, noiseFrom);
        pause = await scoreAudio(engine, recognizer, item, lengthened);
      }
      if (accepted(pause) && event.silenceMs >= EARLY_MS) {
        return { endpoint: 'early', speculations, scored: pause };
      }
      if (!accepted(pause) && event.silenceMs >= REJECTED_MS) {
        return { endpoint: 'not-understood', speculations, scored: await full(heard) };
      }
    }
  }
  return { endpoint: 'none', speculations, scored: await full(audio) };
}

interface Row {
  /** `speculate_after_ms`, and `:turn` when the pause is lengthened with the turn's quietest frame. */
  readonly variant: string;
  readonly commands: number;
  readonly endedEarly: number;
  readonly earlyCorrect: number;
  readonly correct: number;
  readonly oog: number;
  readonly oogEarly: number;
  readonly oogActed: number;
  readonly oogAsked: number;
  readonly speculations: number;
}

function summarize(variant: string, runs: readonly EarlyRun[]): Row {
  const commands = runs.filter((r) => r.scored.item.kind === 'command');
  const oog = runs.filter((r) => r.scored.item.kind !== 'command');
  const verdict = (r: EarlyRun) => verdictOf(r.scored, SHIPPED);
  return {
    variant,
    commands: commands.length,
    endedEarly: commands.filter((r) => r.endpoint === 'early').length,
    earlyCorrect: commands.filter((r) => r.endpoint === 'early' && verdict(r) === 'correct').length,
    correct: commands.filter((r) => verdict(r) === 'correct').length,
    oog: oog.length,
    oogEarly: oog.filter((r) => r.endpoint === 'early').length,
    oogActed: oog.filter((r) => ['correct', 'wrong'].includes(verdict(r))).length,
    oogAsked: oog.filter((r) => verdict(r) === 'asked').length,
    speculations: runs.reduce((sum, r) => sum + r.speculations, 0),
  };
}

function format(rows: readonly Row[]): string {
  const lines = [
    '| speculate_after_ms (:turn: the quietest frame of the turn fills the pause) | commands ended early | of them acted correctly | commands acted correctly | out-of-grammar ended early | out-of-grammar acted | asked | speculative decodes |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.variant} | ${r.endedEarly}/${r.commands} | ${r.earlyCorrect} | ${r.correct}/${r.commands} | ` +
        `${r.oogEarly}/${r.oog} | ${r.oogActed}/${r.oog} | ${r.oogAsked} | ${r.speculations} |`,
    );
  }
  return lines.join('\n');
}

export async function runEarly(
  resultsDir: string,
  variants: readonly string[],
  split: Split = 'calibration',
): Promise<void> {
  const recognizer = createIntentRecognizer();
  const grammar = recognizer.sentences(englishHome(), 'en');
  const corpus = await buildCorpus({ grammar, commands: 60, splits: [split] });
  const engine = new PhraseEngine();
  await engine.setSentences([...grammar, ...recognizer.answers('en')]);
  const rows: Row[] = [];
  const runs: Record<string, EarlyRun[]> = {};
  try {
    for (const variant of variants) {
      const [after, from] = variant.split(':');
      const marks = pauseMarksMs({
        early_endpoint_ms: EARLY_MS,
        speculate_after_ms: Number(after),
        rejected_endpoint_ms: REJECTED_MS,
      });
      const noiseFrom: NoiseSource = from === 'turn' ? 'turn' : 'pause';
      const vad = new VadStream({ detector: await SileroVad.load(), pauseMarksMs: marks });
      const mine: EarlyRun[] = (runs[variant] = []);
      for (const [index, whole] of corpus.entries()) {
        const { audio, ...item } = whole;
        const heard = withTail({ ...item, audio }, index);
        mine.push(await endpointOne(engine, recognizer, vad, item, heard, noiseFrom));
      }
      await vad.close();
      rows.push(summarize(variant, mine));
      console.log(format(rows.slice(-1)).split('\n').at(-1));
    }
  } finally {
    await engine.close();
  }
  console.log(
    `\nEarly endpointing on the ${split} split (shipped thresholds, early ${EARLY_MS} ms, rejected ${REJECTED_MS} ms):\n`,
  );
  console.log(format(rows));
  const out = join(resultsDir, `server-understanding-early-${split}.json`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...machine(), split, rows, runs }, null, 1)}\n`);
  console.log(`\nwrote ${out}`);
}
