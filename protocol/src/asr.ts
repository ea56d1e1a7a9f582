import { emptyEvent, textChunkEvent } from './define.js';
import { type Event, type Eventable, type JsonObject, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

/** How eagerly a speech-to-text service's own VAD ends an utterance. */
export type VadSensitivity = 'default' | 'relaxed' | 'aggressive' | (string & {});

/** Asks for speech to be transcribed; audio-start, audio-chunk+, audio-stop follow. */
export class Transcribe implements Eventable {
  static readonly type = 'transcribe';
  /** Model name. */
  readonly name?: string;
  readonly language?: string;
  readonly context?: JsonObject;
  readonly vad_sensitivity?: VadSensitivity;

  constructor(init: Omit<Transcribe, 'toEvent'> = {}) {
    this.name = init.name;
    this.language = init.language;
    this.context = init.context;
    this.vad_sensitivity = init.vad_sensitivity;
  }

  toEvent(): Event {
    const { name, language, context, vad_sensitivity } = this;
    return makeEvent(Transcribe.type, { name, language, context, vad_sensitivity });
  }

  static fromEvent(event: Event): Transcribe {
    const f = FieldReader.of(event, Transcribe.type);
    return new Transcribe({
      name: f.optString('name'),
      language: f.optString('language'),
      context: f.optObject('context'),
      vad_sensitivity: f.optString('vad_sensitivity'),
    });
  }

  static isType(type: string): boolean {
    return type === Transcribe.type;
  }
}

/** The text of transcribed speech. */
export class Transcript implements Eventable {
  static readonly type = 'transcript';
  readonly text: string;
  readonly language?: string;
  readonly context?: JsonObject;

  constructor(init: Omit<Transcript, 'toEvent'>) {
    this.text = init.text;
    this.language = init.language;
    this.context = init.context;
  }

  toEvent(): Event {
    const { text, language, context } = this;
    return makeEvent(Transcript.type, { text, language, context });
  }

  static fromEvent(event: Event): Transcript {
    const f = FieldReader.of(event, Transcript.type);
    return new Transcript({
      text: f.string('text'),
      language: f.optString('language'),
      context: f.optObject('context'),
    });
  }

  static isType(type: string): boolean {
    return type === Transcript.type;
  }
}

/** A streamed transcript begins; transcript-chunk+ and transcript-stop follow. */
export class TranscriptStart implements Eventable {
  static readonly type = 'transcript-start';
  readonly language?: string;
  readonly context?: JsonObject;

  constructor(init: Omit<TranscriptStart, 'toEvent'> = {}) {
    this.language = init.language;
    this.context = init.context;
  }

  toEvent(): Event {
    return makeEvent(TranscriptStart.type, { language: this.language, context: this.context });
  }

  static fromEvent(event: Event): TranscriptStart {
    const f = FieldReader.of(event, TranscriptStart.type);
    return new TranscriptStart({
      language: f.optString('language'),
      context: f.optObject('context'),
    });
  }

  static isType(type: string): boolean {
    return type === TranscriptStart.type;
  }
}

/** A piece of a streamed transcript. */
export class TranscriptChunk extends textChunkEvent('transcript-chunk') {}

/** A streamed transcript ends; a full `transcript` is sent as well. */
export class TranscriptStop extends emptyEvent('transcript-stop') {}
