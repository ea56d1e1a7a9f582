import { describe, expect, it } from 'vitest';
import { indexRegistry, isExposed, toHomeEntity, type HaRegistry } from './ha-registry.js';
import type { HaState } from './ha-states.js';

const REGISTRY: HaRegistry = {
  areas: [
    { area_id: 'salon', name: 'Salon', aliases: ['Living room', 'Salon', ' ', 'Séjour'] },
    { area_id: 'kitchen', name: 'Kitchen', aliases: null },
  ],
  devices: [
    { id: 'tv', area_id: 'salon' },
    { id: 'loose', area_id: null },
  ],
  entities: [
    {
      entity_id: 'media_player.tv',
      name: null,
      original_name: 'TV',
      device_id: 'tv',
      aliases: ['Télé', null],
    },
    {
      entity_id: 'light.k',
      name: 'Ceiling',
      original_name: 'Light',
      area_id: 'kitchen',
      device_id: 'tv',
    },
    { entity_id: 'light.gone_area', original_name: 'Lamp', area_id: 'deleted_area' },
    { entity_id: 'light.off', disabled_by: 'user' },
    { entity_id: 'light.hidden', hidden_by: 'user' },
    { entity_id: 'switch.config', entity_category: 'config' },
    { entity_id: 'sensor.temp', original_device_class: 'temperature' },
    { entity_id: 'sensor.power', device_class: 'power' },
  ],
  exposure: {
    exposedEntities: {
      'media_player.tv': { conversation: true },
      'light.k': { conversation: true, 'cloud.alexa': false },
      'light.gone_area': { conversation: true },
      'light.off': { conversation: true },
      'switch.nope': { conversation: false },
      'light.hidden': {},
    },
    exposeNew: true,
  },
};

const state = (entity_id: string, attributes: Record<string, unknown> = {}): HaState => ({
  entity_id,
  state: 'on',
  attributes,
});

describe('indexRegistry', () => {
  it('keeps areas in order with clean, distinct aliases', () => {
    expect(indexRegistry(REGISTRY).areas).toEqual([
      { area_id: 'salon', name: 'Salon', aliases: ['Living room', 'Séjour'] },
      { area_id: 'kitchen', name: 'Kitchen', aliases: [] },
    ]);
  });
});

describe('isExposed', () => {
  const index = indexRegistry(REGISTRY);

  it.each([
    ['media_player.tv', true, 'exposed explicitly'],
    ['switch.nope', false, 'hidden from Assist explicitly'],
    ['light.hidden', false, 'never decided, but hidden'],
    ['switch.config', false, 'never decided, but a config entity'],
    ['sensor.temp', true, 'never decided, a temperature sensor'],
    ['sensor.power', false, 'never decided, a power sensor'],
    ['light.yaml', true, 'no registry entry, a light'],
    ['person.me', false, 'no registry entry, not a default domain'],
  ])('%s: %s (%s)', (entityId, exposed) => {
    expect(isExposed(state(entityId), index)).toBe(exposed);
  });

  it('uses the state device_class for entities without a registry entry', () => {
    expect(isExposed(state('binary_sensor.door', { device_class: 'door' }), index)).toBe(true);
  });

  it('exposes nothing undecided when new entities are not exposed by default', () => {
    const closed = indexRegistry({
      ...REGISTRY,
      exposure: { ...REGISTRY.exposure, exposeNew: false },
    });
    expect(isExposed(state('light.yaml'), closed)).toBe(false);
    expect(isExposed(state('media_player.tv'), closed)).toBe(true);
  });
});

describe('toHomeEntity', () => {
  const index = indexRegistry(REGISTRY);

  it('names from the registry name, then friendly_name, then original_name', () => {
    expect(toHomeEntity(state('light.k', { friendly_name: 'TV Light' }), index, true)?.name).toBe(
      'Ceiling',
    );
    expect(
      toHomeEntity(state('media_player.tv', { friendly_name: 'Living TV' }), index, true)?.name,
    ).toBe('Living TV');
    expect(toHomeEntity(state('media_player.tv'), index, true)?.name).toBe('TV');
    expect(toHomeEntity(state('light.yaml_porch'), index, true)?.name).toBe('yaml porch');
  });

  it("takes its own area, else its device's, and drops areas that no longer exist", () => {
    expect(toHomeEntity(state('light.k'), index, true)?.area_id).toBe('kitchen');
    expect(toHomeEntity(state('media_player.tv'), index, true)?.area_id).toBe('salon');
    expect(toHomeEntity(state('light.gone_area'), index, true)).not.toHaveProperty('area_id');
  });

  it('keeps the aliases, without empty ones', () => {
    expect(toHomeEntity(state('media_player.tv'), index, true)).toEqual({
      entity_id: 'media_player.tv',
      domain: 'media_player',
      name: 'TV',
      aliases: ['Télé'],
      area_id: 'salon',
      state: 'on',
      attributes: {},
    });
  });

  it('leaves out disabled entities always, and unexposed ones unless asked', () => {
    expect(toHomeEntity(state('light.off'), index, false)).toBeUndefined();
    expect(toHomeEntity(state('switch.nope'), index, true)).toBeUndefined();
    expect(toHomeEntity(state('switch.nope'), index, false)?.entity_id).toBe('switch.nope');
  });
});
