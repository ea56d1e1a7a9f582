import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { DEPENDENT_SETTINGS, unusedSettings, writtenValue } from './consistency.js';
import { validateConfig } from './load.js';
import { ConfigSchema } from './schema.js';

const DEFAULTS = ConfigSchema.parse({});
const OLD_AGREEMENT = {
  ...{ sentence: 0, run: 0.85, loose_band: 30, loose_sentence: 0.8, loose_run: 0.85 },
  ...{ ask_sentence: 0.7, ask_run: 0, runs: 'neighbours', contrast: -1 },
};

function problems(raw: Record<string, unknown>): string {
  try {
    validateConfig(raw);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe('settings that would do nothing', () => {
  it('tts.wyoming_uri alone makes tts.engine wyoming', () => {
    const config = validateConfig({ tts: { wyoming_uri: 'tcp://core-piper:10200' } });
    expect(config.tts.engine).toBe('wyoming');
    expect(validateConfig({}).tts.engine).toBe('espeak-ng');
  });

  it('refuses tts.engine wyoming without a URI, and espeak-ng with one', () => {
    expect(problems({ tts: { engine: 'wyoming' } })).toContain(
      'tts.wyoming_uri: required when tts.engine is wyoming',
    );
    expect(
      problems({ tts: { engine: 'espeak-ng', wyoming_uri: 'tcp://core-piper:10200' } }),
    ).toContain('tts.wyoming_uri: does nothing while tts.engine is espeak-ng');
  });

  // [what is written, the line expected]; each is refused with the reason.
  const refused: Array<[Record<string, unknown>, string]> = [
    [
      { tts: { wyoming_uri: 'tcp://piper:10200', espeak_rate: 200 } },
      'tts.espeak_rate: does nothing unless tts.engine is espeak-ng',
    ],
    [
      { tts: { wyoming_voice: 'en_US-lessac' } },
      'tts.wyoming_voice: does nothing unless tts.engine is wyoming',
    ],
    [
      { stt: { phrase: { enabled: false, min_confidence: 0.7 }, wyoming_uri: 'tcp://w:10300' } },
      'stt.phrase.min_confidence: does nothing unless stt.phrase.enabled is true',
    ],
    [
      {
        stt: { phrase: { enabled: false }, wyoming_uri: 'tcp://w:10300' },
        pipeline: { early_endpoint_ms: 200 },
      },
      'pipeline.early_endpoint_ms: does nothing unless stt.phrase.enabled is true',
    ],
    [
      { pipeline: { early_endpoint_ms: 0, speculate_after_ms: 100 } },
      'pipeline.speculate_after_ms: does nothing unless',
    ],
    [
      { stt: { wyoming_uri: 'tcp://w:10300' }, pipeline: { rejected_endpoint_ms: 300 } },
      'pipeline.rejected_endpoint_ms: does nothing unless',
    ],
    [
      { stt: { moonshine: { enabled: true } }, pipeline: { rejected_endpoint_ms: 300 } },
      'pipeline.rejected_endpoint_ms: does nothing unless',
    ],
    [
      { stt: { moonshine: { enabled: false, min_confidence: 0.9 } } },
      'stt.moonshine.min_confidence: does nothing unless stt.moonshine.enabled is true',
    ],
    [
      { stt: { moonshine: { enabled: false, model: 'base' }, phrase: { second_opinion: 'off' } } },
      'stt.moonshine.model: does nothing unless',
    ],
    [
      { stt: { phrase: { agreement: { contrast: 0 } } } },
      'stt.phrase.agreement.contrast: does nothing unless stt.phrase.agreement.runs is worst',
    ],
    [
      { wyoming: { zeroconf: false, zeroconf_name: 'den' } },
      'wyoming.zeroconf_name: does nothing unless wyoming.zeroconf is true',
    ],
    [{ mqtt: { username: 'jarvis' } }, 'mqtt.username: does nothing unless mqtt.url is set'],
    [
      { mqtt: { url: 'mqtt://broker:1883', ca_file: '/ca.pem' } },
      'mqtt.ca_file: does nothing unless mqtt.url is mqtts://',
    ],
    [
      { ollama: { enabled: false, model: 'qwen2.5:7b' } },
      'ollama.model: does nothing unless ollama.enabled is true',
    ],
    [
      { ollama: { enabled: false }, agent: { max_tool_rounds: 6 } },
      'agent.max_tool_rounds: does nothing unless ollama.enabled is true',
    ],
    [
      { memory: { enabled: false, recall_limit: 5 } },
      'memory.recall_limit: does nothing unless memory.enabled is true',
    ],
    [
      { memory: { embedder: 'hashed', embed_model: 'mxbai-embed-large' } },
      'memory.embed_model: does nothing unless memory.embedder is ollama',
    ],
    [
      { ollama: { enabled: false, url: 'http://ollama:11434' } },
      'ollama.url: does nothing unless ollama.enabled is true or memory.embedder is ollama',
    ],
  ];
  it.each(refused)('refuses %j', (raw, line) => {
    expect(problems(raw)).toContain(line);
  });

  it('accepts the same settings where they act, and defaults written out anywhere', () => {
    const accepted: Array<Record<string, unknown>> = [
      { tts: { espeak_rate: 200 } },
      { tts: { wyoming_uri: 'tcp://piper:10200', wyoming_voice: 'en_US-lessac' } },
      { mqtt: { url: 'mqtts://broker:8883', username: 'jarvis', ca_file: '/ca.pem' } },
      { ollama: { enabled: false, url: 'http://ollama:11434' }, memory: { embedder: 'ollama' } },
      // Moonshine hears English only: a French home still ends rejected speech early.
      { language: 'fr', pipeline: { rejected_endpoint_ms: 300 } },
      // Every default spelled out, as jarvis.yaml does, with the things they depend on off.
      { ...DEFAULTS, tts: { ...DEFAULTS.tts, engine: undefined, wyoming_uri: 'tcp://p:1' } },
      {
        ...DEFAULTS,
        ollama: { ...DEFAULTS.ollama, enabled: false },
        memory: { ...DEFAULTS.memory, enabled: false },
      },
      // The second opinion's block as jarvis.yaml wrote it before 8 December, and as it does now.
      { stt: { phrase: { agreement: OLD_AGREEMENT } } },
      { stt: { phrase: { second_opinion: 'off', agreement: OLD_AGREEMENT } } },
      { stt: { phrase: { second_opinion: 'off', agreement: { runs: 'neighbours' } } } },
      { stt: { phrase: { agreement: { runs: 'worst', contrast: 0, run: 0.3 } } } },
    ];
    for (const raw of accepted) expect(problems(raw), JSON.stringify(raw)).toBe('');
  });

  it('refuses a section written with one value that is not its default', () => {
    const agreement = { ...OLD_AGREEMENT, run: 0.9 };
    expect(problems({ stt: { phrase: { second_opinion: 'off', agreement } } })).toContain(
      'stt.phrase.agreement: does nothing unless',
    );
  });

  it('lists every rule key as a key of the schema', () => {
    for (const key of DEPENDENT_SETTINGS.flatMap((rule) => rule.keys)) {
      const parent = key.split('.').slice(0, -1).join('.');
      expect(writtenValue(DEFAULTS, parent), key).toBeTypeOf('object');
    }
    expect(unusedSettings({}, DEFAULTS, DEFAULTS)).toEqual([]);
  });

  it('names the setting the way the caller says (the add-on names its options)', () => {
    expect(() =>
      validateConfig(
        { ollama: { url: 'ftp://x' } },
        { nameOf: (path) => (path === 'ollama.url' ? 'ollama_url' : path) },
      ),
    ).toThrow(/ollama_url: expected an http/);
  });
});
