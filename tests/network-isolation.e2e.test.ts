// Nothing leaves the house: the server and a satellite run a voice turn inside a network
// namespace that has only loopback, under strace; any DNS lookup or connection attempt beyond
// loopback fails the test (with zeroconf on, mDNS multicast alone is allowed). Needs root, `ip`
// (iproute2) and strace; skipped with the reason otherwise.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetns,
  isLoopback,
  leaks,
  MDNS,
  netnsUnavailable,
  networkAttempts,
  tracedIn,
} from './helpers/netns.js';
import { isolatedHomeEnv, telemetryFolderIn } from './helpers/onnx-telemetry.js';
import {
  type Cleanups,
  liveSatellite,
  runCleanups,
  until,
  wakeAndCommand,
} from './helpers/server-e2e.js';
import { startServer } from './helpers/server-process.js';
import { tempDir } from './helpers/temp-dir.js';

const unavailable = netnsUnavailable();
if (unavailable) console.warn(`network isolation test skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)(
  `a voice turn in a network namespace with only loopback${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let netns: ReturnType<typeof createNetns>;
    const cleanups: Cleanups = [];
    beforeAll(() => {
      netns = createNetns(`jarvis-iso-${process.pid}`);
    });
    // A failed turn's server and satellite stop here, before the test's directory goes.
    afterEach(() => runCleanups(cleanups));
    afterAll(() => {
      netns?.remove();
    });

    /** Runs one turn in the namespace; returns the strace files of the server and satellite. */
    async function turnInNamespace(zeroconf: boolean) {
      const dir = tempDir('jarvis-netns-');
      const traces = { server: join(dir, 'server.strace'), satellite: join(dir, 'sat.strace') };
      // Their own home: onnxruntime's telemetry, were it on, would leave its folder there.
      const env = isolatedHomeEnv(dir);
      const server = await startServer(
        {
          log_level: 'debug',
          wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf },
          http: { host: '127.0.0.1', port: 0, token: 'netns-test-token-0123456789' },
          discovery: { zeroconf },
        },
        60_000,
        { wrapper: tracedIn(netns.name, traces.server), env },
      );
      cleanups.push(() => server.stop());
      const satellite = liveSatellite('kitchen', server.wyomingUri, dir, cleanups, {
        launch: { wrapper: tracedIn(netns.name, traces.satellite), env },
      });
      await until('the satellite listening', () =>
        /<- run-satellite/.test(satellite.process.log()),
      );
      await satellite.mic.say(await wakeAndCommand('turn on the kitchen light'));
      await until('the turn', () => /kitchen: HassTurnOn/.test(server.log()), 60_000);
      await until('the answer played', () => satellite.playedSeconds() > 0.8);
      await runCleanups(cleanups);
      return { traces, telemetry: telemetryFolderIn(dir) };
    }

    it('no DNS lookup, no connection beyond loopback, no telemetry', async () => {
      const { traces, telemetry } = await turnInNamespace(false);
      const server = networkAttempts(traces.server);
      const satellite = networkAttempts(traces.satellite);
      // The capture works: the satellite's connection to the server is in it.
      expect(satellite.some((a) => a.call === 'connect' && isLoopback(a.address))).toBe(true);
      expect(leaks(server).map((a) => a.line)).toEqual([]);
      expect(leaks(satellite).map((a) => a.line)).toEqual([]);
      expect(telemetry).toBe(false);
    }, 120_000);

    it('with zeroconf on, mDNS multicast is the only thing beyond loopback', async () => {
      const { traces } = await turnInNamespace(true);
      const server = networkAttempts(traces.server);
      expect(server.some((a) => a.address === MDNS[0]!.address && a.port === 5353)).toBe(true);
      expect(leaks(server, MDNS).map((a) => a.line)).toEqual([]);
      expect(leaks(networkAttempts(traces.satellite)).map((a) => a.line)).toEqual([]);
    }, 120_000);
  },
);
