import { describe, expect, it } from 'vitest';
import { KITCHEN_ACTIONS, bridgeEntities, entity, house } from '../test/home.js';
import { lastArbitration } from './arbitration.js';
import { discover, rememberRoles } from './discovery.js';
import type { HassEntities } from './hass.js';
import { activityOf, bridgeView, roomView, timersOf } from './state-map.js';

const states = house();
const online = house(undefined, 'idle');
/** Home Assistant drops an unavailable entity's attributes: the roles seen online are kept. */
const found = discover(states, rememberRoles(online, new Map()));
const room = (name: string) =>
  roomView(
    found.satellites.find((s) => s.name === name)!,
    states,
  );

describe('activityOf', () => {
  it.each([
    ['idle', 'idle'],
    ['listening', 'listening'],
    ['processing', 'thinking'],
    ['responding', 'speaking'],
    ['unavailable', 'offline'],
    [undefined, 'offline'],
    ['unknown', 'unknown'],
    ['wake_word', 'unknown'],
  ])('%s -> %s', (state, activity) => {
    expect(activityOf(state)).toBe(activity);
  });
});

describe('roomView', () => {
  it('shows a speaking room with what it heard and said, its timer, latency and controls', () => {
    const kitchen = room('Kitchen');
    expect(kitchen).toMatchObject({
      activity: 'speaking',
      muted: false,
      mode: 'normal',
      transcript: { text: 'set a timer for ten minutes', at: '2026-12-06T14:05:00.000Z' },
      response: { text: 'Timer set for 10 minutes.' },
      timers: [{ id: 't1', name: 'pasta', endsAt: Date.parse('2026-12-06T14:16:00.000Z') }],
      latencyMs: 412,
      actions: KITCHEN_ACTIONS,
    });
    expect(kitchen.modes).toEqual(['normal', 'silent', 'night', 'do not disturb']);
  });

  it('reports the mute the satellite reports, through renamed entities', () => {
    expect(room('Kitchen').mutedLocally).toBe(false);
    expect(room('Living room')).toMatchObject({
      activity: 'listening',
      muted: true,
      mutedLocally: true,
      mode: 'night',
      transcript: undefined,
      actions: { mute: 'switch.salon_mic' },
    });
  });

  it('shows an offline room as such, with no actions and nothing it cannot know', () => {
    expect(room('Bedroom')).toMatchObject({
      activity: 'offline',
      muted: undefined,
      mode: undefined,
      latencyMs: undefined,
      timers: [],
      actions: {},
    });
  });

  it('shows a satellite Home Assistant drives from its assist_satellite state alone', () => {
    expect(room('Office')).toMatchObject({
      activity: 'idle',
      source: 'assist_satellite',
      actions: {},
    });
  });

  it('takes the full text from the attributes, the state when there is none', () => {
    const kitchen = found.satellites.find((s) => s.id === 'kitchen')!;
    const long = 'a'.repeat(300);
    const withLong: HassEntities = {
      ...states,
      'sensor.kitchen_transcript': entity('sensor.kitchen_transcript', `${'a'.repeat(254)}…`, {
        jarvis_role: 'transcript',
        jarvis_satellite: 'kitchen',
        text: long,
      }),
      'sensor.kitchen_response': entity('sensor.kitchen_response', 'OK.', {
        jarvis_role: 'response',
        jarvis_satellite: 'kitchen',
      }),
    };
    const view = roomView(kitchen, withLong);
    expect(view.transcript?.text).toBe(long);
    expect(view.response?.text).toBe('OK.');
  });

  it('keeps only well-formed timers, soonest first', () => {
    const timers = (list: unknown) =>
      timersOf(entity('sensor.t', '3', { jarvis_role: 'timers', timers: list }));
    expect(
      timers([
        { id: 'b', name: null, ends_at: '2026-12-06T15:00:00Z' },
        { id: 'x', ends_at: 'never' },
        'junk',
        null,
        { id: 'a', name: 'tea', ends_at: '2026-12-06T14:10:00Z' },
      ]).map((t) => [t.id, t.name]),
    ).toEqual([
      ['a', 'tea'],
      ['b', null],
    ]);
    expect(timers('not a list')).toEqual([]);
  });
});

describe('bridgeView', () => {
  it('reads the stats, health and house-wide actions', () => {
    expect(bridgeView(found.bridge, states)).toEqual({
      present: true,
      online: true,
      commands: 128,
      errors: 2,
      latencyAverage: 412.5,
      latencyP95: 731,
      satellitesOnline: 2,
      health: { agent: true, memory: true, context: false },
      ask: 'text.jarvis_ask',
      announce: 'notify.jarvis_announce_all',
      houseMode: 'normal',
      houseModes: ['normal', 'silent', 'night', 'do not disturb'],
      setHouseMode: 'select.jarvis_house_mode',
    });
  });

  it('knows when the server is offline, and when there is no bridge at all', () => {
    const offline = Object.fromEntries(bridgeEntities(false).map((e) => [e.entity_id, e]));
    const seen = rememberRoles(
      Object.fromEntries(bridgeEntities().map((e) => [e.entity_id, e])),
      new Map(),
    );
    const view = bridgeView(discover(offline, seen).bridge, offline);
    expect(view).toMatchObject({
      present: true,
      online: false,
      commands: undefined,
      ask: undefined,
      houseMode: undefined,
      setHouseMode: undefined,
    });
    expect(view.health).toEqual({ agent: undefined, memory: undefined, context: undefined });
    expect(bridgeView({}, {})).toMatchObject({ present: false, online: false });
  });
});

describe('lastArbitration', () => {
  const turn = (id: string, type: string, at: string) =>
    entity(`event.${id}_turn`, at, { jarvis_role: 'turn', jarvis_satellite: id, event_type: type });
  const names = ['kitchen', 'hall', 'office'];
  const home = (events: [string, string, string][]) => {
    const list = [
      ...names.map((id) =>
        entity(`sensor.${id}`, 'idle', {
          jarvis_role: 'assist_state',
          jarvis_satellite: id,
          friendly_name: id[0]!.toUpperCase() + id.slice(1),
        }),
      ),
      ...events.map(([id, type, at]) => turn(id, type, at)),
    ];
    const s = Object.fromEntries(list.map((e) => [e.entity_id, e]));
    return lastArbitration(discover(s).satellites, s);
  };

  it('names the room that answered when the others lost', () => {
    expect(
      home([
        ['hall', 'arbitration_lost', '2026-12-06T14:00:00.200Z'],
        ['office', 'arbitration_lost', '2026-12-06T14:00:00.300Z'],
        ['kitchen', 'turn_finished', '2026-12-06T14:00:04.000Z'],
      ]),
    ).toEqual({
      rooms: 3,
      winner: 'Kitchen',
      losers: ['Hall', 'Office'],
      at: Date.parse('2026-12-06T14:00:00.300Z'),
    });
  });

  it('counts the losers alone when no winner is near, and a loss long before is another wake', () => {
    expect(
      home([
        ['hall', 'arbitration_lost', '2026-12-06T14:00:00Z'],
        ['office', 'arbitration_lost', '2026-12-06T13:00:00Z'],
        ['kitchen', 'turn_finished', '2026-12-06T12:00:00Z'],
      ]),
    ).toMatchObject({ rooms: 1, winner: undefined, losers: ['Hall'] });
  });

  it('is nothing when no room lost', () => {
    expect(home([['kitchen', 'wake_detected', '2026-12-06T14:00:00Z']])).toBeUndefined();
    expect(lastArbitration(found.satellites, states)).toMatchObject({
      rooms: 2,
      winner: 'Kitchen',
      losers: ['Living room'],
    });
  });
});
