// The agent acting through the real Home Assistant client against the Home Assistant websocket
// test server: the service call arrives there; entities hidden from Assist cannot be touched.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HaTestServer, type HaTestServerOptions } from '../../../tests/helpers/ha-test-server.js';
import { callTools, say } from '../../../tests/helpers/ollama-test-server.js';
import { HomeAssistantHome } from '../home/home-assistant.js';
import { type AgentKit, lastToolResult, startAgentKit, systemOf } from './test-kit.js';

const SEED: HaTestServerOptions = {
  token: 'agent-test-token',
  areas: [
    { area_id: 'living_room', name: 'Living room', aliases: ['Salon'] },
    { area_id: 'kitchen', name: 'Kitchen', aliases: ['Cuisine'] },
  ],
  entities: [
    {
      entity_id: 'light.kitchen_ceiling',
      original_name: 'Kitchen ceiling',
      area_id: 'kitchen',
      aliases: ['Plafonnier'],
    },
    { entity_id: 'switch.fridge', original_name: 'Fridge', area_id: 'kitchen' },
  ],
  states: [
    {
      entity_id: 'light.kitchen_ceiling',
      state: 'off',
      attributes: { friendly_name: 'Kitchen ceiling' },
    },
    { entity_id: 'switch.fridge', state: 'on', attributes: { friendly_name: 'Fridge' } },
  ],
  exposed: { 'light.kitchen_ceiling': true, 'switch.fridge': false },
};

let ha: HaTestServer;
let home: HomeAssistantHome;
let kit: AgentKit;

beforeEach(async () => {
  ha = await HaTestServer.start(SEED);
  home = new HomeAssistantHome({
    url: ha.url,
    token: ha.token,
    refreshDelayMs: 10,
    retryDelaysMs: [50],
  });
  await home.start();
});

afterEach(async () => {
  await kit?.stop();
  await home.close();
  await ha.stop();
});

describe('OllamaAgent with Home Assistant', () => {
  it('turns on a light: the call_service arrives at Home Assistant', async () => {
    kit = await startAgentKit({
      home,
      script: [
        callTools({
          name: 'ha_call_service',
          arguments: {
            domain: 'light',
            service: 'turn_on',
            entity_id: ['Plafonnier'],
            data: { brightness_pct: 60 },
          },
        }),
        say("J'ai allumé le plafonnier à 60 %."),
      ],
    });
    const { reply } = await kit.ask('Allume le plafonnier de la cuisine à 60 %', {
      area: 'kitchen',
    });
    expect(ha.calls).toEqual([
      {
        domain: 'light',
        service: 'turn_on',
        service_data: { brightness_pct: 60 },
        target: { entity_id: ['light.kitchen_ceiling'] },
      },
    ]);
    expect(reply).toMatchObject({
      failed: false,
      speech: "J'ai allumé le plafonnier à 60 %.",
      language: 'fr',
    });
    await vi.waitFor(() => expect(home.entity('light.kitchen_ceiling')?.state).toBe('on'));
    expect(systemOf(kit.server.chats[0])).toContain('light.kitchen_ceiling "Kitchen ceiling"');
  });

  it('cannot touch an entity hidden from Assist: nothing reaches Home Assistant', async () => {
    kit = await startAgentKit({
      home,
      script: [
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'switch', service: 'turn_off', entity_id: ['switch.fridge'] },
        }),
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'switch', service: 'turn_off', area: 'kitchen' },
        }),
        say("I can't control the fridge."),
      ],
    });
    const { reply } = await kit.ask('Turn off the fridge');
    expect(ha.calls).toEqual([]);
    expect(reply).toMatchObject({ failed: false, calls: [] });
    expect(lastToolResult(kit.server.chats[1]).error).toContain(
      'switch.fridge does not exist or is not exposed to Jarvis',
    );
    expect(lastToolResult(kit.server.chats[2]).error).toBe(
      'no switch device is exposed in Kitchen',
    );
    expect(systemOf(kit.server.chats[0])).not.toContain('switch.fridge');
  });

  it('tells the model when Home Assistant refuses the call', async () => {
    kit = await startAgentKit({
      home,
      script: [
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'light', service: 'turn_on', entity_id: ['light.kitchen_ceiling'] },
        }),
        say('Home Assistant is having trouble.'),
      ],
    });
    await ha.stop();
    await vi.waitFor(() => expect(home.connected).toBe(false));
    const { reply } = await kit.ask('Turn on the kitchen ceiling');
    expect(reply).toMatchObject({
      failed: false,
      calls: [],
      speech: 'Home Assistant is having trouble.',
    });
    expect(lastToolResult(kit.server.chats[1])).toMatchObject({
      ok: false,
      error: expect.stringContaining('Home Assistant could not do it'),
    });
    ha = await HaTestServer.start(SEED);
  });
});
