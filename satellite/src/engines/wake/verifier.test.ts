import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors.js';
import { loadVerifier, trainVerifier, Verifier } from './verifier.js';
import { trainMlpVerifier } from './verifier-mlp.js';

const dir = mkdtempSync(join(tmpdir(), 'jarvis-verifier-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Windows of 2 x 96 values around `centre` with a deterministic wobble. */
function windows(centre: number, count: number, seed: number): Float32Array[] {
  let state = seed;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Array.from({ length: count }, () =>
    Float32Array.from({ length: 192 }, () => centre + next()),
  );
}

const trained = () =>
  trainVerifier({
    wakeWord: 'hey_jarvis',
    window: 2,
    positives: windows(1, 12, 1),
    negatives: windows(-1, 60, 2),
  });

describe('verifier', () => {
  it('learns to tell the wake word windows from the others, and round-trips through its file', () => {
    const file = trained();
    const path = join(dir, 'good.json');
    writeFileSync(path, JSON.stringify(file));
    const verifier = loadVerifier(path, ['alexa', 'hey_jarvis']);
    for (const w of windows(1, 5, 3)) expect(verifier.confirms(w)).toBe(true);
    for (const w of windows(-1, 5, 4)) expect(verifier.confirms(w)).toBe(false);
    // The newest window of a longer history is what it reads.
    const history = new Float32Array(192 * 3).fill(-1);
    history.set(windows(1, 1, 5)[0]!, 384);
    expect(verifier.confirms(history)).toBe(true);
    expect(new Verifier(file).probability(history)).toBeCloseTo(verifier.probability(history), 6);
  });

  it('refuses a corrupt file, naming it', () => {
    const path = join(dir, 'corrupt.json');
    writeFileSync(path, '{"format": "jarvis-wake-verifier", "version": 1, "wake');
    expect(() => loadVerifier(path, ['hey_jarvis'])).toThrow(ConfigError);
    expect(() => loadVerifier(path, ['hey_jarvis'])).toThrow(path);
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, JSON.stringify({ ...trained(), weights: [1, 2, 3] }));
    expect(() => loadVerifier(truncated, ['hey_jarvis'])).toThrow(
      `${truncated}: not a verifier file`,
    );
    expect(() => loadVerifier(join(dir, 'missing.json'), ['hey_jarvis'])).toThrow(
      'missing.json: cannot read the verifier',
    );
  });

  it('loads a verifier with a hidden layer, and refuses one whose layers do not fit', () => {
    const file = trainMlpVerifier({
      wakeWord: 'hey_jarvis',
      window: 2,
      positives: windows(1, 12, 1),
      negatives: windows(-1, 60, 2),
      hidden: 4,
    });
    const path = join(dir, 'mlp.json');
    writeFileSync(path, JSON.stringify(file));
    const verifier = loadVerifier(path, ['hey_jarvis']);
    for (const w of windows(1, 5, 3)) expect(verifier.confirms(w)).toBe(true);
    for (const w of windows(-1, 5, 4)) expect(verifier.confirms(w)).toBe(false);
    const broken = join(dir, 'mlp-broken.json');
    writeFileSync(broken, JSON.stringify({ ...file, weights: file.weights.slice(1) }));
    expect(() => loadVerifier(broken, ['hey_jarvis'])).toThrow(`${broken}: not a verifier file`);
    const unversioned = join(dir, 'mlp-version.json');
    writeFileSync(unversioned, JSON.stringify({ ...file, version: 1 }));
    expect(() => loadVerifier(unversioned, ['hey_jarvis'])).toThrow(unversioned);
  });

  it('refuses a verifier trained for another wake word, naming the file', () => {
    const path = join(dir, 'mycroft.json');
    writeFileSync(path, JSON.stringify({ ...trained(), wakeWord: 'hey_mycroft' }));
    expect(() => loadVerifier(path, ['hey_jarvis'])).toThrow(
      `${path}: the verifier is for hey_mycroft, not a wake word listened for (hey_jarvis)`,
    );
  });

  it('needs both kinds of windows of the right size', () => {
    expect(() =>
      trainVerifier({ wakeWord: 'x', window: 2, positives: [], negatives: windows(0, 3, 1) }),
    ).toThrow(ConfigError);
    expect(() =>
      trainVerifier({
        wakeWord: 'x',
        window: 3,
        positives: windows(0, 3, 1),
        negatives: windows(0, 3, 2),
      }),
    ).toThrow(RangeError);
  });
});
