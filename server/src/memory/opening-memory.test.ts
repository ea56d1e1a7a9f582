import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from 'wyoming-ts';
import { HashedEmbedder } from './hashed-embedder.js';
import { openLanceMemory } from './lance-memory.js';
import type { MemoryStore } from './memory.js';
import { OpeningMemory } from './opening-memory.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function deferred() {
  let resolve!: (store: MemoryStore) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<MemoryStore>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const errors: string[] = [];
const logger = { error: (m: string) => errors.push(m) } as unknown as Logger;

/** 'pending' when `promise` has not settled and cannot before its opening does. */
const state = (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => 'settled'), Promise.resolve('pending')]);

describe('OpeningMemory', () => {
  it('reads nothing while opening, holds writes until open, then is the store', async () => {
    const opening = deferred();
    const memory = new OpeningMemory(opening.promise, logger);
    expect(await memory.recall('cat')).toEqual([]);
    expect(await memory.about('Felix')).toEqual([]);
    expect(await memory.list()).toEqual({ memories: [], total: 0 });
    expect(await memory.get('x')).toBeUndefined();
    expect(await memory.count()).toBe(0);
    const remembered = memory.remember({ text: 'Felix is a black cat' });
    expect(await state(remembered)).toBe('pending');
    expect(memory.opening).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'jarvis-opening-'));
    dirs.push(dir);
    opening.resolve(await openLanceMemory({ dir, embedder: new HashedEmbedder() }));
    const { memory: felix } = await remembered;
    expect(memory.opening).toBe(false);
    expect((await memory.recall('what colour is my cat?'))[0]?.memory.id).toBe(felix.id);
    expect(await memory.count()).toBe(1);
    await memory.close();
  });

  it('says so when the store fails to open: writes fail, reads stay empty', async () => {
    const opening = deferred();
    const memory = new OpeningMemory(opening.promise, logger);
    opening.reject(new Error('disk full'));
    await expect(memory.remember({ text: 'Felix is a black cat' })).rejects.toThrow(/disk full/);
    expect(await memory.recall('cat')).toEqual([]);
    expect(errors.join('\n')).toContain('disk full');
    await memory.close();
  });
});
