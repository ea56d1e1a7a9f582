import { timerIdEvent } from './define.js';
import { type Event, type Eventable, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

/** A timer was started. */
export class TimerStarted implements Eventable {
  static readonly type = 'timer-started';
  readonly id: string;
  readonly total_seconds: number;
  readonly name?: string;
  readonly start_hours?: number;
  readonly start_minutes?: number;
  readonly start_seconds?: number;

  constructor(init: Omit<TimerStarted, 'toEvent'>) {
    this.id = init.id;
    this.total_seconds = init.total_seconds;
    this.name = init.name;
    this.start_hours = init.start_hours;
    this.start_minutes = init.start_minutes;
    this.start_seconds = init.start_seconds;
  }

  toEvent(): Event {
    const { id, total_seconds, name, start_hours, start_minutes, start_seconds } = this;
    return makeEvent(TimerStarted.type, {
      id,
      total_seconds,
      name,
      start_hours,
      start_minutes,
      start_seconds,
    });
  }

  static fromEvent(event: Event): TimerStarted {
    const f = FieldReader.of(event, TimerStarted.type);
    return new TimerStarted({
      id: f.string('id'),
      total_seconds: f.int('total_seconds'),
      name: f.optString('name'),
      start_hours: f.optInt('start_hours'),
      start_minutes: f.optInt('start_minutes'),
      start_seconds: f.optInt('start_seconds'),
    });
  }

  static isType(type: string): boolean {
    return type === TimerStarted.type;
  }
}

/** A timer was paused, resumed or changed; `total_seconds` is what is left. */
export class TimerUpdated implements Eventable {
  static readonly type = 'timer-updated';
  readonly id: string;
  readonly is_active: boolean;
  readonly total_seconds: number;

  constructor(init: Omit<TimerUpdated, 'toEvent'>) {
    this.id = init.id;
    this.is_active = init.is_active;
    this.total_seconds = init.total_seconds;
  }

  toEvent(): Event {
    const { id, is_active, total_seconds } = this;
    return makeEvent(TimerUpdated.type, { id, is_active, total_seconds });
  }

  static fromEvent(event: Event): TimerUpdated {
    const f = FieldReader.of(event, TimerUpdated.type);
    return new TimerUpdated({
      id: f.string('id'),
      is_active: f.bool('is_active'),
      total_seconds: f.int('total_seconds'),
    });
  }

  static isType(type: string): boolean {
    return type === TimerUpdated.type;
  }
}

/** A timer was cancelled. */
export class TimerCancelled extends timerIdEvent('timer-cancelled') {}

/** A timer ran out. */
export class TimerFinished extends timerIdEvent('timer-finished') {}
