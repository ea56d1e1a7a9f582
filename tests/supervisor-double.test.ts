// The add-on's Supervisor client against the Supervisor double: the refusals the real
// Supervisor gives (no broker, a wrong token, a service the manifest does not declare) are not
// retried, a 500 is, and a discovery can be forgotten.
import { afterEach, describe, expect, it } from 'vitest';
import { retrying, SupervisorClient } from '../server/src/addon/supervisor.js';
import { readManifest, SupervisorDouble } from './helpers/supervisor-double.js';

describe('SupervisorClient against the Supervisor double', () => {
  const doubles: SupervisorDouble[] = [];
  afterEach(async () => {
    for (const double of doubles.splice(0)) await double.stop();
  });

  async function start(): Promise<SupervisorDouble> {
    const double = await SupervisorDouble.start({ token: 'good-token', hostname: 'abc-jarvis' });
    doubles.push(double);
    return double;
  }

  it('reads the add-on info and says there is no broker without retrying', async () => {
    const double = await start();
    const client = new SupervisorClient({ url: double.url, token: 'good-token' });
    expect(await client.info()).toMatchObject({ hostname: 'abc-jarvis', slug: 'jarvis' });
    await expect(client.mqtt()).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('400 Service not enabled'),
    });
    expect(await retrying('MQTT', () => client.mqtt(), { delaysMs: [0, 0, 0] })).toBeUndefined();
    expect(double.requests.filter((r) => r === 'GET /services/mqtt')).toHaveLength(2);
  });

  it('is refused with a wrong token, and for a service the manifest does not declare', async () => {
    const double = await start();
    const stranger = new SupervisorClient({ url: double.url, token: 'wrong' });
    await expect(stranger.info()).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('401'),
    });
    const client = new SupervisorClient({ url: double.url, token: 'good-token' });
    await expect(client.discover('esphome', { host: 'x' })).rejects.toMatchObject({
      message: expect.stringContaining('403'),
    });
    expect(readManifest().discovery).toEqual(['wyoming']);
  });

  it('retries a failing Supervisor, then posts and forgets a discovery', async () => {
    const double = await start();
    const client = new SupervisorClient({ url: double.url, token: 'good-token' });
    double.failNext('POST /discovery', 2);
    const uuid = await retrying(
      'discovery',
      () => client.discover('wyoming', { uri: 'tcp://abc-jarvis:10600' }),
      { delaysMs: [0], forever: true },
    );
    expect(uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(double.discoveries).toEqual([
      { uuid, service: 'wyoming', config: { uri: 'tcp://abc-jarvis:10600' } },
    ]);
    await client.forget(uuid!);
    expect(double.discoveries).toEqual([]);
  });

  it('stops retrying when aborted', async () => {
    const double = await start();
    const client = new SupervisorClient({ url: double.url, token: 'good-token' });
    double.failNext('GET /addons/self/info', 1000);
    const stop = new AbortController();
    const pending = retrying('info', (s) => client.info(s), {
      delaysMs: [10],
      forever: true,
      signal: stop.signal,
    });
    stop.abort();
    expect(await pending).toBeUndefined();
  });
});
