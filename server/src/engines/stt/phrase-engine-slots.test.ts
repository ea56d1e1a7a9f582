// The phrase engine when its slot check fails, on real pocketsphinx: behind a wrapper whose slot
// decoder (the only one given `-fsgctl`) cannot start once a marker file exists. A failed check
// leaves the transcription as it was without one; a grammar whose slot decoder fails to warm up
// is refused without leaving any of its decoders running, and the previous grammar stays.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { childProcesses, commandLine } from '../../../../tests/helpers/proc.js';
import { COMMAND_VOICE, speak } from '../../../../tests/helpers/speech.js';
import { EngineError } from '../../errors.js';
import { PhraseEngine } from './phrase-engine.js';
import { homeSentences } from './test-sentences.js';

const NUMBERS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SAID = 'set the kitchen lights to eighty percent';
/** The first sentence has no slot neighbour. */
const SENTENCES = [
  'what time is it',
  ...NUMBERS.map((n) => `set the kitchen lights to ${n} percent`),
];

describe('PhraseEngine with a failing slot check', () => {
  let root: string;
  let audio: Uint8Array;
  let engine: PhraseEngine | undefined;
  let run = 0;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jarvis-slots-'));
    await writeFile(
      join(root, 'pocketsphinx_batch'),
      [
        '#!/bin/sh',
        'case " $* " in *" -fsgctl "*)',
        `  [ -e '${root}/broken' ] && { echo 'ERROR: "slot.c", line 1: broken' >&2; exit 1; } ;;`,
        'esac',
        'exec /usr/bin/pocketsphinx_batch "$@"',
        '',
      ].join('\n'),
    );
    await chmod(join(root, 'pocketsphinx_batch'), 0o755);
    audio = (await speak(SAID, COMMAND_VOICE)).audio;
  }, 120_000);
  afterEach(async () => {
    await engine?.close();
    await rm(join(root, 'broken'), { force: true });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** An engine behind the wrapper, with a work folder of its own to find its decoders by. */
  async function engineWith(sentences: readonly string[]) {
    const workDir = join(root, `work-${++run}`);
    engine = new PhraseEngine({
      pocketsphinx: join(root, 'pocketsphinx_batch'),
      workDir,
      slotCheck: true,
      minConfidence: 0.01,
    });
    await engine.setSentences(sentences);
    /** Its running decoders: pid and whether it is the slot decoder. */
    const decoders = () =>
      childProcesses(process.pid)
        .map(({ pid }) => ({ pid, args: commandLine(pid) }))
        .filter(({ args }) => args.some((arg) => arg.startsWith(workDir)))
        .map(({ pid, args }) => ({ pid, slots: args.includes('-fsgctl') }));
    return { engine, decoders };
  }

  const breakSlotDecoder = () => writeFile(join(root, 'broken'), '');

  it('starts the slot decoder with the grammar, though its first sentence has no neighbour', async () => {
    const { decoders } = await engineWith(SENTENCES);
    expect(decoders().filter((decoder) => decoder.slots)).toHaveLength(1);
  }, 60_000);

  it('answers as if there were no slot check when the check fails', async () => {
    const { engine, decoders } = await engineWith(SENTENCES);
    expect((await engine.recognize({ audio })).slot).toBeDefined();
    await breakSlotDecoder();
    for (const { pid } of decoders().filter((decoder) => decoder.slots)) {
      process.kill(pid, 'SIGKILL'); // its restart fails
    }
    const heard = await engine.recognize({ audio });
    expect(heard).toMatchObject({ text: SAID, slot: undefined });
    expect(await engine.transcribe({ audio })).toMatchObject({ text: SAID });
  }, 60_000);

  it('refuses a grammar whose slot decoder fails, closes its decoders, keeps the old grammar', async () => {
    const { engine, decoders } = await engineWith(SENTENCES);
    const pids = () =>
      decoders()
        .map((decoder) => decoder.pid)
        .sort();
    const before = pids();
    expect(before).toHaveLength(3); // the grammar, its slot check and the phone loop
    await breakSlotDecoder();
    const refused = await engine.setSentences(homeSentences()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EngineError);
    expect(pids()).toEqual(before);
    expect(await engine.transcribe({ audio })).toMatchObject({ text: SAID });
  }, 60_000);
});
