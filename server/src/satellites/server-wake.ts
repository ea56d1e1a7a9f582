import type { AudioChunk } from 'wyoming-ts';
import type { WakeWordDetector } from '@jarvis/satellite/engines';
import type { SessionEffect, SessionEvent } from './session-types.js';

export interface ServerWakeWordOptions {
  create: () => Promise<WakeWordDetector>;
  /** Reports what happened (ready, failed, heard) to the session. */
  dispatch: (event: SessionEvent) => void;
  now: () => number;
}

/**
 * The server's own wake word detector for one satellite that streams all the time: opened,
 * fed and closed as the session machine asks, with what it hears reported back as events.
 */
/** At most this many chunks wait for the detector (about 65 s at 1,024 samples a chunk). */
const MAX_WAITING_CHUNKS = 1024;

export class ServerWakeWord {
  private detector: WakeWordDetector | undefined;
  /** Chunks given to the detector whose answer has not come back yet, oldest first. */
  private waiting: { index: number; chunk: AudioChunk }[] = [];
  private fed = 0;

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
   * The detector answers chunk by chunk, later than they arrive on a busy machine; what was fed
   * after the chunk that completed a wake word is the command's beginning and goes with it.
   */
  private async feed(chunk: AudioChunk): Promise<void> {
    const detector = this.detector;
    if (!detector) return;
    const index = this.fed++;
    this.waiting.push({ index, chunk });
    if (this.waiting.length > MAX_WAITING_CHUNKS) this.waiting.shift();
    const pcm = chunk.audio;
    const samples = new Int16Array(
      pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength),
    );
    try {
      const detections = await detector.process(samples);
      if (this.detector !== detector) return; // closed meanwhile: nobody is listening
      this.waiting = this.waiting.filter((entry) => entry.index > index);
      for (const { name, score, timestampMs } of detections) {
        this.options.dispatch({
          type: 'wake-heard',
          name,
          score,
          timestampMs,
          at: this.options.now(),
          after: this.waiting.map((entry) => entry.chunk),
        });
      }
    } catch (error) {
      this.waiting = this.waiting.filter((entry) => entry.index > index);
      // A detector closed or replaced meanwhile failed for that reason: nothing to report.
      if (this.detector === detector) {
        this.options.dispatch({ type: 'wake-failed', message: messageOf(error) });
      }
    }
  }

  private async close(): Promise<void> {
    const detector = this.detector;
    this.detector = undefined;
    this.waiting = [];
    await detector?.close().catch(() => {});
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
