import { describe, expect, it } from 'vitest';
import { MicHealth } from './mic-health.js';

const CHUNK = 1024;

function capture() {
  const warnings: string[] = [];
  const logger = {
    debug: () => {},
    info: () => {},
    warn: (m: string) => warnings.push(m),
    error: () => {},
  };
  return { warnings, logger };
}

/** Feeds `seconds` of `make(i)` chunks, the clock advancing as if at `rate` samples/s. */
function feed(
  health: MicHealth,
  clock: { ms: number },
  seconds: number,
  make: () => Int16Array,
  rate = 16000,
) {
  for (let i = 0; i < (seconds * 16000) / CHUNK; i++) {
    clock.ms += (CHUNK * 1000) / rate;
    health.observe(make());
  }
}

const silence = () => new Int16Array(CHUNK);
const square = () => Int16Array.from({ length: CHUNK }, (_, i) => (i % 20 < 10 ? 32767 : -32768));
const noise = (() => {
  let state = 7;
  return () =>
    Int16Array.from({ length: CHUNK }, () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return (state >>> 20) - 2048;
    });
})();

describe('microphone health', () => {
  it('warns once about minutes of digital silence, saying how long', () => {
    const { warnings, logger } = capture();
    const clock = { ms: 0 };
    const health = new MicHealth({ logger, now: () => clock.ms });
    feed(health, clock, 30, silence);
    expect(warnings).toEqual([]);
    feed(health, clock, 5 * 60, silence);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/digital silence for 60 s/);
    expect(health.clipping()).toBe(false);
  });

  it('warns once about clipping with the share at full scale, and refuses while it clips', () => {
    const { warnings, logger } = capture();
    const clock = { ms: 0 };
    const health = new MicHealth({ logger, now: () => clock.ms });
    feed(health, clock, 3 * 60, square);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/clips: up to 100 % of samples at full scale for 10 s/);
    expect(health.clipping()).toBe(true);
    feed(health, clock, 2, noise);
    expect(health.clipping()).toBe(false);
  });

  it('reports a microphone delivering 48 kHz as 16 kHz, and not a right one', () => {
    const wrong = capture();
    const clock = { ms: 0 };
    const health = new MicHealth({ logger: wrong.logger, now: () => clock.ms });
    feed(health, clock, 5 * 60, noise, 48000);
    expect(wrong.warnings).toHaveLength(1);
    expect(wrong.warnings[0]).toMatch(/about 48000 samples per second, not 16000/);
    const right = capture();
    const fine = new MicHealth({ logger: right.logger, now: () => clock.ms });
    feed(fine, clock, 5 * 60, noise, 16000);
    expect(right.warnings).toEqual([]);
  });

  it('keeps the same few chunks whatever it is fed', () => {
    const health = new MicHealth();
    const clock = { ms: 0 };
    feed(health, clock, 60, noise);
    const after1 = health.retained;
    feed(health, clock, 10 * 60, square);
    feed(health, clock, 10 * 60, silence);
    expect(health.retained).toBeLessThanOrEqual(after1 + 1);
    expect(health.retained).toBeLessThan(30);
  });
});
