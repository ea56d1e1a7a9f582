// What a satellite owner expects beyond the wake word: a stop word that cuts an answer short
// without starting a turn, and a satellite without a microphone that still speaks.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AudioChunk, AudioStart, AudioStop, readWav, Transcript } from 'wyoming-ts';
import { LiveMic } from './helpers/live-mic.js';
import { adoptedSatellite } from './helpers/satellite-process.js';
import { COMMAND_VOICE, joinPcm, silence, speak, TEST_VOICES } from './helpers/speech.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Whether the 23.3 s "player" of the stop word test is still running. */
function playerRunning(): boolean {
  return spawnSync('pgrep', ['-f', '^sleep 23.3']).status === 0;
}

const FORMAT = { rate: 16000, width: 2, channels: 1 };

describe('the stop word', () => {
  // No "stop" model ships for openWakeWord: alexa stands in for it, as any model can.
  it('said during an answer, stops it and tells the server it was played; no turn starts', async () => {
    const dir = tempDir('jarvis-sat-');
    const mic = LiveMic.create(dir);
    cleanups.push(() => mic.close());
    const { ha, info } = await adoptedSatellite(
      [
        ...['--mic-command', mic.command, '--stop-word', 'alexa'],
        ...['--snd-command', `sh -c 'cat > /dev/null; sleep 23.3'`],
        ...['--awake-wav', '', '--done-wav', ''],
      ],
      cleanups,
    );
    expect(info.satellite?.active_wake_words).toEqual(['hey_jarvis']); // the stop word is not one
    const voice = TEST_VOICES[0]!;
    const wake = (await speak('hey jarvis', voice)).audio;
    const command = (await speak('what is the weather', voice)).audio;
    await mic.say(joinPcm(wake, silence(200), command, silence(1500)).audio);
    await ha.waitFor('run-pipeline');
    await ha.waitFor('audio-stop');
    await ha.send(new Transcript({ text: 'what is the weather' }));
    await ha.send(new AudioStart(FORMAT));
    await ha.send(new AudioChunk({ ...FORMAT, audio: new Uint8Array(32000) }));
    await ha.send(new AudioStop());
    await ha.roundTrip('answer sent'); // the satellite has the answer before the word is said

    await mic.say(joinPcm((await speak('alexa', COMMAND_VOICE)).audio, silence(1500)).audio);
    await ha.waitFor('played', 20_000);
    expect(ha.eventTypes()).toEqual(['info', 'detection', 'run-pipeline', 'audio-stop', 'played']);
    expect(playerRunning()).toBe(false);
  });
});

describe('a satellite without a microphone', () => {
  it('says it has no VAD and no wake word, and plays what the server sends', async () => {
    const dir = tempDir('jarvis-sat-');
    const played = join(dir, 'played.wav');
    const { ha, info, satellite } = await adoptedSatellite(
      ['--no-mic', '--snd-file', played, '--awake-wav', '', '--done-wav', ''],
      cleanups,
    );
    expect(info.satellite?.has_vad).toBe(false);
    expect(info.satellite?.active_wake_words).toEqual([]);
    expect(info.wake).toEqual([]);
    expect(satellite.log()).toContain('ready: no microphone');
    const tone = new Uint8Array(16000); // 0.5 s
    for (let i = 0; i < tone.length; i += 2) tone[i + 1] = i % 64 < 32 ? 0x20 : 0xe0;
    await ha.send(new AudioStart(FORMAT));
    await ha.send(new AudioChunk({ ...FORMAT, audio: tone }));
    await ha.send(new AudioStop());
    await ha.waitFor('played', 20_000);
    const wav = readWav(new Uint8Array(readFileSync(played)));
    expect(wav.audio.byteLength).toBeGreaterThan(0);
    expect(ha.eventTypes()).toEqual(['info', 'played']);
  });
});
