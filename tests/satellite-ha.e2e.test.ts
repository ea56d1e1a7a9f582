import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWav } from 'wyoming-ts';
import { AssistSatelliteController } from './helpers/assist-satellite-controller.js';
import { type SatelliteProcess, servedUri, startSatellite } from './helpers/satellite-process.js';
import { containsBytes, micScene, ttsAudio } from './helpers/satellite-scenes.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a satellite adopted by Home Assistant (Wyoming assist_satellite flow)', () => {
  it('hears the wake word, streams the command, plays the answer and reports played', async () => {
    const dir = tempDir('jarvis-sat-');
    const scene = await micScene(dir);
    const tts = ttsAudio(dir);
    expect(tts.rate).toBe(22050);
    const sndFile = join(dir, 'played.wav');
    const satellite: SatelliteProcess = startSatellite([
      '--uri',
      'tcp://127.0.0.1:0',
      '--no-zeroconf',
      '--name',
      'kitchen',
      '--area',
      'Kitchen',
      '--mic-file',
      scene.path,
      '--mic-file-fast',
      '--snd-file',
      sndFile,
      '--debug',
    ]);
    cleanups.push(() => satellite.stop());
    cleanups.push(async () => {
      if (process.env.DEBUG_SATELLITE) console.error(satellite.log());
    });

    const ha = await AssistSatelliteController.connect(await servedUri(satellite));
    cleanups.push(() => ha.close());
    const info = await ha.start();
    expect(info.satellite).toMatchObject({
      name: 'kitchen',
      area: 'Kitchen',
      installed: true,
      has_vad: true,
    });
    expect(info.satellite?.active_wake_words).toEqual(['hey_jarvis']);
    expect(info.wake[0]?.models.map((m) => [m.name, m.phrase])).toEqual([
      ['hey_jarvis', 'hey jarvis'],
    ]);

    const detection = await ha.waitFor('detection');
    expect(detection.data.name).toBe('hey_jarvis');
    expect(detection.data.context).toMatchObject({
      score: expect.any(Number),
      level_dbfs: expect.any(Number),
    });
    const run = await ha.waitFor('run-pipeline');
    expect(run.data).toMatchObject({
      start_stage: 'asr',
      end_stage: 'tts',
      wake_word_name: 'hey_jarvis',
    });

    await ha.answer('turn on the kitchen light', tts);

    expect(ha.eventTypes()).toEqual(['info', 'detection', 'run-pipeline', 'audio-stop', 'played']);
    // Its mute state came once, when Home Assistant linked (HA skips an event it does not know).
    expect(ha.received.filter((e) => e.type === 'satellite-mute').map((e) => e.data)).toEqual([
      { muted: false, local: false },
    ]);
    const streamed = ha.streamedAudio();
    expect(containsBytes(streamed, scene.command)).toBe(true);
    expect(streamed.length).toBeLessThan(scene.command.length + 16000 * 2 * 2.5);

    const played = readWav(new Uint8Array(readFileSync(sndFile)));
    expect(played).toMatchObject({ rate: 22050, width: 2, channels: 1 });
    expect(containsBytes(played.audio, tts.audio)).toBe(true);
  });
});
