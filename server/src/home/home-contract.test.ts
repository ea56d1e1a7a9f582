// The contract every `Home` keeps, run by each implementation: the demo home, and Home Assistant
// (the test server seeded with the same house).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HaTestServer, type HaTestServerOptions } from '../../../tests/helpers/ha-test-server.js';
import { EngineError } from '../errors.js';
import { DEMO_AREAS, demoEntities } from './demo-data.js';
import { DemoHome } from './demo-home.js';
import { HomeAssistantHome } from './home-assistant.js';
import type { StartableHome } from './index.js';

function demoHouseForHomeAssistant(): HaTestServerOptions {
  const entities = demoEntities();
  return {
    areas: DEMO_AREAS.map((area) => ({ ...area })),
    entities: entities.map((e) => ({
      entity_id: e.entity_id,
      original_name: e.name,
      aliases: e.aliases,
      area_id: e.area_id ?? null,
    })),
    states: entities.map((e) => ({
      entity_id: e.entity_id,
      state: e.state,
      attributes: { ...e.attributes },
    })),
    exposed: Object.fromEntries(entities.map((e) => [e.entity_id, true])),
  };
}

interface Subject {
  readonly home: StartableHome;
  stop(): Promise<void>;
}

const IMPLEMENTATIONS: ReadonlyArray<{ name: string; create(): Promise<Subject> }> = [
  {
    name: 'DemoHome',
    create: async () => ({ home: new DemoHome(), stop: async () => {} }),
  },
  {
    name: 'HomeAssistantHome',
    create: async () => {
      const server = await HaTestServer.start(demoHouseForHomeAssistant());
      const home = new HomeAssistantHome({ url: server.url, token: server.token });
      return { home, stop: () => server.stop() };
    },
  },
];

describe.each(IMPLEMENTATIONS)('Home contract: $name', ({ create }) => {
  let subject: Subject;
  let home: StartableHome;

  beforeEach(async () => {
    subject = await create();
    home = subject.home;
    await home.start();
  });

  afterEach(async () => {
    await home.close();
    await subject.stop();
  });

  it('is connected and lists consistent areas and entities', () => {
    expect(home.kind).not.toBe('');
    expect(home.connected).toBe(true);
    const areaIds = new Set(home.areas().map((area) => area.area_id));
    expect(areaIds.size).toBeGreaterThan(0);
    expect(home.areas()[0]).toEqual({
      area_id: 'living_room',
      name: 'Living room',
      aliases: ['Salon', 'Séjour'],
    });
    expect(home.entities().length).toBeGreaterThan(0);
    for (const entity of home.entities()) {
      expect(entity.entity_id).toBe(`${entity.domain}.${entity.entity_id.split('.')[1]}`);
      if (entity.area_id !== undefined) expect(areaIds.has(entity.area_id)).toBe(true);
      expect(typeof entity.name).toBe('string');
      expect(entity.aliases.every((alias) => typeof alias === 'string')).toBe(true);
      expect(home.entity(entity.entity_id)).toEqual(entity);
    }
    expect(home.entity('light.nowhere')).toBeUndefined();
  });

  it('sets the living-room lights to 50 % and tells its listeners', async () => {
    const listener = vi.fn();
    home.onChange(listener);
    await home.callService({
      domain: 'light',
      service: 'turn_on',
      target: { area_id: ['living_room'] },
      data: { brightness_pct: 50 },
    });
    const lights = home
      .entities()
      .filter((e) => e.domain === 'light' && e.area_id === 'living_room');
    expect(lights).toHaveLength(4);
    for (const light of lights)
      expect(light).toMatchObject({ state: 'on', attributes: { brightness: 128 } });
    expect(listener).toHaveBeenCalled();
  });

  it('turns an entity off with homeassistant.turn_off', async () => {
    await home.callService({
      domain: 'homeassistant',
      service: 'turn_off',
      target: { entity_id: ['light.hue_lamp_1'] },
    });
    expect(home.entity('light.hue_lamp_1')?.state).toBe('off');
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const listener = vi.fn();
    home.onChange(listener)();
    await home.callService({
      domain: 'lock',
      service: 'unlock',
      target: { entity_id: ['lock.front_door'] },
    });
    expect(home.entity('lock.front_door')?.state).toBe('unlocked');
    expect(listener).not.toHaveBeenCalled();
  });

  it('rejects an unknown service with an EngineError from home-assistant', async () => {
    const error = await home
      .callService({
        domain: 'light',
        service: 'explode',
        target: { entity_id: ['light.kitchen'] },
      })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ engine: 'home-assistant' });
    expect((error as Error).message).toContain('Service light.explode not found.');
  });

  it('rejects a call whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const call = { domain: 'light', service: 'turn_on', target: { entity_id: ['light.kitchen'] } };
    await expect(home.callService(call, controller.signal)).rejects.toThrow('cancelled');
    expect(home.entity('light.kitchen')?.state).toBe('off');
  });
});
