import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AudioChunk, AudioStart, AudioStop, Transcript, writeWav } from 'wyoming-ts';
import { adoptedSatellite } from './helpers/satellite-process.js';
import { until } from './helpers/server-e2e.js';
import { joinPcm, silence, speak, TEST_VOICES } from './helpers/speech.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Whether the 21.7 s "player" of this test is still running. */
function playerRunning(): boolean {
  return spawnSync('pgrep', ['-f', '^sleep 21.7']).status === 0;
}

describe('barge-in', () => {
  it('the wake word during an answer stops playback and starts a new turn', async () => {
    const dir = tempDir('jarvis-sat-');
    const voice = TEST_VOICES[0]!;
    const wake = (await speak('hey jarvis', voice)).audio;
    const command = (await speak('what is the weather', voice)).audio;
    const micPath = join(dir, 'mic.wav');
    writeFileSync(
      micPath,
      writeWav(
        joinPcm(silence(300), wake, silence(200), command, silence(6000), wake, silence(1500)),
      ),
    );
    // A player that takes the audio, then "plays" for 21.7 s: the answer is still playing later.
    const { ha } = await adoptedSatellite(
      [
        '--mic-file',
        micPath,
        '--snd-command',
        `sh -c 'cat > /dev/null; sleep 21.7'`,
        '--awake-wav',
        '',
        '--done-wav',
        '',
        '--debug',
      ],
      cleanups,
    );
    await ha.waitFor('run-pipeline');
    await ha.waitFor('audio-stop');
    await ha.send(new Transcript({ text: 'what is the weather' }));
    await ha.send(new AudioStart({ rate: 16000, width: 2, channels: 1 }));
    await ha.send(
      new AudioChunk({ rate: 16000, width: 2, channels: 1, audio: new Uint8Array(32000) }),
    );
    await ha.send(new AudioStop());

    // The answer starts playing while the microphone still hears the pause before the second
    // "hey jarvis" (6 s of it: a loaded machine is slow to start the player).
    await until('the answer playing', () => playerRunning());
    const second = await ha.waitFor('detection', 15_000);
    expect(second.data.name).toBe('hey_jarvis');
    await ha.waitFor('run-pipeline');
    expect(ha.eventTypes()).toEqual([
      'info',
      'detection',
      'run-pipeline',
      'audio-stop',
      'detection',
      'run-pipeline',
    ]);
    expect(ha.received.some((event) => event.type === 'played')).toBe(false); // the answer was cut, not played
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(playerRunning()).toBe(false);
  });
});
