// One 0..1 score from the signals a recall gathers for each candidate: vector similarity, BM25
// (full text), how much of the query the memory covers, recency, importance, an area match, and
// priors from the way the question is asked (the kind of memory, the user's own; question-kind.ts).
// Two fusions: a weighted sum of the normalised signals (the default: its scores mean the same
// from one query to the next, so `minScore` and forget's confidence can use them) and
// reciprocal-rank fusion (compared in the memory benchmark).

export interface Candidate<T> {
  readonly item: T;
  /** Cosine similarity to the query, -1..1. */
  readonly similarity: number;
  /** BM25 from the full-text index, 0 when the full-text search did not return it. */
  readonly bm25: number;
  /** Share of the query's words the memory has a term for (stem, tag or translation), 0..1. */
  readonly coverage: number;
  /** Share of the query's words the memory contains (as written or a lexicon name), 0..1. */
  readonly wordCoverage: number;
  /** Share of the memory's facets a later memory gave a new value, 0..1 (0 when unknown). */
  readonly outdated?: number;
  /** Share of the memory's subject words the query names, 0..1 ("where does Claire live?"). */
  readonly subjectMatch: number;
  readonly updatedAt: number;
  readonly importance: number;
  readonly areaMatch: boolean;
  /**
   * 1 when the memory is of a kind the way of asking points at ("did we…": an episode), 0 when
   * not, undefined when the question points at none.
   */
  readonly kindMatch?: number;
  /** 1 when a question about the user meets the user's own memory, 0 when not, else undefined. */
  readonly userMatch?: number;
  /**
   * 1 when the memory holds the kind of answer the question word asks for ("when…": a time), 0
   * when not, undefined when the question asks for none (answer-type.ts).
   */
  readonly answerMatch?: number;
}

export interface ScoreWeights {
  readonly vector: number;
  readonly text: number;
  /** The query names what the memory is about. */
  readonly subject: number;
  readonly recency: number;
  readonly importance: number;
  /** Added when the memory's area is the one asked for. */
  readonly area: number;
  /** The memory is of a kind the question's way of asking points at (counts when it points). */
  readonly kind?: number;
  /** A question about the user meets the user's own memory (counts when asked so). */
  readonly user?: number;
  /** The memory holds the kind of answer the question word asks for (counts when it asks). */
  readonly answer?: number;
}

/** Searched on the memory benchmark's development split (`npm run bench -w server -- memory tune`). */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  vector: 0.25,
  text: 0.45,
  subject: 0.6,
  recency: 0.1,
  importance: 0.1,
  area: 0.15,
  kind: 0.3,
  user: 0.1,
  answer: 0.45,
};

export type Fusion = 'weighted' | 'rrf';

export interface FuseOptions {
  readonly now: number;
  readonly weights?: ScoreWeights;
  readonly fusion?: Fusion;
  /** Recency halves every this many days (default 28). */
  readonly halfLifeDays?: number;
  /** Whether an area was asked for (the area weight then counts in the total). */
  readonly area?: boolean;
}

export interface Scored<T> {
  readonly candidate: Candidate<T>;
  readonly score: number;
}

const DAY_MS = 86_400_000;
const RRF_K = 60;
/** How much of its score a memory whose every facet was replaced loses. */
const OUTDATED_PENALTY = 0.5;

/** 1 for now, 0.5 one half-life ago, towards 0 after. Future times count as now. */
export function recency(updatedAt: number, now: number, halfLifeDays = 28): number {
  const ageDays = Math.max(0, now - updatedAt) / DAY_MS;
  return 0.5 ** (ageDays / halfLifeDays);
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

function ranks<T>(list: readonly Candidate<T>[], key: (c: Candidate<T>) => number) {
  const sorted = list.filter((c) => key(c) > 0).sort((a, b) => key(b) - key(a));
  return new Map(sorted.map((c, i) => [c, i + 1]));
}

/** Scores the candidates and sorts them best first. */
export function fuse<T>(candidates: readonly Candidate<T>[], options: FuseOptions): Scored<T>[] {
  const w = options.weights ?? DEFAULT_WEIGHTS;
  const total =
    w.vector + w.text + w.subject + w.recency + w.importance + (options.area ? w.area : 0);
  const maxBm25 = Math.max(0, ...candidates.map((c) => c.bm25));
  const vectorRanks = ranks(candidates, (c) => c.similarity);
  const textRanks = ranks(candidates, (c) => c.bm25);
  const scored = candidates.map((c) => {
    const fresh = recency(c.updatedAt, options.now, options.halfLifeDays);
    // Priors from the way of asking count (in the total too) only when the question has them.
    const kind = c.kindMatch === undefined ? 0 : (w.kind ?? 0);
    const user = c.userMatch === undefined ? 0 : (w.user ?? 0);
    const answer = c.answerMatch === undefined ? 0 : (w.answer ?? 0);
    const extras =
      w.subject * clamp01(c.subjectMatch) +
      w.recency * fresh +
      w.importance * clamp01(c.importance) +
      (options.area && c.areaMatch ? w.area : 0) +
      kind * (c.kindMatch ?? 0) +
      user * (c.userMatch ?? 0) +
      answer * (c.answerMatch ?? 0);
    let relevance: number;
    if (options.fusion === 'rrf') {
      const rr = (r: number | undefined) => (r === undefined ? 0 : (RRF_K + 1) / (RRF_K + r));
      relevance = w.vector * rr(vectorRanks.get(c)) + w.text * rr(textRanks.get(c));
    } else {
      const text = maxBm25 > 0 ? 0.5 * (c.bm25 / maxBm25) + 0.5 * c.coverage : c.coverage;
      relevance = w.vector * clamp01(c.similarity) + w.text * clamp01(text);
    }
    // A memory partly replaced by a later one ("Felix is a black cat" once he is grey) yields.
    const current = 1 - OUTDATED_PENALTY * clamp01(c.outdated ?? 0);
    return {
      candidate: c,
      score: clamp01(((relevance + extras) / (total + kind + user + answer)) * current),
    };
  });
  return scored.sort((a, b) => b.score - a.score);
}
