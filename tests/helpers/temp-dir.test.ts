import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { removeLeftovers, tempDir, tempDirWith } from './temp-dir.js';

describe('tempDir', () => {
  let made = '';
  let failed = '';
  let inHook = '';
  const collected = tempDir('jarvis-temp-dir-collected-');
  beforeAll(() => {
    inHook = tempDir('jarvis-temp-dir-hook-');
  });

  it('is a fresh directory during the test that made it', () => {
    made = tempDir('jarvis-temp-dir-');
    writeFileSync(join(made, 'file'), 'x');
    expect(existsSync(join(made, 'file'))).toBe(true);
  });

  it('is removed, contents and all, when that test ends', () => {
    expect(made).not.toBe('');
    expect(existsSync(made)).toBe(false);
  });

  it.fails('is removed when the test fails too', () => {
    failed = tempDir('jarvis-temp-dir-failed-');
    throw new Error('the test fails');
  });

  it('(after the failed test)', () => {
    expect(failed).not.toBe('');
    expect(existsSync(failed)).toBe(false);
  });

  it('made outside a test, outlives the tests and goes with the leftovers', () => {
    expect(existsSync(collected)).toBe(true);
    expect(existsSync(inHook)).toBe(true);
    removeLeftovers();
    expect(existsSync(collected)).toBe(false);
    expect(existsSync(inHook)).toBe(false);
  });
});

describe('tempDirWith', () => {
  it('is removed by the cleanups, after what was pushed on them later', async () => {
    const cleanups: Array<() => Promise<unknown>> = [];
    const dir = tempDirWith(cleanups, 'jarvis-temp-dir-with-');
    const seen: boolean[] = [];
    cleanups.push(async () => seen.push(existsSync(dir)));
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    expect(seen).toEqual([true]);
    expect(existsSync(dir)).toBe(false);
  });
});
