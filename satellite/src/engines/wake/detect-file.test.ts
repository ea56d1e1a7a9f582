import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AudioChunk, AudioChunkConverter, concatBytes, ProtocolError, writeWav } from 'wyoming-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinPcm, silence, speak, TEST_VOICES } from '../../../../tests/helpers/speech.js';
import { resolveWakeWordModels } from './builtin-models.js';
import { detectFile, readWavAs16k } from './detect-file.js';
import { OpenWakeWord } from './openwakeword.js';

const dir = mkdtempSync(join(tmpdir(), 'jarvis-detect-'));
let detector: OpenWakeWord;
beforeAll(async () => {
  detector = await OpenWakeWord.load({
    models: resolveWakeWordModels({ names: ['hey_jarvis', 'alexa'] }),
  });
});
afterAll(async () => {
  await detector.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes 16 kHz mono PCM as a WAV file in another format. */
function writeAs(
  name: string,
  audio: Uint8Array,
  format: { rate: number; width: number; channels: number },
) {
  const converter = new AudioChunkConverter(format);
  const converted = converter.convert(
    new AudioChunk({ rate: 16000, width: 2, channels: 1, audio }),
  );
  const tail = converter.flush();
  const bytes = tail ? concatBytes([converted.audio, tail.audio]) : converted.audio;
  const file = join(dir, name);
  writeFileSync(file, writeWav({ ...format, audio: bytes }));
  return file;
}

describe('detectFile', () => {
  it.each([
    ['16 kHz mono 16-bit', { rate: 16000, width: 2, channels: 1 }],
    ['44.1 kHz stereo 24-bit', { rate: 44100, width: 3, channels: 2 }],
    ['8 kHz mono 8-bit', { rate: 8000, width: 1, channels: 1 }],
    ['48 kHz stereo 32-bit', { rate: 48000, width: 4, channels: 2 }],
  ])('finds the wake words in a %s WAV file', async (_, format) => {
    const voice = TEST_VOICES[0]!;
    const wake = await speak('hey jarvis', voice);
    const alexa = await speak('alexa', voice);
    const pcm = joinPcm(silence(500), wake.audio, silence(2500), alexa.audio);
    const file = writeAs(`speech-${format.rate}-${format.width}.wav`, pcm.audio, format);
    const result = await detectFile(file, detector);
    expect(result.file).toBe(file);
    expect(result.detections.map((d) => d.name)).toEqual(['hey_jarvis', 'alexa']);
    const [heyJarvis, alexaHeard] = result.detections;
    const wakeEndMs = 500 + wake.audio.length / 32;
    expect(heyJarvis!.timestamp_ms).toBeGreaterThan(wakeEndMs - 600);
    expect(heyJarvis!.timestamp_ms).toBeLessThanOrEqual(wakeEndMs + 300);
    // "alexa" ends the file: the trailing silence lets the classifier see all of it.
    expect(alexaHeard!.timestamp_ms).toBeGreaterThan(wakeEndMs + 2500);
    expect(alexaHeard!.score).toBeGreaterThanOrEqual(0.5);
    expect(Object.keys(heyJarvis!)).toEqual(['name', 'timestamp_ms', 'score']);
  });

  it('reads any WAV format as 16 kHz mono 16-bit', async () => {
    const file = writeAs('tone.wav', new Uint8Array(32000), { rate: 22050, width: 2, channels: 2 });
    const samples = await readWavAs16k(file);
    expect(Math.abs(samples.length - 16000)).toBeLessThanOrEqual(2);
  });

  it('passes on read and format errors', async () => {
    await expect(detectFile(join(dir, 'missing.wav'), detector)).rejects.toThrow(
      /ENOENT.*missing\.wav/,
    );
    const text = join(dir, 'text.wav');
    writeFileSync(text, 'not a wav file');
    await expect(detectFile(text, detector)).rejects.toThrow(ProtocolError);
  });
});
