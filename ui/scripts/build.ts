// Builds the web UI to one ES module, dist/jarvis-web-ui.js, which the server serves at
// ui/jarvis-web-ui.js under its page (on 8099 and behind ingress).
//   npm run build -w ui
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_UI_BUNDLE = join(ROOT, 'dist', 'jarvis-web-ui.js');

export function buildWebUi(outfile: string = WEB_UI_BUNDLE): Promise<string> {
  return bundle(join(ROOT, 'src', 'app', 'index.ts'), outfile, join(ROOT, 'tsconfig.json'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = await buildWebUi();
  process.stdout.write(`built ${file}\n`);
}
