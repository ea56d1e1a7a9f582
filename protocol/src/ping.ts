import { type Event, type Eventable, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

function pingLike<T extends string>(type: T) {
  return class PingLike implements Eventable {
    static readonly type: T = type;
    readonly text?: string;

    constructor(init: { text?: string } = {}) {
      this.text = init.text;
    }

    toEvent(): Event {
      return makeEvent(type, { text: this.text });
    }

    static fromEvent<E>(this: new (init: { text?: string }) => E, event: Event): E {
      return new this({ text: FieldReader.of(event, type).optString('text') });
    }

    static isType(candidate: string): boolean {
      return candidate === type;
    }
  };
}

/** Are you there? Answered by a `pong` carrying the same text. */
export class Ping extends pingLike('ping') {}

/** The answer to a `ping`. */
export class Pong extends pingLike('pong') {}
