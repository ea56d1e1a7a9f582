import { type Event, type Eventable, type JsonObject, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

// Many Wyoming events share one of a few shapes. These factories give each shape one
// implementation; every event keeps its own named class (`class Played extends emptyEvent(...)`).

/** An event with no fields (`played`, `run-satellite`, `transcript-stop`, ...). */
export function emptyEvent<T extends string>(type: T) {
  return class EmptyEvent implements Eventable {
    static readonly type: T = type;

    toEvent(): Event {
      return makeEvent(type);
    }

    static fromEvent<E>(this: new () => E, event: Event): E {
      FieldReader.of(event, type);
      return new this();
    }

    static isType(candidate: string): boolean {
      return candidate === type;
    }
  };
}

/** An event whose only field is an optional `context` object (`handled-start`, ...). */
export function contextEvent<T extends string>(type: T) {
  return class ContextEvent implements Eventable {
    static readonly type: T = type;
    readonly context?: JsonObject;

    constructor(init: { context?: JsonObject } = {}) {
      this.context = init.context;
    }

    toEvent(): Event {
      return makeEvent(type, { context: this.context });
    }

    static fromEvent<E>(this: new (init: { context?: JsonObject }) => E, event: Event): E {
      return new this({ context: FieldReader.of(event, type).optObject('context') });
    }

    static isType(candidate: string): boolean {
      return candidate === type;
    }
  };
}

/** A piece of streamed text with a required `text` field (`transcript-chunk`, ...). */
export function textChunkEvent<T extends string>(type: T) {
  return class TextChunkEvent implements Eventable {
    static readonly type: T = type;
    readonly text: string;

    constructor(init: { text: string }) {
      this.text = init.text;
    }

    toEvent(): Event {
      return makeEvent(type, { text: this.text });
    }

    static fromEvent<E>(this: new (init: { text: string }) => E, event: Event): E {
      return new this({ text: FieldReader.of(event, type).string('text') });
    }

    static isType(candidate: string): boolean {
      return candidate === type;
    }
  };
}

/** An event with optional `text` and `context` (`handled`, `not-handled`, `not-recognized`). */
export function optionalTextEvent<T extends string>(type: T) {
  return class OptionalTextEvent implements Eventable {
    static readonly type: T = type;
    readonly text?: string;
    readonly context?: JsonObject;

    constructor(init: { text?: string; context?: JsonObject } = {}) {
      this.text = init.text;
      this.context = init.context;
    }

    toEvent(): Event {
      return makeEvent(type, { text: this.text, context: this.context });
    }

    static fromEvent<E>(
      this: new (init: { text?: string; context?: JsonObject }) => E,
      event: Event,
    ): E {
      const fields = FieldReader.of(event, type);
      return new this({ text: fields.optString('text'), context: fields.optObject('context') });
    }

    static isType(candidate: string): boolean {
      return candidate === type;
    }
  };
}

/** An event that carries only a timer `id` (`timer-cancelled`, `timer-finished`). */
export function timerIdEvent<T extends string>(type: T) {
  return class TimerIdEvent implements Eventable {
    static readonly type: T = type;
    readonly id: string;

    constructor(init: { id: string }) {
      this.id = init.id;
    }

    toEvent(): Event {
      return makeEvent(type, { id: this.id });
    }

    static fromEvent<E>(this: new (init: { id: string }) => E, event: Event): E {
      return new this({ id: FieldReader.of(event, type).string('id') });
    }

    static isType(candidate: string): boolean {
      return candidate === type;
    }
  };
}

/** An event with an optional millisecond `timestamp` (`voice-started`, `voice-stopped`). */
export function timestampEvent<T extends string>(type: T) {
  return class TimestampEvent implements Eventable {
    static readonly type: T = type;
    readonly timestamp?: number;

    constructor(init: { timestamp?: number } = {}) {
      this.timestamp = init.timestamp;
    }

    toEvent(): Event {
      return makeEvent(type, { timestamp: this.timestamp });
    }

    static fromEvent<E>(this: new (init: { timestamp?: number }) => E, event: Event): E {
      return new this({ timestamp: FieldReader.of(event, type).optNumber('timestamp') });
    }

    static isType(candidate: string): boolean {
      return candidate === type;
    }
  };
}
