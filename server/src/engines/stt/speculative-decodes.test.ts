import { describe, expect, it } from 'vitest';
import { type SpeechDecode, SpeculativeDecodes } from './speculative-decodes.js';

const decoder = {};
const audio = new Uint8Array(64).fill(3);
const speech = { start: 0, end: 64 };
const decoded: SpeechDecode = { result: { text: 'turn on the light' } as SpeechDecode['result'] };

describe('SpeculativeDecodes', () => {
  it('gives the kept decode of the same speech once', async () => {
    const decodes = new SpeculativeDecodes();
    decodes.keep({ decoder, audio, speech, decode: Promise.resolve(decoded) });
    expect(await decodes.reuse({}, audio, speech)).toBeUndefined(); // another grammar's decoder
    expect(await decodes.reuse(decoder, audio, speech)).toBe(decoded);
    expect(await decodes.reuse(decoder, audio, speech)).toBeUndefined();
  });

  it('does not reuse a decode that failed or was cut short', async () => {
    const decodes = new SpeculativeDecodes();
    decodes.keep({ decoder, audio, speech, decode: Promise.reject(new Error('decoder died')) });
    expect(await decodes.reuse(decoder, audio, speech)).toBeUndefined();
    const timeout = new AbortController();
    let finish!: (d: SpeechDecode) => void;
    const decode = new Promise<SpeechDecode>((resolve) => (finish = resolve));
    decodes.keep({ decoder, audio, speech, decode }, timeout.signal);
    const reused = decodes.reuse(decoder, audio, speech);
    timeout.abort(new Error('speculation timed out'));
    finish(decoded);
    expect(await reused).toBeUndefined();
  });

  it('stops waiting for a kept decode when the turn is cancelled', async () => {
    const decodes = new SpeculativeDecodes();
    decodes.keep({ decoder, audio, speech, decode: new Promise<SpeechDecode>(() => {}) });
    const turn = new AbortController();
    const reused = decodes.reuse(decoder, audio, speech, turn.signal);
    turn.abort(new Error('turn cancelled'));
    await expect(reused).rejects.toThrow('turn cancelled');
  });
});
