import { describe, expect, it } from 'vitest';
import { augment, noisesFor } from './augment.js';

/** A 1 s tone at 16 kHz, as a stand-in for speech. */
const tone = (hz: number, amplitude = 8000) =>
  Int16Array.from({ length: 16000 }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / 16000)),
  );

/** Signal-to-noise ratio of `noisy` against `clean`, in dB. */
function snrDb(clean: Int16Array, noisy: Int16Array): number {
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < clean.length; i++) {
    signal += clean[i]! ** 2;
    noise += (noisy[i]! - clean[i]!) ** 2;
  }
  return 10 * Math.log10(signal / noise);
}

describe('enrolment augmentation', () => {
  const talkers = [tone(300), tone(450), tone(700), tone(900)];

  it('gives a wake word clip every colour at 10 and 5 dB and babble at 10 dB', () => {
    const clip = tone(220);
    const copies = augment(clip, 'wake', 0, talkers);
    expect(noisesFor('wake', 0)).toHaveLength(7);
    expect(copies).toHaveLength(7);
    const levels = copies.map((c) => Math.round(snrDb(clip, c)));
    expect(levels).toEqual([10, 10, 10, 5, 5, 5, 10]);
    for (const copy of copies) expect(copy).toHaveLength(clip.length);
  });

  it('gives other speech one colour per level in turn, and babble of the other clips only', () => {
    expect(noisesFor('other', 0).map((n) => ('colour' in n ? n.colour : 'babble'))).toEqual([
      'white',
      'pink',
      'babble',
    ]);
    expect(noisesFor('other', 1).map((n) => ('colour' in n ? n.colour : 'babble'))).toEqual([
      'pink',
      'brown',
      'babble',
    ]);
    // A clip alone has nobody to babble with: its coloured copies only.
    expect(augment(talkers[0]!, 'other', 0, [talkers[0]!])).toHaveLength(2);
    expect(augment(talkers[0]!, 'other', 0, talkers)).toHaveLength(3);
  });

  it('is deterministic, and each clip gets its own noise', () => {
    const clip = tone(220);
    const bytes = (index: number) =>
      augment(clip, 'wake', index, talkers).map((c) => Buffer.from(c.buffer).toString('base64'));
    expect(bytes(3)).toEqual(bytes(3));
    expect(bytes(3)[0]).not.toEqual(bytes(4)[0]);
  });
});
