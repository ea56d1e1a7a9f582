import type { AudioChunk } from 'wyoming-ts';
import type { WakeWordDetector } from '@jarvis/satellite/engines';
import type { SessionEffect, SessionEvent } from './session-types.js';

export interface ServerWakeWordOptions {
  create: () => Promise<WakeWordDetector>;
  /** Reports what happened (ready, failed, heard) to the session. */
  dispatch: (event: SessionEvent) => void;
  now: () => number;
}

/** At most this many chunks are kept for the detector (about 65 s at 1,024 samples a chunk). */
const MAX_KEPT_CHUNKS = 1024;
/** Audio kept behind the detector's latest answer: a late answer may name a wake word this old. */
const KEPT_BEHIND_MS = 10_000;

/**
 * The server's own wake word detector for one satellite that streams all the time: opened,
 * fed and closed as the session machine asks, with what it hears reported back as events.
 */

export class ServerWakeWord {
  private detector: WakeWordDetector | undefined;
  /** The latest chunks given to the detector, oldest first, each with where it ends (ms fed). */
  private kept: { endMs: number; chunk: AudioChunk }[] = [];
  private fedMs = 0;

  constructor(private readonly options: ServerWakeWordOptions) {}

  perform(
    effect: Extract<
      SessionEffect,
      { type: 'open-wake-detector' | 'feed-wake' | 'close-wake-detector' }
    >,
  ): Promise<void> {
    switch (effect.type) {
      case 'open-wake-detector':
        return this.open();
      case 'feed-wake':
        void this.feed(effect.chunk);
        return Promise.resolve();
      case 'close-wake-detector':
        return this.close();
    }
  }

  private async open(): Promise<void> {
    try {
      this.detector = await this.options.create();
    } catch (error) {
      this.options.dispatch({ type: 'wake-detector-failed', message: messageOf(error) });
      return;
    }
    this.options.dispatch({ type: 'wake-detector-ready' });
  }

  /**
   * On a busy machine the detector answers later than chunks arrive, and for several at once:
   * a wake word it reports may have ended chunks before the one whose answer carries it. What
   * was fed after the wake word's end (its timestamp, in ms of audio fed) is the command's
   * beginning and goes with it.
   */
  private async feed(chunk: AudioChunk): Promise<void> {
    const detector = this.detector;
    if (!detector) return;
    this.fedMs += (chunk.audio.byteLength / (chunk.width * chunk.channels) / chunk.rate) * 1000;
    const endMs = this.fedMs;
    this.kept.push({ endMs, chunk });
    if (this.kept.length > MAX_KEPT_CHUNKS) this.kept.shift();
    const pcm = chunk.audio;
    const samples = new Int16Array(
      pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength),
    );
    try {
      const detections = await detector.process(samples);
      if (this.detector !== detector) return; // closed meanwhile: nobody is listening
      for (const { name, score, timestampMs } of detections) {
        this.options.dispatch({
          type: 'wake-heard',
          name,
          score,
          timestampMs,
          at: this.options.now(),
          after: this.kept.filter((entry) => entry.endMs > timestampMs).map((entry) => entry.chunk),
        });
      }
    } catch (error) {
      // A detector closed or replaced meanwhile failed for that reason: nothing to report.
      if (this.detector === detector) {
        this.options.dispatch({ type: 'wake-failed', message: messageOf(error) });
      }
    }
    if (this.detector === detector) {
      this.kept = this.kept.filter((entry) => entry.endMs > endMs - KEPT_BEHIND_MS);
    }
  }

  private async close(): Promise<void> {
    const detector = this.detector;
    this.detector = undefined;
    this.kept = [];
    this.fedMs = 0;
    await detector?.close().catch(() => {});
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
