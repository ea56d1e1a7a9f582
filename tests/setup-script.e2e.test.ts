import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/temp-dir.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a copy of scripts/setup.mjs as a non-root user, with a dpkg-query that finds nothing. */
function runSetupAsNonRoot(command: string) {
  const dir = tempDir('jarvis-setup-');
  chmodSync(dir, 0o755);
  const script = join(dir, 'setup.mjs');
  copyFileSync(join(root, 'scripts', 'setup.mjs'), script);
  const fakeDpkg = join(dir, 'dpkg-query');
  writeFileSync(fakeDpkg, '#!/bin/sh\n[ "$1" = "--version" ] && exit 0\nexit 1\n');
  chmodSync(fakeDpkg, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dir}:${process.env.PATH}` };
  delete env.JARVIS_SKIP_SYSTEM_PACKAGES;
  const asRoot = process.getuid?.() === 0;
  const [program, args] = asRoot
    ? [
        'setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, script, command],
      ]
    : [process.execPath, [script, command]];
  return spawnSync(program, args as string[], { env, encoding: 'utf8', cwd: dir });
}

describe('scripts/setup.mjs', () => {
  it('without root, stops and prints the exact apt-get line for what npm test needs', () => {
    const result = runSetupAsNonRoot('test');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends ' +
        'espeak-ng flite festival festvox-kdlpc16k festvox-kallpc16k pocketsphinx ' +
        'pocketsphinx-en-us redis-server mosquitto alsa-utils',
    );
  });

  it('asks npm start only for what the server needs', () => {
    const result = runSetupAsNonRoot('start');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'sudo apt-get install -y --no-install-recommends espeak-ng pocketsphinx pocketsphinx-en-us alsa-utils wordnet-base dict-freedict-fra-eng\n',
    );
  });

  it('refuses an unknown command with its usage', () => {
    const result = runSetupAsNonRoot('deploy');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('usage: node scripts/setup.mjs start|test|all');
  });
});
