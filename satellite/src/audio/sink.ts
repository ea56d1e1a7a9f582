import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import {
  type AudioChunk,
  AudioChunkConverter,
  type AudioFormat,
  concatBytes,
  decodePcm,
  encodePcm,
  type Logger,
  silentLogger,
  writeWav,
} from 'wyoming-ts';
import { splitCommand } from './command-line.js';
import { killGroup, spawnGroup } from './process-group.js';

/** One sound being played: audio in, then `end()` resolves once it has really finished. */
export interface Playback {
  write(chunk: AudioChunk): Promise<void>;
  end(): Promise<void>;
  /** Stops at once (barge-in, mute). */
  abort(): Promise<void>;
}

/** Somewhere to play audio. Each `open()` is one utterance or sound. */
export interface AudioSink {
  readonly format: AudioFormat;
  open(): Playback;
}

/** What `aplay -r 22050 -c 1 -f S16_LE -t raw` expects, the wyoming-satellite default. */
export const DEFAULT_SND_FORMAT: AudioFormat = Object.freeze({
  rate: 22050,
  width: 2,
  channels: 1,
});

/** Converts incoming audio to the sink's format and applies the volume. */
class SinkConverter {
  private readonly converter: AudioChunkConverter;

  constructor(
    private readonly format: AudioFormat,
    private readonly volume: number,
  ) {
    this.converter = new AudioChunkConverter(format);
  }

  convert(chunk: AudioChunk): Uint8Array {
    return this.scale(this.converter.convert(chunk).audio);
  }

  flush(): Uint8Array {
    const tail = this.converter.flush();
    return tail ? this.scale(tail.audio) : new Uint8Array(0);
  }

  private scale(audio: Uint8Array): Uint8Array {
    if (this.volume === 1 || audio.length === 0) return audio;
    const samples = decodePcm(audio, this.format.width);
    for (let i = 0; i < samples.length; i++) samples[i]! *= this.volume;
    return encodePcm(samples, this.format.width);
  }
}

export interface CommandSinkOptions {
  command: string;
  format?: AudioFormat;
  volume?: number;
  logger?: Logger;
}

/** Plays through a program reading raw PCM on stdin (aplay, paplay, ...), one per utterance. */
export class CommandSink implements AudioSink {
  readonly format: AudioFormat;
  private readonly argv: string[];

  constructor(private readonly options: CommandSinkOptions) {
    this.argv = splitCommand(options.command, '--snd-command');
    this.format = options.format ?? DEFAULT_SND_FORMAT;
  }

  open(): Playback {
    const logger = this.options.logger ?? silentLogger;
    const child = spawnGroup(this.argv, ['pipe', 'ignore', 'pipe']);
    const closed = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', (error) => {
        logger.error(`snd command failed: ${error.message}`);
        resolve();
      });
    });
    child.stderr!.on('data', (data: Buffer) => logger.debug(`snd: ${String(data).trim()}`));
    child.stdin!.on('error', () => {}); // the player quit early; `closed` reports it
    const converter = new SinkConverter(this.format, this.options.volume ?? 1);
    return {
      write: (chunk) => writeTo(child, converter.convert(chunk)),
      end: async () => {
        await writeTo(child, converter.flush());
        child.stdin!.end();
        await closed;
      },
      abort: async () => {
        killGroup(child);
        await closed;
      },
    };
  }
}

function writeTo(child: ChildProcess, bytes: Uint8Array): Promise<void> {
  const stdin = child.stdin!;
  if (bytes.length === 0 || stdin.destroyed || !stdin.writable) return Promise.resolve();
  if (stdin.write(bytes)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stdin.off('drain', done);
      stdin.off('close', done);
      resolve();
    };
    stdin.once('drain', done);
    stdin.once('close', done);
  });
}

/**
 * Records everything played into one WAV file (for tests and demos): each finished playback
 * is appended and the file rewritten, so it is always a valid WAV.
 */
export class FileSink implements AudioSink {
  readonly format: AudioFormat;
  private readonly played: Uint8Array[] = [];
  private readonly volume: number;

  constructor(
    private readonly path: string,
    options: { format?: AudioFormat; volume?: number } = {},
  ) {
    this.format = options.format ?? DEFAULT_SND_FORMAT;
    this.volume = options.volume ?? 1;
    this.save();
  }

  open(): Playback {
    const converter = new SinkConverter(this.format, this.volume);
    const parts: Uint8Array[] = [];
    let aborted = false;
    return {
      write: async (chunk) => {
        if (!aborted) parts.push(converter.convert(chunk));
      },
      end: async () => {
        if (aborted) return;
        parts.push(converter.flush());
        this.played.push(concatBytes(parts));
        this.save();
      },
      abort: async () => {
        aborted = true;
      },
    };
  }

  private save(): void {
    writeFileSync(this.path, writeWav({ ...this.format, audio: concatBytes(this.played) }));
  }
}

/** Plays a whole clip through a sink and waits for it to finish. */
export async function playClip(sink: AudioSink, clip: AudioChunk): Promise<void> {
  const playback = sink.open();
  await playback.write(clip);
  await playback.end();
}
