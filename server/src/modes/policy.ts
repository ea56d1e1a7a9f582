// What each mode lets through, as data: the requests it acts on (by the domains they touch),
// whether chimes play, whether timers ring, what happens to what Jarvis would say unasked (announcements, reminders),
// urgent items, and the volume. Pure: the store says which mode a room is in, this says what
// that mode means; the gate, the satellite controls and the speech scheduler ask it.
import type { RoomMode } from '../speech/schedule.js';

export const ROOM_MODES = [
  'normal',
  'silent',
  'night',
  'dnd',
] as const satisfies readonly RoomMode[];

/**
 * Jarvis's own domains beside Home Assistant's: `timer`, `reminder`, `mode` (changing the mode),
 * `routine` (a routine from the config), `query` (state, time, date questions), `agent` (what
 * the conversation agent would answer), `nevermind`.
 */
export const ESSENTIAL_AT_NIGHT: readonly string[] = [
  'light',
  'lock',
  'alarm_control_panel',
  'timer',
  'reminder',
  'mode',
  'routine',
  'nevermind',
];

/** What Jarvis does with something it would say unasked (an announcement, a reminder). */
export type Unprompted = 'speak' | 'queue' | 'hold';

export interface ModePolicy {
  /** The domains of the requests it acts on; undefined: every one. */
  readonly domains?: readonly string[];
  /** The turn chimes (the awake and done sounds). */
  readonly chimes: boolean;
  /**
   * A timer that ends rings in every mode: the person set it, so it is asked for, as a phone's
   * do not disturb lets alarms through. (Its sound is the satellite's own, at its own volume.)
   */
  readonly timers: 'ring';
  /** Announcements and reminders not marked urgent: spoken, queued as messages, or held. */
  readonly unprompted: Unprompted;
  /** Urgent items are spoken whatever the mode. */
  readonly urgent: 'speak';
  /** Scale of the satellite's volume (1: as set). */
  readonly volume: number;
}

export interface PolicyOptions {
  /** The volume at night, in percent of the satellite's own (default 50). */
  readonly nightVolume?: number;
}

export function policyOf(mode: RoomMode, options: PolicyOptions = {}): ModePolicy {
  switch (mode) {
    case 'normal':
      return { chimes: true, timers: 'ring', unprompted: 'speak', urgent: 'speak', volume: 1 };
    case 'silent':
      return { chimes: false, timers: 'ring', unprompted: 'queue', urgent: 'speak', volume: 1 };
    case 'night':
      return {
        domains: ESSENTIAL_AT_NIGHT,
        chimes: true,
        timers: 'ring',
        unprompted: 'speak',
        urgent: 'speak',
        volume: (options.nightVolume ?? 50) / 100,
      };
    case 'dnd':
      return { chimes: false, timers: 'ring', unprompted: 'hold', urgent: 'speak', volume: 1 };
  }
}

/** Whether a request touching `domains` is acted on in `mode` (nothing touched: always). */
export function permits(mode: RoomMode, domains: readonly string[]): boolean {
  const allowed = policyOf(mode).domains;
  return !allowed || domains.every((domain) => allowed.includes(domain));
}

/** What happens in `mode` to something Jarvis would say unasked. */
export function unprompted(mode: RoomMode, urgent = false): Unprompted {
  return urgent ? 'speak' : policyOf(mode).unprompted;
}

/**
 * What happens in `mode` to an automation's question or conversation (`ask`, `converse`). They
 * are unasked speech too: said now where an announcement would be (at night, at the night
 * volume), else held on the speech schedule with what the mode held (silent: until someone
 * speaks to the satellite or the mode ends; do not disturb: until it ends); urgent: said now.
 */
export function automationSpeech(mode: RoomMode, urgent = false): 'speak' | 'hold' {
  return unprompted(mode, urgent) === 'speak' ? 'speak' : 'hold';
}

/** The bridge's select names the modes for people; the store and policy use `RoomMode`. */
export const MODE_LABELS: Readonly<Record<RoomMode, string>> = {
  normal: 'normal',
  silent: 'silent',
  night: 'night',
  dnd: 'do not disturb',
};

export function modeOfLabel(label: string): RoomMode | undefined {
  const found = Object.entries(MODE_LABELS).find(([, l]) => l === label);
  return found?.[0] as RoomMode | undefined;
}
