import { describe, expect, it } from 'vitest';
import { MIN, item, rooms } from './test-items.js';
import {
  EMPTY_SCHEDULE,
  type ScheduleEffect,
  type ScheduleState,
  type SpeechItem,
  maySpeak,
  placement,
  transition,
} from './schedule.js';

const options = { lastHeardWindowMs: 10 * MIN };

/** The events one after the other: the last state and every effect. */
const run = (state: ScheduleState, ...events: Parameters<typeof transition>[1][]) =>
  events.reduce<{ state: ScheduleState; effects: ScheduleEffect[] }>(
    (acc, e) => {
      const out = transition(acc.state, e, options);
      return { state: out.state, effects: [...acc.effects, ...out.effects] };
    },
    { state, effects: [] },
  );

const speaks = (effects: readonly ScheduleEffect[]) =>
  effects.filter((e) => e.type === 'speak').map((e) => ({ id: e.item.id, on: e.satellites }));
const announce = (id: string, targets: string[], extra: Partial<SpeechItem> = {}) =>
  item(id, 0, { kind: 'announce', targets, ...extra });

describe('maySpeak', () => {
  it.each([
    ['normal', false, false, true],
    ['night', false, false, true],
    ['silent', false, false, false],
    ['dnd', false, false, false],
    ['silent', true, false, true],
    ['dnd', true, false, true],
    ['silent', false, true, true],
    ['dnd', false, true, false],
  ] as const)('%s, urgent %s, addressed %s -> %s', (mode, urgent, addressed, expected) => {
    expect(maySpeak(mode, item('a', 0, { urgent }), addressed)).toBe(expected);
  });
});

describe('placement', () => {
  const all = { kitchen: 'normal', bedroom: 'normal', office: 'dnd' } as const;
  it.each([
    [
      'heard in the kitchen 5 minutes ago',
      rooms(all, { satellite: 'kitchen', at: -5 * MIN }),
      {},
      ['kitchen'],
    ],
    [
      'heard too long ago: where it was set',
      rooms(all, { satellite: 'kitchen', at: -30 * MIN }),
      { origin: 'bedroom' },
      ['bedroom'],
    ],
    [
      'heard where it may not speak: where it was set',
      rooms(all, { satellite: 'office', at: -MIN }),
      { origin: 'bedroom' },
      ['bedroom'],
    ],
    [
      'nobody heard, set nowhere: every satellite that may speak',
      rooms(all),
      {},
      ['kitchen', 'bedroom'],
    ],
    ['set in do-not-disturb: the others', rooms(all), { origin: 'office' }, ['kitchen', 'bedroom']],
    [
      'urgent, heard in do-not-disturb',
      rooms(all, { satellite: 'office', at: -MIN }),
      { urgent: true },
      ['office'],
    ],
    ['everything in do-not-disturb: nowhere', rooms({ a: 'dnd', b: 'silent' }), {}, []],
  ] as const)('%s', (_name, around, extra, expected) => {
    expect(placement(item('x', 0, extra), 0, around, options)).toEqual(expected);
  });
});

describe('transition', () => {
  const here = rooms({ kitchen: 'normal' });

  it('keeps items in time order and wakes for the soonest', () => {
    const out = run(
      EMPTY_SCHEDULE,
      { type: 'add', item: item('b', 20) },
      { type: 'add', item: item('a', 10) },
    );
    expect(out.state.pending.map((i) => i.id)).toEqual(['a', 'b']);
    expect(out.effects.at(-1)).toEqual({ type: 'wake', at: 10 });
  });

  it('speaks one at a time: the next waits until the first is spoken', () => {
    let out = run(
      EMPTY_SCHEDULE,
      { type: 'add', item: item('heads-up', 10, { kind: 'heads-up' }) },
      { type: 'add', item: item('reminder', 10) },
      { type: 'tick', now: 10, around: here },
    );
    expect(out.effects.filter((e) => (e as { type: string }).type === 'speak')).toEqual([
      { type: 'speak', item: item('heads-up', 10, { kind: 'heads-up' }), satellites: ['kitchen'] },
    ]);
    expect(out.state.speaking?.id).toBe('heads-up');
    out = run(out.state, { type: 'spoken', id: 'heads-up', now: 11, around: here });
    expect(out.effects[0]).toEqual({
      type: 'speak',
      item: item('reminder', 10),
      satellites: ['kitchen'],
    });
    out = run(out.state, { type: 'spoken', id: 'reminder', now: 12, around: here });
    expect(out.state).toEqual({ pending: [], held: [] });
    expect(out.effects).toEqual([{ type: 'wake' }]);
  });

  it('holds what may not be spoken, then speaks it when a mode ends; urgent goes through', () => {
    const dnd = rooms({ bedroom: 'dnd' });
    let out = run(
      EMPTY_SCHEDULE,
      { type: 'add', item: item('bins', 5) },
      { type: 'add', item: item('smoke', 6, { urgent: true }) },
      { type: 'tick', now: 7, around: dnd },
    );
    expect(out.effects).toContainEqual({ type: 'held', item: item('bins', 5) });
    expect(out.effects).toContainEqual({
      type: 'speak',
      item: item('smoke', 6, { urgent: true }),
      satellites: ['bedroom'],
    });
    out = run(out.state, { type: 'spoken', id: 'smoke', now: 8, around: dnd });
    expect(out.state.held.map((i) => i.id)).toEqual(['bins']);
    expect(out.effects.some((e) => (e as { type: string }).type === 'held')).toBe(false);
    out = run(out.state, { type: 'tick', now: 9, around: rooms({ bedroom: 'normal' }) });
    expect(out.effects[0]).toEqual({
      type: 'speak',
      item: item('bins', 5),
      satellites: ['bedroom'],
    });
  });

  it('cancels pending and held items, not the one being spoken', () => {
    let out = run(
      EMPTY_SCHEDULE,
      { type: 'add', item: item('a', 1) },
      { type: 'add', item: item('b', 1) },
      { type: 'add', item: item('c', 50) },
      { type: 'tick', now: 2, around: here },
    );
    out = run(
      out.state,
      { type: 'cancel', id: 'a' },
      { type: 'cancel', id: 'b' },
      { type: 'cancel', id: 'c' },
    );
    expect(out.state).toEqual({ pending: [], held: [], speaking: item('a', 1) });
    expect(run(out.state, { type: 'spoken', id: 'zzz', now: 3, around: here }).effects).toEqual([]);
  });
});

describe('announcements that name their satellites', () => {
  const heardInOffice = { satellite: 'office', at: 0 };

  it.each([
    [
      'on the named ones, not where the person was heard',
      { kitchen: 'normal', bedroom: 'normal', office: 'normal' },
      ['kitchen', 'bedroom'],
      false,
      [{ id: 'x', on: ['kitchen', 'bedroom'] }],
      [],
    ],
    [
      'at night too (the volume is the satellite link’s)',
      { kitchen: 'night' },
      ['kitchen'],
      false,
      [{ id: 'x', on: ['kitchen'] }],
      [],
    ],
    [
      'where one may speak now, held for a silent one',
      { kitchen: 'normal', bedroom: 'silent' },
      ['kitchen', 'bedroom'],
      false,
      [{ id: 'x', on: ['kitchen'] }],
      [['bedroom']],
    ],
    ['held in do not disturb', { bedroom: 'dnd' }, ['bedroom'], false, [], [['bedroom']]],
    [
      'urgent: said in do not disturb and silent',
      { bedroom: 'dnd', kitchen: 'silent' },
      ['bedroom', 'kitchen'],
      true,
      [{ id: 'x', on: ['bedroom', 'kitchen'] }],
      [],
    ],
    [
      'said where connected, held for one no longer connected',
      { kitchen: 'normal' },
      ['kitchen', 'garage'],
      false,
      [{ id: 'x', on: ['kitchen'] }],
      [['garage']],
    ],
    ['none connected: held for it', { kitchen: 'normal' }, ['garage'], false, [], [['garage']]],
  ] as const)('%s', (_name, modes, targets, urgent, said, heldFor) => {
    const out = run(
      EMPTY_SCHEDULE,
      { type: 'add', item: announce('x', [...targets], { urgent }) },
      {
        type: 'tick',
        now: 0,
        around: rooms(modes, heardInOffice),
      },
    );
    expect(speaks(out.effects)).toEqual(said);
    expect(out.state.held.map((i) => i.targets)).toEqual(heldFor);
  });

  it('says what a mode held when it ends, "you have two messages" first, on its satellite only', () => {
    const bedroomDnd = rooms({ bedroom: 'dnd', kitchen: 'normal' });
    let out = run(
      EMPTY_SCHEDULE,
      { type: 'add', item: announce('doorbell', ['bedroom', 'kitchen']) },
      { type: 'add', item: announce('dinner', ['bedroom'], { at: 1 }) },
      { type: 'tick', now: 2, around: bedroomDnd },
    );
    expect(speaks(out.effects)).toEqual([{ id: 'doorbell', on: ['kitchen'] }]);
    out = run(out.state, { type: 'spoken', id: 'doorbell', now: 3, around: bedroomDnd });
    expect(out.effects).toEqual([{ type: 'wake' }]);
    const normal = rooms({ bedroom: 'normal', kitchen: 'normal' });
    out = run(out.state, { type: 'tick', now: 4, around: normal });
    expect(out.effects[0]).toEqual({
      type: 'speak',
      item: announce('doorbell', ['bedroom']),
      satellites: ['bedroom'],
      messages: 2,
    });
    out = run(out.state, { type: 'spoken', id: 'doorbell', now: 5, around: normal });
    expect(out.effects[0]).toEqual({
      type: 'speak',
      item: announce('dinner', ['bedroom'], { at: 1 }),
      satellites: ['bedroom'],
    });
    out = run(out.state, { type: 'spoken', id: 'dinner', now: 6, around: normal });
    expect(out.state).toEqual(EMPTY_SCHEDULE);
  });

  it('one held item alone is said without an introduction', () => {
    const out = run(
      EMPTY_SCHEDULE,
      { type: 'add', item: announce('dinner', ['bedroom']) },
      { type: 'tick', now: 1, around: rooms({ bedroom: 'silent' }) },
      { type: 'tick', now: 2, around: rooms({ bedroom: 'normal' }) },
    );
    expect(out.effects.filter((e) => e.type === 'speak')).toEqual([
      { type: 'speak', item: announce('dinner', ['bedroom']), satellites: ['bedroom'] },
    ]);
  });
});

describe('held for a satellite that went away, or a silent one spoken to', () => {
  it('keeps what was held for a satellite that disconnected, and says it when it is back', () => {
    const dnd = rooms({ bedroom: 'dnd' });
    let out = run(
      EMPTY_SCHEDULE,
      { type: 'add', item: announce('dinner', ['bedroom']) },
      { type: 'tick', now: 1, around: dnd },
      { type: 'tick', now: 2, around: rooms({}) },
      { type: 'tick', now: 3, around: rooms({ kitchen: 'normal' }) },
    );
    expect(speaks(out.effects)).toEqual([]);
    expect(out.state.held.map((i) => i.id)).toEqual(['dinner']);
    out = run(out.state, { type: 'tick', now: 4, around: rooms({ bedroom: 'normal' }) });
    expect(speaks(out.effects)).toEqual([{ id: 'dinner', on: ['bedroom'] }]);
  });

  it('lets a silent satellite spoken to say what it holds, "you have two messages" first', () => {
    const silent = rooms({ bedroom: 'silent', office: 'silent' });
    let out = run(
      EMPTY_SCHEDULE,
      { type: 'add', item: announce('doorbell', ['bedroom', 'office']) },
      { type: 'add', item: announce('dinner', ['bedroom'], { at: 1 }) },
      { type: 'tick', now: 2, around: silent },
    );
    expect(speaks(out.effects)).toEqual([]);
    const addressed = { ...silent, addressed: 'bedroom' };
    out = run(out.state, { type: 'tick', now: 3, around: addressed });
    expect(out.effects.find((e) => e.type === 'speak')).toEqual({
      type: 'speak',
      item: announce('doorbell', ['bedroom']),
      satellites: ['bedroom'],
      messages: 2,
    });
    // The service keeps the satellite addressed until what it let go has been said.
    out = run(out.state, { type: 'spoken', id: 'doorbell', now: 4, around: addressed });
    expect(speaks(out.effects)).toEqual([{ id: 'dinner', on: ['bedroom'] }]);
    out = run(out.state, { type: 'spoken', id: 'dinner', now: 5, around: silent });
    expect(out.state.held).toEqual([announce('doorbell', ['office'])]);
  });

  it('a satellite in do not disturb spoken to still holds', () => {
    const out = run(
      EMPTY_SCHEDULE,
      { type: 'add', item: announce('dinner', ['bedroom']) },
      { type: 'tick', now: 1, around: { ...rooms({ bedroom: 'dnd' }), addressed: 'bedroom' } },
    );
    expect(speaks(out.effects)).toEqual([]);
  });
});
