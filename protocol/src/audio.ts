import { timestampEvent } from './define.js';
import { type Event, type Eventable, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

/** Sample rate (Hz), width (bytes per sample) and channel count of PCM audio. */
export interface AudioFormat {
  readonly rate: number;
  readonly width: number;
  readonly channels: number;
}

/** Reads and validates `rate`, `width` and `channels`. */
export function readAudioFormat(fields: FieldReader): AudioFormat {
  return {
    rate: fields.positiveInt('rate'),
    width: fields.positiveInt('width'),
    channels: fields.positiveInt('channels'),
  };
}

/** A chunk of raw PCM audio (signed little-endian samples, interleaved channels). */
export class AudioChunk implements Eventable, AudioFormat {
  static readonly type = 'audio-chunk';
  readonly rate: number;
  readonly width: number;
  readonly channels: number;
  readonly audio: Uint8Array;
  /** Milliseconds since the start of the stream. */
  readonly timestamp?: number;

  constructor(init: AudioFormat & { audio: Uint8Array; timestamp?: number }) {
    this.rate = init.rate;
    this.width = init.width;
    this.channels = init.channels;
    this.audio = init.audio;
    this.timestamp = init.timestamp;
  }

  get samples(): number {
    return Math.floor(this.audio.byteLength / (this.width * this.channels));
  }

  get seconds(): number {
    return this.samples / this.rate;
  }

  get milliseconds(): number {
    return Math.floor(this.seconds * 1000);
  }

  toEvent(): Event {
    const { rate, width, channels, timestamp } = this;
    return makeEvent(AudioChunk.type, { rate, width, channels, timestamp }, this.audio);
  }

  static fromEvent(event: Event): AudioChunk {
    const fields = FieldReader.of(event, AudioChunk.type);
    return new AudioChunk({
      ...readAudioFormat(fields),
      audio: event.payload ?? new Uint8Array(0),
      timestamp: fields.optNumber('timestamp'),
    });
  }

  static isType(type: string): boolean {
    return type === AudioChunk.type;
  }
}

/** An audio stream begins; chunks of this format follow. */
export class AudioStart implements Eventable, AudioFormat {
  static readonly type = 'audio-start';
  readonly rate: number;
  readonly width: number;
  readonly channels: number;
  readonly timestamp?: number;

  constructor(init: AudioFormat & { timestamp?: number }) {
    this.rate = init.rate;
    this.width = init.width;
    this.channels = init.channels;
    this.timestamp = init.timestamp;
  }

  toEvent(): Event {
    const { rate, width, channels, timestamp } = this;
    return makeEvent(AudioStart.type, { rate, width, channels, timestamp });
  }

  static fromEvent(event: Event): AudioStart {
    const fields = FieldReader.of(event, AudioStart.type);
    return new AudioStart({ ...readAudioFormat(fields), timestamp: fields.optNumber('timestamp') });
  }

  static isType(type: string): boolean {
    return type === AudioStart.type;
  }
}

/** An audio stream ends. */
export class AudioStop extends timestampEvent('audio-stop') {}
