import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PhoneLoops } from './phone-loops.js';
import type { SphinxBatch } from './sphinx-batch.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Loops over a stub decoder: how many were started and closed. */
async function stubLoops() {
  dir = await mkdtemp(join(tmpdir(), 'jarvis-phone-loops-'));
  const made: { closed: boolean }[] = [];
  const create = () => {
    const loop = { closed: false, close: async () => void (loop.closed = true) };
    made.push(loop);
    return loop as unknown as SphinxBatch;
  };
  const workDir = dir;
  return { loops: new PhoneLoops(async () => workDir, create), made };
}

describe('PhoneLoops', () => {
  it('starts one process for first uses at once, and closes it', async () => {
    const { loops, made } = await stubLoops();
    const [a, b] = await Promise.all([loops.at(), loops.at()]);
    expect(a).toBe(b);
    expect(made).toHaveLength(1);
    await loops.close();
    expect(made.every((loop) => loop.closed)).toBe(true);
  });

  it('starts nothing once closed', async () => {
    const { loops, made } = await stubLoops();
    await loops.close();
    await expect(loops.at()).rejects.toThrow('closed');
    expect(made).toHaveLength(0);
  });
});
