import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeWav } from 'wyoming-ts';
import { AssistSatelliteController } from './helpers/assist-satellite-controller.js';
import { runSatelliteCli, servedUri, startSatellite } from './helpers/satellite-process.js';
import { micScene } from './helpers/satellite-scenes.js';
import { joinPcm, silence, speak, TEST_VOICES } from './helpers/speech.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('jarvis-satellite command line', () => {
  it.each([
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--wake-threshold', '7'], /--wake-threshold: expected 0\.01\.\.1, got 7/],
    [
      ['--wake-word-name', 'hey_siri', '--mic-file', '/dev/null'],
      /--wake-word-name: unknown wake word "hey_siri"; available: .*hey_jarvis/,
    ],
  ])('%j: a clear message and exit code 2', async (argv, message) => {
    const { code, stderr } = await runSatelliteCli(argv as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain("Try 'jarvis-satellite --help'");
  });

  it('a corrupt model file stops start-up with an error naming the file', async () => {
    const dir = tempDir('jarvis-models-');
    writeFileSync(join(dir, 'broken_v0.1.onnx'), 'this is not a model');
    const { code, stderr } = await runSatelliteCli([
      '--wake-model-dir',
      dir,
      '--wake-word-name',
      'broken',
      '--mic-file',
      '/dev/null',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(join(dir, 'broken_v0.1.onnx'));
  });

  it('prints its help', async () => {
    const { code, stdout } = await runSatelliteCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--mic-command');
  });
});

describe('jarvis-satellite detect', () => {
  it('prints one JSON line per file with the wake words heard', async () => {
    const dir = tempDir('jarvis-detect-');
    const voice = TEST_VOICES[0]!;
    const heyJarvis = join(dir, 'hey.wav');
    writeFileSync(
      heyJarvis,
      writeWav(joinPcm(silence(500), (await speak('hey jarvis', voice)).audio, silence(500))),
    );
    const other = join(dir, 'other.wav');
    writeFileSync(
      other,
      writeWav(joinPcm(silence(500), (await speak('what a lovely day', voice)).audio)),
    );
    const { code, stdout } = await runSatelliteCli([
      'detect',
      '--wake-word',
      'hey_jarvis',
      '--wake-word',
      'alexa',
      heyJarvis,
      other,
    ]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0].file).toBe(heyJarvis);
    expect(lines[0].detections).toEqual([
      { name: 'hey_jarvis', timestamp_ms: expect.any(Number), score: expect.any(Number) },
    ]);
    expect(lines[0].detections[0].timestamp_ms).toBeGreaterThan(500);
    expect(lines[0].detections[0].score).toBeGreaterThanOrEqual(0.5);
    expect(lines[1]).toEqual({ file: other, detections: [] });
  });
});

describe('a satellite facing bad peers', () => {
  it('closes a connection that sends garbage, ignores unknown events, and keeps serving', async () => {
    const dir = tempDir('jarvis-sat-');
    const scene = await micScene(dir);
    const satellite = startSatellite([
      '--uri',
      'tcp://127.0.0.1:0',
      '--no-zeroconf',
      '--mic-file',
      scene.path,
      '--mic-file-fast',
      '--snd-file',
      join(dir, 'out.wav'),
    ]);
    cleanups.push(() => satellite.stop());
    const uri = await servedUri(satellite);
    const port = Number(uri.replace(/^.*:/, ''));
    const garbage = await AssistSatelliteController.connect(uri);
    await garbage.close();
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => socket.write('{"type": 12}\n'));
      let text = '';
      socket.on('data', (data) => (text += data));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toContain('"type":"error"');

    const ha = await AssistSatelliteController.connect(uri);
    cleanups.push(() => ha.close());
    await ha.send({ type: 'some-future-event', data: { x: 1 } });
    await ha.start();
    expect((await ha.waitFor('detection')).data.name).toBe('hey_jarvis');
    expect(satellite.child.exitCode).toBeNull();
  });
});
