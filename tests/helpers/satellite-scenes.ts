// Audio for satellite tests: a microphone scene and the answer a server would speak.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWav, writeWav } from 'wyoming-ts';
import { COMMAND_VOICE, joinPcm, silence, speak, TEST_VOICES } from './speech.js';

/** "hey jarvis ... turn on the kitchen light" as a mic WAV, and the command's own bytes. */
export async function micScene(dir: string, leadingSilenceMs = 500) {
  const wake = await speak('hey jarvis', TEST_VOICES[0]!);
  const command = await speak('turn on the kitchen light', COMMAND_VOICE);
  const mic = joinPcm(
    silence(leadingSilenceMs),
    wake.audio,
    silence(250),
    command.audio,
    silence(1500),
  );
  const path = join(dir, 'mic.wav');
  writeFileSync(path, writeWav(mic));
  return { path, command: command.audio };
}

/** The answer as a piper add-on would send it: 22,050 Hz mono 16-bit. */
export function ttsAudio(dir: string, text = 'The kitchen light is on.') {
  const file = join(dir, 'tts.wav');
  execFileSync('espeak-ng', ['-v', 'en-us', '-w', file, text]);
  return readWav(new Uint8Array(readFileSync(file)));
}

/** True when `needle` occurs in `haystack` byte for byte. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  const buffer = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  return buffer.indexOf(Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength)) >= 0;
}
