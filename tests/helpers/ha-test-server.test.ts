// The Home Assistant test server, driven by the real home-assistant-js-websocket client (its own
// createSocket, on `ws` standing in for the browser WebSocket) and by raw websocket frames.
import {
  callService,
  createConnection,
  createLongLivedTokenAuth,
  ERR_INVALID_AUTH,
  getConfig,
  getServices,
  getStates,
  subscribeEntities,
  type Connection,
  type HassEntities,
  type HassEvent,
} from 'home-assistant-js-websocket';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { HaTestServer, type HaTestServerOptions } from './ha-test-server.js';

const SEED: HaTestServerOptions = {
  areas: [
    { area_id: 'living_room', name: 'Living room', aliases: ['Salon'] },
    { area_id: 'kitchen', name: 'Kitchen', aliases: ['Cuisine'] },
  ],
  devices: [{ id: 'dev_hue', name: 'Hue lamp', area_id: 'living_room', manufacturer: 'Signify' }],
  entities: [
    {
      entity_id: 'light.kitchen',
      original_name: 'Kitchen light',
      area_id: 'kitchen',
      aliases: ['Plafonnier'],
    },
    { entity_id: 'light.hue', original_name: 'Hue lamp', device_id: 'dev_hue' },
    { entity_id: 'switch.kettle', original_name: 'Kettle', area_id: 'kitchen' },
  ],
  states: [
    { entity_id: 'light.kitchen', state: 'off', attributes: { friendly_name: 'Kitchen light' } },
    {
      entity_id: 'light.hue',
      state: 'on',
      attributes: { friendly_name: 'Hue lamp', brightness: 128 },
    },
    { entity_id: 'switch.kettle', state: 'off', attributes: { friendly_name: 'Kettle' } },
    { entity_id: 'sun.sun', state: 'above_horizon', attributes: { friendly_name: 'Sun' } },
  ],
  exposed: { 'light.kitchen': true, 'light.hue': true, 'switch.kettle': false },
};

let server: HaTestServer;
const connections: Connection[] = [];

async function connect(token = server.token): Promise<Connection> {
  const conn = await createConnection({ auth: createLongLivedTokenAuth(server.url, token) });
  connections.push(conn);
  return conn;
}

/** A raw client: every frame it receives, parsed. */
async function rawClient(): Promise<{ socket: WebSocket; frames: unknown[] }> {
  const socket = new WebSocket(server.wsUrl);
  const frames: unknown[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise((resolve) => socket.once('open', resolve));
  return { socket, frames };
}

const send = <T>(conn: Connection, message: Record<string, unknown> & { type: string }) =>
  conn.sendMessagePromise<T>(message);

beforeEach(async () => {
  vi.stubGlobal('WebSocket', WebSocket);
  server = await HaTestServer.start(SEED);
});

afterEach(async () => {
  for (const conn of connections.splice(0)) conn.close();
  await server.stop();
  vi.unstubAllGlobals();
});

describe('HaTestServer: auth phase', () => {
  it('asks for auth with its version, accepts the token and refuses a wrong one', async () => {
    const { socket, frames } = await rawClient();
    await vi.waitFor(() =>
      expect(frames).toEqual([{ type: 'auth_required', ha_version: '2025.6.1' }]),
    );
    socket.send(JSON.stringify({ type: 'auth', access_token: 'test-token' }));
    await vi.waitFor(() => expect(frames[1]).toEqual({ type: 'auth_ok', ha_version: '2025.6.1' }));
    socket.close();
    await expect(connect('wrong')).rejects.toBe(ERR_INVALID_AUTH);
  });

  it('answers a malformed auth message with auth_invalid and closes', async () => {
    const { socket, frames } = await rawClient();
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.send(JSON.stringify({ type: 'login', access_token: 'test-token' }));
    await closed;
    expect(frames[1]).toMatchObject({ type: 'auth_invalid' });
    expect((frames[1] as { message: string }).message).toMatch(
      /^Auth message incorrectly formatted/,
    );
  });
});

describe('HaTestServer: commands from home-assistant-js-websocket', () => {
  it('enables coalesced messages with supported_features (id 1)', async () => {
    const conn = await connect();
    await conn.ping();
    expect(server.received[0]).toEqual({
      type: 'supported_features',
      id: 1,
      features: { coalesce_messages: 1 },
    });
  });

  it('answers get_states, get_config, get_services and ping', async () => {
    const conn = await connect();
    const states = await getStates(conn);
    expect(states.map((s) => s.entity_id)).toContain('light.kitchen');
    const kitchen = states.find((s) => s.entity_id === 'light.kitchen');
    expect(kitchen).toMatchObject({ state: 'off', attributes: { friendly_name: 'Kitchen light' } });
    expect(kitchen?.last_changed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    expect(kitchen?.context).toMatchObject({ parent_id: null, user_id: null });
    expect(await getConfig(conn)).toMatchObject({ version: '2025.6.1', state: 'RUNNING' });
    const services = await getServices(conn);
    expect(Object.keys(services['light'] ?? {})).toEqual(['turn_on', 'turn_off', 'toggle']);
    expect(services['homeassistant']?.['turn_on']).toBeDefined();
    await expect(conn.ping()).resolves.toBeUndefined();
  });

  it('streams compressed entity states with subscribe_entities', async () => {
    const conn = await connect();
    let entities: HassEntities = {};
    subscribeEntities(conn, (e) => (entities = e));
    await vi.waitFor(() => expect(Object.keys(entities)).toHaveLength(4));
    expect(entities['light.hue']).toMatchObject({ state: 'on', attributes: { brightness: 128 } });
    server.setState('light.hue', 'off', { friendly_name: 'Hue lamp' });
    await vi.waitFor(() => expect(entities['light.hue']?.state).toBe('off'));
    expect(entities['light.hue']?.attributes).toEqual({ friendly_name: 'Hue lamp' });
    server.setState('sensor.new', '12', { unit_of_measurement: '°C' });
    await vi.waitFor(() => expect(entities['sensor.new']?.state).toBe('12'));
    server.home.removeState('sensor.new');
    await vi.waitFor(() => expect(entities['sensor.new']).toBeUndefined());
  });

  it('forwards events with subscribe_events and stops on unsubscribe_events', async () => {
    const conn = await connect();
    const events: HassEvent[] = [];
    const unsubscribe = await conn.subscribeEvents<HassEvent>(
      (e) => events.push(e),
      'state_changed',
    );
    const registry: HassEvent[] = [];
    await conn.subscribeEvents<HassEvent>((e) => registry.push(e), 'entity_registry_updated');
    server.setState('switch.kettle', 'on');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toMatchObject({
      event_type: 'state_changed',
      origin: 'LOCAL',
      data: { entity_id: 'switch.kettle', old_state: { state: 'off' }, new_state: { state: 'on' } },
    });
    server.home.updateEntity('switch.kettle', { aliases: ['Bouilloire'] });
    await vi.waitFor(() => expect(registry).toHaveLength(1));
    expect(registry[0]?.data).toEqual({
      action: 'update',
      entity_id: 'switch.kettle',
      changes: { aliases: [] },
    });
    await unsubscribe();
    expect(server.received.at(-1)).toMatchObject({ type: 'unsubscribe_events' });
    server.setState('switch.kettle', 'off');
    await conn.ping();
    expect(events).toHaveLength(1);
  });

  it('lists the registries and the entities exposed to Assist', async () => {
    const conn = await connect();
    const areas = await send<Array<Record<string, unknown>>>(conn, {
      type: 'config/area_registry/list',
    });
    expect(areas[0]).toMatchObject({
      area_id: 'living_room',
      name: 'Living room',
      aliases: ['Salon'],
    });
    const devices = await send<Array<Record<string, unknown>>>(conn, {
      type: 'config/device_registry/list',
    });
    expect(devices).toEqual([expect.objectContaining({ id: 'dev_hue', area_id: 'living_room' })]);
    const list = await send<Array<Record<string, unknown>>>(conn, {
      type: 'config/entity_registry/list',
    });
    expect(list).toHaveLength(3);
    expect(list[0]).not.toHaveProperty('aliases');
    const entries = await send<Record<string, Record<string, unknown> | null>>(conn, {
      type: 'config/entity_registry/get_entries',
      entity_ids: ['light.kitchen', 'sun.sun'],
    });
    expect(entries['light.kitchen']).toMatchObject({ aliases: ['Plafonnier'], area_id: 'kitchen' });
    expect(entries['sun.sun']).toBeNull();
    const display = await send<{ entities: unknown[] }>(conn, {
      type: 'config/entity_registry/list_for_display',
    });
    expect(display.entities[1]).toEqual({ ei: 'light.hue', pl: 'demo', lb: [], di: 'dev_hue' });
    expect(await send(conn, { type: 'homeassistant/expose_entity/list' })).toEqual({
      exposed_entities: {
        'light.kitchen': { conversation: true },
        'light.hue': { conversation: true },
        'switch.kettle': { conversation: false },
      },
    });
    expect(
      await send(conn, {
        type: 'homeassistant/expose_new_entities/get',
        assistant: 'conversation',
      }),
    ).toEqual({ expose_new: true });
  });

  it('calls services on entity and area targets, records them and changes the states', async () => {
    const conn = await connect();
    const result = await callService(
      conn,
      'light',
      'turn_on',
      { brightness_pct: 50 },
      {
        entity_id: 'light.kitchen',
      },
    );
    expect(result).toMatchObject({ context: { parent_id: null } });
    expect(server.home.state('light.kitchen')).toMatchObject({
      state: 'on',
      attributes: { brightness: 128 },
    });
    await callService(conn, 'homeassistant', 'turn_on', undefined, { area_id: 'kitchen' });
    expect(server.home.state('switch.kettle')?.state).toBe('on');
    await callService(conn, 'light', 'turn_off', undefined, { area_id: ['living_room'] });
    expect(server.home.state('light.hue')?.state).toBe('off'); // through its device's area
    expect(server.calls).toEqual([
      {
        domain: 'light',
        service: 'turn_on',
        service_data: { brightness_pct: 50 },
        target: { entity_id: 'light.kitchen' },
      },
      { domain: 'homeassistant', service: 'turn_on', target: { area_id: 'kitchen' } },
      { domain: 'light', service: 'turn_off', target: { area_id: ['living_room'] } },
    ]);
  });

  it('answers errors with Home Assistant error codes', async () => {
    const conn = await connect();
    await expect(callService(conn, 'light', 'explode')).rejects.toEqual({
      code: 'not_found',
      message: 'Service light.explode not found.',
    });
    server.setServiceError('switch', 'turn_on', {
      code: 'home_assistant_error',
      message: 'Kettle is empty',
    });
    await expect(
      callService(conn, 'switch', 'turn_on', undefined, { entity_id: 'switch.kettle' }),
    ).rejects.toEqual({ code: 'home_assistant_error', message: 'Kettle is empty' });
    await expect(send(conn, { type: 'no/such/command' })).rejects.toEqual({
      code: 'unknown_command',
      message: 'Unknown command.',
    });
    await expect(send(conn, { type: 'unsubscribe_events', subscription: 999 })).rejects.toEqual({
      code: 'not_found',
      message: 'Subscription not found.',
    });
  });

  it('reconnects after dropped connections and resubscribes', async () => {
    const conn = await connect();
    let entities: HassEntities = {};
    subscribeEntities(conn, (e) => (entities = e));
    await vi.waitFor(() => expect(entities['switch.kettle']?.state).toBe('off'));
    const ready = new Promise((resolve) => conn.addEventListener('ready', resolve));
    server.refuseConnections(true);
    server.dropConnections();
    await vi.waitFor(() => expect(conn.connected).toBe(false));
    server.refuseConnections(false);
    await ready;
    await vi.waitFor(() => expect(server.connectionCount).toBe(1));
    server.setState('switch.kettle', 'on');
    await vi.waitFor(() => expect(entities['switch.kettle']?.state).toBe('on'));
  });
});

describe('HaTestServer: raw frames', () => {
  async function authenticated(): Promise<{ socket: WebSocket; frames: unknown[] }> {
    const client = await rawClient();
    client.socket.send(JSON.stringify({ type: 'auth', access_token: 'test-token' }));
    await vi.waitFor(() => expect(client.frames).toHaveLength(2));
    return client;
  }

  it('coalesces the answers into one array frame once asked to', async () => {
    const { socket, frames } = await authenticated();
    socket.send(
      JSON.stringify({ type: 'supported_features', id: 1, features: { coalesce_messages: 1 } }),
    );
    await vi.waitFor(() => expect(frames).toHaveLength(3));
    socket.send(
      JSON.stringify([
        { id: 2, type: 'ping' },
        { id: 3, type: 'ping' },
      ]),
    );
    await vi.waitFor(() => expect(frames).toHaveLength(4));
    expect(frames[3]).toEqual([
      { id: 2, type: 'pong' },
      { id: 3, type: 'pong' },
    ]);
    socket.close();
  });

  it('refuses reused ids and malformed commands', async () => {
    const { socket, frames } = await authenticated();
    socket.send(JSON.stringify({ id: 5, type: 'ping' }));
    socket.send(JSON.stringify({ id: 5, type: 'ping' }));
    socket.send(JSON.stringify({ type: 'ping' }));
    await vi.waitFor(() => expect(frames).toHaveLength(5));
    expect(frames.slice(2)).toEqual([
      { id: 5, type: 'pong' },
      {
        id: 5,
        type: 'result',
        success: false,
        error: { code: 'id_reuse', message: 'Identifier values have to increase.' },
      },
      {
        id: null,
        type: 'result',
        success: false,
        error: { code: 'invalid_format', message: 'Message incorrectly formatted.' },
      },
    ]);
    socket.close();
  });
});
