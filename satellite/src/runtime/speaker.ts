import { AudioChunk, type Event, type Logger, scaleAudio, silentLogger } from 'wyoming-ts';
import type { AudioSink, Playback } from '../audio/sink.js';

/** Chunks of a streamed answer, buffered until the speaker gets to them. */
class ChunkQueue implements AsyncIterable<AudioChunk> {
  private readonly chunks: AudioChunk[] = [];
  private closed = false;
  private wake: (() => void) | undefined;

  push(chunk: AudioChunk): void {
    this.chunks.push(chunk);
    this.wake?.();
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AudioChunk> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk) {
        yield chunk;
      } else if (this.closed) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    }
  }
}

/**
 * Plays sounds and streamed answers one after another through one sink, in the order they
 * were asked for (the done chime before the answer), and can stop everything at once.
 * Each playback opens the sink only when its turn comes, so players never overlap.
 */
export class Speaker {
  private tail: Promise<unknown> = Promise.resolve();
  private current: Playback | undefined;
  /** Bumped by `stopAll`: queued playbacks of an older generation are dropped. */
  private generation = 0;
  private stream: { queue: ChunkQueue; played: Promise<boolean> } | undefined;
  /** The volume clips (chimes, timer rings) play at, in percent: the server's answers aside. */
  clipVolume = 100;

  constructor(
    private readonly sink: AudioSink,
    private readonly logger: Logger = silentLogger,
  ) {}

  /** Queues a whole clip; resolves true once it has played, false if it was stopped. */
  playClip(clip: AudioChunk): Promise<boolean> {
    const scaled = scaleAudio(clip, this.clipVolume / 100);
    return this.enqueue(async (playback) => {
      await playback.write(scaled);
      await playback.end();
    });
  }

  /**
   * Feeds one event of a streamed answer: `audio-start` queues a playback, chunks are
   * buffered until it plays, `audio-stop` ends it. For `audio-stop` the promise resolves
   * true once the answer has really played, false if it was stopped.
   */
  streamEvent(event: Event): Promise<boolean> {
    if (event.type === 'audio-start') {
      this.stream?.queue.close();
      const queue = new ChunkQueue();
      const played = this.enqueue(async (playback) => {
        for await (const chunk of queue) await playback.write(chunk);
        await playback.end();
      });
      this.stream = { queue, played };
      return Promise.resolve(true);
    }
    const stream = this.stream;
    if (!stream) return Promise.resolve(false);
    if (event.type === 'audio-chunk') {
      stream.queue.push(AudioChunk.fromEvent(event));
      return Promise.resolve(true);
    }
    if (event.type !== 'audio-stop') return Promise.resolve(true);
    this.stream = undefined;
    stream.queue.close();
    return stream.played;
  }

  /** Stops what is playing and drops what is queued (barge-in, mute). */
  async stopAll(): Promise<void> {
    this.logger.debug(`stopping playback${this.current ? '' : ' (nothing playing)'}`);
    this.generation++;
    this.stream?.queue.close();
    this.stream = undefined;
    await this.current?.abort();
  }

  private enqueue(play: (playback: Playback) => Promise<void>): Promise<boolean> {
    const generation = this.generation;
    const done = this.tail.then(async () => {
      if (generation !== this.generation) return false;
      const playback = this.sink.open();
      this.current = playback;
      try {
        await play(playback);
      } catch (error) {
        this.logger.warn(`playback failed: ${(error as Error).message}`);
      } finally {
        this.current = undefined;
      }
      return generation === this.generation;
    });
    this.tail = done;
    return done;
  }
}
