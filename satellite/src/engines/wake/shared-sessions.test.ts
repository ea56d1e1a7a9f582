import { describe, expect, it } from 'vitest';
import { resolveWakeWordModels } from './builtin-models.js';
import { openModel, releaseModel } from './onnx-models.js';
import { OpenWakeWord } from './openwakeword.js';
import { builtinFeatureModels } from './builtin-models.js';

describe('model sessions shared between detectors', () => {
  it('opens a model file once while it is in use', async () => {
    const path = builtinFeatureModels().embedding;
    const first = await openModel(path);
    const second = await openModel(path);
    expect(second).toBe(first);
    await releaseModel(first);
    await releaseModel(second);
    const fresh = await openModel(path);
    expect(fresh).not.toBe(first); // the last release freed it
    await releaseModel(fresh);
  });

  it('closing one detector leaves another that shares its models working', async () => {
    const models = resolveWakeWordModels({ names: ['hey_jarvis'] });
    const a = await OpenWakeWord.load({ models });
    const b = await OpenWakeWord.load({ models });
    await a.close();
    await expect(b.process(new Int16Array(16000))).resolves.toEqual([]);
    await b.close();
    const c = await OpenWakeWord.load({ models });
    await expect(c.process(new Int16Array(16000))).resolves.toEqual([]);
    await c.close();
  });
});
