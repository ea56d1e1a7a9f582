import { describe, expect, it } from 'vitest';
import { checkVtln, decodeAtBestWarp, pickWarp, warpArgs } from './warp-selection.js';
import type { Hypothesis } from './sphinx-batch.js';

const heard = (acousticScore: number, frames: number, id = 'utt1'): Hypothesis => ({
  id,
  words: [],
  acousticScore,
  frames,
  speechFrames: frames,
  segments: [],
});

describe('pickWarp', () => {
  it('chooses the phone loop that explains the audio best per frame', () => {
    expect(pickWarp([heard(-4000, 100), heard(-3500, 100), heard(-3900, 100)])).toBe(1);
    // Per frame: a loop whose path ended earlier is not favoured for its smaller total.
    expect(pickWarp([heard(-4000, 100), heard(-3800, 90)])).toBe(0);
  });

  it('counts a loop that reached no final state last, and gives ties to the first', () => {
    expect(pickWarp([heard(0, 0), heard(-5000, 100)])).toBe(1);
    expect(pickWarp([heard(-3000, 100), heard(-3000, 100)])).toBe(0);
    expect(pickWarp([heard(0, 0)])).toBe(0);
    expect(() => pickWarp([])).toThrow(/no warp/);
  });
});

describe('decodeAtBestWarp', () => {
  it('decodes the grammar only at the warp chosen, against that warp loop', async () => {
    const loops = new Map([
      [0.9, heard(-4200, 100)],
      [1, heard(-4000, 100)],
      [1.1, heard(-3900, 100)],
    ]);
    const grammarAsked: number[] = [];
    const result = await decodeAtBestWarp(
      'utt1',
      [0.9, 1, 1.1],
      async (warp) => ({ decode: async () => loops.get(warp)! }),
      (warp) => ({
        decode: async () => (grammarAsked.push(warp), heard(-4100 + warp, 100)),
      }),
    );
    expect(result.warp).toBe(1.1);
    expect(result.free).toBe(loops.get(1.1));
    expect(result.best.acousticScore).toBeCloseTo(-4098.9);
    expect(grammarAsked).toEqual([1.1]);
  });
});

describe('decodeAtBestWarp with tries', () => {
  it("keeps, of the loops' best warps, the sentence that fits best against its own loop", async () => {
    const loops = new Map([
      [0.9, heard(-4200, 100)],
      [1, heard(-3950, 100)],
      [1.1, heard(-3900, 100)],
    ]);
    // Against its loop: at 1.1 the grammar is 300 below, at 1 only 100; 0.9 is not tried.
    const grammar = new Map([
      [0.9, heard(-4000, 100)],
      [1, heard(-4050, 100)],
      [1.1, heard(-4200, 100)],
    ]);
    const asked: number[] = [];
    const result = await decodeAtBestWarp(
      'utt1',
      [0.9, 1, 1.1],
      async (warp) => ({ decode: async () => loops.get(warp)! }),
      (warp) => ({
        decode: async () => (asked.push(warp), { ...grammar.get(warp)!, words: ['on'] }),
      }),
      undefined,
      2,
    );
    expect(asked.sort()).toEqual([1, 1.1]);
    expect(result.warp).toBe(1);
    expect(result.free).toBe(loops.get(1));
  });
});

describe('warpArgs and checkVtln', () => {
  it("gives pocketsphinx the warp's shape and factor", () => {
    expect(warpArgs({ warps: [1] }, 0.94)).toEqual([
      '-warp_type',
      'inverse_linear',
      '-warp_params',
      '0.94',
    ]);
    expect(warpArgs({ warps: [1], type: 'affine' }, 1.1)).toEqual([
      '-warp_type',
      'affine',
      '-warp_params',
      '1.1',
    ]);
  });

  it('refuses no warps, a warp twice and warps no vocal tract has', () => {
    expect(() => checkVtln({ warps: [] })).toThrow(/no warps/);
    expect(() => checkVtln({ warps: [1, 1] })).toThrow(/twice/);
    expect(() => checkVtln({ warps: [0.2] })).toThrow(/outside/);
    expect(() => checkVtln({ warps: [Number.NaN] })).toThrow(/outside/);
    expect(() => checkVtln({ warps: [0.88, 1, 1.12] })).not.toThrow();
    const warps = { warps: [0.9, 1.1] };
    expect(() => checkVtln(warps, ['-warp_params', '1.2'])).toThrow(/override the warps/);
    expect(() => checkVtln(warps, undefined, ['-warp_type', 'affine'])).toThrow(/-warp_type/);
    expect(() => checkVtln(warps, ['-beam', '1e-60'])).not.toThrow();
  });
});
