// One self-contained browser ES module from a TypeScript entry, written whole under a temporary
// name first (readers never see half): the card's build and the web UI's use it alike.
import { rename } from 'node:fs/promises';
import { build } from 'esbuild';

export async function bundle(entry: string, outfile: string, tsconfig: string): Promise<string> {
  const partial = `${outfile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    tsconfig,
    // The components shared by the card and the web UI come from @jarvis/ui's sources.
    conditions: ['source'],
    logLevel: 'warning',
  });
  await rename(partial, outfile);
  return outfile;
}
