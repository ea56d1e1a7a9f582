// Speech at a time in the right place, as data: reminders, heads-ups, announcements and queued
// messages wait for their time, then are spoken one at a time on the satellite where the person
// was last heard (within a window), else where the item was set, else on every satellite that
// may speak. A satellite in do-not-disturb holds what is not urgent until it may speak; a
// silent one holds it as a message to offer later. `transition` is pure; `scheduler.ts` runs it.

export type SpeechKind = 'reminder' | 'heads-up' | 'announce' | 'message';
export type RoomMode = 'normal' | 'silent' | 'night' | 'dnd';

export interface SpeechItem {
  readonly id: string;
  /** When to speak, milliseconds since the epoch. */
  readonly at: number;
  readonly kind: SpeechKind;
  readonly text: string;
  /** Spoken even in silent and do-not-disturb modes. */
  readonly urgent?: boolean;
  /** The satellite it was set on, if any. */
  readonly origin?: string;
  /** The language `text` is in (default: the server's). */
  readonly language?: string;
}

export interface Surroundings {
  readonly satellites: readonly { readonly name: string; readonly mode: RoomMode }[];
  /** Where a person was last heard, and when. */
  readonly lastHeard?: { readonly satellite: string; readonly at: number };
}

export interface ScheduleState {
  /** Waiting for their time, soonest first. */
  readonly pending: readonly SpeechItem[];
  /** Being spoken now (one at a time). */
  readonly speaking?: SpeechItem;
  /** Due but held: no satellite may speak it now. */
  readonly held: readonly SpeechItem[];
}

export type ScheduleEvent =
  | { readonly type: 'add'; readonly item: SpeechItem }
  | { readonly type: 'cancel'; readonly id: string }
  /** Time passed or the surroundings changed (a mode ended, someone spoke). */
  | { readonly type: 'tick'; readonly now: number; readonly around: Surroundings }
  | {
      readonly type: 'spoken';
      readonly id: string;
      readonly now: number;
      readonly around: Surroundings;
    };

export type ScheduleEffect =
  | { readonly type: 'speak'; readonly item: SpeechItem; readonly satellites: readonly string[] }
  | { readonly type: 'held'; readonly item: SpeechItem }
  /** The next time something is due (none when nothing waits). */
  | { readonly type: 'wake'; readonly at?: number };

export interface ScheduleOptions {
  /** How long after a person was heard their room still counts as where they are (ms). */
  readonly lastHeardWindowMs: number;
}

export const EMPTY_SCHEDULE: ScheduleState = { pending: [], held: [] };

const byTime = (a: SpeechItem, b: SpeechItem) => a.at - b.at || (a.id < b.id ? -1 : 1);

/** Whether a satellite in `mode` may speak `item` now. */
export function maySpeak(mode: RoomMode, item: SpeechItem): boolean {
  if (item.urgent) return true;
  return mode === 'normal' || mode === 'night';
}

/** The satellites to speak `item` on now (empty: hold it). */
export function placement(
  item: SpeechItem,
  now: number,
  around: Surroundings,
  options: ScheduleOptions,
): string[] {
  const allowed = around.satellites.filter((s) => maySpeak(s.mode, item)).map((s) => s.name);
  const heard = around.lastHeard;
  if (heard && now - heard.at <= options.lastHeardWindowMs && allowed.includes(heard.satellite)) {
    return [heard.satellite];
  }
  if (item.origin && allowed.includes(item.origin)) return [item.origin];
  return allowed;
}

function wake(state: ScheduleState): ScheduleEffect {
  return { type: 'wake', ...(state.pending[0] && { at: state.pending[0].at }) };
}

/** Starts the next due item if nothing is being spoken. */
function next(
  state: ScheduleState,
  now: number,
  around: Surroundings,
  options: ScheduleOptions,
): { state: ScheduleState; effects: ScheduleEffect[] } {
  if (state.speaking) return { state, effects: [wake(state)] };
  const effects: ScheduleEffect[] = [];
  // Held items first (they were due earlier), then the pending ones now due, in time order.
  const due = [...state.held, ...state.pending.filter((i) => i.at <= now)].sort(byTime);
  const held: SpeechItem[] = [];
  let speaking: SpeechItem | undefined;
  for (const item of due) {
    const satellites = speaking ? [] : placement(item, now, around, options);
    if (!speaking && satellites.length > 0) {
      speaking = item;
      effects.push({ type: 'speak', item, satellites });
    } else {
      if (!speaking && !state.held.includes(item)) effects.push({ type: 'held', item });
      held.push(item);
    }
  }
  const pending = state.pending.filter((i) => i.at > now);
  const result: ScheduleState = {
    pending,
    held: held.filter((i) => i !== speaking),
    ...(speaking && { speaking }),
  };
  // What is due but waits behind the one spoken stays held, ready when it is done.
  return { state: result, effects: [...effects, wake(result)] };
}

export function transition(
  state: ScheduleState,
  event: ScheduleEvent,
  options: ScheduleOptions,
): { state: ScheduleState; effects: ScheduleEffect[] } {
  switch (event.type) {
    case 'add': {
      const pending = [...state.pending.filter((i) => i.id !== event.item.id), event.item].sort(
        byTime,
      );
      const s = { ...state, pending };
      return { state: s, effects: [wake(s)] };
    }
    case 'cancel': {
      const s: ScheduleState = {
        pending: state.pending.filter((i) => i.id !== event.id),
        held: state.held.filter((i) => i.id !== event.id),
        ...(state.speaking && { speaking: state.speaking }),
      };
      return { state: s, effects: [wake(s)] };
    }
    case 'tick':
      return next(state, event.now, event.around, options);
    case 'spoken': {
      if (state.speaking?.id !== event.id) return { state, effects: [] };
      const { speaking: _done, ...rest } = state;
      return next(rest, event.now, event.around, options);
    }
  }
}
