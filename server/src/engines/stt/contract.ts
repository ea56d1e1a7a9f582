// The contract every SpeechToText keeps, as a shared vitest suite: each implementation's test
// file calls `speechToTextContract` with a way to build a ready engine (Hono's router tests
// work the same way). Audio is real speech made with espeak-ng at test time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinPcm, silence, speak } from '../../../../tests/helpers/speech.js';
import { normalizeSentence } from './phrase-text.js';
import type { SpeechToText } from './stt.js';

export interface SpeechToTextContractSetup {
  /** Builds a ready engine (grammar loaded, service described...). */
  create(): Promise<SpeechToText>;
  /** A command the engine must get right from a clear espeak-ng voice. */
  command: string;
}

export function speechToTextContract(name: string, setup: SpeechToTextContractSetup): void {
  describe(`SpeechToText contract: ${name}`, () => {
    let engine: SpeechToText;
    let command: Uint8Array;

    beforeAll(async () => {
      engine = await setup.create();
      command = joinPcm(silence(200), (await speak(setup.command)).audio, silence(200)).audio;
    });
    afterAll(() => engine.close());

    it('has a name and lists its languages', () => {
      expect(engine.name).toMatch(/\S/);
      expect(Array.isArray(engine.languages)).toBe(true);
      for (const language of engine.languages) expect(language).toMatch(/^[a-z]{2,3}\b/i);
    });

    it('transcribes a command, says which engine answered, with a confidence in 0..1', async () => {
      const result = await engine.transcribe({ audio: command, language: 'en' });
      expect(normalizeSentence(result.text)).toBe(normalizeSentence(setup.command));
      expect(result.confidence).toBeGreaterThan(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(result.engine).toMatch(/\S/);
    });

    it('answers silence without throwing, with a confidence in 0..1', async () => {
      const result = await engine.transcribe({ audio: silence(600) });
      expect(typeof result.text).toBe('string');
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    });

    it('rejects at once when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort(new Error('stop'));
      await expect(engine.transcribe({ audio: command }, controller.signal)).rejects.toThrow();
    });

    it('still transcribes after an aborted call', async () => {
      const controller = new AbortController();
      const aborted = engine.transcribe({ audio: command }, controller.signal);
      controller.abort(new Error('stop'));
      await expect(aborted).rejects.toThrow();
      const result = await engine.transcribe({ audio: command });
      expect(normalizeSentence(result.text)).toBe(normalizeSentence(setup.command));
    });
  });
}
