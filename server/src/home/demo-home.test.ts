import { describe, expect, it, vi } from 'vitest';
import { EngineError } from '../errors.js';
import { DemoHome } from './demo-home.js';
import type { ServiceCall } from './home.js';

const call = (
  domain: string,
  service: string,
  entityIds: string[],
  data?: Record<string, unknown>,
): ServiceCall => ({
  domain,
  service,
  target: { entity_id: entityIds },
  ...(data ? { data } : {}),
});

describe('DemoHome: the house', () => {
  const home = new DemoHome();

  it('has four rooms named in English with French aliases', () => {
    expect(home.kind).toBe('demo home');
    expect(home.connected).toBe(true);
    expect(home.areas().map((a) => [a.name, a.aliases[0]])).toEqual([
      ['Living room', 'Salon'],
      ['Kitchen', 'Cuisine'],
      ['Bedroom', 'Chambre'],
      ['Hallway', 'Entrée'],
    ]);
  });

  it('has the devices the brief describes, each in a known room', () => {
    const areaIds = new Set(home.areas().map((a) => a.area_id));
    const living = home.entities().filter((e) => e.area_id === 'living_room');
    expect(living.filter((e) => e.domain === 'light')).toHaveLength(4);
    expect(living.map((e) => e.name)).toContain('Samsung TV');
    const domains = new Set(home.entities().map((e) => e.domain));
    for (const domain of [
      'light',
      'climate',
      'lock',
      'media_player',
      'sensor',
      'switch',
      'fan',
      'cover',
    ]) {
      expect(domains).toContain(domain);
    }
    for (const entity of home.entities()) {
      expect(entity.entity_id.startsWith(`${entity.domain}.`)).toBe(true);
      expect(areaIds.has(entity.area_id ?? '')).toBe(true);
      expect(entity.aliases.length).toBeGreaterThan(0);
    }
    expect(home.entity('climate.thermostat')?.attributes).toMatchObject({
      current_temperature: 20.5,
      temperature: 21,
    });
  });

  it('gives every instance its own copy of the states', async () => {
    const a = new DemoHome();
    await a.callService(call('lock', 'unlock', ['lock.front_door']));
    expect(new DemoHome().entity('lock.front_door')?.state).toBe('locked');
  });
});

describe('DemoHome: services', () => {
  it('dims lights and sets their colour temperature, clamped to the lamp', async () => {
    const home = new DemoHome();
    await home.callService(
      call('light', 'turn_on', ['light.bedroom_lamp'], {
        brightness_pct: 50,
        color_temp_kelvin: 2700,
      }),
    );
    expect(home.entity('light.bedroom_lamp')).toMatchObject({
      state: 'on',
      attributes: { brightness: 128, color_temp_kelvin: 2700, color_mode: 'color_temp' },
    });
    await home.callService(
      call('light', 'turn_on', ['light.bedroom_lamp'], { color_temp_kelvin: 10000 }),
    );
    expect(home.entity('light.bedroom_lamp')?.attributes).toMatchObject({
      brightness: 128,
      color_temp_kelvin: 6535,
    });
    await home.callService(
      call('light', 'turn_on', ['light.bedroom_lamp'], { brightness_step_pct: -10 }),
    );
    expect(home.entity('light.bedroom_lamp')?.attributes['brightness']).toBe(103);
    await home.callService(call('light', 'turn_off', ['light.bedroom_lamp']));
    expect(home.entity('light.bedroom_lamp')).toMatchObject({
      state: 'off',
      attributes: { brightness: null, color_temp_kelvin: null },
    });
    await home.callService(call('light', 'toggle', ['light.kitchen']));
    expect(home.entity('light.kitchen')).toMatchObject({
      state: 'on',
      attributes: { color_mode: 'onoff' },
    });
  });

  it('acts on a whole area ("the living-room lights at 50 %")', async () => {
    const home = new DemoHome();
    await home.callService({
      domain: 'light',
      service: 'turn_on',
      target: { area_id: ['living_room'] },
      data: { brightness_pct: 50 },
    });
    const lights = home
      .entities()
      .filter((e) => e.area_id === 'living_room' && e.domain === 'light');
    expect(lights.map((e) => [e.state, e.attributes['brightness']])).toEqual(
      Array(4).fill(['on', 128]),
    );
    expect(home.entity('media_player.samsung_tv')?.state).toBe('playing');
    await home.callService({
      domain: 'homeassistant',
      service: 'turn_off',
      target: { area_id: ['living_room'] },
    });
    expect(
      home
        .entities()
        .filter((e) => e.area_id === 'living_room')
        .every((e) => e.state === 'off'),
    ).toBe(true);
  });

  const effects: Array<[ServiceCall, string, string, Record<string, unknown>]> = [
    [call('switch', 'turn_on', ['switch.coffee_machine']), 'switch.coffee_machine', 'on', {}],
    [call('homeassistant', 'toggle', ['switch.coffee_machine']), 'switch.coffee_machine', 'on', {}],
    [
      call('fan', 'turn_on', ['fan.bedroom_fan'], { percentage: 50 }),
      'fan.bedroom_fan',
      'on',
      { percentage: 50 },
    ],
    [
      call('fan', 'set_percentage', ['fan.bedroom_fan'], { percentage: 0 }),
      'fan.bedroom_fan',
      'off',
      { percentage: 0 },
    ],
    [
      call('cover', 'close_cover', ['cover.bedroom_blinds']),
      'cover.bedroom_blinds',
      'closed',
      { current_position: 0 },
    ],
    [
      call('homeassistant', 'turn_off', ['cover.bedroom_blinds']),
      'cover.bedroom_blinds',
      'closed',
      { current_position: 0 },
    ],
    [
      call('cover', 'set_cover_position', ['cover.bedroom_blinds'], { position: 40 }),
      'cover.bedroom_blinds',
      'open',
      { current_position: 40 },
    ],
    [
      call('climate', 'set_temperature', ['climate.thermostat'], { temperature: 19.5 }),
      'climate.thermostat',
      'heat',
      { temperature: 19.5 },
    ],
    [
      call('climate', 'set_hvac_mode', ['climate.thermostat'], { hvac_mode: 'off' }),
      'climate.thermostat',
      'off',
      {},
    ],
    [call('lock', 'unlock', ['lock.front_door']), 'lock.front_door', 'unlocked', {}],
    [
      call('media_player', 'media_pause', ['media_player.samsung_tv']),
      'media_player.samsung_tv',
      'paused',
      {},
    ],
    [
      call('media_player', 'volume_set', ['media_player.samsung_tv'], { volume_level: 0.6 }),
      'media_player.samsung_tv',
      'playing',
      { volume_level: 0.6 },
    ],
    [
      call('media_player', 'turn_off', ['media_player.samsung_tv']),
      'media_player.samsung_tv',
      'off',
      {},
    ],
  ];

  it.each(effects.map(([c, ...rest]) => [`${c.domain}.${c.service}`, c, ...rest] as const))(
    '%s',
    async (_name, serviceCall, entityId, state, attributes) => {
      const home = new DemoHome();
      await home.callService(serviceCall);
      expect(home.entity(entityId)).toMatchObject({ state, attributes });
    },
  );

  it('locks and plays back again', async () => {
    const home = new DemoHome();
    await home.callService(call('lock', 'unlock', ['lock.front_door']));
    await home.callService(call('lock', 'lock', ['lock.front_door']));
    expect(home.entity('lock.front_door')?.state).toBe('locked');
    await home.callService(call('media_player', 'media_pause', ['media_player.samsung_tv']));
    await home.callService(call('media_player', 'media_play', ['media_player.samsung_tv']));
    expect(home.entity('media_player.samsung_tv')?.state).toBe('playing');
  });

  it.each([
    ['Service light.explode not found.', call('light', 'explode', ['light.kitchen'])],
    ['Entity light.garage not found', call('light', 'turn_on', ['light.garage'])],
    [
      'Area garage not found',
      { domain: 'light', service: 'turn_on', target: { area_id: ['garage'] } },
    ],
    ['light.turn_on needs a target', { domain: 'light', service: 'turn_on' }],
    [
      'light.turn_on does not apply to switch.coffee_machine',
      call('light', 'turn_on', ['switch.coffee_machine']),
    ],
    [
      'temperature: 45 is outside 7..30',
      call('climate', 'set_temperature', ['climate.thermostat'], { temperature: 45 }),
    ],
    [
      'brightness_pct: expected a number',
      call('light', 'turn_on', ['light.bedroom_lamp'], { brightness_pct: 'lots' }),
    ],
    ['volume_level: required', call('media_player', 'volume_set', ['media_player.samsung_tv'])],
  ])('rejects with "%s"', async (message, serviceCall) => {
    const home = new DemoHome();
    const before = home.entities();
    const error = await home.callService(serviceCall as ServiceCall).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({
      engine: 'home-assistant',
      retryable: false,
      message: `home-assistant: ${message}`,
    });
    expect(home.entities()).toEqual(before);
  });

  it('changes nothing when one of several targets fails', async () => {
    const home = new DemoHome();
    const serviceCall = call('light', 'turn_on', ['light.kitchen', 'light.bedroom_lamp'], {
      brightness_pct: 500,
    });
    await expect(home.callService(serviceCall)).rejects.toThrow('brightness_pct');
    expect(home.entity('light.kitchen')?.state).toBe('off');
  });
});

describe('DemoHome: listeners', () => {
  it('tells listeners about changes until they unsubscribe, and survives a failing one', async () => {
    const warn = vi.fn();
    const home = new DemoHome({
      logger: { debug: () => {}, info: () => {}, warn, error: () => {} },
    });
    const listener = vi.fn();
    home.onChange(() => {
      throw new Error('bad listener');
    });
    const unsubscribe = home.onChange(listener);
    await home.callService(call('switch', 'turn_on', ['switch.coffee_machine']));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    unsubscribe();
    await home.callService(call('switch', 'turn_off', ['switch.coffee_machine']));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('rejects an aborted call without changing anything', async () => {
    const home = new DemoHome();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      home.callService(call('lock', 'unlock', ['lock.front_door']), controller.signal),
    ).rejects.toThrow('stop');
    expect(home.entity('lock.front_door')?.state).toBe('locked');
  });
});
