// Long-term memory on LanceDB: one `memories` table in a folder of the data dir, a full-text index
// beside the vectors, hybrid recall (vector + BM25 + recency + importance), facts kept (a new
// statement updates an older one only where it gives the same facet of the same thing a new
// value, `revisions.ts`), durable writes serialised in one queue.
import { randomUUID } from 'node:crypto';
import * as lancedb from '@lancedb/lancedb';
import { type Logger, silentLogger } from 'wyoming-ts';
import { type Embedder, embedMemories } from './embedder.js';
import { type Candidate, DEFAULT_WEIGHTS, type Fusion, type ScoreWeights } from './hybrid-score.js';
import { MEMORY_COLUMNS, kindFilter, sqlString, toMemory, toRow, writeRows } from './lance-rows.js';
import { maintain, openMemoriesTable, reembedDue, type SetupOptions } from './lance-setup.js';
import {
  confidentMatches,
  forgetEverythingAbout,
  forgetQuery,
  gather,
  search,
  type SearchContext,
} from './lance-search.js';
import {
  MEMORY_KINDS,
  type ListOptions,
  type Memory,
  type MemoryStore,
  type NewMemory,
  type RecallOptions,
  type RecalledMemory,
  type RememberResult,
} from './memory.js';
import { findAbout } from './lance-about.js';
import { historyAfter, outdate, planRevision } from './revisions.js';
import { analyseStatement } from './statements.js';
import { deriveSubject, inferKind, normaliseSubject } from './subjects.js';
import { HOUSEHOLD_LEXICON, type Lexicon } from './lexicon.js';
import { searchTerms } from './terms.js';

export interface LanceMemoryOptions {
  /** The database folder (created when missing). */
  readonly dir: string;
  readonly embedder: Embedder;
  readonly logger?: Logger;
  /** Milliseconds since the epoch (default `Date.now`). */
  readonly now?: () => number;
  /** How recall combines its signals (default `weighted`). */
  readonly fusion?: Fusion;
  readonly weights?: ScoreWeights;
  /** Recency halves every this many days (default 28). */
  readonly halfLifeDays?: number;
  /** Rows from which a vector index is built (default 1,000). */
  readonly vectorIndexRows?: number;
  /** Recall's lexicon (default the household's; `NO_LEXICON`: an ablation); updates keep theirs. */
  readonly lexicon?: Lexicon;
  /** Writes between two index refreshes (default 64). */
  readonly optimizeEvery?: number;
  /** "Where" questions naming no one favour a spot over a town (`spotAsked`; default off). */
  readonly spots?: boolean;
}

const DEFAULT_IMPORTANCE = 0.5;
const IMPORT_BATCH = 1024;

const clamp01 = (x: number) => Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));

export class LanceMemory implements MemoryStore {
  readonly #db: lancedb.Connection;
  readonly #table: lancedb.Table;
  readonly #options: LanceMemoryOptions;
  readonly #setup: SetupOptions;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #lexicon: Lexicon;
  #queue: Promise<unknown> = Promise.resolve();
  #writes = 0;
  #vectorIndex = false;
  #closed = false;

  private constructor(table: lancedb.Table, options: LanceMemoryOptions, setup: SetupOptions) {
    this.#db = setup.db;
    this.#table = table;
    this.#options = options;
    this.#setup = setup;
    this.#logger = setup.logger;
    this.#now = options.now ?? Date.now;
    this.#lexicon = options.lexicon ?? HOUSEHOLD_LEXICON;
  }

  static async open(options: LanceMemoryOptions): Promise<LanceMemory> {
    const setup = await setupOf(options);
    const table = await openMemoriesTable(setup);
    const store = new LanceMemory(table, options, setup);
    store.#vectorIndex = (await table.listIndices()).some((i) => i.columns.includes('vector'));
    return store;
  }

  async remember(input: NewMemory, signal?: AbortSignal): Promise<RememberResult> {
    this.#assertOpen();
    const fresh = this.#newMemory(input);
    const [vector] = await embedMemories(this.#options.embedder, [fresh.text], signal);
    return this.#serial(async () => {
      signal?.throwIfAborted();
      const now = this.#now();
      const plan = planRevision(fresh.facets, await this.#sameThing(fresh));
      if (plan.restates) return this.#restate(plan.restates, input, now);
      const [kept, ...absorbed] = plan.replaces;
      const memory: Memory = {
        ...fresh,
        ...(kept && {
          id: kept.id,
          createdAt: kept.createdAt,
          subject: input.subject ? fresh.subject : kept.subject,
          ...((input.area ?? kept.area) !== undefined && { area: input.area ?? kept.area }),
          ...((input.source ?? kept.source) !== undefined && {
            source: input.source ?? kept.source,
          }),
          importance: clamp01(input.importance ?? kept.importance),
        }),
        history: historyAfter([...plan.replaces, ...plan.outdates.map((o) => o.memory)], now),
        updatedAt: now,
      };
      const outdated = plan.outdates.map((o) => outdate(o.memory, o.keys, memory.text, now));
      await writeRows(
        this.#table,
        [toRow(memory, searchTerms(memory.text, this.#lexicon, 'memory'), vector!)],
        outdated.map((m) => this.#metaRow(m)),
        absorbed,
      );
      this.#wrote(1 + outdated.length + absorbed.length);
      const previous = plan.replaces[0]?.text ?? plan.outdates[0]?.memory.text;
      this.#logger.debug(
        `memory: ${previous ? 'updated' : 'added'} ${memory.kind} about "${memory.thing}"`,
      );
      return {
        memory,
        action: previous === undefined ? 'added' : 'updated',
        ...(previous !== undefined && { previous }),
        ...(plan.outdates.length > 0 && {
          partlyReplaced: plan.outdates.map((o) => ({
            id: o.memory.id,
            text: o.memory.text,
            facets: o.keys.map((k) => k.replace(/\|$/, '')),
          })),
        }),
      };
    });
  }

  /**
   * Adds many memories at once, each as a new one (no search for an older memory about the same
   * subject): the import and benchmark path. Embeds and writes in batches of 1,024, one commit
   * per batch, then refreshes the indexes unless `refreshIndexes` is false.
   */
  async rememberMany(
    inputs: readonly NewMemory[],
    options: { signal?: AbortSignal; refreshIndexes?: boolean } = {},
  ): Promise<Memory[]> {
    this.#assertOpen();
    const { signal } = options;
    const out: Memory[] = [];
    for (let i = 0; i < inputs.length; i += IMPORT_BATCH) {
      const batch = inputs.slice(i, i + IMPORT_BATCH).map((input) => this.#newMemory(input));
      const vectors = await embedMemories(
        this.#options.embedder,
        batch.map((m) => m.text),
        signal,
      );
      const rows = batch.map((m, j) =>
        toRow(m, searchTerms(m.text, this.#lexicon, 'memory'), vectors[j]!),
      );
      await this.#serial(async () => {
        signal?.throwIfAborted();
        await this.#table.add(rows);
      });
      out.push(...batch);
    }
    if (options.refreshIndexes !== false) await this.optimize();
    return out;
  }

  async recall(query: string, options: RecallOptions = {}): Promise<RecalledMemory[]> {
    this.#assertOpen();
    const limit = options.limit ?? 3;
    if (limit <= 0 || query.trim() === '') return [];
    const scored = await search(this.#context(), query, {
      ...options,
      candidates: Math.max(20, limit * 5),
    });
    return scored
      .filter((s) => s.score >= (options.minScore ?? 0))
      .slice(0, limit)
      .map((s) => ({ memory: s.candidate.item, score: s.score }));
  }

  /** The candidates a recall would score, with their signals (the benchmark tunes on these). */
  async candidates(query: string, options: RecallOptions = {}): Promise<Candidate<Memory>[]> {
    this.#assertOpen();
    return gather(this.#context(), query, { ...options, candidates: 20 });
  }

  async list(options: ListOptions = {}): Promise<{ memories: Memory[]; total: number }> {
    this.#assertOpen();
    const filter = options.kind ? kindFilter([options.kind]) : undefined;
    let query = this.#table
      .query()
      .select(MEMORY_COLUMNS)
      .orderBy({ columnName: 'updated_at', ascending: false })
      .limit(options.limit ?? 100)
      .offset(options.offset ?? 0);
    if (filter) query = query.where(filter);
    const [rows, total] = await Promise.all([query.toArray(), this.#table.countRows(filter)]);
    return { memories: rows.map(toMemory), total };
  }

  async get(id: string): Promise<Memory | undefined> {
    this.#assertOpen();
    const rows = await this.#table
      .query()
      .where(`id = ${sqlString(id)}`)
      .select(MEMORY_COLUMNS)
      .limit(1)
      .toArray();
    return rows[0] ? toMemory(rows[0]) : undefined;
  }

  async forget(id: string): Promise<boolean> {
    this.#assertOpen();
    return this.#serial(async () => {
      const filter = `id = ${sqlString(id)}`;
      if ((await this.#table.countRows(filter)) === 0) return false;
      await this.#table.delete(filter);
      this.#wrote(1);
      return true;
    });
  }

  async forgetMatching(query: string, signal?: AbortSignal): Promise<Memory[]> {
    this.#assertOpen();
    const cleaned = forgetQuery(query);
    if (cleaned === '') return [];
    const everything = forgetEverythingAbout(cleaned);
    return this.#serial(async () => {
      let doomed = everything === undefined ? [] : await this.about(everything, signal);
      if (doomed.length === 0) {
        doomed = confidentMatches(
          await search(this.#context(), cleaned, { signal, candidates: 20 }),
        );
      }
      signal?.throwIfAborted();
      if (doomed.length === 0) return [];
      await this.#table.delete(`id IN (${doomed.map((m) => sqlString(m.id)).join(', ')})`);
      this.#wrote(doomed.length);
      return doomed;
    });
  }

  async count(): Promise<number> {
    this.#assertOpen();
    return this.#table.countRows();
  }

  /** Folds pending rows into the indexes now (also done every few writes). */
  async optimize(): Promise<void> {
    this.#assertOpen();
    await this.#serial(() => this.#maintain());
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue;
    this.#table.close();
    this.#db.close();
  }

  #context(): SearchContext {
    return {
      table: this.#table,
      embedder: this.#options.embedder,
      now: this.#now(),
      vectorIndex: this.#vectorIndex,
      fusion: this.#options.fusion ?? 'weighted',
      weights: this.#options.weights ?? DEFAULT_WEIGHTS,
      halfLifeDays: this.#options.halfLifeDays ?? 28,
      spots: this.#options.spots ?? false,
      lexicon: this.#lexicon,
    };
  }

  #newMemory(input: NewMemory): Memory {
    const text = input.text.trim();
    if (text === '') throw new TypeError('memory: cannot remember an empty text');
    const kind = input.kind ?? inferKind(text, this.#lexicon);
    if (!MEMORY_KINDS.includes(kind)) throw new TypeError(`memory: unknown kind ${String(kind)}`);
    const now = this.#now();
    const { thing, facets } = analyseStatement(text, kind, input.subject);
    return {
      id: randomUUID(),
      kind,
      subject: input.subject
        ? normaliseSubject(input.subject)
        : deriveSubject(text, kind, this.#lexicon),
      thing,
      facets,
      history: [],
      ...(input.area !== undefined && { area: input.area }),
      text,
      ...(input.source !== undefined && { source: input.source }),
      createdAt: now,
      updatedAt: now,
      importance: clamp01(input.importance ?? DEFAULT_IMPORTANCE),
    };
  }

  /** The memories about the same thing a new one may update (reminders only with reminders). */
  async #sameThing(memory: Memory): Promise<Memory[]> {
    const kinds = memory.kind === 'reminder' ? `kind = 'reminder'` : `kind <> 'reminder'`;
    const rows = await this.#table
      .query()
      .where(`thing = ${sqlString(memory.thing)} AND ${kinds}`)
      .select(MEMORY_COLUMNS)
      .limit(1000)
      .toArray();
    return rows.map(toMemory).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** An older memory already says it: touched (and given the area, source or subject said). */
  async #restate(old: Memory, input: NewMemory, now: number): Promise<RememberResult> {
    const memory: Memory = {
      ...old,
      ...(input.subject && { subject: normaliseSubject(input.subject) }),
      ...(input.area !== undefined && { area: input.area }),
      ...(input.source !== undefined && { source: input.source }),
      ...(input.importance !== undefined && { importance: clamp01(input.importance) }),
      updatedAt: now,
    };
    await writeRows(this.#table, [], [this.#metaRow(memory)], []);
    this.#wrote(1);
    return { memory, action: 'unchanged' };
  }

  /** The columns of a memory whose text (so terms and vector) did not change. */
  #metaRow(memory: Memory): Record<string, string | number> {
    const { vector: _vector, terms: _terms, ...row } = toRow(memory, '', new Float32Array(0));
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? ''])) as Record<
      string,
      string | number
    >;
  }

  async about(thing: string, signal?: AbortSignal): Promise<Memory[]> {
    this.#assertOpen();
    return findAbout(this.#table, thing, this.#lexicon, signal);
  }

  #wrote(n: number): void {
    this.#writes += n;
    if (this.#writes < (this.#options.optimizeEvery ?? 64)) return;
    this.#writes = 0;
    void this.#serial(() => this.#maintain()).catch((error: unknown) =>
      this.#logger.warn(`memory: index refresh failed: ${String(error)}`),
    );
  }

  async #maintain(): Promise<void> {
    this.#writes = 0;
    this.#vectorIndex = await maintain(this.#table, this.#setup);
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('memory: the store is closed');
  }
}

/** What opening the store in `options.dir` needs, defaults filled in. */
async function setupOf(options: LanceMemoryOptions): Promise<SetupOptions> {
  return {
    db: await lancedb.connect(options.dir),
    embedder: options.embedder,
    logger: options.logger ?? silentLogger,
    vectorIndexRows: options.vectorIndexRows ?? 1000,
    lexicon: options.lexicon ?? HOUSEHOLD_LEXICON,
  };
}

/** True when opening the store in `options.dir` will re-embed every memory first. */
export async function lanceReembedDue(options: LanceMemoryOptions): Promise<boolean> {
  const setup = await setupOf(options);
  return reembedDue(setup).finally(() => setup.db.close());
}

/** Opens (creating when needed) the long-term memory in `dir`. */
export function openLanceMemory(options: LanceMemoryOptions): Promise<LanceMemory> {
  return LanceMemory.open(options);
}
