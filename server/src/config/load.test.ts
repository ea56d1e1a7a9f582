import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZodDefault, ZodEffects, ZodObject, type ZodTypeAny } from 'zod';
import { ConfigError } from '../errors.js';
import { loadConfig } from './load.js';
import { ConfigSchema } from './schema.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const ROOT_CONFIG = new URL('../../../jarvis.yaml', import.meta.url).pathname;

function file(text: string): string {
  const path = join(tempDir('jarvis-config-'), 'config.yaml');
  writeFileSync(path, text);
  return path;
}

/** Every key path of the schema (`http.port`, `stt.phrase.enabled`, ...). */
function keyPaths(schema: ZodTypeAny, prefix = ''): string[] {
  let inner = schema;
  // Through defaults, refinements and transforms (tts, the second opinion's needs).
  while (inner instanceof ZodDefault || inner instanceof ZodEffects) {
    inner = inner instanceof ZodDefault ? inner._def.innerType : inner._def.schema;
  }
  if (!(inner instanceof ZodObject)) return [prefix];
  return Object.entries(inner.shape as Record<string, ZodTypeAny>).flatMap(([key, value]) =>
    keyPaths(value, prefix ? `${prefix}.${key}` : key),
  );
}

describe('configuration', () => {
  it('jarvis.yaml at the root is valid and equals the defaults', () => {
    expect(loadConfig({ file: ROOT_CONFIG, env: {} })).toEqual(loadConfig({ env: {} }));
  });

  it('jarvis.yaml documents every key of the schema', () => {
    const text = readFileSync(ROOT_CONFIG, 'utf8');
    for (const path of keyPaths(ConfigSchema)) {
      const key = path.split('.').at(-1)!;
      expect(text, `jarvis.yaml does not mention ${path}`).toMatch(
        new RegExp(`^\\s*#?\\s*(- )?${key}:`, 'm'),
      );
    }
  });

  it('has the fixed ports and the in-process defaults', () => {
    const config = loadConfig({ env: {} });
    expect(config.wyoming.uri).toBe('tcp://0.0.0.0:10600');
    expect(config.http.port).toBe(8099);
    expect(config.home_assistant.url).toBeUndefined();
    expect(config.redis.url).toBeUndefined();
    expect(config.arbitration.window_ms).toBe(300);
  });

  it('takes the environment overrides', () => {
    const config = loadConfig({
      env: {
        JARVIS_HTTP_PORT: '9000',
        JARVIS_WYOMING_URI: 'tcp://127.0.0.1:10601',
        JARVIS_HA_URL: 'http://ha.local:8123',
        JARVIS_HA_TOKEN: 'secret',
        JARVIS_API_TOKEN: '0123456789abcdef',
        JARVIS_REDIS_URL: 'redis://127.0.0.1:6380',
        JARVIS_DATA_DIR: '/var/lib/jarvis',
        JARVIS_OLLAMA_MODEL: 'qwen2.5:7b-instruct',
      },
    });
    expect(config.http.port).toBe(9000);
    expect(config.wyoming.uri).toBe('tcp://127.0.0.1:10601');
    expect(config.home_assistant).toEqual({ url: 'http://ha.local:8123', token: 'secret' });
    expect(config.redis.url).toBe('redis://127.0.0.1:6380');
    expect(config.data_dir).toBe('/var/lib/jarvis');
    expect(config.ollama.model).toBe('qwen2.5:7b-instruct');
  });

  it('lists every error by its path', () => {
    const path = file(
      'http:\n  port: eighty\nwyoming:\n  uri: http://x\nsatellites:\n  - uri: tcp://pi:10700\n    room: x\ncolour: blue\nwake:\n  speed_variants: 1.5\n',
    );
    let message = '';
    try {
      loadConfig({ file: path, env: { JARVIS_HTTP_PORT: 'abc' } });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain(`invalid configuration in ${path}`);
    expect(message).toContain(
      "http.port (from JARVIS_HTTP_PORT): expected a whole number, got 'abc'",
    );
    expect(message).toContain('http.port: expected number, received string');
    expect(message).toContain('wyoming.uri: expected tcp://host:port or unix://path');
    expect(message).toContain('satellites.0.room: unknown key');
    expect(message).toContain('colour: unknown key');
    expect(message).toContain('wake.speed_variants: ');
  });

  it('takes the languages of names set by hand, and only known ones', () => {
    const names = 'stt:\n  phrase:\n    name_languages:\n      Salon: fr\n      Draco: any\n';
    expect(loadConfig({ file: file(names), env: {} }).stt.phrase.name_languages).toEqual({
      Salon: 'fr',
      Draco: 'any',
    });
    expect(() => loadConfig({ file: file(names.replace('any', 'de')), env: {} })).toThrow(
      'stt.phrase.name_languages.Draco: ',
    );
  });

  it('refuses a phrase confidence the engine never gives (the 0.975 of older files)', () => {
    const old = 'stt:\n  phrase:\n    sensitive_confidence: 0.975\n';
    expect(() => loadConfig({ file: file(old), env: {} })).toThrow(
      "stt.phrase.sensitive_confidence: the phrase engine's confidence is at most 0.88",
    );
    const reachable = old.replace('0.975', '0.8');
    expect(loadConfig({ file: file(reachable), env: {} }).stt.phrase.sensitive_confidence).toBe(
      0.8,
    );
  });

  it('reads stt.moonshine, and names the key of a bad value', () => {
    const on = 'stt:\n  moonshine:\n    enabled: true\n    min_confidence: 0.8\n';
    expect(loadConfig({ file: file(on), env: {} }).stt.moonshine).toEqual({
      enabled: true,
      min_confidence: 0.8,
      model: 'tiny',
    });
    const base = loadConfig({ file: file(`${on}    model: base\n`), env: {} });
    expect(base.stt.moonshine.model).toBe('base');
    expect(() => loadConfig({ file: file(`${on}    model: small\n`), env: {} })).toThrow(
      'stt.moonshine.model: ',
    );
    expect(() => loadConfig({ file: file(on.replace('0.8', '1.5')), env: {} })).toThrow(
      'stt.moonshine.min_confidence: ',
    );
    expect(() => loadConfig({ file: file(on.replace('true', 'yes please')), env: {} })).toThrow(
      'stt.moonshine.enabled: ',
    );
  });

  it('names a file it cannot read or parse', () => {
    expect(() => loadConfig({ file: '/nonexistent.yaml', env: {} })).toThrow(
      'cannot read /nonexistent.yaml: ENOENT',
    );
    expect(() => loadConfig({ file: file('a: [1'), env: {} })).toThrow('is not valid YAML');
  });
});
