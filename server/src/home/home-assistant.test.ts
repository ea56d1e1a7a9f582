import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from 'wyoming-ts';
import { HaTestServer, type HaTestServerOptions } from '../../../tests/helpers/ha-test-server.js';
import { EngineError } from '../errors.js';
import {
  HomeAssistantHome,
  normalizeHassUrl,
  type HomeAssistantHomeOptions,
} from './home-assistant.js';

const SEED: HaTestServerOptions = {
  token: 'secret-long-lived-token',
  areas: [
    { area_id: 'living_room', name: 'Living room', aliases: ['Salon'] },
    { area_id: 'kitchen', name: 'Kitchen', aliases: ['Cuisine'] },
  ],
  devices: [{ id: 'dev_tv', name: 'TV', area_id: 'living_room', manufacturer: 'Samsung' }],
  entities: [
    {
      entity_id: 'light.kitchen_ceiling',
      original_name: 'Kitchen ceiling',
      area_id: 'kitchen',
      aliases: ['Plafonnier'],
    },
    { entity_id: 'media_player.tv', name: 'Samsung TV', original_name: 'TV', device_id: 'dev_tv' },
    { entity_id: 'switch.fridge', original_name: 'Fridge', area_id: 'kitchen' },
    {
      entity_id: 'sensor.kitchen_temperature',
      original_name: 'Kitchen temperature',
      area_id: 'kitchen',
      original_device_class: 'temperature',
    },
    { entity_id: 'sensor.cpu', original_name: 'CPU', entity_category: 'diagnostic' },
    { entity_id: 'light.old', original_name: 'Old', disabled_by: 'user' },
  ],
  states: [
    {
      entity_id: 'light.kitchen_ceiling',
      state: 'off',
      attributes: { friendly_name: 'Kitchen ceiling' },
    },
    {
      entity_id: 'media_player.tv',
      state: 'playing',
      attributes: { friendly_name: 'Samsung TV', volume_level: 0.3 },
    },
    { entity_id: 'switch.fridge', state: 'on', attributes: { friendly_name: 'Fridge' } },
    {
      entity_id: 'sensor.kitchen_temperature',
      state: '21.5',
      attributes: { friendly_name: 'Kitchen temperature', device_class: 'temperature' },
    },
    { entity_id: 'sensor.cpu', state: '12', attributes: { friendly_name: 'CPU' } },
    { entity_id: 'light.porch', state: 'off', attributes: { friendly_name: 'Porch light' } },
    { entity_id: 'sun.sun', state: 'above_horizon', attributes: { friendly_name: 'Sun' } },
  ],
  exposed: {
    'light.kitchen_ceiling': true,
    'media_player.tv': true,
    'switch.fridge': false,
    'light.porch': true,
  },
};

let server: HaTestServer;
let home: HomeAssistantHome;
const logged: string[] = [];

const logger: Logger = {
  debug: (m, ...d) => logged.push(`debug ${m} ${d.join(' ')}`),
  info: (m, ...d) => logged.push(`info ${m} ${d.join(' ')}`),
  warn: (m, ...d) => logged.push(`warn ${m} ${d.join(' ')}`),
  error: (m, ...d) => logged.push(`error ${m} ${d.join(' ')}`),
};

function makeHome(options: Partial<HomeAssistantHomeOptions> = {}): HomeAssistantHome {
  home = new HomeAssistantHome({
    url: server.url,
    token: server.token,
    logger,
    refreshDelayMs: 10,
    retryDelaysMs: [50],
    ...options,
  });
  return home;
}

const ids = (h: HomeAssistantHome): string[] =>
  h
    .entities()
    .map((e) => e.entity_id)
    .sort();

beforeEach(async () => {
  logged.length = 0;
  server = await HaTestServer.start(SEED);
});

afterEach(async () => {
  await home?.close();
  await server.stop();
  expect(logged.join('\n')).not.toContain('secret-long-lived-token');
});

describe('HomeAssistantHome: loading', () => {
  it('loads areas and the entities exposed to Assist, with names, aliases and areas', async () => {
    await makeHome().start();
    expect(home.kind).toBe('Home Assistant');
    expect(home.connected).toBe(true);
    expect(home.areas()).toEqual([
      { area_id: 'living_room', name: 'Living room', aliases: ['Salon'] },
      { area_id: 'kitchen', name: 'Kitchen', aliases: ['Cuisine'] },
    ]);
    // switch.fridge is hidden from Assist, sensor.cpu is diagnostic, sun.sun not a default domain.
    expect(ids(home)).toEqual([
      'light.kitchen_ceiling',
      'light.porch',
      'media_player.tv',
      'sensor.kitchen_temperature',
    ]);
    expect(home.entity('light.kitchen_ceiling')).toEqual({
      entity_id: 'light.kitchen_ceiling',
      domain: 'light',
      name: 'Kitchen ceiling',
      aliases: ['Plafonnier'],
      area_id: 'kitchen',
      state: 'off',
      attributes: { friendly_name: 'Kitchen ceiling' },
    });
    expect(home.entity('media_player.tv')).toMatchObject({
      name: 'Samsung TV',
      area_id: 'living_room',
    });
    expect(home.entity('light.porch')).toMatchObject({ name: 'Porch light', aliases: [] });
    expect(home.entity('light.porch')).not.toHaveProperty('area_id');
  });

  it('loads every enabled entity when exposedOnly is false', async () => {
    await makeHome({ exposedOnly: false }).start();
    expect(ids(home)).toContain('switch.fridge');
    expect(ids(home)).toContain('sun.sun');
    expect(home.entity('sun.sun')?.name).toBe('Sun');
  });

  it('sends the commands the test server implements, nothing else', async () => {
    await makeHome().start();
    expect(server.commandTypes()).toEqual([
      'supported_features',
      'subscribe_entities',
      'subscribe_events',
      'config/area_registry/list',
      'config/device_registry/list',
      'config/entity_registry/list',
      'homeassistant/expose_entity/list',
      'homeassistant/expose_new_entities/get',
      'config/entity_registry/get_entries',
    ]);
    const events = server.received.filter((m) => m.type === 'subscribe_events');
    expect(events.map((m) => m['event_type'])).toEqual([
      'area_registry_updated',
      'device_registry_updated',
      'entity_registry_updated',
    ]);
  });

  it('refuses a wrong token with a non-retryable error', async () => {
    const error = await makeHome({ token: 'wrong' })
      .start()
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ engine: 'home-assistant', retryable: false });
    expect((error as Error).message).toMatch(/refused the access token/);
    expect(home.connected).toBe(false);
  });

  it('keeps trying until Home Assistant answers', async () => {
    server.refuseConnections(true);
    const started = makeHome().start();
    await vi.waitFor(() =>
      expect(logged.some((l) => l.startsWith('warn') && l.includes('retrying'))).toBe(true),
    );
    server.refuseConnections(false);
    await started;
    expect(home.connected).toBe(true);
  });

  it('stops trying when the start signal aborts', async () => {
    server.refuseConnections(true);
    const controller = new AbortController();
    const started = makeHome().start(controller.signal);
    setTimeout(() => controller.abort(new Error('shutting down')), 80);
    await expect(started).rejects.toThrow('shutting down');
  });

  it('normalises the URL it is given', () => {
    expect(normalizeHassUrl('http://homeassistant.local:8123/')).toBe(
      'http://homeassistant.local:8123',
    );
    expect(normalizeHassUrl('ws://ha:8123/api/websocket')).toBe('http://ha:8123');
    expect(normalizeHassUrl('wss://ha.example/api/websocket/')).toBe('https://ha.example');
    expect(normalizeHassUrl('http://supervisor/core')).toBe('http://supervisor/core');
  });
});

describe('HomeAssistantHome: live', () => {
  beforeEach(async () => {
    await makeHome().start();
  });

  it('follows state changes and tells its listeners', async () => {
    const onChange = vi.fn();
    const unsubscribe = home.onChange(onChange);
    server.setState('light.kitchen_ceiling', 'on', {
      friendly_name: 'Kitchen ceiling',
      brightness: 200,
    });
    await vi.waitFor(() => expect(home.entity('light.kitchen_ceiling')?.state).toBe('on'));
    expect(home.entity('light.kitchen_ceiling')?.attributes).toEqual({
      friendly_name: 'Kitchen ceiling',
      brightness: 200,
    });
    expect(onChange).toHaveBeenCalled();
    unsubscribe();
    onChange.mockClear();
    server.setState('light.kitchen_ceiling', 'off');
    await vi.waitFor(() => expect(home.entity('light.kitchen_ceiling')?.state).toBe('off'));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('follows registry changes: names, aliases, areas, devices, exposure', async () => {
    server.home.updateEntity('light.kitchen_ceiling', {
      name: 'Big light',
      aliases: ['Grande lumière'],
    });
    await vi.waitFor(() =>
      expect(home.entity('light.kitchen_ceiling')).toMatchObject({
        name: 'Big light',
        aliases: ['Grande lumière'],
      }),
    );
    server.home.updateEntity('light.kitchen_ceiling', { area_id: 'living_room' });
    await vi.waitFor(() =>
      expect(home.entity('light.kitchen_ceiling')?.area_id).toBe('living_room'),
    );
    server.home.updateArea('kitchen', { name: 'Cooking', aliases: ['Cuisine', 'Coin cuisine'] });
    await vi.waitFor(() =>
      expect(home.areas()[1]).toEqual({
        area_id: 'kitchen',
        name: 'Cooking',
        aliases: ['Coin cuisine', 'Cuisine'],
      }),
    );
    server.home.updateDevice('dev_tv', { area_id: 'kitchen' });
    await vi.waitFor(() => expect(home.entity('media_player.tv')?.area_id).toBe('kitchen'));
    server.home.setExposed('switch.fridge', true);
    await vi.waitFor(() => expect(home.entity('switch.fridge')).toBeDefined());
    server.home.setExposed('media_player.tv', false);
    await vi.waitFor(() => expect(home.entity('media_player.tv')).toBeUndefined());
  });

  it('calls services with entity and area targets', async () => {
    await home.callService({
      domain: 'light',
      service: 'turn_on',
      target: { entity_id: ['light.kitchen_ceiling'] },
      data: { brightness_pct: 50, color_temp_kelvin: 2700 },
    });
    await home.callService({
      domain: 'media_player',
      service: 'media_pause',
      target: { area_id: ['living_room'] },
    });
    expect(server.calls).toEqual([
      {
        domain: 'light',
        service: 'turn_on',
        service_data: { brightness_pct: 50, color_temp_kelvin: 2700 },
        target: { entity_id: ['light.kitchen_ceiling'] },
      },
      { domain: 'media_player', service: 'media_pause', target: { area_id: ['living_room'] } },
    ]);
    // Home Assistant sends the state changes before the result.
    expect(home.entity('light.kitchen_ceiling')).toMatchObject({
      state: 'on',
      attributes: { brightness: 128 },
    });
    expect(home.entity('media_player.tv')?.state).toBe('paused');
  });

  it('rejects with a retryable EngineError when Home Assistant answers an error', async () => {
    server.setServiceError('switch', 'turn_off', {
      code: 'home_assistant_error',
      message: 'Fridge is busy',
    });
    const call = home.callService({
      domain: 'switch',
      service: 'turn_off',
      target: { entity_id: ['switch.fridge'] },
    });
    await expect(call).rejects.toBeInstanceOf(EngineError);
    await expect(call).rejects.toMatchObject({
      engine: 'home-assistant',
      retryable: true,
      message: 'home-assistant: switch.turn_off failed: Fridge is busy (home_assistant_error)',
    });
    await expect(home.callService({ domain: 'light', service: 'explode' })).rejects.toThrow(
      'Service light.explode not found. (not_found)',
    );
  });

  it('rejects an aborted call with the abort reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await expect(
      home.callService({ domain: 'light', service: 'turn_on' }, controller.signal),
    ).rejects.toThrow('user cancelled');
  });

  it('goes disconnected when the connection drops, then reconnects and re-syncs', async () => {
    const onChange = vi.fn();
    home.onChange(onChange);
    server.refuseConnections(true);
    server.dropConnections();
    await vi.waitFor(() => expect(home.connected).toBe(false));
    expect(onChange).toHaveBeenCalled();
    const call = home.callService({
      domain: 'light',
      service: 'turn_on',
      target: { entity_id: ['light.porch'] },
    });
    await expect(call).rejects.toMatchObject({
      retryable: true,
      message: 'home-assistant: not connected to Home Assistant',
    });
    // Changes while disconnected are picked up by the re-sync.
    server.home.setState('light.porch', 'on');
    server.home.removeState('sensor.kitchen_temperature');
    server.home.updateArea('living_room', { name: 'Lounge' });
    server.refuseConnections(false);
    await vi.waitFor(() => expect(home.connected).toBe(true), { timeout: 5000 });
    expect(home.entity('light.porch')?.state).toBe('on');
    expect(home.entity('sensor.kitchen_temperature')).toBeUndefined();
    expect(home.areas()[0]?.name).toBe('Lounge');
    await home.callService({
      domain: 'light',
      service: 'turn_off',
      target: { entity_id: ['light.porch'] },
    });
    expect(server.calls.at(-1)).toMatchObject({ domain: 'light', service: 'turn_off' });
    // And it stays live on the new connection.
    server.setState('light.porch', 'on');
    await vi.waitFor(() => expect(home.entity('light.porch')?.state).toBe('on'));
  });

  it('notices a connection that went silent by its unanswered ping, and makes a new one', async () => {
    await home.close();
    await makeHome({ pingIntervalMs: 50, pingTimeoutMs: 100 }).start();
    const handshakes = () => server.received.filter((m) => m.type === 'supported_features').length;
    const before = handshakes();
    server.freezeConnections();
    await vi.waitFor(() => expect(handshakes()).toBe(before + 1));
    await vi.waitFor(() => expect(home.connected).toBe(true));
    expect(logged.some((l) => l.includes('no answer to ping'))).toBe(true);
    await home.callService({
      domain: 'light',
      service: 'turn_on',
      target: { entity_id: ['light.porch'] },
    });
    expect(home.entity('light.porch')?.state).toBe('on');
  });

  it('stays disconnected and says so when the token is refused on reconnect', async () => {
    server.token = 'rotated';
    server.dropConnections();
    await vi.waitFor(() =>
      expect(
        logged.some((l) => l.startsWith('error') && l.includes('refused the access token')),
      ).toBe(true),
    );
    expect(home.connected).toBe(false);
  });

  it('closes its connection', async () => {
    await vi.waitFor(() => expect(server.connectionCount).toBe(1));
    await home.close();
    expect(home.connected).toBe(false);
    await vi.waitFor(() => expect(server.connectionCount).toBe(0));
    await expect(home.callService({ domain: 'light', service: 'turn_on' })).rejects.toBeInstanceOf(
      EngineError,
    );
  });
});
