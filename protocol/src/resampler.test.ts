import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors.js';
import { Resampler } from './resampler.js';

function tone(frequency: number, rate: number, frames: number, amplitude = 0.5): Float32Array {
  return Float32Array.from(
    { length: frames },
    (_, n) => amplitude * Math.sin((2 * Math.PI * frequency * n) / rate),
  );
}

function whole(resampler: Resampler, input: Float32Array): Float32Array {
  return concat([resampler.process(input), resampler.flush()]);
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Least-squares fit of a sin(wt) + b cos(wt) over [from, to): the sine and cosine parts
 * (time alignment shows as b = 0) and the RMS of what the sinusoid does not explain.
 */
function fitSine(signal: Float32Array, frequency: number, rate: number, from: number, to: number) {
  let ss = 0;
  let cc = 0;
  let sc = 0;
  let ys = 0;
  let yc = 0;
  for (let n = from; n < to; n++) {
    const s = Math.sin((2 * Math.PI * frequency * n) / rate);
    const c = Math.cos((2 * Math.PI * frequency * n) / rate);
    const y = signal[n]!;
    ss += s * s;
    cc += c * c;
    sc += s * c;
    ys += y * s;
    yc += y * c;
  }
  const det = ss * cc - sc * sc;
  const sine = (ys * cc - yc * sc) / det;
  const cosine = (yc * ss - ys * sc) / det;
  let residual = 0;
  for (let n = from; n < to; n++) {
    const model =
      sine * Math.sin((2 * Math.PI * frequency * n) / rate) +
      cosine * Math.cos((2 * Math.PI * frequency * n) / rate);
    residual += (signal[n]! - model) ** 2;
  }
  return { sine, cosine, residualRms: Math.sqrt(residual / (to - from)) };
}

function rms(signal: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let n = from; n < to; n++) sum += signal[n]! ** 2;
  return Math.sqrt(sum / (to - from));
}

const dB = (ratio: number) => 20 * Math.log10(ratio);

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RATIOS: [number, number][] = [
  [48000, 16000],
  [44100, 16000],
  [22050, 16000],
  [8000, 16000],
  [16000, 48000],
  [16000, 22050],
  [16000, 8000],
];

describe('Resampler accuracy', () => {
  it.each(RATIOS)(
    'keeps a 1 kHz sine at %i -> %i Hz in frequency, amplitude and phase',
    (from, to) => {
      const out = whole(new Resampler(from, to, 1), tone(1000, from, from / 2));
      const fit = fitSine(out, 1000, to, 200, out.length - 200);
      expect(fit.sine).toBeCloseTo(0.5, 4);
      expect(Math.abs(fit.cosine)).toBeLessThan(1e-4);
      expect(dB(fit.residualRms / 0.5)).toBeLessThan(-70);
    },
  );

  it('passes 7 kHz at 48 kHz -> 16 kHz: it is inside the 8 kHz band', () => {
    const out = whole(new Resampler(48000, 16000, 1), tone(7000, 48000, 24000));
    const fit = fitSine(out, 7000, 16000, 200, out.length - 200);
    expect(Math.abs(dB(fit.sine / 0.5))).toBeLessThan(0.01);
    expect(dB(fit.residualRms / 0.5)).toBeLessThan(-70);
  });

  it('suppresses tones above the output Nyquist frequency by more than 70 dB (48k -> 16k)', () => {
    const resampler = new Resampler(48000, 16000, 1);
    let worst = Number.NEGATIVE_INFINITY;
    for (let frequency = 8050; frequency < 24000; frequency += 397) {
      const out = whole(resampler, tone(frequency, 48000, 12000));
      worst = Math.max(worst, dB(rms(out, 200, out.length - 200) / (0.5 / Math.SQRT2)));
    }
    expect(worst).toBeLessThan(-70);
  });

  it('attenuates a 7 kHz tone at 48 kHz -> 8 kHz by more than 60 dB', () => {
    const out = whole(new Resampler(48000, 8000, 1), tone(7000, 48000, 24000));
    expect(dB(rms(out, 200, out.length - 200) / (0.5 / Math.SQRT2))).toBeLessThan(-60);
  });

  it('suppresses the images of upsampling (16k -> 48k, 7 kHz tone)', () => {
    const out = whole(new Resampler(16000, 48000, 1), tone(7000, 16000, 8000));
    const fit = fitSine(out, 7000, 48000, 600, out.length - 600);
    expect(fit.sine).toBeCloseTo(0.5, 3);
    expect(dB(fit.residualRms / 0.5)).toBeLessThan(-70);
  });

  it('has unity gain at DC for every phase (44.1k -> 16k)', () => {
    const out = whole(new Resampler(44100, 16000, 1), new Float32Array(4410).fill(0.5));
    for (let n = 200; n < out.length - 200; n++) expect(Math.abs(out[n]! - 0.5)).toBeLessThan(1e-6);
  });
});

describe('Resampler timing', () => {
  it.each([
    [48000, 16000, 4800, 1600],
    [16000, 22050, 3200, 4410],
    [44100, 16000, 4410, 1600],
    [8000, 16000, 800, 1600],
  ])(
    'puts a pulse at input %i Hz frame %i at the same time in the output',
    (from, to, at, expected) => {
      const input = new Float32Array(from / 2);
      input[at] = 1;
      const out = whole(new Resampler(from, to, 1), input);
      let peak = 0;
      for (let n = 1; n < out.length; n++) if (out[n]! > out[peak]!) peak = n;
      expect(peak).toBe(expected);
      expect(out[peak - 3]).toBeCloseTo(out[peak + 3]!, 6);
    },
  );

  it.each(RATIOS)('outputs ceil(frames * out / in) frames at %i -> %i Hz', (from, to) => {
    for (const frames of [0, 1, 2, 999, 4410, 12347]) {
      const out = whole(new Resampler(from, to, 1), new Float32Array(frames));
      expect(out.length).toBe(Math.ceil((frames * to) / from));
      expect(Math.abs(out.length - Math.round((frames * to) / from))).toBeLessThanOrEqual(1);
    }
  });

  it('holds back `latency` input frames until flush', () => {
    const resampler = new Resampler(48000, 16000, 1);
    const first = resampler.process(new Float32Array(4800));
    expect(first.length).toBe(Math.ceil((4800 - resampler.latency) / 3));
    expect(first.length + resampler.flush().length).toBe(1600);
  });
});

describe('Resampler streaming', () => {
  const cases: [number, number, number][] = [
    [48000, 16000, 1],
    [44100, 16000, 2],
    [16000, 22050, 1],
    [22050, 16000, 2],
    [8000, 16000, 1],
    [44101, 16000, 1],
  ];
  it.each(cases)(
    'gives the same output for any chunking at %i -> %i Hz, %i channel(s)',
    (from, to, channels) => {
      const next = random(from + channels);
      const frames = 5000;
      const input = Float32Array.from({ length: frames * channels }, () => next() * 2 - 1);
      const reference = whole(new Resampler(from, to, channels), input);
      const resampler = new Resampler(from, to, channels);
      const parts: Float32Array[] = [];
      for (let frame = 0; frame < frames;) {
        const size = Math.min(frames - frame, Math.floor(next() ** 3 * 700));
        parts.push(resampler.process(input.subarray(frame * channels, (frame + size) * channels)));
        frame += size;
      }
      parts.push(resampler.flush());
      const chunked = concat(parts);
      expect(chunked.length).toBe(reference.length);
      let maxDifference = 0;
      for (let i = 0; i < reference.length; i++) {
        maxDifference = Math.max(maxDifference, Math.abs(chunked[i]! - reference[i]!));
      }
      expect(maxDifference).toBeLessThanOrEqual(1e-6);
    },
  );

  it('keeps channels apart', () => {
    const left = tone(1000, 48000, 9600);
    const right = tone(3000, 48000, 9600, 0.25);
    const stereo = new Float32Array(2 * 9600);
    for (let n = 0; n < 9600; n++) {
      stereo[2 * n] = left[n]!;
      stereo[2 * n + 1] = right[n]!;
    }
    const out = whole(new Resampler(48000, 16000, 2), stereo);
    const channel = (c: number) => out.filter((_, i) => i % 2 === c);
    const l = fitSine(channel(0), 1000, 16000, 200, 3000);
    const r = fitSine(channel(1), 3000, 16000, 200, 3000);
    expect(l.sine).toBeCloseTo(0.5, 4);
    expect(r.sine).toBeCloseTo(0.25, 4);
    expect(dB(l.residualRms / 0.5)).toBeLessThan(-70);
    expect(dB(r.residualRms / 0.25)).toBeLessThan(-70);
  });

  it('starts a fresh stream after flush', () => {
    const resampler = new Resampler(44100, 16000, 1);
    const input = tone(440, 44100, 3000);
    const first = whole(resampler, input);
    expect(whole(resampler, input)).toEqual(first);
  });

  it('copies the input when the rates are equal', () => {
    const resampler = new Resampler(16000, 16000, 1);
    const input = tone(440, 16000, 100);
    const out = resampler.process(input);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(resampler.flush().length).toBe(0);
  });
});

describe('Resampler arguments', () => {
  it.each([
    [0, 16000, 1],
    [44100.5, 16000, 1],
    [48000, -1, 1],
    [48000, 16000, 0],
  ])('rejects rates %s -> %s with %s channel(s)', (from, to, channels) => {
    expect(() => new Resampler(from, to, channels)).toThrow(ProtocolError);
  });

  it('rejects input that is not whole frames', () => {
    expect(() => new Resampler(48000, 16000, 2).process(new Float32Array(3))).toThrow(
      /whole number/,
    );
  });

  it('rejects filter options out of range', () => {
    expect(() => new Resampler(48000, 16000, 1, { attenuation: 10 })).toThrow(ProtocolError);
    expect(() => new Resampler(48000, 16000, 1, { transition: 0 })).toThrow(ProtocolError);
  });

  it('trades taps for attenuation', () => {
    const strong = new Resampler(48000, 16000, 1, { attenuation: 100 });
    const weak = new Resampler(48000, 16000, 1, { attenuation: 60 });
    expect(strong.taps).toBeGreaterThan(weak.taps);
  });
});

describe('Resampler bounds', () => {
  it('refuses, before building anything, a ratio whose filter would not fit in memory', () => {
    // 2^31 Hz to 16 kHz: 1.6 billion coefficients (6.5 GB), built synchronously before the fix.
    expect(() => new Resampler(2 ** 31, 16000, 64)).toThrow(ProtocolError);
    expect(() => new Resampler(16_000_000, 16000, 1)).toThrow(/16000000/);
  });

  it('accepts every pair of rates between 8 and 192 kHz', () => {
    const rates = [8000, 11025, 16000, 22050, 24000, 44100, 48000, 96000, 192000];
    for (const from of rates) {
      for (const to of rates) expect(new Resampler(from, to, 8).taps).toBeGreaterThan(0);
    }
  });
});
