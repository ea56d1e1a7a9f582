// How much of the wake word benchmark's corpus a run scores: all of it (`--full`), the share the
// shared, overloaded 2-core machine could first afford (the default), or the clips whose
// features are cached for every front end (`--available`, after `--extract` ran part way).
import { augment } from '../src/engines/wake/augment.js';
import { type Corpus, SPEEDS } from './wake-corpus.js';
import { featureCache, type FrontEnd } from './wake-features.js';
import { BENCH_VOICES, splitOf } from './wake-voices.js';
import { PERSONAL_VOICE } from './wake-enrol.js';
import { variantCache } from './wake-variants.js';

/**
 * The default share: the positives at normal speed and, of the negative streams, every other
 * voice at one speed (rotating).
 */
export function firstShare(corpus: Corpus): Corpus {
  const voiceIndex = (voice: string) => BENCH_VOICES.findIndex((v) => v.id === voice);
  const speedOf = (voice: string) => SPEEDS[voiceIndex(voice) % SPEEDS.length];
  return {
    ...corpus,
    positives: corpus.positives.filter((p) => p.speed === 1),
    negatives: corpus.negatives.filter(
      (n) => n.speed === speedOf(n.voice) && voiceIndex(n.voice) % 2 === 0,
    ),
  };
}

/**
 * The test clips in the order `--extract` scores them: the first share, then the rest, the
 * rest of the negatives in rounds (one more speed of every voice per round, every condition),
 * so that a run stopped part way has every voice and condition.
 */
export function extractionOrder(corpus: Corpus): { file: string }[] {
  const first = firstShare(corpus);
  const rest = corpus.negatives.filter((n) => !first.negatives.includes(n));
  const round = (n: { voice: string; speed: number }) =>
    [...new Set(rest.filter((r) => r.voice === n.voice).map((r) => r.speed))].indexOf(n.speed);
  const voiceIndex = (voice: string) => BENCH_VOICES.findIndex((v) => v.id === voice);
  const rounds = rest
    .map((n, at) => ({ n, at, round: round(n), voice: voiceIndex(n.voice) }))
    .sort((a, b) => a.round - b.round || a.voice - b.voice || a.at - b.at)
    .map((x) => x.n);
  return [
    ...first.positives,
    ...first.negatives,
    ...corpus.positives.filter((p) => !first.positives.includes(p)),
    ...rounds,
  ];
}

/**
 * The clips whose features every front end in `kinds` has cached (and, `withVariants`, their
 * speed variants' slowed scores).
 */
export function available(
  corpus: Corpus,
  kinds: readonly FrontEnd[],
  withVariants = false,
): Corpus {
  const caches = kinds.map((kind) => featureCache(corpus.key, kind));
  const slowed = withVariants ? kinds.map((kind) => variantCache(corpus.key, kind)) : [];
  const cached = (item: { file: string }) => {
    const samples = corpus.audio(item);
    return (
      caches.every((c) => c.has(samples)) && slowed.every((c) => c.cached(samples) !== undefined)
    );
  };
  return {
    ...corpus,
    positives: corpus.positives.filter(cached),
    negatives: corpus.negatives.filter(cached),
  };
}

const minutes = (corpus: Corpus) =>
  corpus.negatives.reduce((sum, n) => sum + n.segments.at(-1)!.endMs / 60000, 0);

/** "468 of 468 positive clips, 275 of 275 negative minutes": the share of the corpus run. */
export function shareOf(run: Corpus, all: Corpus): string {
  return (
    `${run.positives.length} of ${all.positives.length} positive clips, ` +
    `${minutes(run).toFixed(0)} of ${minutes(all).toFixed(0)} negative minutes`
  );
}

/**
 * Every clip the verifiers' training reads (noisy copies included), in its order: for a second
 * `--extract KIND --enrolment --reverse` process that meets the training half way.
 */
export function enrolmentClips(corpus: Corpus): Int16Array[] {
  const households = [
    (voice: string) => splitOf(voice) === 'calibration',
    (voice: string) => splitOf(voice) === 'held-out',
    (voice: string) => voice === PERSONAL_VOICE,
  ];
  return households.flatMap((member) => {
    const chosen = corpus.enrolments.filter((e) => member(e.voice));
    const positives = chosen.flatMap((e) => e.positives);
    const negatives = chosen.flatMap((e) => e.negatives);
    return [
      ...positives.flatMap((c, i) => [c, ...augment(c, 'wake', i, negatives)]),
      ...negatives.flatMap((c, i) => [c, ...augment(c, 'other', i, negatives)]),
    ];
  });
}
