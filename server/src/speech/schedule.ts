// Speech at a time in the right place, as data: reminders, heads-ups, announcements and queued
// messages wait for their time, then are spoken one at a time on the satellite where the person
// was last heard (within a window), else where the item was set, else on every satellite that
// may speak. An announcement names its satellites: it is spoken on those that may speak, and
// held for the others. A satellite in silent or do-not-disturb holds what is not urgent until it
// may speak; several held items let go together are introduced ("you have two messages").
// A named satellite that is not connected is held for too: what was meant for a room is said
// there when it comes back. Someone speaking to a silent satellite has addressed it: what it
// holds is let go there after the answer (do not disturb still holds).
// `transition` is pure; `scheduler.ts` runs it.

/** `ask` and `converse`: an automation's question or conversation held by a mode. */
export type SpeechKind = 'reminder' | 'heads-up' | 'announce' | 'message' | 'ask' | 'converse';
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
  /**
   * The satellites it is for (an announcement names them); none: the schedule chooses. Those
   * that may not speak it now (their mode, or not connected) get it later.
   */
  readonly targets?: readonly string[];
  /** An `ask`'s answers: ids with the sentences that mean them. */
  readonly answers?: readonly { readonly id: string; readonly sentences: readonly string[] }[];
}

export interface Surroundings {
  readonly satellites: readonly { readonly name: string; readonly mode: RoomMode }[];
  /** Where a person was last heard, and when. */
  readonly lastHeard?: { readonly satellite: string; readonly at: number };
  /** A silent satellite someone just spoke to (and that has answered): it may say what it holds. */
  readonly addressed?: string;
}

export interface ScheduleState {
  /** Waiting for their time, soonest first. */
  readonly pending: readonly SpeechItem[];
  /** Being spoken now (one at a time). */
  readonly speaking?: SpeechItem;
  /** Due but held: no satellite may speak it now. */
  readonly held: readonly SpeechItem[];
  /** Due and free to be spoken, after the one being spoken (none: omitted). */
  readonly due?: readonly SpeechItem[];
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
  | {
      readonly type: 'speak';
      readonly item: SpeechItem;
      readonly satellites: readonly string[];
      /** Held items let go together, this one first: say how many before it (2 or more). */
      readonly messages?: number;
    }
  | { readonly type: 'held'; readonly item: SpeechItem }
  /** The next time something is due (none when nothing waits). */
  | { readonly type: 'wake'; readonly at?: number };

export interface ScheduleOptions {
  /** How long after a person was heard their room still counts as where they are (ms). */
  readonly lastHeardWindowMs: number;
}

export const EMPTY_SCHEDULE: ScheduleState = { pending: [], held: [] };

const byTime = (a: SpeechItem, b: SpeechItem) => a.at - b.at || (a.id < b.id ? -1 : 1);

/** Whether a satellite in `mode` may speak `item` now (`addressed`: someone spoke to it). */
export function maySpeak(mode: RoomMode, item: SpeechItem, addressed = false): boolean {
  if (item.urgent) return true;
  return mode === 'normal' || mode === 'night' || (mode === 'silent' && addressed);
}

/** The satellites to speak `item` on now (empty: hold it). */
export function placement(
  item: SpeechItem,
  now: number,
  around: Surroundings,
  options: ScheduleOptions,
): string[] {
  const allowed = around.satellites
    .filter((s) => maySpeak(s.mode, item, s.name === around.addressed))
    .map((s) => s.name);
  if (item.targets) return item.targets.filter((name) => allowed.includes(name));
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

/** A named item spoken on `satellites` now, and what is left for the others (if any). */
function split(item: SpeechItem, satellites: readonly string[]) {
  if (!item.targets) return { now: item, later: undefined };
  const rest = item.targets.filter((name) => !satellites.includes(name));
  return {
    now: { ...item, targets: [...satellites] },
    later: rest.length > 0 ? { ...item, targets: rest } : undefined,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name) => b.includes(name));

/** Starts the next due item if nothing is being spoken. */
function next(
  state: ScheduleState,
  now: number,
  around: Surroundings,
  options: ScheduleOptions,
): { state: ScheduleState; effects: ScheduleEffect[] } {
  if (state.speaking) return { state, effects: [wake(state)] };
  const effects: ScheduleEffect[] = [];
  const wasHeld = new Set(state.held.map((i) => i.id));
  // Held items first (they were due earlier), then the pending ones now due, in time order.
  const candidates = [
    ...state.held,
    ...(state.due ?? []),
    ...state.pending.filter((i) => i.at <= now),
  ];
  const held: SpeechItem[] = [];
  const due: SpeechItem[] = [];
  let speak: Extract<ScheduleEffect, { type: 'speak' }> | undefined;
  for (const item of candidates.sort(byTime)) {
    const satellites = placement(item, now, around, options);
    if (satellites.length === 0) {
      if (!wasHeld.has(item.id)) effects.push({ type: 'held', item });
      held.push(item);
      continue;
    }
    const { now: free, later } = split(item, satellites);
    if (later) {
      if (!wasHeld.has(item.id)) effects.push({ type: 'held', item: later });
      held.push(later);
    }
    if (speak) due.push(free);
    else speak = { type: 'speak', item: free, satellites };
  }
  // Held items let go together on the same satellites: "you have two messages" first.
  if (speak && wasHeld.has(speak.item.id)) {
    const on = speak.satellites;
    const together = due.filter(
      (i) => wasHeld.has(i.id) && sameSet(placement(i, now, around, options), on),
    ).length;
    if (together > 0) speak = { ...speak, messages: together + 1 };
  }
  if (speak) effects.push(speak);
  const result: ScheduleState = {
    pending: state.pending.filter((i) => i.at > now),
    held,
    ...(speak && { speaking: speak.item }),
    ...(due.length > 0 && { due }),
  };
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
      const due = (state.due ?? []).filter((i) => i.id !== event.id);
      const s: ScheduleState = {
        pending: state.pending.filter((i) => i.id !== event.id),
        held: state.held.filter((i) => i.id !== event.id),
        ...(state.speaking && { speaking: state.speaking }),
        ...(due.length > 0 && { due }),
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
