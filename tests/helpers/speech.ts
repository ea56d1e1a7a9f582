// Test speech, generated at test time with espeak-ng, flite and Festival (Debian packages), returned as
// 16 kHz mono 16-bit PCM. Results are cached per process in a temporary folder.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AudioChunk, AudioChunkConverter, concatBytes, readWav } from 'wyoming-ts';

const run = promisify(execFile);

export interface Voice {
  engine: 'espeak-ng' | 'flite' | 'festival';
  /**
   * espeak-ng voice with optional variant (`en-us+f3`), a flite voice (`slt`), or a Festival
   * voice without its `voice_` prefix (`ked_diphone`).
   */
  name: string;
  /**
   * Mean pitch: espeak-ng's `-p` (0-99, 50 normal), flite's `int_f0_target_mean` in Hz (not for
   * Festival).
   */
  pitch?: number;
  /** The voice's own speaking rate (1.2: 20 % faster than the engine's normal), times `speed`. */
  speed?: number;
}

/** Sixteen-bit mono PCM at 16 kHz, the format satellites stream. */
export interface Pcm16k {
  rate: 16000;
  width: 2;
  channels: 1;
  audio: Uint8Array;
}

/** Voices that differ audibly: espeak-ng accents and variants, and flite's voices. */
export const TEST_VOICES: readonly Voice[] = [
  { engine: 'espeak-ng', name: 'en-us' },
  { engine: 'espeak-ng', name: 'en-us+f3' },
  { engine: 'espeak-ng', name: 'en-gb+m3' },
  { engine: 'espeak-ng', name: 'en-gb-scotland+f2' },
  { engine: 'espeak-ng', name: 'en-029+m2' },
  { engine: 'espeak-ng', name: 'en-gb-x-rp+f4' },
  { engine: 'flite', name: 'slt' },
  { engine: 'flite', name: 'rms' },
  { engine: 'flite', name: 'awb' },
  { engine: 'flite', name: 'kal16' },
];

/**
 * The voice commands are said in when a test needs them understood: flite's slt, built from a
 * recorded human voice. The phrase engine hears espeak-ng's formant voices too uncertainly to act
 * on many of their commands (it says "Sorry, I didn't catch that" instead, as it should when
 * unsure); `npm run bench -w server -- understanding` measures both kinds.
 */
export const COMMAND_VOICE: Voice = { engine: 'flite', name: 'slt' };

/** One cache for every test process: files are written under a temporary name, then renamed. */
const CACHE_DIR = join(tmpdir(), 'jarvis-speech-cache');

function cache(): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  return CACHE_DIR;
}

/**
 * Speaks `text` with `voice` at `speed` (1 = the engine's normal rate, 1.3 = 30 % faster)
 * and returns 16 kHz mono PCM.
 */
export async function speak(
  text: string,
  voice: Voice = TEST_VOICES[0]!,
  asked = 1,
): Promise<Pcm16k> {
  const speed = asked * (voice.speed ?? 1);
  const key = createHash('sha1')
    .update(JSON.stringify([text, voice, asked]))
    .digest('hex');
  const file = join(cache(), `${key}.wav`);
  if (!existsSync(file)) {
    // Written under a temporary name, then renamed: parallel test processes share the cache.
    const partial = `${file}.${process.pid}.${Date.now()}.tmp.wav`;
    if (voice.engine === 'espeak-ng') {
      const rate = String(Math.round(165 * speed));
      const pitch = voice.pitch === undefined ? [] : ['-p', String(voice.pitch)];
      await run('espeak-ng', ['-v', voice.name, '-s', rate, ...pitch, '-w', partial, text]);
    } else if (voice.engine === 'festival') {
      await festival(text, voice, speed, partial);
    } else {
      const stretch = `duration_stretch=${(1 / speed).toFixed(3)}`;
      const pitch =
        voice.pitch === undefined ? [] : ['--setf', `int_f0_target_mean=${voice.pitch}`];
      await run('flite', [
        '-voice',
        voice.name,
        '--setf',
        stretch,
        ...pitch,
        '-t',
        text,
        '-o',
        partial,
      ]);
    }
    renameSync(partial, file);
  }
  return toPcm16k(readWav(new Uint8Array(readFileSync(file))));
}

/** Festival's `text2wave` reads the text from a file; its wav is converted as flite's is. */
async function festival(text: string, voice: Voice, speed: number, out: string): Promise<void> {
  if (voice.pitch !== undefined) throw new Error('festival voices take no pitch');
  const input = `${out}.txt`;
  writeFileSync(input, `${text}\n`);
  try {
    // A voice sets its own stretch (ked: 1.1), so a speed scales it rather than replacing it.
    const factor = (1 / speed).toFixed(3);
    const stretch = `(Parameter.set 'Duration_Stretch (* (Parameter.get 'Duration_Stretch) ${factor}))`;
    const faster = speed === 1 ? [] : ['-eval', stretch];
    await run('text2wave', ['-eval', `(voice_${voice.name})`, ...faster, '-o', out, input]);
  } finally {
    rmSync(input, { force: true });
  }
}

/** Converts any PCM to 16 kHz mono 16-bit with the protocol's converter. */
export function toPcm16k(wav: {
  rate: number;
  width: number;
  channels: number;
  audio: Uint8Array;
}): Pcm16k {
  const converter = new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 });
  const converted = converter.convert(new AudioChunk({ ...wav }));
  const tail = converter.flush();
  const audio = tail ? concatBytes([converted.audio, tail.audio]) : converted.audio;
  return { rate: 16000, width: 2, channels: 1, audio };
}

/** `ms` of digital silence at 16 kHz. */
export function silence(ms: number): Uint8Array {
  return new Uint8Array(Math.round((16000 * ms) / 1000) * 2);
}

/** The words of a transcript, lower-case, without punctuation ("Tell me a joke." -> tell me a joke). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z' ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Joins 16 kHz PCM pieces: speech, silence, more speech. */
export function joinPcm(...parts: Uint8Array[]): Pcm16k {
  return { rate: 16000, width: 2, channels: 1, audio: concatBytes(parts) };
}

/**
 * `audio` without the synthesizer's own silence before and after the speech (samples quieter
 * than `threshold`), so the speech ends where the audio ends.
 */
export function trimmed(audio: Uint8Array, threshold = 300): Uint8Array {
  const samples = samplesOf(audio);
  let start = 0;
  let end = samples.length;
  while (start < end && Math.abs(samples[start]!) < threshold) start++;
  while (end > start && Math.abs(samples[end - 1]!) < threshold) end--;
  return audio.slice(start * 2, end * 2);
}

/** Reads 16-bit samples as numbers. */
export function samplesOf(audio: Uint8Array): Int16Array {
  return new Int16Array(audio.buffer.slice(audio.byteOffset, audio.byteOffset + audio.byteLength));
}

/** `text` spoken alone as samples: 600 ms of silence before it and 800 ms after. */
export async function spokenAlone(text: string, voice?: Voice, speed = 1): Promise<Int16Array> {
  return samplesOf(
    joinPcm(silence(600), (await speak(text, voice, speed)).audio, silence(800)).audio,
  );
}

/**
 * Mixes deterministic pseudo-random noise into `speech` at `snrDb` (signal-to-noise ratio
 * over the whole clip). Returns new PCM.
 */
export function withNoise(speech: Uint8Array, snrDb: number, seed = 1): Uint8Array {
  const samples = samplesOf(speech);
  const signalPower = samples.reduce((sum, s) => sum + s * s, 0) / Math.max(1, samples.length);
  const noiseRms = Math.sqrt(signalPower / 10 ** (snrDb / 10));
  let state = seed >>> 0;
  const gaussian = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    const u = (state + 1) / 2 ** 32;
    state = (state * 1664525 + 1013904223) >>> 0;
    const v = (state + 1) / 2 ** 32;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    out[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i]! + noiseRms * gaussian())));
  }
  return new Uint8Array(out.buffer);
}

/** Reads a WAV file's bytes. */
export function readWavFile(path: string) {
  return readWav(new Uint8Array(readFileSync(path)));
}
