// A phrase engine given a work folder, and the engine it makes for a question's answers
// (`forSentences`): the answers' engine works in a folder of its own inside it, so it never
// overwrites the files of the engine that made it (both number their grammars from 1).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_VOICE, speak } from '../../../../tests/helpers/speech.js';
import { PhraseEngine } from './phrase-engine.js';

const SAID = 'turn on the kitchen light';
const SENTENCES = [SAID, 'turn off the kitchen light', 'what time is it'];

/** The files directly in `dir` with their contents, and its folders' names. */
async function snapshot(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => [entry.name, (await readFile(join(dir, entry.name))).toString('hex')]),
  );
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return { files: Object.fromEntries(files), folders };
}

describe('PhraseEngine with a work folder', () => {
  let root: string;
  let audio: Uint8Array;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jarvis-workdir-'));
    audio = (await speak(SAID, COMMAND_VOICE)).audio;
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("gives the answers' engine a folder of its own and removes it when that engine closes", async () => {
    const workDir = join(root, 'work');
    const engine = new PhraseEngine({ workDir, minConfidence: 0.01 });
    try {
      await engine.setSentences(SENTENCES);
      const before = await snapshot(workDir);
      const answers = await engine.forSentences(['yes please', 'no thanks']);
      const during = await snapshot(workDir);
      expect(during.files).toEqual(before.files);
      const own = during.folders.filter((name) => !before.folders.includes(name));
      expect(own).toHaveLength(1);
      await answers.close();
      expect((await snapshot(workDir)).folders).toEqual(before.folders);
      expect(await engine.transcribe({ audio })).toMatchObject({ text: SAID });
    } finally {
      await engine.close();
    }
  }, 120_000);
});
