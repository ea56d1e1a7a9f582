import { SpeechSegmenter } from './speech-segmenter.js';
import type { SpeechSegmenterOptions, VadEvent, VoiceActivityDetector } from './vad.js';

const SAMPLE_RATE = 16000;

export interface VadStreamOptions extends SpeechSegmenterOptions {
  detector: VoiceActivityDetector;
}

export interface VadResult {
  /** Events completed by this chunk; timestamps are milliseconds from the start of the stream. */
  events: VadEvent[];
  /** Speech probability of the latest complete frame (0 before the first frame). */
  probability: number;
  /** The probability of every frame this chunk completed, in order. */
  frames: number[];
}

/**
 * Runs a detector and a segmenter over 16 kHz mono 16-bit PCM in chunks of any length, so the
 * events do not depend on how the audio was cut. Calls are queued: each chunk is processed after
 * the one before it. The stream owns its detector's state: one detector per stream, closed with
 * the stream.
 */
export class VadStream {
  private readonly detector: VoiceActivityDetector;
  private readonly segmenter: SpeechSegmenter;
  private readonly frame: Float32Array;
  private readonly frameMs: number;
  private filled = 0;
  private framesDone = 0;
  private probability = 0;
  /** The low byte of a sample split between two byte chunks. */
  private oddByte: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped by reset() so that a chunk still queued from the old stream is dropped. */
  private generation = 0;

  constructor({ detector, ...segmenterOptions }: VadStreamOptions) {
    this.detector = detector;
    this.frame = new Float32Array(detector.frameSamples);
    this.frameMs = (this.frame.length * 1000) / SAMPLE_RATE;
    this.segmenter = new SpeechSegmenter({ ...segmenterOptions, frameMs: this.frameMs });
    detector.reset();
  }

  /** True between `speech-started` and `speech-stopped`. */
  get inSpeech(): boolean {
    return this.segmenter.inSpeech;
  }

  /**
   * Feeds PCM: samples, or their little-endian bytes (a sample may straddle two chunks). Bytes
   * are copied at once; samples are read when their turn in the queue comes.
   */
  process(pcm: Int16Array | Uint8Array): Promise<VadResult> {
    const samples = pcm instanceof Int16Array ? pcm : this.decode(pcm);
    const generation = this.generation;
    const result = this.queue.then(() => this.run(samples, generation));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Starts a new stream: time 0, no buffered audio, fresh detector and segmenter. */
  reset(): void {
    this.generation++;
    this.filled = 0;
    this.framesDone = 0;
    this.probability = 0;
    this.oddByte = undefined;
    this.segmenter.reset();
    // After any frame still running, which would otherwise write the old stream's state back.
    this.queue = this.queue.then(() => this.detector.reset());
  }

  /**
   * Ends the stream and gives its detector back, after any frame still running; audio still
   * queued is dropped.
   */
  async close(): Promise<void> {
    this.generation++;
    const queue = this.queue;
    this.queue = queue.then(() => this.detector.close());
    await this.queue;
  }

  private async run(samples: Int16Array, generation: number): Promise<VadResult> {
    const events: VadEvent[] = [];
    const frames: number[] = [];
    let i = 0;
    while (i < samples.length && generation === this.generation) {
      const take = Math.min(samples.length - i, this.frame.length - this.filled);
      for (let j = 0; j < take; j++) this.frame[this.filled + j] = samples[i + j]! / 32768;
      this.filled += take;
      i += take;
      if (this.filled < this.frame.length) break;
      this.filled = 0;
      const probability = await this.detector.process(this.frame);
      if (generation !== this.generation) break;
      this.probability = probability;
      frames.push(probability);
      const event = this.segmenter.process(probability, this.framesDone * this.frameMs);
      this.framesDone++;
      if (event) events.push(event);
    }
    return { events, probability: this.probability, frames };
  }

  private decode(bytes: Uint8Array): Int16Array {
    let low = this.oddByte;
    const samples = new Int16Array((bytes.length + (low === undefined ? 0 : 1)) >> 1);
    let s = 0;
    for (const byte of bytes) {
      if (low === undefined) {
        low = byte;
      } else {
        samples[s++] = (((byte << 8) | low) << 16) >> 16;
        low = undefined;
      }
    }
    this.oddByte = low;
    return samples;
  }
}
