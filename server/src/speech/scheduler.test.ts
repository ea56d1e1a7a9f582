import { describe, expect, it } from 'vitest';
import { MIN, item, rooms } from './test-items.js';
import { ManualClock } from './clock.js';
import type { Surroundings } from './schedule.js';
import { SpeechScheduler } from './scheduler.js';

const START = Date.UTC(2026, 11, 6, 14, 0);

function setup() {
  const clock = new ManualClock(START);
  const said: { id: string; at: number; satellites: readonly string[] }[] = [];
  const held: string[] = [];
  let around: Surroundings = { satellites: [{ name: 'kitchen', mode: 'normal' }] };
  const scheduler = new SpeechScheduler({
    clock,
    around: () => around,
    speak: (item, satellites) => said.push({ id: item.id, at: clock.now(), satellites }),
    held: (item) => held.push(item.id),
  });
  const set = (next: Surroundings) => (around = next);
  return { clock, said, held, scheduler, set };
}

describe('SpeechScheduler on a manual clock', () => {
  it('says the heads-up at 14:55 and the reminder at 15:00, in the room the person is in', () => {
    const { clock, said, scheduler, set } = setup();
    set(rooms({ kitchen: 'normal', office: 'normal' }));
    scheduler.add(item('dog heads-up', START + 55 * MIN, { kind: 'heads-up', origin: 'kitchen' }));
    scheduler.add(item('dog', START + 60 * MIN, { origin: 'kitchen' }));
    clock.advance(54 * MIN);
    expect(said).toEqual([]);
    set(rooms({ kitchen: 'normal', office: 'normal' }, { satellite: 'office', at: clock.now() }));
    clock.advance(MIN);
    expect(said).toEqual([{ id: 'dog heads-up', at: START + 55 * MIN, satellites: ['office'] }]);
    scheduler.spoken('dog heads-up');
    clock.advance(20 * MIN);
    // Heard in the office 6 minutes before 15:00: still there.
    expect(said[1]).toEqual({ id: 'dog', at: START + 60 * MIN, satellites: ['office'] });
    scheduler.spoken('dog');
    // The repeat nobody acknowledged, 25 minutes after they were last heard: where it was set.
    scheduler.add(item('dog again', START + 80 * MIN, { origin: 'kitchen' }));
    clock.advance(5 * MIN);
    expect(said[2]).toEqual({ id: 'dog again', at: START + 80 * MIN, satellites: ['kitchen'] });
    expect(clock.pending).toBe(0);
  });

  it('speaks items due together one after the other, each once', () => {
    const { clock, said, scheduler } = setup();
    for (const id of ['a', 'b', 'c']) scheduler.add(item(id, START + MIN));
    clock.advance(MIN);
    expect(said.map((s) => s.id)).toEqual(['a']);
    scheduler.spoken('a');
    scheduler.spoken('a');
    expect(said.map((s) => s.id)).toEqual(['a', 'b']);
    scheduler.spoken('b');
    scheduler.spoken('c');
    expect(said.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    clock.advance(60 * MIN);
    expect(said).toHaveLength(3);
  });

  it('holds a reminder during do-not-disturb and says it when the mode ends', () => {
    const { clock, said, held, scheduler, set } = setup();
    set(rooms({ bedroom: 'dnd' }));
    scheduler.add(item('pills', START + 5 * MIN));
    clock.advance(10 * MIN);
    expect(said).toEqual([]);
    expect(held).toEqual(['pills']);
    set(rooms({ bedroom: 'normal' }));
    scheduler.refresh();
    expect(said).toEqual([{ id: 'pills', at: START + 10 * MIN, satellites: ['bedroom'] }]);
  });

  it('says at once what is added already due, and forgets what is cancelled', () => {
    const { clock, said, scheduler } = setup();
    scheduler.add(item('late', START - MIN));
    expect(said.map((s) => s.id)).toEqual(['late']);
    scheduler.add(item('later', START + MIN));
    scheduler.cancel('later');
    clock.advance(5 * MIN);
    expect(said.map((s) => s.id)).toEqual(['late']);
    scheduler.stop();
  });
});
