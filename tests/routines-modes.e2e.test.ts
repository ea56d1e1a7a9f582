// Routines and modes end to end: the real server process against the Home Assistant websocket
// test server. "Je vais me coucher" asks, then on "oui" turns the living room and kitchen off,
// the bedroom to 10 %, arms the alarm, says "Bonne nuit" and which action failed (a lamp that no
// longer exists). Night mode set through /api/modes lets the lights through and refuses the
// coffee maker; "don't disturb me until 7 am" said to it is kept across a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { HaTestServer } from './helpers/ha-test-server.js';
import {
  API_TOKEN,
  apiClient,
  type Cleanups,
  jarvisServer,
  runCleanups,
} from './helpers/server-e2e.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

const ROOMS = ['kitchen', 'living_room', 'bedroom'];
const state = (entity_id: string, value: string, friendly_name: string) => ({
  entity_id,
  state: value,
  attributes: { friendly_name, supported_color_modes: ['brightness'] },
});

async function house(): Promise<HaTestServer> {
  const lights = ROOMS.map((room) => `light.${room}`);
  const ha = await HaTestServer.start({
    areas: ROOMS.map((room) => ({ area_id: room, name: room.replace('_', ' ') })),
    entities: [
      ...ROOMS.map((room) => ({ entity_id: `light.${room}`, area_id: room })),
      { entity_id: 'alarm_control_panel.home', original_name: 'Home alarm' },
      { entity_id: 'switch.coffee_maker', original_name: 'Coffee maker', area_id: 'kitchen' },
    ],
    states: [
      ...ROOMS.map((room) => state(`light.${room}`, 'on', `${room.replace('_', ' ')} light`)),
      state('alarm_control_panel.home', 'disarmed', 'Home alarm'),
      state('switch.coffee_maker', 'off', 'Coffee maker'),
    ],
    exposed: Object.fromEntries(
      [...lights, 'alarm_control_panel.home', 'switch.coffee_maker'].map((id) => [id, true]),
    ),
  });
  cleanups.push(() => ha.stop());
  return ha;
}

const ROUTINES = [
  {
    name: 'good night',
    sentences: { en: ['good night'], fr: ['je vais me coucher'] },
    confirm: { en: 'Shall I get the house ready for the night?', fr: 'Je prépare la maison ?' },
    actions: [
      { service: 'light.turn_off', target: { area_id: ['kitchen', 'living_room'] } },
      { service: 'light.turn_off', target: { entity_id: 'light.old_lamp' } },
      {
        service: 'light.turn_on',
        target: { entity_id: 'light.bedroom' },
        data: { brightness_pct: 10 },
      },
      {
        service: 'alarm_control_panel.alarm_arm_night',
        target: { entity_id: 'alarm_control_panel.home' },
      },
      { say: { en: 'Good night.', fr: 'Bonne nuit.' } },
    ],
  },
];

const QUIET = { ollama: { enabled: false }, memory: { enabled: false }, routines: ROUTINES };

describe('routines and modes against Home Assistant', () => {
  it('je vais me coucher: asked, then every action but the missing lamp, and says which failed', async () => {
    const ha = await house();
    const server = await jarvisServer(ha, cleanups, QUIET);
    const call = apiClient(server.httpPort, API_TOKEN);
    const asked = await call('POST', '/api/conversation', { text: 'Je vais me coucher' });
    expect(asked.body).toMatchObject({
      response: 'Je prépare la maison ?',
      intent: 'JarvisRoutine',
      expects_reply: true,
    });
    expect(ha.calls).toEqual([]);
    const done = await call('POST', '/api/conversation', { text: 'oui' });
    expect(done.body).toMatchObject({
      response: "Bonne nuit. Pas fait : light.old_lamp n'existe plus.",
      intent: 'JarvisRoutine',
    });
    expect(ha.calls.map((c) => `${c.domain}.${c.service}`)).toEqual([
      'light.turn_off',
      'light.turn_on',
      'alarm_control_panel.alarm_arm_night',
    ]);
    expect(ha.home.state('light.kitchen')?.state).toBe('off');
    expect(ha.home.state('light.living_room')?.state).toBe('off');
    expect(ha.home.state('light.bedroom')).toMatchObject({
      state: 'on',
      attributes: { brightness: 26 },
    });
    expect(ha.home.state('alarm_control_panel.home')?.state).toBe('armed_night');
  });

  it('night mode lets the lights through and not the coffee maker; a mode said is kept across a restart', async () => {
    const ha = await house();
    const dataDir = tempDir('jarvis-modes-e2e-');
    const first = await jarvisServer(ha, cleanups, { ...QUIET, data_dir: dataDir });
    const call = apiClient(first.httpPort, API_TOKEN);
    expect((await call('POST', '/api/modes', { mode: 'night' })).status).toBe(200);
    const coffee = await call('POST', '/api/conversation', { text: 'turn on the coffee maker' });
    expect(coffee.body).toMatchObject({ response: 'Not at night.', intent: 'JarvisModeRefused' });
    const light = await call('POST', '/api/conversation', { text: 'turn off the kitchen light' });
    expect(light.body.intent).toBe('HassTurnOff');
    expect(ha.calls.map((c) => `${c.domain}.${c.service} ${c.target?.entity_id}`)).toEqual([
      'light.turn_off light.kitchen',
    ]);
    const said = await call('POST', '/api/conversation', { text: "don't disturb me until 7 am" });
    expect(said.body).toMatchObject({
      response: 'Do not disturb until 7 am.',
      intent: 'JarvisSetMode',
    });
    const before = await call('GET', '/api/modes');
    expect(before.body.house).toMatchObject({ mode: 'dnd' });
    await first.process.stop();

    const second = await jarvisServer(ha, cleanups, { ...QUIET, data_dir: dataDir });
    const after = await apiClient(second.httpPort, API_TOKEN)('GET', '/api/modes');
    expect(after.body.house).toEqual(before.body.house);
  });
});
