import { contextEvent } from './define.js';
import { type Event, type Eventable, type JsonObject, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

/** Listen for these wake words; audio-start, audio-chunk+, audio-stop follow. */
export class Detect implements Eventable {
  static readonly type = 'detect';
  readonly names?: string[];
  readonly context?: JsonObject;

  constructor(init: Omit<Detect, 'toEvent'> = {}) {
    this.names = init.names;
    this.context = init.context;
  }

  toEvent(): Event {
    return makeEvent(Detect.type, { names: this.names, context: this.context });
  }

  static fromEvent(event: Event): Detect {
    const f = FieldReader.of(event, Detect.type);
    return new Detect({ names: f.optStringArray('names'), context: f.optObject('context') });
  }

  static isType(type: string): boolean {
    return type === Detect.type;
  }
}

/** A wake word was heard. */
export class Detection implements Eventable {
  static readonly type = 'detection';
  /** The wake word (model) name. */
  readonly name?: string;
  /** Milliseconds since the start of the audio stream. */
  readonly timestamp?: number;
  readonly speaker?: string;
  readonly context?: JsonObject;

  constructor(init: Omit<Detection, 'toEvent'> = {}) {
    this.name = init.name;
    this.timestamp = init.timestamp;
    this.speaker = init.speaker;
    this.context = init.context;
  }

  toEvent(): Event {
    const { name, timestamp, speaker, context } = this;
    return makeEvent(Detection.type, { name, timestamp, speaker, context });
  }

  static fromEvent(event: Event): Detection {
    const f = FieldReader.of(event, Detection.type);
    return new Detection({
      name: f.optString('name'),
      timestamp: f.optNumber('timestamp'),
      speaker: f.optString('speaker'),
      context: f.optObject('context'),
    });
  }

  static isType(type: string): boolean {
    return type === Detection.type;
  }
}

/** The audio stream ended without a wake word. */
export class NotDetected extends contextEvent('not-detected') {}
