// Who may control a satellite, over real sockets: the satellite serves Wyoming on port 0 and
// test controllers connect to it as Home Assistant and a Jarvis server would.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Describe,
  type Event,
  type Logger,
  Ping,
  Pong,
  RunSatellite,
  WyomingError,
} from 'wyoming-ts';
import { WyomingClient, type WyomingServer } from 'wyoming-ts/node';
import { FileSink } from '../audio/sink.js';
import { SATELLITE_BUSY } from './controllers.js';
import { EventHooks } from './hooks.js';
import { buildInfo } from './info.js';
import { serveForHomeAssistant } from './links.js';
import { Satellite } from './satellite.js';
import { Speaker } from './speaker.js';
import { LocalTimers } from './timers.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Log lines at warn and above, for "it logs who tried". */
function recordingLogger(lines: string[]): Logger {
  return {
    debug: () => {},
    info: () => {},
    warn: (message) => lines.push(message),
    error: (message) => lines.push(message),
  };
}

async function serveSatellite(options: { allowTakeover?: boolean; controllerTimeoutMs?: number }) {
  const warnings: string[] = [];
  const logger = recordingLogger(warnings);
  const dir = tempDir('jarvis-controllers-');
  const satellite = new Satellite({
    mode: 'vad',
    info: () => buildInfo({ name: 'kitchen', mode: 'vad', wakeModels: [] }),
    speaker: new Speaker(new FileSink(join(dir, 'out.wav'))),
    sounds: {},
    timers: new LocalTimers({ ringOnce: async () => false, maxRingMs: 1000 }),
    hooks: new EventHooks({ commands: {} }),
    ...options,
    logger,
  });
  const server: WyomingServer = serveForHomeAssistant(satellite, { uri: 'tcp://127.0.0.1:0' });
  await server.start();
  cleanups.push(() => satellite.stop());
  cleanups.push(() => server.stop());
  const linked = (value: boolean) =>
    new Promise<void>((resolve) => {
      if (satellite.state.linked === value) return resolve();
      const stop = satellite.onStateChange((state) => {
        if (state.linked !== value) return;
        stop();
        resolve();
      });
    });
  return { satellite, uri: server.uri, warnings, linked };
}

/** A controller: reads every event, answers pings unless told not to, ends when closed. */
async function controller(uri: string, options: { answersPings?: boolean } = {}) {
  const client = await WyomingClient.connect(uri);
  const received: Event[] = [];
  const listeners = new Set<() => void>();
  const ended = (async () => {
    try {
      for await (const event of client.events()) {
        received.push(event);
        if (event.type === 'ping' && options.answersPings !== false)
          await client.write(new Pong({ text: String(event.data.text ?? '') }));
        for (const listener of listeners) listener();
      }
    } catch {
      // closed by the satellite: `ended` resolves all the same
    }
  })();
  cleanups.push(() => client.disconnect());
  const next = (type: string, after = 0): Promise<Event> =>
    new Promise((resolve) => {
      const check = () => {
        const found = received.slice(after).find((event) => event.type === type);
        if (!found) return;
        listeners.delete(check);
        resolve(found);
      };
      listeners.add(check);
      check();
    });
  return {
    received,
    ended,
    send: (event: Parameters<WyomingClient['write']>[0]) => client.write(event),
    /** Pings the satellite and waits for its pong (the satellite answers its controller). */
    async roundTrip(text: string): Promise<Event> {
      const from = received.length;
      await client.write(new Ping({ text }));
      return next('pong', from);
    },
    next,
    close: () => client.disconnect(),
  };
}

describe('who controls a satellite', () => {
  it('refuses a second controller with an error and closes it; the first keeps the satellite', async () => {
    const { uri, warnings } = await serveSatellite({});
    const ha = await controller(uri);
    await ha.send(new RunSatellite());
    expect((await ha.roundTrip('one')).data.text).toBe('one');

    const jarvis = await controller(uri);
    await jarvis.send(new Describe());
    expect((await jarvis.next('info')).data.satellite).toMatchObject({ name: 'kitchen' });
    await jarvis.send(new RunSatellite());
    const refusal = WyomingError.fromEvent(await jarvis.next('error'));
    expect(refusal.code).toBe(SATELLITE_BUSY);
    await jarvis.ended;
    expect(jarvis.received.map((event) => event.type)).toEqual(['info', 'error']);

    expect((await ha.roundTrip('two')).data.text).toBe('two');
    expect(warnings.join('\n')).toMatch(/refused a second controller from 127\.0\.0\.1:\d+/);
  });

  it('accepts a controller that reconnects once its previous connection closed', async () => {
    const { uri, linked } = await serveSatellite({});
    const first = await controller(uri);
    await first.send(new RunSatellite());
    await first.roundTrip('before');
    await first.close();
    await linked(false);

    const again = await controller(uri);
    await again.send(new RunSatellite());
    expect((await again.roundTrip('after')).data.text).toBe('after');
    expect(again.received.some((event) => event.type === 'error')).toBe(false);
  });

  it('with allowTakeover, the newest controller takes over and the old one is closed', async () => {
    const { uri } = await serveSatellite({ allowTakeover: true });
    const ha = await controller(uri);
    await ha.send(new RunSatellite());
    await ha.roundTrip('mine');

    const jarvis = await controller(uri);
    await jarvis.send(new RunSatellite());
    expect((await jarvis.roundTrip('now mine')).data.text).toBe('now mine');
    await ha.ended;
    expect(jarvis.received.some((event) => event.type === 'error')).toBe(false);
  });

  it('drops a controller that no longer answers once another knocks; the next try gets in', async () => {
    const { uri, warnings, linked } = await serveSatellite({ controllerTimeoutMs: 200 });
    const stale = await controller(uri, { answersPings: false });
    await stale.send(new RunSatellite());
    await stale.roundTrip('alive');

    const ha = await controller(uri);
    await ha.send(new RunSatellite());
    expect(WyomingError.fromEvent(await ha.next('error')).code).toBe(SATELLITE_BUSY);
    expect((await stale.next('ping')).data.text).toBe('controller-check');
    await stale.ended;
    await linked(false);
    expect(warnings.join('\n')).toMatch(/did not answer a ping within 200 ms/);

    const retry = await controller(uri);
    await retry.send(new RunSatellite());
    expect((await retry.roundTrip('mine now')).data.text).toBe('mine now');
  });
});
