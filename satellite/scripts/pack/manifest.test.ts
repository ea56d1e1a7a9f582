import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledManifest, NEVER_PACKED, packedManifest } from './manifest.js';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
const satellite = read('../../package.json');
const protocol = read('../../../protocol/package.json');

describe('the packed satellite manifest', () => {
  const manifest = packedManifest(satellite, 'wyoming-ts', (name) => `1.0.0-${name}`);
  const dependencies = manifest.dependencies as Record<string, string>;

  it('depends on the runtime packages only, with the protocol bundled', () => {
    for (const name of NEVER_PACKED) expect(dependencies).not.toHaveProperty(name);
    expect(Object.keys(dependencies).sort()).toEqual(
      [
        '@jitsi/rnnoise-wasm',
        'bonjour-service',
        'onnxruntime-node',
        'wyoming-ts',
        'yaml',
        'zod',
      ].sort(),
    );
    expect(dependencies.zod).toBe('1.0.0-zod');
    expect(manifest.bundleDependencies).toEqual(['wyoming-ts']);
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('scripts');
    expect(manifest.bin).toEqual({ 'jarvis-satellite': './dist/cli/main.js' });
  });

  it('exports built code only', () => {
    for (const target of [manifest.exports, bundledManifest(protocol).exports]) {
      expect(JSON.stringify(target)).not.toContain('"source"');
      expect(JSON.stringify(target)).not.toContain('src/');
    }
  });

  it('refuses a satellite that does not depend on the bundled package', () => {
    expect(() => packedManifest({ dependencies: {} }, 'wyoming-ts', () => '1.0.0')).toThrow(
      'does not depend',
    );
  });
});
