import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type AudioFormat, type Logger, readWav, silentLogger } from 'wyoming-ts';
import { EngineError } from '../errors.js';
import { splitCommand } from './command-line.js';
import { killGroup, spawnGroup } from './process-group.js';
import { BYTES_PER_CHUNK, Rechunker, SAMPLES_PER_CHUNK, ToMicFormat } from './pcm16.js';

/** A source of microphone audio: 16 kHz mono 16-bit, in chunks of 1024 samples. */
export interface MicSource {
  start(onChunk: (pcm: Uint8Array) => void): void;
  stop(): Promise<void>;
}

export interface CommandMicOptions {
  /** e.g. `arecord -r 16000 -c 1 -f S16_LE -t raw`; raw PCM on stdout. */
  command: string;
  /** What the command writes (default 16 kHz mono 16-bit). */
  format?: AudioFormat;
  logger?: Logger;
  /** First restart delay after the command dies; doubles up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Reads raw PCM from a program's stdout. If the program dies it is logged and started again
 * with exponential backoff (reset after a minute of good running); the satellite never exits
 * because of its microphone.
 */
export class CommandMic implements MicSource {
  private child: ChildProcess | undefined;
  private stopped = true;
  private restartTimer: NodeJS.Timeout | undefined;
  private backoffMs: number;
  private readonly argv: string[];
  private readonly logger: Logger;
  /** How many times the command has been (re)started. */
  starts = 0;

  constructor(private readonly options: CommandMicOptions) {
    this.argv = splitCommand(options.command, '--mic-command');
    this.logger = options.logger ?? silentLogger;
    this.backoffMs = options.initialBackoffMs ?? 500;
  }

  start(onChunk: (pcm: Uint8Array) => void): void {
    this.stopped = false;
    this.launch(onChunk);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child);
    await exited;
  }

  private launch(onChunk: (pcm: Uint8Array) => void): void {
    const converter = new ToMicFormat(
      this.options.format ?? { rate: 16000, width: 2, channels: 1 },
    );
    const chunker = new Rechunker(BYTES_PER_CHUNK);
    const startedAt = Date.now();
    this.starts++;
    const child = spawnGroup(this.argv, ['ignore', 'pipe', 'pipe']);
    this.child = child;
    child.stdout!.on('data', (data: Buffer) => {
      for (const chunk of chunker.push(converter.convert(data))) onChunk(chunk);
    });
    child.stderr!.on('data', (data: Buffer) => this.logger.debug(`mic: ${String(data).trim()}`));
    child.on('error', (error) =>
      this.logger.error(`mic command failed to start: ${error.message}`),
    );
    child.on('close', (code, signal) => {
      if (this.stopped) return;
      if (Date.now() - startedAt > 60_000) this.backoffMs = this.options.initialBackoffMs ?? 500;
      this.logger.warn(
        `mic command exited (${signal ?? `code ${code}`}); restarting in ${this.backoffMs} ms`,
      );
      this.restartTimer = setTimeout(() => this.launch(onChunk), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 30_000);
    });
  }
}

export interface FileMicOptions {
  path: string;
  /** Deliver the file as fast as possible instead of in real time. */
  fast?: boolean;
}

/**
 * Plays a WAV file as if it were a microphone, in real time, then silence for as long as it
 * runs (for tests and demos). With `fast`, the file itself is not paced.
 */
export class FileMic implements MicSource {
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private readonly chunks: Uint8Array[];

  constructor(private readonly options: FileMicOptions) {
    let wav;
    try {
      wav = readWav(new Uint8Array(readFileSync(options.path)));
    } catch (error) {
      throw new EngineError('mic-file', `cannot read ${options.path}: ${(error as Error).message}`);
    }
    const chunker = new Rechunker(BYTES_PER_CHUNK);
    this.chunks = chunker.push(new ToMicFormat(wav).convert(wav.audio));
  }

  start(onChunk: (pcm: Uint8Array) => void): void {
    this.stopped = false;
    const chunkMs = (SAMPLES_PER_CHUNK / 16000) * 1000;
    let sent = 0;
    // Pacing restarts from here when a fast file gives way to real-time silence.
    let clockStart = performance.now();
    let clockSent = 0;
    const tick = () => {
      if (this.stopped) return;
      if (this.options.fast && sent < this.chunks.length) {
        onChunk(this.chunks[sent++]!);
        clockStart = performance.now();
        clockSent = sent;
        this.timer = setTimeout(tick, 0);
        return;
      }
      const due = clockSent + Math.floor((performance.now() - clockStart) / chunkMs) + 1;
      for (; sent < due; sent++) {
        onChunk(sent < this.chunks.length ? this.chunks[sent]! : new Uint8Array(BYTES_PER_CHUNK));
      }
      this.timer = setTimeout(tick, chunkMs / 2);
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
