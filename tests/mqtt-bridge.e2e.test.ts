// The Home Assistant bridge end to end: the server in this process, a real Mosquitto broker, real
// satellite processes, and an MQTT client standing in for Home Assistant (it reads what HA would
// read and publishes what HA would publish: its birth message, entity commands).
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeTempDir, broker, jarvis } from './helpers/bridge-e2e.js';
import { MqttWatcher } from './helpers/mosquitto.js';
import {
  type Cleanups,
  counter,
  type JarvisServer,
  liveSatellite,
  listening,
  runCleanups,
  until,
  wakeAndCommand,
} from './helpers/server-e2e.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

const BRIDGE_CONFIG = 'homeassistant/device/jarvis_bridge/config';
const KITCHEN_CONFIG = 'homeassistant/device/jarvis_satellite_kitchen/config';
const KITCHEN = 'jarvis/satellites/kitchen';

/** The satellite's event entity messages of one type. */
const events = (watcher: MqttWatcher, type: string) =>
  watcher.messages
    .filter((m) => m.topic === `${KITCHEN}/event`)
    .map((m) => JSON.parse(m.payload) as Record<string, unknown>)
    .filter((e) => e.event_type === type);
const configs = (watcher: MqttWatcher, topic: string) =>
  watcher.messages.filter((m) => m.topic === topic && m.payload !== '').length;

describe('the MQTT bridge', () => {
  it('publishes the bridge and each adopted satellite, again when Home Assistant restarts, and removes a forgotten one', async () => {
    const { mosquitto, watcher } = await broker(cleanups);
    const server = await jarvis(cleanups, mosquitto.url);
    const kitchen = liveSatellite('kitchen', server.app.wyomingUri, bridgeTempDir(), cleanups);
    await until('the satellite published', () => watcher.json(KITCHEN_CONFIG));
    await until('the satellite online', () =>
      watcher.latest.get(`${KITCHEN}/availability`) === 'online' ? true : undefined,
    );
    expect(watcher.latest.get('jarvis/bridge/state')).toBe('online');
    const bridge = watcher.json(BRIDGE_CONFIG)!;
    expect(bridge.device).toMatchObject({ identifiers: ['jarvis_bridge'], name: 'Jarvis' });
    const satellite = watcher.json(KITCHEN_CONFIG)!;
    expect(satellite.device).toMatchObject({ name: 'kitchen', via_device: 'jarvis_bridge' });
    expect(await until('an idle state', () => watcher.json(KITCHEN))).toMatchObject({
      assist_state: 'idle',
      mute: 'OFF',
      volume: 100,
    });

    // Retained: what Home Assistant reads when it subscribes after the fact.
    const late = await MqttWatcher.connect(mosquitto.url);
    cleanups.push(() => late.close());
    await until(
      'the retained configs',
      () => late.json(KITCHEN_CONFIG) && late.json(BRIDGE_CONFIG),
    );
    expect(late.messages.find((m) => m.topic === KITCHEN_CONFIG)?.retain).toBe(true);

    // Home Assistant restarted: every config again, then the states.
    const before = configs(watcher, KITCHEN_CONFIG);
    const statesBefore = watcher.messages.filter((m) => m.topic === KITCHEN).length;
    await watcher.publish('homeassistant/status', 'online');
    await until('configs re-sent', () => configs(watcher, KITCHEN_CONFIG) > before);
    await until('states re-sent', () =>
      watcher.messages.filter((m) => m.topic === KITCHEN).length > statesBefore ? true : undefined,
    );
    // The bridge's own config is unchanged all along: sent once at start, once for the restart.
    await until('the bridge config re-sent', () => configs(watcher, BRIDGE_CONFIG) === 2);

    // A command that does not fit its entity is ignored with a warning naming the topic.
    await watcher.publish(`${KITCHEN}/volume/set`, 'loud');
    await watcher.publish(`${KITCHEN}/mode/set`, 'party');
    await watcher.publish(`${KITCHEN}/ask/set`, '   ');
    await until('three warnings', () =>
      server.lines.filter((l) => /^MQTT jarvis\/satellites\/kitchen\/\w+\/set: .*ignored$/.test(l))
        .length === 3
        ? true
        : undefined,
    );
    await watcher.publish(`${KITCHEN}/volume/set`, '40');
    await until('volume 40', () => (watcher.json(KITCHEN)?.volume === 40 ? true : undefined));

    // Forgotten: its device disappears from Home Assistant (empty retained config).
    await kitchen.process.stop();
    await until('offline', () =>
      watcher.latest.get(`${KITCHEN}/availability`) === 'offline' ? true : undefined,
    );
    expect((await server.api('DELETE', '/api/satellites/kitchen')).status).toBe(200);
    await until('config cleared', () => (watcher.latest.has(KITCHEN_CONFIG) ? undefined : true));
    expect(watcher.latest.has(BRIDGE_CONFIG)).toBe(true);
  });

  it('clears a stale config left by an earlier run, and comes back after the broker restarts', async () => {
    const { mosquitto, watcher } = await broker(cleanups);
    // An older version's per-entity config, and a device that is no longer adopted.
    await watcher.publish('homeassistant/sensor/jarvis_kitchen_state/config', '{"name":"x"}', true);
    await watcher.publish('homeassistant/device/jarvis_satellite_gone/config', '{"x":1}', true);
    await watcher.publish('homeassistant/device/zigbee2mqtt_lamp/config', '{"x":1}', true);
    const server = await jarvis(cleanups, mosquitto.url);
    await until('stale configs cleared', () =>
      !watcher.latest.has('homeassistant/sensor/jarvis_kitchen_state/config') &&
      !watcher.latest.has('homeassistant/device/jarvis_satellite_gone/config')
        ? true
        : undefined,
    );
    expect(watcher.latest.has('homeassistant/device/zigbee2mqtt_lamp/config')).toBe(true);
    expect(watcher.json(BRIDGE_CONFIG)).toBeDefined();
    expect(server.app.extensions.mqtt?.status()).toMatchObject({ connected: true });

    await mosquitto.kill();
    await until('disconnected in /health', async () => {
      // The details of /health are for token holders.
      const health = (await server.api('GET', '/health')).body;
      return (health as { mqtt?: { connected: boolean } }).mqtt?.connected === false;
    });
    await mosquitto.restart();
    // Nothing persisted: the bridge publishes everything again once it is back.
    const fresh = await MqttWatcher.connect(mosquitto.url);
    cleanups.push(() => fresh.close());
    await until('configs after the restart', () => fresh.json(BRIDGE_CONFIG));
    await until('online after the restart', () =>
      fresh.latest.get('jarvis/bridge/state') === 'online' ? true : undefined,
    );
  });

  it('mutes a real satellite (it stops listening), asks it by text, announces and opens a turn', async () => {
    const { mosquitto, watcher } = await broker(cleanups);
    const server = await jarvis(cleanups, mosquitto.url);
    const kitchen = liveSatellite('kitchen', server.app.wyomingUri, bridgeTempDir(), cleanups);
    const asServer = { api: async (path: string) => (await server.api('GET', path)).body };
    await listening(asServer as unknown as JarvisServer, kitchen);
    await until('published', () => watcher.json(KITCHEN));

    await watcher.publish(`${KITCHEN}/mute/set`, 'ON');
    await until('paused', () =>
      /<- pause-satellite/.test(kitchen.process.log()) ? true : undefined,
    );
    expect(await until('mute ON', () => watcher.json(KITCHEN)?.mute === 'ON' && true)).toBe(true);
    await kitchen.mic.say(await wakeAndCommand('turn on the living room light'));
    await watcher.publish(`${KITCHEN}/mute/set`, 'OFF');
    await until('mute OFF', () => watcher.json(KITCHEN)?.mute === 'OFF' && true);
    await kitchen.mic.say(await wakeAndCommand('turn on the kitchen light'));
    await until(
      'one turn',
      async () => counter(await server.metrics(), 'jarvis_turns_total') === 1,
    );
    const turn = await until('turn event', () => events(watcher, 'turn_finished')[0]);
    expect(events(watcher, 'wake_detected')).toEqual([
      { event_type: 'wake_detected', satellite: 'kitchen', wake_word: 'hey_jarvis' },
    ]);
    // Only the command spoken after unmuting was heard: the first turn is the kitchen's.
    expect(turn).toMatchObject({
      event_type: 'turn_finished',
      satellite: 'kitchen',
      transcript: 'turn on the kitchen light',
      rejected: null,
    });
    expect(server.home.entity('light.living_room_ceiling')?.state).toBe('off');
    expect(server.home.entity('light.kitchen')?.state).toBe('on');

    const played = kitchen.playedSeconds();
    await watcher.publish(`${KITCHEN}/ask/set`, 'turn off the kitchen light');
    const answered = await until('a response', () => {
      const state = watcher.json(KITCHEN);
      return state?.transcript === 'turn off the kitchen light' ? state : undefined;
    });
    expect(String(answered.response)).toMatch(/kitchen/i);
    await until('the answer played', () => kitchen.playedSeconds() > played);
    await until('a second turn event', () => events(watcher, 'turn_finished').length === 2);

    const starts = () => kitchen.process.log().match(/<- audio-start/g)?.length ?? 0;
    const before = starts();
    await watcher.publish('jarvis/bridge/announce/set', 'Dinner is ready');
    await until('announced', () => starts() > before);
    await until(
      'idle after the announcement',
      () => watcher.json(KITCHEN)?.assist_state === 'idle' && true,
    );
    await watcher.publish(`${KITCHEN}/listen/set`, 'PRESS');
    await until('listening', () => watcher.json(KITCHEN)?.assist_state === 'listening' && true);
    const stats = await until('stats', () => watcher.json('jarvis/bridge/stats'));
    expect(stats).toMatchObject({ commands: 2, errors: 0, satellites_online: 1 });
  });
});

describe('satellite settings from Home Assistant', () => {
  it("shows a real satellite's own mute, keeps volume, mode and wake word across a restart, and the satellite answers only the wake word chosen", async () => {
    const { mosquitto, watcher } = await broker(cleanups);
    const dataDir = tempDir('jarvis-bridge-data-');
    const first = await jarvis(cleanups, mosquitto.url, { dataDir });
    const kitchen = liveSatellite('kitchen', first.app.wyomingUri, bridgeTempDir(), cleanups, {
      extraArgs: ['--wake-word-name', 'hey_jarvis', '--wake-word-name', 'alexa'],
    });
    const asServer = (server: typeof first) =>
      ({ api: async (path: string) => (await server.api('GET', path)).body }) as JarvisServer;
    await listening(asServer(first), kitchen);
    const state = () => watcher.json(KITCHEN);
    await until('published', () => state()?.mute === 'OFF' && true);
    expect((state()?.attributes as Record<string, unknown>).wake_word).toBeDefined();

    // Muted on the satellite itself (SIGUSR1): Home Assistant's switch shows it.
    kitchen.process.child.kill('SIGUSR1');
    const muted = await until('mute ON, from the satellite', () =>
      state()?.mute === 'ON' ? state() : undefined,
    );
    expect((muted.attributes as Record<string, Record<string, unknown>>).mute).toMatchObject({
      jarvis_role: 'mute',
      muted_locally: true,
    });
    kitchen.process.child.kill('SIGUSR2');
    await until('mute OFF, from the satellite', () => state()?.mute === 'OFF' && true);

    const detects = () => kitchen.process.log().match(/<- detect\b/g)?.length ?? 0;
    await watcher.publish(`${KITCHEN}/volume/set`, '40');
    await watcher.publish(`${KITCHEN}/mode/set`, 'night');
    await watcher.publish(`${KITCHEN}/wake_word/set`, 'alexa');
    await until('settings published', () => {
      const now = state();
      return now?.volume === 40 && now.mode === 'night' && now.wake_word === 'alexa';
    });
    await until('the satellite told', () => detects() === 1);
    // The select set the satellite's own mode in the one mode store the voice and API use.
    const modes = (await first.api('GET', '/api/modes')).body;
    expect(modes).toMatchObject({
      house: { mode: 'normal' },
      satellites: { kitchen: { mode: 'night' } },
    });

    // The server restarts on the same port with the same data dir.
    await first.stop();
    const seen = watcher.messages.length;
    const second = await jarvis(cleanups, mosquitto.url, {
      dataDir,
      wyomingUri: first.app.wyomingUri,
    });
    await listening(asServer(second), kitchen);
    await until('told again on the new connection', () => detects() === 2);
    const republished = await until('the kept settings published by the new server', () =>
      watcher.messages
        .slice(seen)
        .filter((m) => m.topic === KITCHEN)
        .map((m) => JSON.parse(m.payload) as Record<string, unknown>)
        .find((m) => m.volume === 40),
    );
    expect(republished).toMatchObject({ volume: 40, mode: 'night', wake_word: 'alexa' });

    // "hey jarvis" is not the wake word now: nothing happens. Then it is again.
    await kitchen.mic.say(await wakeAndCommand('turn on the living room light'));
    await watcher.publish(`${KITCHEN}/wake_word/set`, 'hey_jarvis');
    await until('the satellite told', () => detects() === 3);
    await kitchen.mic.say(await wakeAndCommand('turn on the kitchen light'));
    await until(
      'one turn',
      async () => counter(await second.metrics(), 'jarvis_turns_total') === 1,
    );
    const turn = await until('turn event', () => events(watcher, 'turn_finished')[0]);
    expect(turn).toMatchObject({ satellite: 'kitchen', transcript: 'turn on the kitchen light' });
    expect(second.home.entity('light.living_room_ceiling')?.state).toBe('off');
  });
});
