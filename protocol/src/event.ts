/** The Wyoming protocol version this library implements and writes in headers. */
export const PROTOCOL_VERSION = '1.9.0';

export type JsonObject = Record<string, unknown>;

/** One Wyoming event as it travels on the wire: a type, a JSON object and optional binary payload. */
export interface Event {
  readonly type: string;
  readonly data: JsonObject;
  readonly payload?: Uint8Array;
}

/** Something that can be written as an event (every typed event class). */
export interface Eventable {
  toEvent(): Event;
}

/** The static side of a typed event class, as kept in the registry. */
export interface EventableClass<T extends Eventable = Eventable> {
  readonly type: string;
  fromEvent(event: Event): T;
  isType(type: string): boolean;
}

/** Builds an event, leaving out fields whose value is `undefined` (optional and absent). */
export function makeEvent(type: string, data: JsonObject = {}, payload?: Uint8Array): Event {
  const clean = withoutUndefined(data);
  return payload === undefined ? { type, data: clean } : { type, data: clean, payload };
}

/** A copy of `object` without the keys whose value is `undefined`. */
export function withoutUndefined(object: JsonObject): JsonObject {
  const clean: JsonObject = {};
  for (const key of Object.keys(object)) {
    if (object[key] !== undefined) clean[key] = object[key];
  }
  return clean;
}

export function isEventable(value: unknown): value is Eventable {
  return typeof (value as Eventable | undefined)?.toEvent === 'function';
}

/** Accepts a raw event or a typed one, returns the raw event. */
export function asEvent(value: Event | Eventable): Event {
  return isEventable(value) ? value.toEvent() : value;
}
