// Vocal tract length normalisation on real pocketsphinx and espeak-ng: a grammar decoder and a
// phone loop per warp, each started with its warp, and a high-pitched voice's command decoded at
// one of them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcesses, commandLine } from '../../../../tests/helpers/proc.js';
import { speak } from '../../../../tests/helpers/speech.js';
import { PhraseEngine } from './phrase-engine.js';
import { homeSentences } from './test-sentences.js';

const WARPS = [0.9, 1, 1.1];

describe('PhraseEngine with vtln', () => {
  let root: string;
  let engine: PhraseEngine;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jarvis-vtln-'));
    engine = new PhraseEngine({ workDir: root, vtln: { warps: WARPS }, minConfidence: 0.01 });
    await engine.setSentences(homeSentences());
  }, 120_000);
  afterAll(async () => {
    await engine.close();
    await rm(root, { recursive: true, force: true });
  });

  it('runs a grammar decoder and a phone loop at each warp', () => {
    const decoders = childProcesses(process.pid)
      .map((child) => commandLine(child.pid))
      .filter((args) => args.includes(root) || args.some((arg) => arg.startsWith(root)));
    const warpOf = (args: string[]) => args[args.indexOf('-warp_params') + 1];
    const loops = decoders.filter((args) => args.some((arg) => arg.endsWith('phone-loop.fsg')));
    const grammars = decoders.filter((args) => !loops.includes(args));
    expect(loops.map(warpOf).sort()).toEqual(['0.9', '1', '1.1']);
    expect(grammars.map(warpOf).sort()).toEqual(['0.9', '1', '1.1']);
  });

  it("decodes a high-pitched voice's command at a warp chosen among those", async () => {
    const said = 'turn off the kitchen light';
    const { audio } = await speak(said, { engine: 'espeak-ng', name: 'en-us+f5', pitch: 80 });
    const result = await engine.recognize({ audio });
    expect(result.text).toBe(said);
    expect(WARPS).toContain(result.warp);
    expect(Number.isFinite(result.fit)).toBe(true);
  }, 60_000);
});
