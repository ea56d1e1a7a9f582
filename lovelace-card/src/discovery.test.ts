import { describe, expect, it } from 'vitest';
import { bridgeEntities, entity, house } from '../test/home.js';
import {
  MAX_REMEMBERED,
  discover,
  rememberRoles,
  satelliteEntityIds,
  selectSatellites,
} from './discovery.js';

/** The roles seen while the bedroom was online. */
const memory = rememberRoles(house(undefined, 'idle'), new Map());

describe('discover', () => {
  const found = discover(house(), memory);

  it('groups satellites by jarvis_satellite and names them after their assist state entity', () => {
    expect(found.satellites.map((s) => [s.id, s.name, s.source])).toEqual([
      ['bedroom', 'Bedroom', 'jarvis'],
      ['kitchen', 'Kitchen', 'jarvis'],
      ['tcp://10.0.0.7:10700', 'Living room', 'jarvis'],
      ['assist_satellite.office_voice', 'Office', 'assist_satellite'],
    ]);
  });

  it('finds entities by role, whatever their entity ids', () => {
    const living = found.satellites.find((s) => s.name === 'Living room')!;
    expect(living.roles.assist_state).toBe('sensor.salon_voice');
    expect(living.roles.mute).toBe('switch.salon_mic');
    expect(living.roles.ask).toBe('text.living_room_ask');
    expect(Object.keys(found.satellites[1]!.roles)).toHaveLength(14);
  });

  it('puts entities with a role and no satellite on the bridge, the house ask among them', () => {
    expect(found.bridge).toMatchObject({
      commands: 'sensor.jarvis_commands',
      ask: 'text.jarvis_ask',
      announce_all: 'notify.jarvis_announce_all',
      context_health: 'binary_sensor.jarvis_context_health',
    });
  });

  it.each([
    ['an unknown role', { jarvis_role: 'toaster', jarvis_satellite: 'kitchen' }],
    ['a bridge role on a satellite', { jarvis_role: 'commands', jarvis_satellite: 'attic' }],
    ['a satellite role without a satellite', { jarvis_role: 'mute' }],
    ['no role', { friendly_name: 'Jarvis kitchen lookalike' }],
  ])('ignores %s', (_label, attributes) => {
    const states = { 'sensor.x': entity('sensor.x', 'on', attributes) };
    const result = discover(states);
    expect(result.satellites).toEqual([]);
    expect(result.bridge).toEqual({});
  });

  it('finds an offline satellite (HA drops its attributes) and bridge by the roles seen before', () => {
    expect(discover(house()).satellites.map((s) => s.id)).not.toContain('bedroom');
    const bedroom = found.satellites.find((s) => s.id === 'bedroom')!;
    expect(bedroom.roles.assist_state).toBe('sensor.bedroom_assist_state');
    const offline = Object.fromEntries(bridgeEntities(false).map((e) => [e.entity_id, e]));
    expect(discover(offline).bridge).toEqual({});
    const seen = rememberRoles(
      Object.fromEntries(bridgeEntities(true).map((e) => [e.entity_id, e])),
      new Map(),
    );
    expect(discover(offline, seen).bridge.commands).toBe('sensor.jarvis_commands');
  });

  it('remembers roles: the same memory when nothing is new, a role that moved, a bounded size', () => {
    expect(rememberRoles(house(), memory)).toBe(memory);
    const moved = rememberRoles(
      { 'switch.x': entity('switch.x', 'on', { jarvis_role: 'mute', jarvis_satellite: 'attic' }) },
      new Map([['switch.x', ['mute', 'kitchen'] as const]]),
    );
    expect(moved.get('switch.x')).toEqual(['mute', 'attic']);
    const many = Object.fromEntries(
      Array.from({ length: MAX_REMEMBERED + 5 }, (_, i) => [
        `sensor.s${i}`,
        entity(`sensor.s${i}`, '1', { jarvis_role: 'commands' }),
      ]),
    );
    const bounded = rememberRoles(many, new Map());
    expect(bounded.size).toBe(MAX_REMEMBERED);
    expect(bounded.has(`sensor.s${MAX_REMEMBERED + 4}`)).toBe(true);
  });

  it('finds nothing in an empty home', () => {
    expect(discover({})).toEqual({ bridge: {}, satellites: [] });
  });
});

describe('selectSatellites', () => {
  const found = discover(house(), memory).satellites;
  it.each([
    [undefined, ['bedroom', 'kitchen', 'tcp://10.0.0.7:10700', 'assist_satellite.office_voice']],
    [[], ['bedroom', 'kitchen', 'tcp://10.0.0.7:10700', 'assist_satellite.office_voice']],
    [['kitchen'], ['kitchen']],
    [
      ['sensor.salon_voice', 'kitchen'],
      ['tcp://10.0.0.7:10700', 'kitchen'],
    ],
    [['assist_satellite.office_voice'], ['assist_satellite.office_voice']],
    [['switch.salon_mic', 'tcp://10.0.0.7:10700'], ['tcp://10.0.0.7:10700']],
    [['attic'], []],
  ])('%j -> %j', (wanted, ids) => {
    expect(selectSatellites(found, wanted).map((s) => s.id)).toEqual(ids);
  });

  it('lists the entity ids of a satellite', () => {
    expect(satelliteEntityIds(found[3]!)).toEqual(['assist_satellite.office_voice']);
    expect(satelliteEntityIds(found[1]!)).toContain('select.kitchen_mode');
  });
});
