import { emptyEvent, textChunkEvent } from './define.js';
import {
  type Event,
  type Eventable,
  type JsonObject,
  makeEvent,
  withoutUndefined,
} from './event.js';
import { FieldReader } from './fields.js';

/** Which voice to speak with: by name (and speaker), or by language. */
export interface SynthesizeVoice {
  readonly name?: string;
  readonly language?: string;
  readonly speaker?: string;
}

export type SynthesizeTextFormat = 'text' | 'ssml' | (string & {});

function readVoice(fields: FieldReader): SynthesizeVoice | undefined {
  const raw = fields.optObject('voice');
  if (!raw) return undefined;
  const voice = fields.nested('voice');
  const result = {
    name: voice.optString('name'),
    language: voice.optString('language'),
    speaker: voice.optString('speaker'),
  };
  return result.name === undefined && result.language === undefined ? undefined : result;
}

function writeVoice(voice: SynthesizeVoice | undefined): JsonObject | undefined {
  if (!voice) return undefined;
  return withoutUndefined({ name: voice.name, language: voice.language, speaker: voice.speaker });
}

/** Speak this text (the whole of it). */
export class Synthesize implements Eventable {
  static readonly type = 'synthesize';
  readonly text: string;
  readonly voice?: SynthesizeVoice;
  readonly text_format?: SynthesizeTextFormat;
  readonly context?: JsonObject;

  constructor(init: Omit<Synthesize, 'toEvent'>) {
    this.text = init.text;
    this.voice = init.voice;
    this.text_format = init.text_format;
    this.context = init.context;
  }

  toEvent(): Event {
    const { text, text_format, context } = this;
    return makeEvent(Synthesize.type, {
      text,
      voice: writeVoice(this.voice),
      text_format,
      context,
    });
  }

  static fromEvent(event: Event): Synthesize {
    const f = FieldReader.of(event, Synthesize.type);
    return new Synthesize({
      text: f.string('text'),
      voice: readVoice(f),
      text_format: f.optString('text_format'),
      context: f.optObject('context'),
    });
  }

  static isType(type: string): boolean {
    return type === Synthesize.type;
  }
}

/** Streamed synthesis begins: synthesize-chunk+ and synthesize-stop follow. */
export class SynthesizeStart implements Eventable {
  static readonly type = 'synthesize-start';
  readonly voice?: SynthesizeVoice;
  readonly text_format?: SynthesizeTextFormat;
  readonly context?: JsonObject;

  constructor(init: Omit<SynthesizeStart, 'toEvent'> = {}) {
    this.voice = init.voice;
    this.text_format = init.text_format;
    this.context = init.context;
  }

  toEvent(): Event {
    const { text_format, context } = this;
    return makeEvent(SynthesizeStart.type, { voice: writeVoice(this.voice), text_format, context });
  }

  static fromEvent(event: Event): SynthesizeStart {
    const f = FieldReader.of(event, SynthesizeStart.type);
    return new SynthesizeStart({
      voice: readVoice(f),
      text_format: f.optString('text_format'),
      context: f.optObject('context'),
    });
  }

  static isType(type: string): boolean {
    return type === SynthesizeStart.type;
  }
}

/** A piece of text to speak in a streamed synthesis. */
export class SynthesizeChunk extends textChunkEvent('synthesize-chunk') {}

/** No more text in this streamed synthesis. */
export class SynthesizeStop extends emptyEvent('synthesize-stop') {}

/** The service has finished speaking a streamed synthesis. */
export class SynthesizeStopped extends emptyEvent('synthesize-stopped') {}
