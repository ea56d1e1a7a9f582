// Voices that only ever train the corpus verifier (issue 14): espeak-ng accents and variants the
// benchmark's voices do not use, flite's kal, and copies of calibration voices with their pitch,
// formants or tempo moved by sox. Never a held-out voice, its variant (m3, m5, f3, f4) or a copy of
// one: the held-out voices stay voices no verifier has heard. A copy of a calibration voice
// names it (`from`), so that cross-validation by voice leaves the copies out with the voice.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { samplesOf, speak, type Voice } from '../../tests/helpers/speech.js';

const run = promisify(execFile);

export interface TrainingVoice {
  readonly id: string;
  readonly voice: Voice;
  /** sox effects applied to every utterance (pitch, speed, tempo): a shifted copy. */
  readonly sox?: readonly string[];
  /** The calibration voice this is a copy of. */
  readonly from?: string;
}

const espeak = (name: string): TrainingVoice => ({
  id: `espeak ${name}`,
  voice: { engine: 'espeak-ng', name },
});

/** Formants moved by `factor` with pitch and tempo kept: speed, then pitch and tempo back. */
const formants = (factor: number) => [
  'speed',
  String(factor),
  'pitch',
  String(Math.round(-1200 * Math.log2(factor))),
  'tempo',
  '-s',
  (1 / factor).toFixed(4),
];

const copy = (
  from: string,
  voice: Voice,
  label: string,
  sox: readonly string[],
): TrainingVoice => ({ id: `${from} ${label}`, voice, sox, from });

const US: Voice = { engine: 'espeak-ng', name: 'en-us' };
const M2: Voice = { engine: 'espeak-ng', name: 'en-029+m2' };
const SCOT_F2: Voice = { engine: 'espeak-ng', name: 'en-gb-scotland+f2' };
const NYC_F5: Voice = { engine: 'espeak-ng', name: 'en-us-nyc+f5' };
const AWB: Voice = { engine: 'flite', name: 'awb' };
const KAL16: Voice = { engine: 'flite', name: 'kal16' };

export const TRAINING_VOICES: readonly TrainingVoice[] = [
  espeak('en-us+m1'),
  espeak('en-us+f2'),
  espeak('en-us+klatt'),
  espeak('en-us+klatt4'),
  espeak('en-029+f1'),
  espeak('en-gb-scotland+m4'),
  espeak('en-us-nyc+m6'),
  espeak('en-gb-x-gbcwmd+f2'),
  espeak('en-us+linda'),
  espeak('en-029+klatt3'),
  espeak('en-gb-scotland+m7'),
  { id: 'flite kal', voice: { engine: 'flite', name: 'kal' } },
  copy('espeak en-us', US, 'pitch +400', ['pitch', '400']),
  copy('espeak en-029+m2', M2, 'formants x1.12', formants(1.12)),
  copy('espeak en-gb-scotland+f2', SCOT_F2, 'pitch -300', ['pitch', '-300']),
  copy('espeak en-us-nyc+f5', NYC_F5, 'formants x0.9', formants(0.9)),
  copy('flite awb', AWB, 'formants x1.15', formants(1.15)),
  copy('flite kal16', KAL16, 'pitch +500', ['pitch', '500']),
  copy('flite awb', AWB, 'speed 1.08', ['speed', '1.08']),
  copy('flite kal16', KAL16, 'speed 0.92', ['speed', '0.92']),
];

const RAW = ['-t', 'raw', '-r', '16000', '-e', 'signed', '-b', '16', '-c', '1'];

/**
 * `samples` through sox `effects`, 16 kHz mono 16-bit in and out. Repeatable (`-R`) and without
 * dither (`-D`): the same samples give the same result, so the features' cache holds.
 */
export async function soxed(samples: Int16Array, effects: readonly string[]): Promise<Int16Array> {
  if (effects.length === 0) return samples;
  const child = run('sox', ['-R', '-D', ...RAW, '-', ...RAW, '-', ...effects], {
    encoding: 'buffer',
    maxBuffer: 1 << 28,
  });
  child.child.stdin!.end(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
  const { stdout } = await child;
  return samplesOf(new Uint8Array(stdout));
}

/** Room reverb (sox `reverb`), the same length as the clip: its tail is cut. */
export async function reverberant(samples: Int16Array): Promise<Int16Array> {
  const wet = await soxed(samples, ['reverb', '60', '50', '80', 'gain', '-3']);
  const out = new Int16Array(samples.length);
  out.set(wet.subarray(0, samples.length));
  return out;
}

/** `text` said by a training voice at `speed`, shifted as the voice says. */
export async function trainingSpeech(
  text: string,
  voice: TrainingVoice,
  speed: number,
): Promise<Int16Array> {
  return soxed(samplesOf((await speak(text, voice.voice, speed)).audio), voice.sox ?? []);
}
