import { describe, expect, it } from 'vitest';
import { maySpeak, type RoomMode } from '../speech/schedule.js';
import { ROOM_MODES, automationSpeech, permits, policyOf, unprompted } from './policy.js';

// What each mode lets through: one row per request, with the modes that act on it.
const EVERY: readonly RoomMode[] = ['normal', 'silent', 'night', 'dnd'];
const NOT_AT_NIGHT: readonly RoomMode[] = ['normal', 'silent', 'dnd'];
const REQUESTS: readonly (readonly [
  what: string,
  domains: string[],
  actedIn: readonly RoomMode[],
])[] = [
  ['lights', ['light'], EVERY],
  ['locks', ['lock'], EVERY],
  ['the alarm', ['alarm_control_panel'], EVERY],
  ['a timer', ['timer'], EVERY],
  ['a reminder', ['reminder'], EVERY],
  ['a mode', ['mode'], EVERY],
  ['a routine', ['routine'], EVERY],
  ['never mind', ['nevermind'], EVERY],
  ['nothing touched', [], EVERY],
  ['music', ['media_player'], NOT_AT_NIGHT],
  ['a switch', ['switch'], NOT_AT_NIGHT],
  ['the heating', ['climate'], NOT_AT_NIGHT],
  ['the blinds', ['cover'], NOT_AT_NIGHT],
  ['the time', ['query'], NOT_AT_NIGHT],
  ['the agent', ['agent'], NOT_AT_NIGHT],
  ['lights and a switch', ['light', 'switch'], NOT_AT_NIGHT],
];

const SPOKEN: readonly {
  mode: RoomMode;
  chimes: boolean;
  timers: 'ring';
  announcement: string;
  urgent: string;
  /** An automation's `ask` or `converse`, and one marked urgent. */
  automation: string;
  urgentAutomation: string;
  volume: number;
}[] = [
  {
    mode: 'normal',
    chimes: true,
    timers: 'ring',
    announcement: 'speak',
    urgent: 'speak',
    automation: 'speak',
    urgentAutomation: 'speak',
    volume: 1,
  },
  {
    mode: 'silent',
    chimes: false,
    timers: 'ring',
    announcement: 'queue',
    urgent: 'speak',
    automation: 'hold',
    urgentAutomation: 'speak',
    volume: 1,
  },
  {
    mode: 'night',
    chimes: true,
    timers: 'ring',
    announcement: 'speak',
    urgent: 'speak',
    automation: 'speak',
    urgentAutomation: 'speak',
    volume: 0.5,
  },
  {
    mode: 'dnd',
    chimes: false,
    timers: 'ring',
    announcement: 'hold',
    urgent: 'speak',
    automation: 'hold',
    urgentAutomation: 'speak',
    volume: 1,
  },
];

describe('mode policy', () => {
  for (const [what, domains, actedIn] of REQUESTS) {
    for (const mode of ROOM_MODES) {
      it(`${mode}: ${what} ${actedIn.includes(mode) ? 'acted on' : 'refused'}`, () => {
        expect(permits(mode, domains)).toBe(actedIn.includes(mode));
      });
    }
  }

  for (const row of SPOKEN) {
    it(`${row.mode}: chimes ${row.chimes}, timers ${row.timers}, announcements ${row.announcement}, urgent ${row.urgent}, automations ${row.automation} (urgent ${row.urgentAutomation}), volume ${row.volume}`, () => {
      const policy = policyOf(row.mode);
      expect(policy.chimes).toBe(row.chimes);
      expect(policy.timers).toBe(row.timers);
      expect(automationSpeech(row.mode)).toBe(row.automation);
      expect(automationSpeech(row.mode, true)).toBe(row.urgentAutomation);
      expect(unprompted(row.mode)).toBe(row.announcement);
      expect(unprompted(row.mode, true)).toBe(row.urgent);
      expect(policy.volume).toBe(row.volume);
    });
  }

  it('the night volume is configurable', () => {
    expect(policyOf('night', { nightVolume: 30 }).volume).toBeCloseTo(0.3);
  });

  // The speech schedule decides by itself whether a room may speak an item: it must agree.
  for (const mode of ROOM_MODES) {
    it(`${mode}: the speech schedule agrees on what is spoken unasked`, () => {
      const item = { id: 'a', at: 0, kind: 'announce' as const, text: 'hello' };
      expect(maySpeak(mode, item)).toBe(unprompted(mode) === 'speak');
      expect(maySpeak(mode, { ...item, urgent: true })).toBe(true);
    });
  }
});
