import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speak, wordsOf } from '../../../../tests/helpers/speech.js';
import { transcriptWords } from './agreement.js';
import { MoonshineEngine } from './moonshine-engine.js';
import { decoderShape, defaultMoonshineDir, MoonshineRecognizer } from './moonshine.js';

const FORMANT_VOICE = { engine: 'espeak-ng', name: 'en-us+f3' } as const;

describe('MoonshineRecognizer (Moonshine base, real weights)', () => {
  let recognizer: MoonshineRecognizer;
  beforeAll(async () => {
    recognizer = await MoonshineRecognizer.load({ size: 'base' });
  });
  afterAll(() => recognizer.close());

  it('is found in its own npm package, apart from tiny', () => {
    expect(defaultMoonshineDir(undefined, 'base')).toMatch(
      /moonshine-base-en\/dist\/model\/base\/quantized$/,
    );
    expect(recognizer.model).not.toBe(defaultMoonshineDir());
  });

  it('hears an espeak-ng formant voice that tiny mishears ("vacation lights")', async () => {
    const said = 'set the kitchen lights to seventy percent';
    const { audio } = await speak(said, FORMANT_VOICE);
    expect(transcriptWords(await recognizer.transcribe(audio))).toEqual(transcriptWords(said));
  });

  it('is the general engine with `size: base`, its confidence from its own tokens', async () => {
    const engine = new MoonshineEngine({ size: 'base', createVad: null });
    try {
      const { audio } = await speak('tell me a joke', FORMANT_VOICE);
      const heard = await engine.hear({ audio });
      expect(wordsOf(heard.text)).toEqual(wordsOf('tell me a joke'));
      expect(heard.confidence).toBeGreaterThan(0.5);
      expect(heard.confidence).toBeLessThanOrEqual(1);
    } finally {
      await engine.close();
    }
  });
});

describe('decoderShape', () => {
  const cache = (name: string, dims: readonly (number | string)[]) => ({
    name,
    isTensor: true as const,
    type: 'float32' as const,
    shape: dims,
  });

  it("reads the layers and the first layer's heads and head size the decoder declares", () => {
    const names = [0, 1, 2].flatMap((l) =>
      ['decoder.key', 'decoder.value', 'encoder.key'].map((p) => `past_key_values.${l}.${p}`),
    );
    const shape = decoderShape({
      inputNames: ['input_ids', ...names],
      inputMetadata: [cache('past_key_values.0.decoder.key', ['batch', 8, 'past', 52])],
    });
    expect(shape).toEqual({ layers: 3, heads: 8, headSize: 52 });
  });

  it('refuses a decoder without a key/value cache', () => {
    expect(() => decoderShape({ inputNames: ['input_ids'], inputMetadata: [] })).toThrow(
      /key\/value cache/,
    );
  });
});
