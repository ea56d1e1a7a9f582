// Temporary directories that remove themselves, so test runs do not pile directories up in /tmp.
// Vitest only: helpers that also run outside it (benches) remove their directory in their stop().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const leftovers = new Set<string>();

/** Removes the directories made outside a test (collection, `beforeAll`); runs after the file. */
export function removeLeftovers(): void {
  for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
  leftovers.clear();
}

// Registered while the importing test file is collected, before any hook of that file, so it
// runs after all of them (after hooks run in reverse): servers stopped in `afterAll` are gone by
// then. A hook registered from inside `beforeAll` would be dropped silently, hence this.
afterAll(removeLeftovers);

/**
 * A new directory under the OS temp dir, removed also when the test fails: made in a test (or a
 * `beforeEach`), after the test's `afterEach` hooks and `onTestFinished` callbacks registered after
 * it; made elsewhere, after the file's tests and hooks.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    // Not inside a test.
    leftovers.add(dir);
  }
  return dir;
}

/**
 * A new directory under the OS temp dir that `cleanups` (run last in, first out) remove after
 * whatever is pushed on them later: for a server or satellite stopped by those cleanups, in
 * `afterAll` too.
 */
export function tempDirWith(cleanups: Array<() => Promise<unknown>>, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
