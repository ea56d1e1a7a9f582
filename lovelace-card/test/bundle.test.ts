// The contract's bundle: one self-contained ES module under 120 KB (35 KB gzipped).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CARD_FILE } from '../scripts/build.js';
import { MAX_BYTES, MAX_GZIP_BYTES, cardSize } from '../scripts/bench.js';

describe('dist/jarvis-card.js', () => {
  it('is under 120 KB, and 35 KB gzipped', async () => {
    const size = await cardSize();
    expect(size.bytes).toBeGreaterThan(10_000);
    expect(size.bytes).toBeLessThan(MAX_BYTES);
    expect(size.gzipBytes).toBeLessThan(MAX_GZIP_BYTES);
  });

  it('imports nothing: lit, the editor and both cards are inside', async () => {
    const code = await readFile(CARD_FILE, 'utf8');
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/(^|[;\n}])\s*import\s*[\w{*"']/);
    expect(code).not.toMatch(/\bfrom\s*["']/);
    for (const tag of ['jarvis-card', 'jarvis-room-card', 'jarvis-room']) {
      expect(code).toContain(`"${tag}"`);
    }
    expect(code).toContain('getConfigForm');
  });
});
