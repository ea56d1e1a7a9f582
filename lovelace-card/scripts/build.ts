// Builds the card to one self-contained ES module, dist/jarvis-card.js (what HACS installs):
// lit and the editor included, no chunks (HACS downloads a release asset alone).
//   npm run build -w lovelace-card
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '@jarvis/ui/scripts/bundle.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CARD_FILE = join(ROOT, 'dist', 'jarvis-card.js');

export function buildCard(outfile: string = CARD_FILE): Promise<string> {
  return bundle(join(ROOT, 'src', 'index.ts'), outfile, join(ROOT, 'tsconfig.json'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = await buildCard();
  process.stdout.write(`built ${file}\n`);
}
