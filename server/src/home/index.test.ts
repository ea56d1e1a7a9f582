import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from 'wyoming-ts';
import { HaTestServer } from '../../../tests/helpers/ha-test-server.js';
import { ConfigError } from '../errors.js';
import { createHome, DemoHome, HomeAssistantHome, type StartableHome } from './index.js';

const homes: StartableHome[] = [];
const make = (options: Omit<Parameters<typeof createHome>[0], 'logger'>): StartableHome => {
  const home = createHome({ logger: silentLogger, env: {}, ...options });
  homes.push(home);
  return home;
};

afterEach(async () => {
  for (const home of homes.splice(0)) await home.close();
});

describe('createHome', () => {
  it('uses the demo home when nothing is configured', async () => {
    const home = make({});
    expect(home).toBeInstanceOf(DemoHome);
    await home.start();
    expect(home.kind).toBe('demo home');
  });

  it('uses Home Assistant with a URL and a long-lived token', async () => {
    const server = await HaTestServer.start({ states: [{ entity_id: 'light.a', state: 'on' }] });
    try {
      const home = make({ url: server.url, token: server.token });
      expect(home).toBeInstanceOf(HomeAssistantHome);
      await home.start();
      expect(home.connected).toBe(true);
      expect(home.entity('light.a')?.state).toBe('on');
    } finally {
      await server.stop();
    }
  });

  it("uses the Supervisor token from the add-on's environment", async () => {
    const server = await HaTestServer.start({ token: 'supervisor-token' });
    try {
      const home = make({ url: server.url, env: { SUPERVISOR_TOKEN: 'supervisor-token' } });
      expect(home).toBeInstanceOf(HomeAssistantHome);
      await home.start();
      expect(home.connected).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('goes to http://supervisor/core with the Supervisor token and no URL', () => {
    const logs: string[] = [];
    const logger = { ...silentLogger, info: (message: string) => void logs.push(message) };
    const home = createHome({ logger, env: { SUPERVISOR_TOKEN: 'abc' } });
    homes.push(home);
    expect(home).toBeInstanceOf(HomeAssistantHome);
    expect(logs).toEqual(['home: Home Assistant at http://supervisor/core (Supervisor token)']);
  });

  it('refuses a URL without any token', () => {
    expect(() => make({ url: 'http://homeassistant.local:8123' })).toThrow(ConfigError);
  });
});
