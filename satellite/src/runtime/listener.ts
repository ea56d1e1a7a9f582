import { type Logger, silentLogger } from 'wyoming-ts';
import type { MicGain } from '../audio/gain.js';
import type { MicSource } from '../audio/mic.js';
import { int16View, SAMPLES_PER_CHUNK } from '../audio/pcm16.js';
import { isSpeechEvent, type SpeechEvent, VAD_FRAME_SAMPLES } from '../engines/vad/vad.js';
import type { VadStream } from '../engines/vad/vad-stream.js';
import type { SpeechGate } from '../engines/wake/speech-gate.js';
import type { MicHealth } from './mic-health.js';
import type { WakeDetection, WakeWordDetector } from '../engines/wake/wake-word.js';

/** Same number of samples out as in, for one continuous stream. */
export interface Denoiser {
  process(samples: Int16Array): Int16Array;
}

export interface ListenerCallbacks {
  /** Every microphone chunk (16 kHz mono 16-bit), with its stream time in ms. */
  onChunk(pcm: Uint8Array, timestampMs: number): void;
  onWake(detection: WakeDetection & { levelDbfs: number }): void;
  onSpeech(event: SpeechEvent): void;
}

/** Which detectors the satellite needs right now. */
export interface ListenerNeeds {
  wake: boolean;
  vad: boolean;
}

export interface ListenerOptions {
  mic: MicSource;
  gain: MicGain;
  vad: VadStream;
  wake?: WakeWordDetector;
  /** Noise suppression before the wake word only (the VAD and the stream hear the raw audio). */
  denoiser?: Denoiser;
  /** Watches the microphone for silence, clipping and a wrong rate; refuses clipped wakes. */
  health?: MicHealth;
  /** With a gate, the VAD runs beside the wake word and a detection needs speech before it. */
  gate?: SpeechGate;
  needs: () => ListenerNeeds;
  callbacks: ListenerCallbacks;
  /** Seconds of audio kept for the VAD pre-roll. */
  prerollSeconds?: number;
  /**
   * Skip inference when it falls this many chunks behind a live microphone (default 32).
   * Infinity for file input, which must never lose a detection.
   */
  maxBacklog?: number;
  logger?: Logger;
}

const CHUNK_MS = (SAMPLES_PER_CHUNK * 1000) / 16000;
const VAD_FRAME_MS = (VAD_FRAME_SAMPLES * 1000) / 16000;

/**
 * The microphone side of the satellite: gain, then the wake word and VAD engines, one chunk
 * at a time in order. Each chunk is handed on (`onChunk`) only after the engines have seen
 * it, so a turn that a detection starts streams exactly the audio after the wake word.
 */
export class Listener {
  private queue: Promise<void> = Promise.resolve();
  private backlog = 0;
  private chunkIndex = 0;
  private warnedBacklog = false;
  private readonly recent: Uint8Array[] = [];
  private readonly prerollChunks: number;
  private readonly logger: Logger;

  constructor(private readonly options: ListenerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.prerollChunks = Math.ceil(((options.prerollSeconds ?? 2) * 1000) / CHUNK_MS);
  }

  start(): void {
    this.options.mic.start((pcm) => this.onMicChunk(pcm));
  }

  async stop(): Promise<void> {
    await this.options.mic.stop();
    await this.queue;
  }

  /** The last seconds of audio (for the VAD pre-roll), oldest first. */
  preroll(): Uint8Array[] {
    return [...this.recent];
  }

  resetVad(): void {
    this.options.vad.reset();
  }

  /** Resolves once every chunk received so far has been through the engines. */
  settled(): Promise<void> {
    return this.queue;
  }

  private onMicChunk(raw: Uint8Array): void {
    const pcm = raw.slice();
    const samples = int16View(pcm);
    this.options.gain.apply(samples);
    this.options.health?.observe(samples);
    const timestampMs = Math.round(this.chunkIndex++ * CHUNK_MS);
    this.recent.push(pcm);
    if (this.recent.length > this.prerollChunks) this.recent.shift();
    const skip = this.backlog >= (this.options.maxBacklog ?? 32);
    if (skip && !this.warnedBacklog) {
      this.logger.warn('detectors fall behind the microphone; skipping detection');
      this.warnedBacklog = true;
    }
    this.backlog++;
    this.queue = this.queue
      .then(() => (skip ? undefined : this.detect(samples, timestampMs + CHUNK_MS)))
      .then(() => this.options.callbacks.onChunk(pcm, timestampMs))
      .finally(() => this.backlog--);
  }

  private async detect(samples: Int16Array, endMs: number): Promise<void> {
    const needs = this.options.needs();
    const { wake, vad, gate, callbacks } = this.options;
    try {
      const gating = gate !== undefined && wake !== undefined && needs.wake;
      if (needs.vad || gating) {
        const result = await vad.process(samples);
        // Frames this chunk completed, the last ending with it (the VAD's own clock restarts).
        result.frames.forEach((p, k) =>
          gate?.add(endMs - (result.frames.length - 1 - k) * VAD_FRAME_MS, p),
        );
        // The satellite asks for no pause marks: only speech starts and stops come.
        if (needs.vad) {
          for (const event of result.events) if (isSpeechEvent(event)) callbacks.onSpeech(event);
        }
      }
      if (wake && needs.wake) {
        const heard = this.options.denoiser ? this.options.denoiser.process(samples) : samples;
        for (const detection of await wake.process(heard)) {
          if (gating && !gate.confirms(endMs)) {
            this.logger.debug(`${detection.name} (${detection.score.toFixed(2)}) without speech`);
            continue;
          }
          if (this.options.health?.clipping()) {
            this.logger.debug(`${detection.name} (${detection.score.toFixed(2)}) in clipped audio`);
            continue;
          }
          callbacks.onWake({ ...detection, levelDbfs: this.levelDbfs() });
        }
      } else if (wake) {
        wake.reset();
      }
    } catch (error) {
      this.logger.error(`detector failed: ${(error as Error).message}`);
    }
  }

  /** Speech level of the last second in dBFS, sent with detections for arbitration. */
  private levelDbfs(): number {
    const last = this.recent.slice(-Math.ceil(1000 / CHUNK_MS));
    let sum = 0;
    let count = 0;
    for (const chunk of last) {
      const samples = int16View(chunk);
      for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
      count += samples.length;
    }
    const rms = Math.sqrt(sum / Math.max(1, count));
    return rms > 0 ? 20 * Math.log10(rms / 32768) : -120;
  }
}
