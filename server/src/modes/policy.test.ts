import { describe, expect, it } from 'vitest';
import { maySpeak, type RoomMode } from '../speech/schedule.js';
import { ROOM_MODES, permits, policyOf, unprompted } from './policy.js';

// What each mode lets through: one row per request or item, one column per mode.
const REQUESTS: readonly {
  what: string;
  domains: readonly string[];
  normal: boolean;
  silent: boolean;
  night: boolean;
  dnd: boolean;
}[] = [
  { what: 'lights', domains: ['light'], normal: true, silent: true, night: true, dnd: true },
  { what: 'locks', domains: ['lock'], normal: true, silent: true, night: true, dnd: true },
  {
    what: 'the alarm',
    domains: ['alarm_control_panel'],
    normal: true,
    silent: true,
    night: true,
    dnd: true,
  },
  { what: 'a timer', domains: ['timer'], normal: true, silent: true, night: true, dnd: true },
  { what: 'a reminder', domains: ['reminder'], normal: true, silent: true, night: true, dnd: true },
  { what: 'a mode', domains: ['mode'], normal: true, silent: true, night: true, dnd: true },
  { what: 'a routine', domains: ['routine'], normal: true, silent: true, night: true, dnd: true },
  {
    what: 'never mind',
    domains: ['nevermind'],
    normal: true,
    silent: true,
    night: true,
    dnd: true,
  },
  { what: 'nothing touched', domains: [], normal: true, silent: true, night: true, dnd: true },
  { what: 'music', domains: ['media_player'], normal: true, silent: true, night: false, dnd: true },
  { what: 'a switch', domains: ['switch'], normal: true, silent: true, night: false, dnd: true },
  {
    what: 'the heating',
    domains: ['climate'],
    normal: true,
    silent: true,
    night: false,
    dnd: true,
  },
  { what: 'the blinds', domains: ['cover'], normal: true, silent: true, night: false, dnd: true },
  { what: 'the time', domains: ['query'], normal: true, silent: true, night: false, dnd: true },
  { what: 'the agent', domains: ['agent'], normal: true, silent: true, night: false, dnd: true },
  {
    what: 'lights and a switch',
    domains: ['light', 'switch'],
    normal: true,
    silent: true,
    night: false,
    dnd: true,
  },
];

const SPOKEN: readonly {
  mode: RoomMode;
  chimes: boolean;
  announcement: string;
  urgent: string;
  volume: number;
}[] = [
  { mode: 'normal', chimes: true, announcement: 'speak', urgent: 'speak', volume: 1 },
  { mode: 'silent', chimes: false, announcement: 'queue', urgent: 'speak', volume: 1 },
  { mode: 'night', chimes: true, announcement: 'speak', urgent: 'speak', volume: 0.5 },
  { mode: 'dnd', chimes: false, announcement: 'hold', urgent: 'speak', volume: 1 },
];

describe('mode policy', () => {
  for (const row of REQUESTS) {
    for (const mode of ROOM_MODES) {
      it(`${mode}: ${row.what} ${row[mode] ? 'acted on' : 'refused'}`, () => {
        expect(permits(mode, row.domains)).toBe(row[mode]);
      });
    }
  }

  for (const row of SPOKEN) {
    it(`${row.mode}: chimes ${row.chimes}, announcements ${row.announcement}, urgent ${row.urgent}, volume ${row.volume}`, () => {
      const policy = policyOf(row.mode);
      expect(policy.chimes).toBe(row.chimes);
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
