// For the HTTP API's tests: the parts an `HttpApi` needs besides its engines, with no turn ever
// run (the registry's engines are not there) and adoptions kept in `dir`.
import { join } from 'node:path';
import { DemoHome } from '../home/demo-home.js';
import { createIntentRecognizer } from '../intents/index.js';
import { WakeArbiter } from '../satellites/arbiter.js';
import { AdoptionStore } from '../satellites/adoption-store.js';
import { SatelliteFleet } from '../satellites/fleet.js';
import { type RegistryHooks, SatelliteRegistry } from '../satellites/registry.js';

export async function apiTestParts(
  dir: string,
  configured: readonly { uri: string; name?: string }[] = [],
  /** What sits on each satellite's link (`SatelliteControls` for mute). */
  hooks: RegistryHooks = {},
) {
  const home = new DemoHome();
  const recognizer = createIntentRecognizer();
  const registry = new SatelliteRegistry(
    {
      engines: { recognizer, home } as never,
      arbiter: new WakeArbiter({ windowMs: 300, rivals: () => 0 }),
      language: 'en',
      createVad: () => Promise.reject(new Error('not used')),
      createWakeDetector: () => Promise.reject(new Error('not used')),
    },
    hooks,
  );
  const fleet = await SatelliteFleet.open({
    registry,
    configured,
    store: new AdoptionStore(join(dir, 'satellites.json')),
    timing: {
      pingIntervalMs: 5000,
      pingTimeoutMs: 10_000,
      reconnectMinMs: 500,
      reconnectMaxMs: 1000,
    },
  });
  return { home, recognizer, registry, fleet };
}

/** A JSON call on the API at `base()` with the token: its status and parsed body. */
export function apiCaller(base: () => string, token: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}
