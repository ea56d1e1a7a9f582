import { type Event, type Eventable, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

/**
 * The Wyoming `error` event (the Python class `Error`). Exported as `Error` from the package
 * entry for parity with the reference, and as `WyomingError` to avoid shadowing the global.
 */
export class WyomingError implements Eventable {
  static readonly type = 'error';
  readonly text: string;
  readonly code?: string;

  constructor(init: { text: string; code?: string }) {
    this.text = init.text;
    this.code = init.code;
  }

  toEvent(): Event {
    return makeEvent(WyomingError.type, { text: this.text, code: this.code });
  }

  static fromEvent(event: Event): WyomingError {
    const f = FieldReader.of(event, WyomingError.type);
    return new WyomingError({ text: f.string('text'), code: f.optString('code') });
  }

  static isType(type: string): boolean {
    return type === WyomingError.type;
  }
}
