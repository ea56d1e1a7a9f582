// Hybrid search over the memories table: a vector query and a full-text (BM25) query run side by
// side, their candidates are merged by id (a full-text hit's similarity is computed from its
// stored vector), then scored by `fuse`. Also what `forgetMatching` counts as a confident match.
import type * as lancedb from '@lancedb/lancedb';
import type { Embedder } from './embedder.js';
import {
  type Candidate,
  type Fusion,
  fuse,
  type Scored,
  type ScoreWeights,
} from './hybrid-score.js';
import { MEMORY_COLUMNS, kindFilter, rowVector, toMemory } from './lance-rows.js';
import type { Memory, MemoryKind } from './memory.js';
import type { Lexicon } from './lexicon.js';
import { answerTypeAsked, holdsAnswer, spotAsked } from './answer-type.js';
import { profileQuestion } from './question-kind.js';
import { relationsIn, withNames } from './relatives.js';
import { type AnalysedText, analyse, searchTerms } from './terms.js';
import { isStopWord, normaliseText, stem } from './text-analysis.js';

export interface SearchContext {
  readonly table: lancedb.Table;
  readonly embedder: Embedder;
  readonly now: number;
  readonly vectorIndex: boolean;
  readonly fusion: Fusion;
  readonly weights: ScoreWeights;
  readonly halfLifeDays: number;
  readonly lexicon: Lexicon;
  /** Whether a "where" question naming no one asks for a spot (`spotAsked`). */
  readonly spots?: boolean;
}

export interface SearchOptions {
  readonly kinds?: readonly MemoryKind[];
  readonly area?: string;
  readonly signal?: AbortSignal;
  /** How many candidates each of the two searches returns. */
  readonly candidates: number;
}

type Row = Record<string, unknown>;

/**
 * How many candidates the vector index's graph search visits. LanceDB's default (1.5 × limit)
 * missed memories: recall@3 of the development questions among 10,000 memories was 80.5 % with
 * the hashed embedder and 79.3 % with the sentence encoder blend, 82.3 % and 86.6 % with 1,000
 * (86.6 % is what the blend finds with no index), for 3 to 4 ms more per recall.
 */
const HNSW_EF = 1000;

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) sum += a[i]! * b[i]!;
  return sum;
}

async function runQueries(
  context: SearchContext,
  vector: Float32Array,
  terms: string,
  options: SearchOptions,
): Promise<[Row[], Row[]]> {
  const where = kindFilter(options.kinds);
  const columns = [...MEMORY_COLUMNS, 'terms'];
  // A signal weighed 0 brings no candidates either (the benchmark's ablations).
  let vectorQuery: lancedb.VectorQuery | undefined;
  if (context.weights.vector > 0) {
    vectorQuery = context.table
      .query()
      .nearestTo(vector)
      .distanceType('cosine')
      .select([...columns, '_distance'])
      .limit(options.candidates);
    if (context.vectorIndex) vectorQuery = vectorQuery.refineFactor(4).ef(HNSW_EF);
    if (where) vectorQuery = vectorQuery.where(where);
  }
  let textQuery: lancedb.Query | undefined;
  if (terms !== '' && context.weights.text > 0) {
    textQuery = context.table
      .query()
      .fullTextSearch(terms, { columns: 'terms' })
      .select([...columns, 'vector', '_score'])
      .limit(options.candidates);
    if (where) textQuery = textQuery.where(where);
  }
  return Promise.all([
    vectorQuery ? vectorQuery.toArray() : [],
    textQuery ? textQuery.toArray() : [],
  ]);
}

/** The candidates for `query`, scored and sorted best first. */
export async function search(
  context: SearchContext,
  query: string,
  options: SearchOptions,
): Promise<Scored<Memory>[]> {
  return fuse(await gather(context, query, options), {
    now: context.now,
    weights: context.weights,
    fusion: context.fusion,
    halfLifeDays: context.halfLifeDays,
    area: options.area !== undefined,
  });
}

/** The candidates for `query` with their signals, not yet scored (the benchmark's tuning re-scores them). */
export async function gather(
  context: SearchContext,
  query: string,
  options: SearchOptions,
): Promise<Candidate<Memory>[]> {
  const { lexicon } = context;
  const asked = profileQuestion(query, lexicon, relationsIn(query, lexicon));
  const isWord = (w: string) => isStopWord(w) || lexicon.tagger?.isWord?.(w) === true;
  const asks = answerTypeAsked(query);
  const answer =
    asks === 'place' &&
    context.spots &&
    spotAsked(query, isWord, relationsIn(query, lexicon).length)
      ? 'spot'
      : asks;
  query = await withRelatives(context, query, options);
  const terms = searchTerms(query, lexicon);
  const [vector] = await context.embedder.embed([query], options.signal);
  options.signal?.throwIfAborted();
  const [vectorRows, found] = await runQueries(context, vector!, terms, options);
  options.signal?.throwIfAborted();
  // Each query word with every term that stands for it: coverage counts words, not tags.
  const analysed = analyse(query, lexicon);
  const widened = await widenUnmatched(context, analysed, [...vectorRows, ...found], options);
  options.signal?.throwIfAborted();
  const textRows = [...found, ...widened.rows];
  const queryForms = analysed.forms;
  // Each query word with the lexicon's names for it: "chaud" is found in "warm places".
  const queryWords = analyse(query, lexicon).stems.map((w) => [
    w,
    ...lexicon.conceptsOf(w).synonyms.map((c) => `c_${c}`),
  ]);
  const named = namedWords(query, lexicon);
  const area = options.area ? normaliseText(options.area) : undefined;
  const byId = new Map<string, { row: Row; similarity: number; bm25: number }>();
  for (const row of vectorRows) {
    byId.set(String(row.id), { row, similarity: 1 - Number(row._distance), bm25: 0 });
  }
  for (const row of textRows) {
    const seen = byId.get(String(row.id));
    if (seen) seen.bm25 = Number(row._score) || 0;
    else {
      const stored = rowVector(row);
      const similarity = stored && context.weights.vector > 0 ? dot(vector!, stored) : 0;
      byId.set(String(row.id), { row, similarity, bm25: Number(row._score) || 0 });
    }
  }
  return [...byId.values()].map(({ row, similarity, bm25 }) => {
    const memory = toMemory(row);
    const docTerms = new Set(String(row.terms).split(' '));
    return {
      item: memory,
      similarity,
      bm25,
      coverage: wordCoverage(queryForms, docTerms, widened.broader, analysed.weights),
      wordCoverage: wordCoverage(queryWords, docTerms),
      outdated: outdatedShare(memory),
      subjectMatch: subjectMatch(memory.subject, named),
      updatedAt: memory.updatedAt,
      importance: memory.importance,
      areaMatch:
        area !== undefined && memory.area !== undefined && normaliseText(memory.area) === area,
      kindMatch: asked.kinds.length > 0 ? Number(asked.kinds.includes(memory.kind)) : undefined,
      userMatch: asked.aboutUser ? Number(aboutUser(memory, lexicon)) : undefined,
      answerMatch: answer
        ? Number(
            holdsAnswer(
              memory.text,
              answer,
              isWord,
              () => relationsIn(memory.text, lexicon).length > 0,
            ),
          )
        : undefined,
    };
  });
}

/**
 * A rare query word that met none of the memories found ("upright" taken as a post) is searched
 * again with its other senses and what they are (an upright piano, a piano); those count as its
 * broader terms. The new memories come in with no full-text score of their own.
 */
async function widenUnmatched(
  context: SearchContext,
  analysed: AnalysedText,
  rows: readonly Row[],
  options: SearchOptions,
): Promise<{ rows: Row[]; broader: (readonly string[])[] }> {
  if (analysed.wide.every((terms) => terms.length === 0)) {
    return { rows: [], broader: analysed.broader.map((b) => [...b]) };
  }
  const seen = rows.map((r) => new Set(String(r.terms).split(' ')));
  const wide = analysed.wide.map((terms, i) =>
    terms.length > 0 && !seen.some((d) => analysed.forms[i]!.some((f) => d.has(f))) ? terms : [],
  );
  const broader = analysed.broader.map((b, i) => [...b, ...wide[i]!]);
  if (wide.every((w) => w.length === 0) || context.weights.text <= 0) return { rows: [], broader };
  let more = context.table
    .query()
    .fullTextSearch(wide.flat().join(' '), { columns: 'terms' })
    .select([...MEMORY_COLUMNS, 'terms', 'vector', '_score'])
    .limit(options.candidates);
  const where = kindFilter(options.kinds);
  if (where) more = more.where(where);
  const known = new Set(rows.map((r) => String(r.id)));
  const extra = (await more.toArray()).filter((r) => !known.has(String(r.id)));
  return { rows: extra.map((r) => ({ ...r, _score: 0 })), broader };
}

/** The query with the names of the relatives it names ("my brother": Hugo), from the memories. */
async function withRelatives(context: SearchContext, query: string, options: SearchOptions) {
  const relations = relationsIn(query, context.lexicon);
  if (relations.length === 0) return query;
  let search = context.table
    .query()
    .fullTextSearch(relations.map((r) => `c_${r}`).join(' '), { columns: 'terms' })
    .select(['text', '_score'])
    .limit(10);
  const where = kindFilter(options.kinds);
  if (where) search = search.where(where);
  const rows = await search.toArray();
  return withNames(
    query,
    relations,
    rows.map((r) => String(r.text)),
    context.lexicon,
  );
}

/** How much a query word counts when the memory has only what it is a kind of. */
export const BROADER_CREDIT = 0.5;

/**
 * The share of the query's words (any of each one's forms) the memory's terms contain, each
 * word counting its weight (1 unless given: common words less); a word found only through its
 * broader terms counts `BROADER_CREDIT` of it.
 */
function wordCoverage(
  words: readonly (readonly string[])[],
  docTerms: ReadonlySet<string>,
  broader: readonly (readonly string[])[] = [],
  weights: readonly number[] = [],
) {
  if (words.length === 0) return 0;
  let covered = 0;
  let total = 0;
  words.forEach((forms, i) => {
    const weight = weights[i] ?? 1;
    total += weight;
    if (forms.some((f) => docTerms.has(f))) covered += weight;
    else if (broader[i]?.some((f) => docTerms.has(f))) covered += BROADER_CREDIT * weight;
  });
  return total > 0 ? covered / total : 0;
}

/**
 * A memory told in the first person about nobody else ("we hosted a barbecue", "my favourite…"),
 * or a reminder: what the user has to do.
 */
function aboutUser(memory: Memory, lexicon: Lexicon): boolean {
  if (memory.subject.startsWith('user:') || memory.kind === 'reminder') return true;
  return profileQuestion(memory.text, lexicon, relationsIn(memory.text, lexicon)).aboutUser;
}

/** The share of a memory's facets that later statements gave a new value. */
function outdatedShare(memory: Memory): number {
  if (memory.facets.length === 0) return 0;
  return memory.facets.filter((f) => f.replacedAt !== undefined).length / memory.facets.length;
}

/** The words a query names things with: as written, stemmed, and their canonical names. */
function namedWords(query: string, lexicon: Lexicon): Set<string> {
  const { contentWords, stems } = analyse(query, lexicon);
  return new Set([...contentWords, ...stems, ...lexicon.canonicalWords(stems)]);
}

/** The share of a subject's words (`claire live`, `user: evening light`) the query names. */
function subjectMatch(subject: string, named: ReadonlySet<string>): number {
  const words = subject
    .replace(/^user:\s*/, '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return 0;
  return words.filter((w) => named.has(w) || named.has(stem(w))).length / words.length;
}

const FORGET_VERBS =
  /^\s*(?:please\s+|s'il te pla[iî]t\s+)?(?:forget|delete|remove|erase|oublie[rz]?|efface[rz]?|supprime[rz]?)\b[\s,:]*/i;

const EVERYTHING_ABOUT =
  /^(?:(?:everything|all)\s+(?:(?:you know|i told you)\s+)?)?about\s+|^tout\s+(?:ce que tu sais\s+)?(?:sur|de|à propos de|a propos de)\s+/i;

/** The thing a request to forget everything about it names ("everything about Felix"). */
export function forgetEverythingAbout(cleaned: string): string | undefined {
  return EVERYTHING_ABOUT.test(cleaned) ? cleaned.replace(EVERYTHING_ABOUT, '') : undefined;
}

/** What a "forget ..." request is about: the request without its verb. */
export function forgetQuery(request: string): string {
  return request.replace(FORGET_VERBS, '').trim();
}

/**
 * The memories a forget request clearly points at: the best match when it has at least half of
 * the request's words or is very close in meaning, and any other nearly as good that has as many
 * of the request's words ("forget that Felix is at the vet" is not about Felix's colour).
 */
export function confidentMatches(scored: readonly Scored<Memory>[]): Memory[] {
  const clear = (s: Scored<Memory>) =>
    s.candidate.wordCoverage >= 0.5 || s.candidate.similarity >= 0.75;
  const best = scored[0];
  if (!best || !clear(best)) return [];
  return scored
    .filter(
      (s) =>
        s === best ||
        (clear(s) &&
          s.candidate.wordCoverage >= best.candidate.wordCoverage &&
          s.score >= best.score * 0.9),
    )
    .map((s) => s.candidate.item);
}
