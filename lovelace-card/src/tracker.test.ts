import { describe, expect, it } from 'vitest';
import { entity, house } from '../test/home.js';
import { rememberRoles, selectSatellites } from './discovery.js';
import { countdown } from '@jarvis/ui/kit/format.js';
import { timeOfDay } from './format.js';
import { languageOf, localizer, modeLabel } from './localize.js';
import { EntityTracker, type Selection } from './tracker.js';

const all: Selection = (found) => selectSatellites(found.satellites, undefined);

/** A store holding the roles seen while every room was online; records what is saved. */
function store() {
  const saved: unknown[] = [];
  const memory = rememberRoles(house(undefined, 'idle'), new Map());
  return { saved, load: () => memory, save: (m: unknown) => void saved.push(m) };
}

describe('EntityTracker', () => {
  it('replaces only the room whose entity changed, and ignores other entities', () => {
    const roles = store();
    const tracker = new EntityTracker(roles);
    const states = house();
    expect(tracker.update(states, all)).toBe(true);
    const [bedroom, kitchen, living, office] = tracker.rooms;
    const bridge = tracker.bridge;

    // Another entity of the house changes: nothing the card shows.
    const light = { ...states, 'light.kitchen': entity('light.kitchen', 'off') };
    expect(tracker.update(light, all)).toBe(false);
    expect(tracker.rooms[1]).toBe(kitchen);

    // The kitchen starts listening: only the kitchen's room is new.
    const next = {
      ...light,
      'sensor.kitchen_assist_state': entity('sensor.kitchen_assist_state', 'listening', {
        ...states['sensor.kitchen_assist_state']!.attributes,
      }),
    };
    expect(tracker.update(next, all)).toBe(true);
    expect(tracker.rooms[1]).not.toBe(kitchen);
    expect(tracker.rooms[1]!.entities['sensor.kitchen_assist_state']!.state).toBe('listening');
    expect([tracker.rooms[0], tracker.rooms[2], tracker.rooms[3]]).toEqual([
      bedroom,
      living,
      office,
    ]);
    expect(tracker.rooms[0]).toBe(bedroom);
    expect(tracker.rooms[2]).toBe(living);
    expect(tracker.bridge).toBe(bridge);
    expect(tracker.rooms[0]!.entities['sensor.bedroom_assist_state']!.state).toBe('unavailable');
    expect(roles.saved).toEqual([]);
  });

  it('saves the roles it learns', () => {
    const roles = {
      saved: [] as unknown[],
      load: () => new Map(),
      save: (m: unknown) => void roles.saved.push(m),
    };
    const tracker = new EntityTracker(roles);
    tracker.update(house(), all);
    expect(tracker.rooms.map((r) => r.satellite.id)).not.toContain('bedroom');
    tracker.update(house(undefined, 'idle'), all);
    tracker.update(house(), all);
    expect(tracker.rooms.map((r) => r.satellite.id)).toContain('bedroom');
    expect(roles.saved).toHaveLength(2);
  });

  it('sees a bridge change, a new satellite and a selection change', () => {
    const tracker = new EntityTracker(store());
    const states = house();
    tracker.update(states, all);
    const stats = {
      ...states,
      'sensor.jarvis_commands': entity('sensor.jarvis_commands', '129', {
        jarvis_role: 'commands',
      }),
    };
    expect(tracker.update(stats, all)).toBe(true);
    const attic = {
      ...stats,
      'sensor.attic': entity('sensor.attic', 'idle', {
        jarvis_role: 'assist_state',
        jarvis_satellite: 'attic',
        friendly_name: 'Attic',
      }),
    };
    expect(tracker.update(attic, all)).toBe(true);
    expect(tracker.rooms.map((r) => r.satellite.name)).toContain('Attic');
    // A new selection (a new config): the card resets the tracker.
    const onlyAttic: Selection = (found) => selectSatellites(found.satellites, ['attic']);
    expect(tracker.update(attic, onlyAttic)).toBe(false);
    tracker.reset();
    expect(tracker.update(attic, onlyAttic)).toBe(true);
    expect(tracker.rooms.map((r) => r.satellite.id)).toEqual(['attic']);
  });

  it('sees an entity whose roles arrive after it appeared (MQTT attributes come later)', () => {
    const tracker = new EntityTracker();
    const bare = { ...house(), 'sensor.attic': entity('sensor.attic', 'unknown') };
    tracker.update(bare, all);
    expect(tracker.rooms.map((r) => r.satellite.id)).not.toContain('attic');
    const roles = {
      ...bare,
      'sensor.attic': entity('sensor.attic', 'idle', {
        jarvis_role: 'assist_state',
        jarvis_satellite: 'attic',
      }),
    };
    expect(tracker.update(roles, all)).toBe(true);
    expect(tracker.rooms.map((r) => r.satellite.id)).toContain('attic');
    const gone = Object.fromEntries(Object.entries(roles).filter(([id]) => id !== 'sensor.attic'));
    expect(tracker.update(gone, all)).toBe(true);
    expect(tracker.rooms.map((r) => r.satellite.id)).not.toContain('attic');
  });
});

describe('localize and format', () => {
  it.each([
    [{ locale: { language: 'fr' } }, 'fr'],
    [{ locale: { language: 'fr-CA' } }, 'fr'],
    [{ language: 'fr' }, 'fr'],
    [{ locale: { language: 'en-GB' } }, 'en'],
    [{ locale: { language: 'de' } }, 'en'],
    [undefined, 'en'],
  ])('%j speaks %s', (hass, language) => {
    expect(languageOf(hass)).toBe(language);
  });

  it('fills in values and translates modes', () => {
    expect(localizer('fr')('arbitration.winner', { rooms: 3, winner: 'Cuisine' })).toBe(
      'Entendu dans 3 pièces, Cuisine a répondu',
    );
    expect(localizer('en')('online', { n: 2 })).toBe('2 online');
    expect(modeLabel(localizer('fr'), 'do not disturb')).toBe('Ne pas déranger');
    expect(modeLabel(localizer('fr'), 'party')).toBe('party');
  });

  it('counts down and tells the time in the user’s format and zone', () => {
    expect(countdown(1_000_000 + 65_400, 1_000_000)).toBe('1:06');
    expect(countdown(3_723_000, 0)).toBe('1:02:03');
    expect(countdown(0, 5000)).toBe('0:00');
    const hass = {
      locale: { language: 'fr', time_format: '24', time_zone: 'server' },
      config: { time_zone: 'Europe/Paris' },
    };
    expect(timeOfDay('2026-12-06T14:05:00Z', hass)).toBe('15:05');
    expect(timeOfDay('not a date', hass)).toBe('');
  });
});
