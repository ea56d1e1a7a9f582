// For the HTTP API's tests: the parts an `HttpApi` needs besides its engines, with no turn ever
// run (the registry's engines are not there) and adoptions kept in `dir`.
import { join } from 'node:path';
import { DemoHome } from '../home/demo-home.js';
import { createIntentRecognizer } from '../intents/index.js';
import { WakeArbiter } from '../satellites/arbiter.js';
import { AdoptionStore } from '../satellites/adoption-store.js';
import { SatelliteFleet } from '../satellites/fleet.js';
import { SatelliteRegistry } from '../satellites/registry.js';

export async function apiTestParts(
  dir: string,
  configured: readonly { uri: string; name?: string }[] = [],
) {
  const home = new DemoHome();
  const recognizer = createIntentRecognizer();
  const registry = new SatelliteRegistry({
    engines: { recognizer, home } as never,
    arbiter: new WakeArbiter({ windowMs: 300, rivals: () => 0 }),
    language: 'en',
    createVad: () => Promise.reject(new Error('not used')),
    createWakeDetector: () => Promise.reject(new Error('not used')),
  });
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
