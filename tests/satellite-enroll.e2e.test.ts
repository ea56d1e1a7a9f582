import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeWav } from 'wyoming-ts';
import { resolveWakeWordModels } from '../satellite/src/engines/wake/builtin-models.js';
import { ENROLL_SENTENCES } from '../satellite/src/engines/wake/enroll-prompts.js';
import { OpenWakeWord } from '../satellite/src/engines/wake/openwakeword.js';
import { loadVerifier } from '../satellite/src/engines/wake/verifier.js';
import { adoptedSatellite, runSatelliteCli } from './helpers/satellite-process.js';
import { micScene } from './helpers/satellite-scenes.js';
import { joinPcm, samplesOf, silence, speak, type Voice } from './helpers/speech.js';
import { tempDir } from './helpers/temp-dir.js';

const HOUSEHOLD: Voice = { engine: 'espeak-ng', name: 'en-us+f3' };
const dir = tempDir('jarvis-enroll-');

async function wavOf(name: string, text: string, voice: Voice, speed = 1): Promise<string> {
  const path = join(dir, name);
  const said = await speak(text, voice, speed);
  writeFileSync(path, writeWav(joinPcm(silence(600), said.audio, silence(800))));
  return path;
}

/** The wake words a streaming detector with the verifier at `path` keeps, and refuses. */
async function stream(path: string, text: string, voice: Voice, threshold?: number) {
  const verifier = loadVerifier(path, ['hey_jarvis']);
  if (threshold !== undefined) verifier.threshold = threshold;
  const detector = await OpenWakeWord.load({
    models: resolveWakeWordModels({ names: ['hey_jarvis'] }),
    verifiers: new Map([['hey_jarvis', verifier]]),
  });
  const refused: number[] = [];
  detector.onRefused((r) => refused.push(r.verified));
  const audio = joinPcm(silence(800), (await speak(text, voice, 1.05)).audio, silence(1200));
  const kept = await detector.process(samplesOf(audio.audio));
  await detector.close();
  return { kept: kept.map((d) => d.name), refused };
}

describe('jarvis-satellite enroll', () => {
  it('trains a verifier from WAV files that confirms the enrolled voice', async () => {
    const positives = [];
    for (const [i, speed] of [0.9, 1, 1.15].entries()) {
      positives.push(await wavOf(`hey-${i}.wav`, 'hey jarvis', HOUSEHOLD, speed));
    }
    const negatives = [];
    for (const [i, sentence] of ENROLL_SENTENCES.slice(0, 6).entries()) {
      negatives.push('--negative', await wavOf(`other-${i}.wav`, sentence, HOUSEHOLD));
    }
    // The satellite's config says it hears raw audio, so the verifier is trained on raw audio.
    const config = join(dir, 'satellite.yaml');
    writeFileSync(config, 'name: kitchen\nwake-noise-suppression: false\n');
    const { code, stderr } = await runSatelliteCli([
      'enroll',
      '--config',
      config,
      ...negatives,
      ...positives,
    ]);
    expect(code, stderr).toBe(0);
    const saved = join(dir, 'verifier-hey_jarvis.json');
    expect(stderr).toContain(`saved ${saved}`);
    expect(stderr).toContain('of other speech, raw audio)');
    expect(stderr).toContain(`wake-verifier: [${saved}]`);
    // The enrolled voice is confirmed when streaming; a verifier asking for certainty refuses.
    expect(await stream(saved, 'hey jarvis, what time is it', HOUSEHOLD)).toMatchObject({
      kept: ['hey_jarvis'],
      refused: [],
    });
    const strict = await stream(saved, 'hey jarvis, what time is it', HOUSEHOLD, 0.999999);
    expect(strict.kept).toEqual([]);
    expect(strict.refused).toHaveLength(1);
  });

  it('refuses a verifier trained on raw audio when the wake word hears through RNNoise', async () => {
    const saved = join(dir, 'verifier-hey_jarvis.json');
    const start = ['--mic-file', '/dev/null', '--no-zeroconf', '--uri', 'tcp://127.0.0.1:0'];
    const { code, stderr } = await runSatelliteCli(['--wake-verifier', saved, ...start]);
    expect(code).toBe(2);
    expect(stderr).toContain(saved);
    expect(stderr).toMatch(/trained on raw audio .* run with --no-wake-noise-suppression/);
  });

  it('needs enough wake word clips and other speech', async () => {
    const one = await wavOf('one.wav', 'hey jarvis', HOUSEHOLD);
    const few = await runSatelliteCli(['enroll', '--negative', one, one]);
    expect(few.code).toBe(2);
    expect(few.stderr).toMatch(/at least 3 WAV files of hey_jarvis/);
    const none = await runSatelliteCli(['enroll', one, one, one]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/other speech \(--negative\)/);
  });

  it.each([
    [
      'corrupt.json',
      () => '{"format": "jarvis-wake-verifier", "wei',
      /not a verifier file|cannot read/,
    ],
    [
      'mycroft.json',
      () => {
        const good = JSON.parse(readFileSync(join(dir, 'verifier-hey_jarvis.json'), 'utf8'));
        return JSON.stringify({ ...good, wakeWord: 'hey_mycroft' });
      },
      /the verifier is for hey_mycroft, not a wake word listened for \(hey_jarvis\)/,
    ],
  ])(
    'a verifier file %s stops the start with an error naming it',
    async (name, content, reason) => {
      const path = join(dir, name);
      writeFileSync(path, content());
      const { code, stderr } = await runSatelliteCli([
        '--wake-verifier',
        path,
        '--mic-file',
        '/dev/null',
        '--no-zeroconf',
        '--uri',
        'tcp://127.0.0.1:0',
      ]);
      expect(code).toBe(2);
      expect(stderr).toContain(path);
      expect(stderr).toMatch(reason);
    },
  );
});

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('--wake-noise-suppression', () => {
  it('hears the wake word through RNNoise and starts the turn', async () => {
    const scene = await micScene(dir);
    const out = join(dir, 'out.wav');
    const flags = ['--wake-noise-suppression', '--mic-file-fast'];
    flags.push(`--mic-file=${scene.path}`, `--snd-file=${out}`);
    const { ha } = await adoptedSatellite(flags, cleanups);
    const pipeline = await ha.waitFor('run-pipeline');
    expect(pipeline.data).toMatchObject({ start_stage: 'asr' });
  });
});
