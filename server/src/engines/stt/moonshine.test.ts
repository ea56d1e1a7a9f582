import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_VOICE, silence, speak, wordsOf } from '../../../../tests/helpers/speech.js';
import { EngineError } from '../../errors.js';
import { defaultMoonshineDir, MoonshineRecognizer, pcmToFloat } from './moonshine.js';

describe('MoonshineRecognizer (Moonshine tiny, real weights)', () => {
  let recognizer: MoonshineRecognizer;
  beforeAll(async () => {
    recognizer = await MoonshineRecognizer.load();
  });
  afterAll(() => recognizer.close());

  it('writes down what a voice said, in or out of any grammar', async () => {
    for (const said of ['close the garage door', 'tell me a joke']) {
      const { audio } = await speak(said, COMMAND_VOICE);
      expect(wordsOf(await recognizer.transcribe(audio))).toEqual(wordsOf(said));
    }
  });

  it('hears a sentence near a command as what it is, not as the command', async () => {
    const { audio } = await speak('make it twelve degrees', COMMAND_VOICE);
    expect(wordsOf(await recognizer.transcribe(audio))).toEqual(wordsOf('make it twelve degrees'));
  });

  it('returns nothing for too little audio', async () => {
    expect(await recognizer.transcribe(silence(50))).toBe('');
    expect(await recognizer.scorePhrases(silence(50), ['hey jarvis'])).toBeUndefined();
  });

  it('finds the phrase said likelier than a near miss, beside the same text', async () => {
    const { audio } = await speak('hey travis', COMMAND_VOICE);
    const scores = (await recognizer.scorePhrases(audio, ['Hey, Travis', 'Hey, Jarvis']))!;
    expect(scores.text).toBe(await recognizer.transcribe(audio));
    const [said, other] = scores.phraseLogProbs as [number, number];
    expect(said).toBeGreaterThan(other + 3);
    expect(scores.textLogProb).toBeLessThan(0);
  });

  it('stops when its turn is aborted', async () => {
    const { audio } = await speak('turn on the kitchen light', COMMAND_VOICE);
    const controller = new AbortController();
    controller.abort();
    await expect(recognizer.transcribe(audio, controller.signal)).rejects.toThrow();
  });
});

describe('Moonshine model files', () => {
  it('are found in the npm package', () => {
    expect(defaultMoonshineDir()).toMatch(/moonshine-js\/dist\/model\/tiny\/quantized$/);
  });

  it('a folder without them is an EngineError naming the folder', async () => {
    const error = await MoonshineRecognizer.load({ modelDir: '/nonexistent' }).catch((e) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(String(error.message)).toContain('/nonexistent');
  });

  it('closes once, however many engines that share it close it', async () => {
    const shared = await MoonshineRecognizer.load();
    await Promise.all([shared.close(), shared.close()]);
    await expect(shared.close()).resolves.toBeUndefined();
  });

  it('a package that is not installed is an EngineError', () => {
    expect(() => defaultMoonshineDir('/')).toThrow(EngineError);
  });

  it('reads 16-bit little-endian PCM as floats', () => {
    expect([...pcmToFloat(Uint8Array.of(0, 0x80, 0xff, 0x7f, 0, 0x40))]).toEqual([
      -1,
      32767 / 32768,
      0.5,
    ]);
  });
});
