// The house's mode on the bridge and announcements over MQTT, end to end: the server in this
// process, a real Mosquitto broker, a real satellite process, and an MQTT client standing in for
// Home Assistant. The house mode select sets the mode every room follows and shows the mode set
// through the API; in do not disturb an announcement waits and an urgent one (JSON payload) is
// said at once; at night the satellite plays its own sounds at the night volume.
import { afterEach, describe, expect, it } from 'vitest';
import { Mosquitto, MqttWatcher } from './helpers/mosquitto.js';
import * as e2e from './helpers/server-e2e.js';
import type { Cleanups } from './helpers/server-e2e.js';
import { inProcessServer } from './helpers/in-process-server.js';
import { tempDir } from './helpers/temp-dir.js';

const BRIDGE_CONFIG = 'homeassistant/device/jarvis_bridge/config';
const STATS = 'jarvis/bridge/stats';
const KITCHEN = 'jarvis/satellites/kitchen';
const cleanups: Cleanups = [];
afterEach(() => e2e.runCleanups(cleanups));

describe('the house mode on the bridge', () => {
  it('sets the mode every room follows, shows the one set through the API, and announcements follow it', async () => {
    const mosquitto = await Mosquitto.start();
    cleanups.push(() => mosquitto.stop());
    const watcher = await MqttWatcher.connect(mosquitto.url);
    cleanups.push(() => watcher.close());
    const { app, api, lines, asServer } = await inProcessServer(cleanups, {
      mqttUrl: mosquitto.url,
    });
    const dir = tempDir('jarvis-house-mode-sat-');
    const kitchen = e2e.liveSatellite('kitchen', app.wyomingUri, dir, cleanups);
    await e2e.listening(asServer, kitchen);

    const bridge = await e2e.until<Record<string, unknown>>('the bridge device', () =>
      watcher.json(BRIDGE_CONFIG),
    );
    const components = bridge.components as Record<string, Record<string, unknown>>;
    expect(components.house_mode).toMatchObject({
      platform: 'select',
      options: ['normal', 'silent', 'night', 'do not disturb'],
      state_topic: STATS,
      command_topic: 'jarvis/bridge/house_mode/set',
      value_template: '{{ value_json.house_mode }}',
    });
    const houseMode = () => watcher.json(STATS)?.house_mode;
    await e2e.until('normal', () => houseMode() === 'normal');

    // From Home Assistant: the house and every room in do not disturb.
    await watcher.publish('jarvis/bridge/house_mode/set', 'do not disturb');
    await e2e.until('do not disturb', () => houseMode() === 'do not disturb');
    expect((await api('GET', '/api/modes')).body.house).toMatchObject({ mode: 'dnd' });
    await e2e.until('the kitchen follows', () => watcher.json(KITCHEN)?.mode === 'do not disturb');
    // The satellite is told to keep its own chimes quiet.
    await e2e.until('chimes off', () => /<- satellite-sounds/.test(kitchen.process.log()));

    // An announcement waits; an urgent one is said at once.
    const starts = () => kitchen.process.log().match(/<- audio-start/g)?.length ?? 0;
    await watcher.publish('jarvis/bridge/announce/set', 'Dinner is ready');
    await e2e.until('held', () => lines.some((l) => l.startsWith('speech: announce held')));
    expect(starts()).toBe(0);
    await watcher.publish(
      'jarvis/bridge/announce/set',
      JSON.stringify({ message: 'Smoke in the garage', urgent: true }),
    );
    await e2e.until('the urgent one said', () => starts() === 1);

    // Set through the API (as by voice): the select shows it; a bad option changes nothing.
    expect((await api('POST', '/api/modes', { mode: 'night' })).status).toBe(200);
    await e2e.until('night', () => houseMode() === 'night');
    await watcher.publish('jarvis/bridge/house_mode/set', 'party');
    await e2e.until('refused', () =>
      lines.some((l) => l.startsWith('MQTT jarvis/bridge/house_mode/set: expected one of')),
    );
    expect(houseMode()).toBe('night');
    // Night lets the held announcement through: said now, after the urgent one.
    await e2e.until('the held one said', () => starts() === 2);
    // At night the satellite's own sounds (a timer that rings) are lowered like the answers.
    await e2e.until('own sounds lowered', () => /own sounds at 50%/.test(kitchen.process.log()));
  }, 180_000);
});
