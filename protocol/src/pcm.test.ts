import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors.js';
import { assertPcmWidth, convertPcmWidth, decodePcm, encodePcm, pcmSampleCount } from './pcm.js';

const hex = (text: string) =>
  Uint8Array.from(text.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe('decodePcm', () => {
  it('reads width 1 as signed 8-bit, like audioop', () => {
    expect(Array.from(decodePcm(hex('807fff0100'), 1))).toEqual([
      -1,
      127 / 128,
      -1 / 128,
      1 / 128,
      0,
    ]);
  });

  it('reads 16-bit little-endian signed samples', () => {
    const samples = decodePcm(hex('0080ff7f0100ffff'), 2);
    expect(Array.from(samples)).toEqual([-1, 32767 / 32768, 1 / 32768, -1 / 32768]);
  });

  it('sign-extends 24-bit samples', () => {
    const samples = decodePcm(hex('000080ffff7fffffff010000'), 3, new Float64Array(4));
    expect(Array.from(samples)).toEqual([-1, 8388607 / 8388608, -1 / 8388608, 1 / 8388608]);
  });

  it('reads 32-bit samples exactly into a Float64Array', () => {
    const samples = decodePcm(hex('00000080ffffff7fffffffff'), 4, new Float64Array(3));
    expect(Array.from(samples)).toEqual([-1, 2147483647 / 2147483648, -1 / 2147483648]);
  });

  it('ignores a trailing partial sample and honours byteOffset', () => {
    const bytes = hex('aa0100020003');
    expect(Array.from(decodePcm(bytes.subarray(1), 2))).toEqual(
      [0x0001, 0x0002].map((v) => v / 32768),
    );
  });

  it('rejects a buffer that is too small', () => {
    expect(() => decodePcm(new Uint8Array(8), 2, new Float32Array(3))).toThrow(ProtocolError);
  });
});

describe('encodePcm', () => {
  it('rounds to nearest and clips to the width range', () => {
    const bytes = encodePcm(
      [1, -1, 1.5, -1.5, 0.6 / 32768, -0.6 / 32768, 0.4 / 32768, Number.NaN],
      2,
    );
    const view = new DataView(bytes.buffer);
    const values = Array.from({ length: 8 }, (_, i) => view.getInt16(i * 2, true));
    expect(values).toEqual([32767, -32768, 32767, -32768, 1, -1, 0, 0]);
  });

  it('writes 24-bit extremes in little-endian order', () => {
    expect(encodePcm([-1, 1, -1 / 8388608], 3)).toEqual(hex('000080ffff7fffffff'));
  });

  it('writes width 1 as signed 8-bit', () => {
    expect(encodePcm([-1, 0, 1, -1 / 128], 1)).toEqual(hex('80007fff'));
  });
});

describe('round trips', () => {
  for (const width of [1, 2, 3]) {
    it(`width ${width} survives decode/encode through Float32Array`, () => {
      const bytes = randomBytes(width * 999, width);
      expect(encodePcm(decodePcm(bytes, width), width)).toEqual(bytes);
    });
  }

  it('width 4 survives decode/encode through Float64Array', () => {
    const bytes = randomBytes(4 * 999, 4);
    expect(encodePcm(decodePcm(bytes, 4, new Float64Array(999)), 4)).toEqual(bytes);
  });

  it('widening then narrowing gives the original samples', () => {
    const bytes = randomBytes(2 * 500, 7);
    for (const wide of [3, 4]) {
      expect(convertPcmWidth(convertPcmWidth(bytes, 2, wide), wide, 2)).toEqual(bytes);
    }
    const eight = randomBytes(300, 9);
    expect(convertPcmWidth(convertPcmWidth(eight, 1, 2), 2, 1)).toEqual(eight);
  });

  it('widens 8-bit to 16-bit the way audioop.lin2lin does', () => {
    // audioop.lin2lin(bytes.fromhex('807fff0100'), 1, 2).hex()
    expect(convertPcmWidth(hex('807fff0100'), 1, 2)).toEqual(hex('0080007f00ff00010000'));
  });

  it('narrows with rounding instead of truncation', () => {
    // 0x0080 is exactly half an 8-bit step, 0x7fff clips, -1 rounds to 0.
    expect(convertPcmWidth(hex('8000ff7fffff7f00'), 2, 1)).toEqual(hex('017f0000'));
  });

  it('returns the same bytes when the width does not change', () => {
    const bytes = randomBytes(8, 1);
    expect(convertPcmWidth(bytes, 2, 2)).toBe(bytes);
  });
});

describe('widths', () => {
  it.each([0, 5, 8, 1.5, -2, Number.NaN])('rejects width %s', (width) => {
    expect(() => assertPcmWidth(width)).toThrow(ProtocolError);
    expect(() => decodePcm(new Uint8Array(4), width)).toThrow(/unsupported PCM sample width/);
    expect(() => encodePcm([0], width)).toThrow(/expected 1, 2, 3 or 4/);
  });

  it('counts whole samples', () => {
    expect(pcmSampleCount(10, 3)).toBe(3);
  });
});
