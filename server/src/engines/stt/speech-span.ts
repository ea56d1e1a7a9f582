// Where the speech is in an utterance, by a voice activity detector, so that the phrase engine
// decodes the words and not the pause people leave after the chime (long digital silence
// throws pocketsphinx's cepstral normalisation off) or the noise around them.
import { SileroVad, type VoiceActivityDetector } from '@jarvis/satellite/engines';

export interface SpeechSpanOptions {
  /** Probability at or above which a frame counts as speech (default 0.5). */
  readonly threshold?: number;
  /** Speech frames in a row that count as speech rather than a click (default 3: 96 ms). */
  readonly minFrames?: number;
  /** Audio kept before the first speech frame (default 200 ms). */
  readonly padBeforeMs?: number;
  /** Audio kept after the last speech frame (default 250 ms). */
  readonly padAfterMs?: number;
}

/** Byte offsets of the speech in 16 kHz mono 16-bit PCM. */
export interface SpeechSpan {
  readonly start: number;
  readonly end: number;
}

const RATE = 16000;

/** The probability of speech in each frame of `audio`, from a freshly reset detector. */
export async function speechProbabilities(
  detector: VoiceActivityDetector,
  audio: Uint8Array,
): Promise<number[]> {
  const frameSamples = detector.frameSamples;
  const view = new DataView(audio.buffer, audio.byteOffset, audio.byteLength);
  const frame = new Float32Array(frameSamples);
  const probabilities: number[] = [];
  detector.reset();
  for (let offset = 0; offset + frameSamples * 2 <= audio.byteLength; offset += frameSamples * 2) {
    for (let i = 0; i < frameSamples; i++) frame[i] = view.getInt16(offset + i * 2, true) / 32768;
    probabilities.push(await detector.process(frame));
  }
  detector.reset();
  return probabilities;
}

/**
 * From the first to the last run of speech frames, padded; `undefined` when nothing in the audio
 * is speech. Pure, over the detector's per-frame probabilities.
 */
export function speechSpan(
  probabilities: readonly number[],
  frameSamples: number,
  byteLength: number,
  options: SpeechSpanOptions = {},
): SpeechSpan | undefined {
  const threshold = options.threshold ?? 0.5;
  const minFrames = options.minFrames ?? 3;
  const runs: [number, number][] = [];
  let runStart = -1;
  probabilities.forEach((p, i) => {
    if (p >= threshold && runStart < 0) runStart = i;
    if (p < threshold && runStart >= 0) {
      runs.push([runStart, i]);
      runStart = -1;
    }
  });
  if (runStart >= 0) runs.push([runStart, probabilities.length]);
  const speech = runs.filter(([from, to]) => to - from >= minFrames);
  if (speech.length === 0) return undefined;
  const bytesPerFrame = frameSamples * 2;
  const pad = (ms: number) => 2 * Math.round((RATE * ms) / 1000);
  const start = Math.max(0, speech[0]![0] * bytesPerFrame - pad(options.padBeforeMs ?? 200));
  const end = Math.min(
    byteLength,
    speech.at(-1)![1] * bytesPerFrame + pad(options.padAfterMs ?? 250),
  );
  return { start, end };
}

/**
 * A detector shared by the utterances of one engine, one at a time: it is loaded on first use
 * and reset for each utterance.
 */
export class SpeechFinder {
  private detector: Promise<VoiceActivityDetector> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly load: () => Promise<VoiceActivityDetector>,
    private readonly options: SpeechSpanOptions = {},
  ) {}

  /** The span of speech in `audio`, or `undefined` when there is none. */
  find(audio: Uint8Array): Promise<SpeechSpan | undefined> {
    const result = this.queue.then(async () => {
      this.detector ??= this.load();
      const detector = await this.detector.catch((error: unknown) => {
        this.detector = undefined; // the next utterance tries again
        throw error;
      });
      const probabilities = await speechProbabilities(detector, audio);
      return speechSpan(probabilities, detector.frameSamples, audio.byteLength, this.options);
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.queue;
    const detector = await this.detector?.catch(() => undefined);
    this.detector = undefined;
    await detector?.close();
  }
}

/** How an engine cuts the speech: its finder (none: the whole audio), and a name for the cut. */
export interface Trimming {
  readonly finder?: SpeechFinder;
  /**
   * The same for engines that cut alike: the default (Silero, default options) or none; absent
   * for a detector passed in, whose cut no other engine can vouch for.
   */
  readonly name?: string;
}

/** The trimming an engine's `createVad` option asks for: undefined Silero, null none. */
export function trimmingFor(
  createVad: (() => Promise<VoiceActivityDetector>) | null | undefined,
): Trimming {
  if (createVad === null) return { name: 'whole' };
  if (createVad === undefined)
    return { finder: new SpeechFinder(() => SileroVad.load()), name: 'silero' };
  return { finder: new SpeechFinder(createVad) };
}

/** The span of speech `trimming` cuts from `audio` (null: none in it). */
export async function speechIn(trimming: Trimming, audio: Uint8Array): Promise<SpeechSpan | null> {
  if (!trimming.finder) return { start: 0, end: audio.byteLength };
  return (await trimming.finder.find(audio)) ?? null;
}

/**
 * `audio` with a faint, fixed noise floor (about −70 dBFS) added: pocketsphinx decodes worse where
 * the input is exact digital silence (a muted microphone between words, padded test audio) than
 * where it hears a real room, so it is always given a room. Returns new PCM.
 */
export function withNoiseFloor(audio: Uint8Array): Uint8Array {
  const view = new DataView(audio.buffer, audio.byteOffset, audio.byteLength);
  const out = new Uint8Array(audio.byteLength & ~1);
  const outView = new DataView(out.buffer);
  let state = 0x2545f491;
  for (let offset = 0; offset < out.byteLength; offset += 2) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const noise = ((state >>> 16) % 37) - 18; // uniform in [-18, 18]: RMS about 10.7
    const sample = view.getInt16(offset, true) + noise;
    outView.setInt16(offset, Math.max(-32768, Math.min(32767, sample)), true);
  }
  return out;
}

/** `audio` in whole samples, and the span of speech `trimming` cuts from it. */
export async function speechOf(trimming: Trimming, audio: Uint8Array, signal?: AbortSignal) {
  const whole = audio.subarray(0, audio.byteLength & ~1);
  const speech = await speechIn(trimming, whole);
  signal?.throwIfAborted();
  return { whole, speech };
}
