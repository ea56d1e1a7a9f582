// The web UI's pure parts: the latency chart's geometry, health words, what a sentence did,
// the reminders list whichever shape the server sends, the satellites' timers.
import { describe, expect, it } from 'vitest';
import { chartOf, type RecentTurn } from './latency-chart.js';
import { remindersOf } from './reminders-panel.js';
import { timersOf } from './satellite-timers.js';
import { healthWord } from './status-panel.js';
import { callLine } from './try-panel.js';

const turn = (waited: number | null, failed = false): RecentTurn => ({
  at: '2026-12-06T10:00:00Z',
  satellite: null,
  intent: null,
  failed,
  waited_ms: waited,
});

describe('the latency chart', () => {
  it('draws one bar per timed turn, slow ones over the target, the target at its height', () => {
    const chart = chartOf([turn(100), turn(null), turn(750), turn(400, true)], 500);
    expect(chart.bars.map((bar) => [bar.turn.waited_ms, bar.slow])).toEqual([
      [100, false],
      [750, true],
      [400, false],
    ]);
    // The scale shows twice the target at least; a turn of exactly the target reaches its line.
    expect(chart.top).toBe(1000);
    const exact = chartOf([turn(500)], 500);
    expect(exact.bars[0]!.y).toBeCloseTo(exact.targetY);
    expect(exact.bars[0]!.slow).toBe(false);
    const [fast, slow] = chart.bars;
    expect(slow!.height).toBeCloseTo(fast!.height * 7.5);
    expect(slow!.x).toBeGreaterThan(fast!.x);
  });

  it('grows the scale past the slowest turn', () => {
    const chart = chartOf([turn(3000)], 500);
    expect(chart.top).toBeCloseTo(3300);
    // The slow bar rises above the target line and stays inside the chart.
    expect(chart.bars[0]!.y).toBeLessThan(chart.targetY);
    expect(chart.bars[0]!.y).toBeGreaterThan(0);
    expect(chartOf([], 500).bars).toEqual([]);
  });
});

describe('what the panels say', () => {
  it('reads health values as words', () => {
    expect(healthWord(true)).toEqual({ text: 'ok', ok: true });
    expect(healthWord({ connected: false, kind: 'home_assistant' })).toEqual({
      text: 'failing, kind: home_assistant',
      ok: false,
    });
    expect(healthWord({ model: 'llama3.1:8b' })).toEqual({ text: 'model: llama3.1:8b' });
    expect(healthWord(3)).toEqual({ text: '3' });
  });

  it('says a service call as a line', () => {
    expect(
      callLine({
        domain: 'light',
        service: 'turn_on',
        target: { entity_id: ['light.kitchen'], area_id: ['kitchen'] },
        data: { brightness_pct: 50 },
      }),
    ).toBe('light.turn_on light.kitchen, kitchen (brightness_pct: 50)');
    expect(callLine({ domain: 'scene', service: 'turn_on' })).toBe('scene.turn_on');
  });

  it('takes the reminders bare or in {reminders}, and nothing else', () => {
    const one = { id: 'r1', at: '2026-12-06T15:00:00Z', text: 'the dog' };
    expect(remindersOf([one])).toEqual([one]);
    expect(remindersOf({ reminders: [one] })).toEqual([one]);
    expect(remindersOf({ other: 1 })).toEqual([]);
    expect(remindersOf(undefined)).toEqual([]);
  });

  it("ends each satellite's timers from when the list was read", () => {
    const satellite = {
      id: 'den',
      name: 'den',
      area: null,
      status: 'connected' as const,
      adopted_via: 'connection',
      state: 'idle',
      timers: [
        { id: 't1', name: 'pasta', secondsLeft: 90 },
        { id: 't2', secondsLeft: 5 },
      ],
    };
    expect(timersOf([satellite], 1000)).toEqual([
      { name: 'pasta (den)', endsAt: 91_000 },
      { name: 'timer (den)', endsAt: 6000 },
    ]);
  });
});
