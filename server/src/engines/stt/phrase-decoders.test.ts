import { describe, expect, it } from 'vitest';
import { GRAMMAR_ARGS, mergeArgs, SHARED_ARGS } from './phrase-decoders.js';

describe('mergeArgs', () => {
  it('overrides a flag in place and appends new ones, the last override winning', () => {
    expect(
      mergeArgs(
        ['-beam', '1e-80', '-topn', '8'],
        ['-beam', '1e-60', '-cmn', 'batch'],
        ['-beam', '1e-40'],
      ),
    ).toEqual(['-beam', '1e-40', '-topn', '8', '-cmn', 'batch']);
  });

  it('gives pocketsphinx each flag once, whatever the overrides repeat', () => {
    const merged = mergeArgs([...SHARED_ARGS, ...GRAMMAR_ARGS], GRAMMAR_ARGS, SHARED_ARGS);
    const flags = merged.filter((_, i) => i % 2 === 0);
    expect(new Set(flags).size).toBe(flags.length);
    expect(merged).toEqual([...SHARED_ARGS, ...GRAMMAR_ARGS]);
  });

  it('refuses a flag without its value', () => {
    expect(() => mergeArgs([], ['-beam'])).toThrow(/pairs/);
    expect(() => mergeArgs([], ['beam', '1e-40'])).toThrow(/not a decoder flag/);
  });
});
