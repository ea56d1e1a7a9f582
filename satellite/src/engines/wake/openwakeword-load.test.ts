import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, EngineError } from '../../errors.js';
import { builtinFeatureModels, builtinModelDir, resolveWakeWordModels } from './builtin-models.js';
import { OpenWakeWord } from './openwakeword.js';
import type { WakeWordModel } from './wake-word.js';

const dir = mkdtempSync(join(tmpdir(), 'jarvis-wake-load-'));
const corrupt = join(dir, 'corrupt_v0.1.onnx');
writeFileSync(corrupt, Buffer.from('this is not an ONNX model, just some text'));
const missing = join(dir, 'missing_v0.1.onnx');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const timer = join(builtinModelDir(), 'timer_v0.1.onnx');
const [heyJarvis] = resolveWakeWordModels({ names: [] }) as [WakeWordModel];

async function loadError(load: Promise<OpenWakeWord>): Promise<Error> {
  const error = await load.then(
    (detector) => detector.close().then(() => undefined),
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected the load to fail');
  return error;
}

describe('OpenWakeWord.load', () => {
  it.each([
    ['a missing classifier', { models: [{ ...heyJarvis, path: missing }] }, missing, /not found/],
    ['a corrupt classifier', { models: [{ ...heyJarvis, path: corrupt }] }, corrupt, /cannot load/],
    [
      'a missing melspectrogram model',
      { models: [heyJarvis], melspectrogramPath: missing },
      missing,
      /not found/,
    ],
    [
      'a corrupt embedding model',
      { models: [heyJarvis], embeddingPath: corrupt },
      corrupt,
      /cannot load/,
    ],
    [
      'a classifier given as the embedding model',
      { models: [heyJarvis], embeddingPath: heyJarvis.path },
      heyJarvis.path,
      /is not an embedding model/,
    ],
    [
      'the melspectrogram given as a classifier',
      { models: [{ ...heyJarvis, path: builtinFeatureModels().melspectrogram }] },
      builtinFeatureModels().melspectrogram,
      /is not a wake word classifier/,
    ],
    [
      'a classifier with several outputs',
      { models: [{ ...heyJarvis, path: timer }] },
      timer,
      /is not a wake word classifier/,
    ],
  ])('gives an EngineError naming %s', async (_, options, file, message) => {
    const error = await loadError(OpenWakeWord.load(options));
    expect(error).toBeInstanceOf(EngineError);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^openwakeword: /);
    expect((error as EngineError).retryable).toBe(false);
  });

  it('gives a ConfigError for no models, a name listed twice, or bad settings', async () => {
    for (const models of [[], [heyJarvis, heyJarvis], [{ ...heyJarvis, threshold: 0 }]]) {
      expect(await loadError(OpenWakeWord.load({ models }))).toBeInstanceOf(ConfigError);
    }
  });

  it('refuses to work once closed', async () => {
    const detector = await OpenWakeWord.load({ models: [heyJarvis] });
    expect(detector.models).toEqual([heyJarvis]);
    expect(await detector.process(new Int16Array(1280 * 3))).toEqual([]);
    await detector.close();
    await detector.close();
    await expect(detector.process(new Int16Array(1280))).rejects.toThrow(EngineError);
    await expect(detector.batchScores(new Int16Array(1280))).rejects.toThrow(/closed/);
  });
});
