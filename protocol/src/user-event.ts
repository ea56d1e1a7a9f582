import { type Event, type Eventable, type JsonObject, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

/** An application-defined event (a button press, an LED state, ...). */
export class UserEvent implements Eventable {
  static readonly type = 'user-event';
  readonly name: string;
  readonly data?: JsonObject;
  readonly context?: JsonObject;

  constructor(init: Omit<UserEvent, 'toEvent'>) {
    this.name = init.name;
    this.data = init.data;
    this.context = init.context;
  }

  toEvent(): Event {
    return makeEvent(UserEvent.type, { name: this.name, data: this.data, context: this.context });
  }

  static fromEvent(event: Event): UserEvent {
    const f = FieldReader.of(event, UserEvent.type);
    return new UserEvent({
      name: f.string('name'),
      data: f.optObject('data'),
      context: f.optObject('context'),
    });
  }

  static isType(type: string): boolean {
    return type === UserEvent.type;
  }
}
