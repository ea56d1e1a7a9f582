import { contextEvent, optionalTextEvent } from './define.js';
import { type Event, type Eventable, type JsonObject, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

/** A named slot of a recognized intent. */
export interface Entity {
  readonly name: string;
  readonly value?: unknown;
}

/** Recognize the intent of this text. */
export class Recognize implements Eventable {
  static readonly type = 'recognize';
  readonly text: string;
  readonly context?: JsonObject;

  constructor(init: { text: string; context?: JsonObject }) {
    this.text = init.text;
    this.context = init.context;
  }

  toEvent(): Event {
    return makeEvent(Recognize.type, { text: this.text, context: this.context });
  }

  static fromEvent(event: Event): Recognize {
    const f = FieldReader.of(event, Recognize.type);
    return new Recognize({ text: f.string('text'), context: f.optObject('context') });
  }

  static isType(type: string): boolean {
    return type === Recognize.type;
  }
}

function readEntity(value: unknown, where: string): Entity {
  const f = FieldReader.forObject(value, where);
  return f.has('value')
    ? { name: f.string('name'), value: f.raw('value') }
    : { name: f.string('name') };
}

/** A recognized intent, with its entities (slots) and an optional response text. */
export class Intent implements Eventable {
  static readonly type = 'intent';
  readonly name: string;
  readonly entities: Entity[];
  readonly text?: string;
  readonly context?: JsonObject;

  constructor(init: { name: string; entities?: Entity[]; text?: string; context?: JsonObject }) {
    this.name = init.name;
    this.entities = init.entities ?? [];
    this.text = init.text;
    this.context = init.context;
  }

  toEvent(): Event {
    const entities = this.entities.length > 0 ? this.entities.map((e) => ({ ...e })) : undefined;
    return makeEvent(Intent.type, {
      name: this.name,
      entities,
      text: this.text,
      context: this.context,
    });
  }

  static fromEvent(event: Event): Intent {
    const f = FieldReader.of(event, Intent.type);
    return new Intent({
      name: f.string('name'),
      entities: f.optArray('entities', readEntity),
      text: f.optString('text'),
      context: f.optObject('context'),
    });
  }

  static isType(type: string): boolean {
    return type === Intent.type;
  }
}

/** No intent matched the text. */
export class NotRecognized extends optionalTextEvent('not-recognized') {}

/** Several intents follow (intent+), then intents-stop. */
export class IntentsStart extends contextEvent('intents-start') {}

/** The end of a list of intents. */
export class IntentsStop extends contextEvent('intents-stop') {}
