// Builds the card to one self-contained ES module, dist/jarvis-card.js (what HACS installs):
// lit and the editor included, no chunks (HACS downloads a release asset alone).
//   npm run build -w lovelace-card
import { rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CARD_FILE = join(ROOT, 'dist', 'jarvis-card.js');

/** Builds the card; written whole under a temporary name first, so readers never see half. */
export async function buildCard(outfile: string = CARD_FILE): Promise<string> {
  const partial = `${outfile}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    outfile: partial,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    tsconfig: join(ROOT, 'tsconfig.json'),
    // The components shared with the web UI come from @jarvis/ui's sources.
    conditions: ['source'],
    logLevel: 'warning',
  });
  await rename(partial, outfile);
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = await buildCard();
  process.stdout.write(`built ${file}\n`);
}
