import { describe, expect, it } from 'vitest';
import type { RunningApp } from './app.js';
import { ConfigSchema } from './config/schema.js';
import { DemoHome } from './home/demo-home.js';
import { createIntentRecognizer } from './intents/index.js';
import { startupSummary } from './summary.js';

const counts = { configured: 1, adopted: 2, discovered: 3, connected: 1 };

function summaryOf(config: Record<string, unknown>, extensions: object): string {
  return startupSummary({
    config: ConfigSchema.parse(config),
    app: {
      wyomingUri: 'tcp://0.0.0.0:10600',
      httpPort: 8099,
      fleet: { counts: () => counts },
      extensions,
    } as unknown as RunningApp,
    home: new DemoHome(),
    speech: { stt: { name: 'phrase' }, tts: { name: 'espeak-ng' } },
    recognizer: createIntentRecognizer(),
    brain: { summary: { agent: 'off', memory: 'off', context: 'in process' } },
  });
}

describe('the start-up summary', () => {
  it('counts the satellites by how they are known, and says discovered ones wait for adoption', () => {
    const text = summaryOf({}, {});
    expect(text).toMatch(
      /satellites: +1 configured, 2 adopted, 3 discovered, not driven; found over zeroconf: listed at \/api\/satellites, driven once adopted/,
    );
    expect(text).toMatch(/MQTT: +off/);
  });

  it('says whether the MQTT broker is connected, without its credentials', () => {
    const status = { url: 'mqtt://broker:1883', connected: false, error: 'connect ECONNREFUSED' };
    const text = summaryOf(
      { mqtt: { url: 'mqtt://jarvis:secret@broker:1883' } },
      { mqtt: { status: () => status } },
    );
    expect(text).toMatch(
      /MQTT: +mqtt:\/\/broker:1883 \(not connected yet: connect ECONNREFUSED; retrying\)/,
    );
    expect(text).not.toMatch(/secret/);
  });
});
