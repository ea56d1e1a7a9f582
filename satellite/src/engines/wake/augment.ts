// Enrolment augmentation: each clip the household recorded is also heard through the noise a
// room adds, so the verifier learns the wake word and not the quiet room it was recorded in.
// The wake word clips get white, pink and brown noise at 10 and 5 dB and babble at 10 dB (the
// household's own other sentences, three at once); the other speech gets the same kinds, one
// colour per level in turn. Seeded: the same clips give the same verifier.
import { babble, type Colour, COLOURS, colouredNoise, mixAt } from '../../audio/noise.js';

/** Signal-to-noise ratios of the coloured noise, and of babble. */
export const NOISE_SNR_DB = [10, 5] as const;
export const BABBLE_SNR_DB = 10;
const BABBLE_TALKERS = 3;

/** `clip` with one kind of noise: a colour at a level, or babble. */
type Noise = { colour: Colour; snrDb: number } | { babble: true };

/** The noisy copies a wake word clip (every colour) or other speech (colours in turn) gets. */
export function noisesFor(kind: 'wake' | 'other', index: number): Noise[] {
  const colours = NOISE_SNR_DB.flatMap((snrDb, level) =>
    kind === 'wake'
      ? COLOURS.map((colour) => ({ colour, snrDb }))
      : [{ colour: COLOURS[(index + level) % COLOURS.length]!, snrDb }],
  );
  return [...colours, { babble: true }];
}

/**
 * Noisy copies of `clip` (the `index`-th of its kind), the clean clip not included. Babble is
 * made of `talkers` other than the clip itself; without any, there is no babble copy.
 */
export function augment(
  clip: Int16Array,
  kind: 'wake' | 'other',
  index: number,
  talkers: readonly Int16Array[],
): Int16Array[] {
  const others = talkers.filter((t) => t !== clip && t.length > 0);
  const copies: Int16Array[] = [];
  noisesFor(kind, index).forEach((noise, n) => {
    const seed = 7919 * (index + 1) + 104729 * n + (kind === 'wake' ? 0 : 1);
    if ('babble' in noise) {
      if (others.length === 0) return;
      const chosen = Array.from(
        { length: Math.min(BABBLE_TALKERS, others.length) },
        (_, k) => others[(index + k) % others.length]!,
      );
      copies.push(mixAt(clip, babble(chosen, seed), BABBLE_SNR_DB));
    } else {
      copies.push(mixAt(clip, colouredNoise(noise.colour, clip.length, seed), noise.snrDb));
    }
  });
  return copies;
}
