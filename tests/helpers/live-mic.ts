// A microphone the test speaks into when it chooses: a FIFO that a satellite reads with
// `--mic-command "cat FIFO"`, fed in real time (16 kHz mono 16-bit) with silence, and with
// speech whenever the test calls `say`. Unlike `--mic-file`, which plays once from the first
// `run-satellite`, the words come when the test is ready for them.
import { execFileSync } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

const CHUNK_BYTES = 2048; // 1024 samples, as a satellite reads its microphone
const CHUNK_MS = 64;
const SILENCE = new Uint8Array(CHUNK_BYTES);

interface Utterance {
  audio: Uint8Array;
  offset: number;
  done: () => void;
}

export class LiveMic {
  /** The satellite's `--mic-command`. */
  readonly command: string;
  private readonly queue: Utterance[] = [];
  private stream: WriteStream | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(readonly path: string) {
    this.command = `cat ${path}`;
  }

  /** Makes the FIFO `name` in `dir` and starts feeding it once a reader opens it. */
  static create(dir: string, name = 'mic.fifo'): LiveMic {
    const path = join(dir, name);
    execFileSync('mkfifo', [path]);
    const mic = new LiveMic(path);
    mic.open();
    return mic;
  }

  /** Speaks `pcm` (16 kHz mono 16-bit) now, after anything already queued; resolves once fed. */
  say(pcm: Uint8Array): Promise<void> {
    return new Promise((resolve) => this.queue.push({ audio: pcm, offset: 0, done: resolve }));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const utterance of this.queue.splice(0)) utterance.done();
    const stream = this.stream;
    if (stream && !stream.destroyed) await new Promise<void>((resolve) => stream.end(resolve));
  }

  private open(): void {
    // Opening a FIFO for writing waits until the satellite's `cat` opens it for reading.
    const stream = createWriteStream(this.path);
    this.stream = stream;
    stream.on('error', () => {
      // The reader went away (the satellite was killed): nobody is listening any more.
      this.closed = true;
      clearTimeout(this.timer);
      for (const utterance of this.queue.splice(0)) utterance.done();
    });
    stream.once('open', () => {
      const start = performance.now();
      let sent = 0;
      const tick = () => {
        if (this.closed) return;
        const due = Math.floor((performance.now() - start) / CHUNK_MS) + 1;
        for (; sent < due; sent++) stream.write(this.nextChunk());
        this.timer = setTimeout(tick, CHUNK_MS / 2);
      };
      tick();
    });
  }

  private nextChunk(): Uint8Array {
    const current = this.queue[0];
    if (!current) return SILENCE;
    const chunk = new Uint8Array(CHUNK_BYTES);
    chunk.set(current.audio.subarray(current.offset, current.offset + CHUNK_BYTES));
    current.offset += CHUNK_BYTES;
    if (current.offset >= current.audio.byteLength) {
      this.queue.shift();
      current.done();
    }
    return chunk;
  }
}
