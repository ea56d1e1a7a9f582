import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addonConfig, OPTION_PATHS, optionName, optionsToRaw } from './options.js';

const MANIFEST = parse(
  readFileSync(new URL('../../../ha-addon/config.yaml', import.meta.url), 'utf8'),
) as { options: Record<string, unknown>; schema: Record<string, unknown> };
const RUNTIME = { dataDir: '/data' };

function refusal(options: Record<string, unknown>, base?: Record<string, unknown>): string {
  try {
    addonConfig(options, RUNTIME, base);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('add-on options onto the server configuration', () => {
  it('maps every option of the manifest, and only those', () => {
    expect(Object.keys(OPTION_PATHS).sort()).toEqual(Object.keys(MANIFEST.schema).sort());
  });

  it("takes the manifest's defaults: data in /data, no Ollama URL turns the agent off", () => {
    const config = addonConfig(MANIFEST.options, RUNTIME);
    expect(config.data_dir).toBe('/data');
    expect(config.ollama.enabled).toBe(false);
    expect(config.wake.models).toEqual(['hey_jarvis']);
    expect(config.mqtt.url).toBeUndefined();
  });

  it('sets what each option names', () => {
    const config = addonConfig(
      {
        ...MANIFEST.options,
        language: 'fr',
        ollama_url: 'http://192.168.1.20:11434',
        ollama_model: 'qwen2.5:7b',
        satellites: [{ uri: 'tcp://kitchen-pi:10700', name: 'kitchen', area: 'Kitchen' }],
        tts_wyoming_uri: 'tcp://core-piper:10200',
        api_token: '0123456789abcdef',
        wake_speed_variants: 0.05,
        moonshine: false,
        moonshine_model: 'base',
      },
      RUNTIME,
    );
    expect(config.language).toBe('fr');
    expect(config.stt.moonshine.enabled).toBe(false);
    expect(config.stt.moonshine.model).toBe('base');
    expect(config.wake.speed_variants).toBe(0.05);
    expect(config.ollama).toMatchObject({ enabled: true, model: 'qwen2.5:7b' });
    expect(config.satellites).toEqual([
      { uri: 'tcp://kitchen-pi:10700', name: 'kitchen', area: 'Kitchen' },
    ]);
    expect(config.tts.engine).toBe('wyoming');
    expect(config.http.token).toBe('0123456789abcdef');
  });

  it("uses the Supervisor's broker unless an MQTT option says otherwise", () => {
    const mqtt = { url: 'mqtt://core-mosquitto:1883', username: 'addons', password: 'secret' };
    expect(addonConfig(MANIFEST.options, { ...RUNTIME, mqtt }).mqtt).toMatchObject(mqtt);
    const own = addonConfig(
      { ...MANIFEST.options, mqtt_url: 'mqtt://10.0.0.5:1883' },
      { ...RUNTIME, mqtt },
    );
    expect(own.mqtt.url).toBe('mqtt://10.0.0.5:1883');
    expect(own.mqtt.username).toBeUndefined();
  });

  it('names the option in every error, and a jarvis.yaml key by its path', () => {
    const message = refusal(
      {
        ...MANIFEST.options,
        ollama_model: 'qwen2.5:7b',
        api_token: 'short',
        satellites: [{ uri: 'kitchen' }],
        mqtt_username: 'jarvis',
      },
      { tts: { espeak_rate: 9000 } },
    );
    expect(message).toContain('invalid configuration (add-on options)');
    expect(refusal({ ...MANIFEST.options, wake_speed_variants: 2 })).toContain(
      'wake_speed_variants: number must be less than or equal to 1',
    );
    expect(message).toContain('api_token: use at least 16 characters');
    expect(message).toContain('satellites.0.uri: expected tcp://host:port');
    expect(message).toContain(
      'jarvis.yaml tts.espeak_rate: number must be less than or equal to 450',
    );
    expect(refusal({ ...MANIFEST.options, ollama_model: 'qwen2.5:7b' })).toContain(
      'ollama_model: does nothing unless ollama.enabled is true',
    );
    expect(refusal({ ...MANIFEST.options, mqtt_username: 'jarvis' })).toContain(
      'mqtt_username: does nothing unless mqtt.url is set',
    );
    expect(refusal({ ...MANIFEST.options, colour: 'blue' })).toContain(
      'unknown add-on options: colour',
    );
  });

  it('lets options win over jarvis.yaml and fixes the runtime settings', () => {
    const raw = optionsToRaw(
      { language: 'fr' },
      { dataDir: '/data', fixed: { 'wyoming.zeroconf': false } },
      { language: 'en', data_dir: '/elsewhere', stt: { timeout_ms: 5000 } },
    );
    expect(raw).toMatchObject({
      language: 'fr',
      data_dir: '/data',
      stt: { timeout_ms: 5000 },
      wyoming: { zeroconf: false },
    });
    expect(optionName('wake.models.0')).toBe('wake_words.0');
  });
});
