// What each mode lets through, as data: the requests it acts on (by the domains they touch),
// whether chimes play, what happens to what Jarvis would say unasked (announcements, reminders),
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
  /** The awake and timer chimes. */
  readonly chimes: boolean;
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
      return { chimes: true, unprompted: 'speak', urgent: 'speak', volume: 1 };
    case 'silent':
      return { chimes: false, unprompted: 'queue', urgent: 'speak', volume: 1 };
    case 'night':
      return {
        domains: ESSENTIAL_AT_NIGHT,
        chimes: true,
        unprompted: 'speak',
        urgent: 'speak',
        volume: (options.nightVolume ?? 50) / 100,
      };
    case 'dnd':
      return { chimes: false, unprompted: 'hold', urgent: 'speak', volume: 1 };
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
