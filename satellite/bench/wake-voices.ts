// The wake word benchmark's voices and their split. Calibration voices choose thresholds,
// held-out voices report them; both halves have male and female voices of espeak-ng and flite.
// flite has a single female voice (slt), held out; the calibration half's female flite voice is
// awb with its pitch raised to a woman's (its formants stay a man's: a caveat, said in the README).
import type { Voice } from '../../tests/helpers/speech.js';

export type Split = 'calibration' | 'held-out';

export interface BenchVoice extends Voice {
  readonly id: string;
  readonly split: Split;
  readonly sex: 'male' | 'female';
}

export const BENCH_VOICES: readonly BenchVoice[] = [
  { id: 'espeak en-us', engine: 'espeak-ng', name: 'en-us', sex: 'male', split: 'calibration' },
  {
    id: 'espeak en-029+m2',
    engine: 'espeak-ng',
    name: 'en-029+m2',
    sex: 'male',
    split: 'calibration',
  },
  {
    id: 'espeak en-gb-scotland+f2',
    engine: 'espeak-ng',
    name: 'en-gb-scotland+f2',
    sex: 'female',
    split: 'calibration',
  },
  {
    id: 'espeak en-us-nyc+f5',
    engine: 'espeak-ng',
    name: 'en-us-nyc+f5',
    sex: 'female',
    split: 'calibration',
  },
  { id: 'flite awb', engine: 'flite', name: 'awb', sex: 'male', split: 'calibration' },
  { id: 'flite kal16', engine: 'flite', name: 'kal16', sex: 'male', split: 'calibration' },
  {
    id: 'flite awb 210 Hz',
    engine: 'flite',
    name: 'awb',
    pitch: 210,
    sex: 'female',
    split: 'calibration',
  },
  { id: 'espeak en-gb+m3', engine: 'espeak-ng', name: 'en-gb+m3', sex: 'male', split: 'held-out' },
  {
    id: 'espeak en-gb-x-gbclan+m5',
    engine: 'espeak-ng',
    name: 'en-gb-x-gbclan+m5',
    sex: 'male',
    split: 'held-out',
  },
  {
    id: 'espeak en-us+f3',
    engine: 'espeak-ng',
    name: 'en-us+f3',
    sex: 'female',
    split: 'held-out',
  },
  {
    id: 'espeak en-gb-x-rp+f4',
    engine: 'espeak-ng',
    name: 'en-gb-x-rp+f4',
    sex: 'female',
    split: 'held-out',
  },
  { id: 'flite slt', engine: 'flite', name: 'slt', sex: 'female', split: 'held-out' },
  { id: 'flite rms', engine: 'flite', name: 'rms', sex: 'male', split: 'held-out' },
];

/** Voices in no split, only heard as babble behind the others. */
export const BABBLE_VOICES: readonly Voice[] = [
  { engine: 'espeak-ng', name: 'en-us+m7' },
  { engine: 'espeak-ng', name: 'en-gb+f1' },
  { engine: 'flite', name: 'kal' },
  { engine: 'espeak-ng', name: 'en-gb-x-gbcwmd+m4' },
];

export const splitOf = (voiceId: string): Split =>
  BENCH_VOICES.find((v) => v.id === voiceId)?.split ?? 'calibration';
