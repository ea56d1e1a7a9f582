import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWav } from 'wyoming-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinPcm, silence, speak } from '../../../tests/helpers/speech.js';
import { ConfigError } from '../errors.js';
import { runDetect } from './detect.js';

const dir = mkdtempSync(join(tmpdir(), 'jarvis-detect-cli-'));
let file: string;

beforeAll(async () => {
  // Said fast: missed as heard, found slowed down (see speed-variants.test.ts).
  const said = await speak('hey jarvis', { engine: 'espeak-ng', name: 'en-us' }, 1.5);
  const audio = joinPcm(silence(1000), said.audio, silence(1000)).audio;
  file = join(dir, 'fast.wav');
  writeFileSync(file, writeWav({ rate: 16000, width: 2, channels: 1, audio }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function detections(argv: string[]) {
  const lines: string[] = [];
  const code = await runDetect(argv, (line) => lines.push(line));
  expect(code).toBe(0);
  return (JSON.parse(lines[0]!) as { detections: { name: string }[] }).detections;
}

describe('jarvis-satellite detect --speed-variants', () => {
  it('finds the wake word said fast only with speed variants', async () => {
    expect(await detections(['--wake-word', 'hey_jarvis', file])).toEqual([]);
    const found = await detections(['--wake-word', 'hey_jarvis', '--speed-variants', '0.1', file]);
    expect(found.map((d) => d.name)).toEqual(['hey_jarvis']);
  }, 60_000);

  it('refuses a pre-threshold outside (0, 1], naming the flag', async () => {
    const run = () => runDetect(['--speed-variants', '2', file], () => undefined);
    await expect(run()).rejects.toThrow(ConfigError);
    await expect(run()).rejects.toThrow(
      "--speed-variants: expected a number above 0, up to 1, got '2'",
    );
  });
});
