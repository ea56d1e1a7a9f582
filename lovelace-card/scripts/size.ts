// The built card's size, raw and gzipped (HACS serves a .gz of it), against the contract's
// limits. Used by the size test and `npm run bench -w lovelace-card` (prints a table, writes
// bench-results/lovelace-card.json).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CARD_FILE, buildCard } from './build.js';

export const MAX_BYTES = 120 * 1024;
export const MAX_GZIP_BYTES = 35 * 1024;

export interface CardSize {
  readonly bytes: number;
  readonly gzipBytes: number;
}

export async function cardSize(file: string = CARD_FILE): Promise<CardSize> {
  const code = await readFile(file);
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCard();
  const size = await cardSize();
  const rows = [
    ['raw', size.bytes, MAX_BYTES],
    ['gzip -9', size.gzipBytes, MAX_GZIP_BYTES],
  ] as const;
  process.stdout.write('| jarvis-card.js | bytes | KiB | limit KiB |\n|---|---|---|---|\n');
  for (const [name, bytes, limit] of rows) {
    process.stdout.write(
      `| ${name} | ${bytes} | ${(bytes / 1024).toFixed(1)} | ${limit / 1024} |\n`,
    );
  }
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench-results');
  await mkdir(out, { recursive: true });
  const report = {
    file: 'lovelace-card/dist/jarvis-card.js',
    ...size,
    limits: { bytes: MAX_BYTES, gzipBytes: MAX_GZIP_BYTES },
  };
  await writeFile(join(out, 'lovelace-card.json'), `${JSON.stringify(report, null, 2)}\n`);
}
