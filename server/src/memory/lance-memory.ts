// Long-term memory on LanceDB: one `memories` table in a folder of the data dir, a full-text index
// beside the vectors, hybrid recall (vector + BM25 + recency + importance), one memory per kind
// and subject (a new statement updates the old one), durable writes serialised in one queue.
import { randomUUID } from 'node:crypto';
import * as lancedb from '@lancedb/lancedb';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { Embedder } from './embedder.js';
import { DEFAULT_WEIGHTS, type Fusion, type ScoreWeights } from './hybrid-score.js';
import { MEMORY_COLUMNS, kindFilter, sqlString, toMemory, toRow } from './lance-rows.js';
import { maintain, openMemoriesTable, type SetupOptions } from './lance-setup.js';
import { confidentMatches, forgetQuery, search, type SearchContext } from './lance-search.js';
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
import { deriveSubject, inferKind, normaliseSubject } from './subjects.js';
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
  /** Cosine similarity above which a new memory of the same kind updates an old one (default 0.9). */
  readonly duplicateSimilarity?: number;
  /** Writes between two index refreshes (default 64). */
  readonly optimizeEvery?: number;
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
  }

  static async open(options: LanceMemoryOptions): Promise<LanceMemory> {
    const setup: SetupOptions = {
      db: await lancedb.connect(options.dir),
      embedder: options.embedder,
      logger: options.logger ?? silentLogger,
      vectorIndexRows: options.vectorIndexRows ?? 1000,
    };
    const table = await openMemoriesTable(setup);
    const store = new LanceMemory(table, options, setup);
    store.#vectorIndex = (await table.listIndices()).some((i) => i.columns.includes('vector'));
    return store;
  }

  async remember(input: NewMemory, signal?: AbortSignal): Promise<RememberResult> {
    this.#assertOpen();
    const text = input.text.trim();
    if (text === '') throw new TypeError('memory: cannot remember an empty text');
    const kind = input.kind ?? inferKind(text);
    if (!MEMORY_KINDS.includes(kind)) throw new TypeError(`memory: unknown kind ${String(kind)}`);
    const subject = input.subject ? normaliseSubject(input.subject) : deriveSubject(text, kind);
    const [vector] = await this.#options.embedder.embed([text], signal);
    return this.#serial(async () => {
      signal?.throwIfAborted();
      const existing = await this.#findSame(kind, subject, vector!);
      const now = this.#now();
      const memory: Memory = {
        id: existing?.id ?? randomUUID(),
        kind,
        subject: input.subject || !existing ? subject : existing.subject,
        ...((input.area ?? existing?.area) !== undefined && { area: input.area ?? existing?.area }),
        text,
        ...((input.source ?? existing?.source) !== undefined && {
          source: input.source ?? existing?.source,
        }),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        importance: clamp01(input.importance ?? existing?.importance ?? DEFAULT_IMPORTANCE),
      };
      await this.#table
        .mergeInsert('id')
        .whenMatchedUpdateAll()
        .whenNotMatchedInsertAll()
        .execute([toRow(memory, searchTerms(text), vector!)]);
      this.#wrote(1);
      this.#logger.debug(`memory: ${existing ? 'updated' : 'added'} ${kind} "${subject}"`);
      return existing
        ? { memory, action: 'updated', previous: existing.text }
        : { memory, action: 'added' };
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
      const vectors = await this.#options.embedder.embed(
        batch.map((m) => m.text),
        signal,
      );
      const rows = batch.map((m, j) => toRow(m, searchTerms(m.text), vectors[j]!));
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
    return this.#serial(async () => {
      const scored = await search(this.#context(), cleaned, { signal, candidates: 20 });
      const doomed = confidentMatches(scored);
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
    };
  }

  #newMemory(input: NewMemory): Memory {
    const text = input.text.trim();
    if (text === '') throw new TypeError('memory: cannot remember an empty text');
    const kind = input.kind ?? inferKind(text);
    if (!MEMORY_KINDS.includes(kind)) throw new TypeError(`memory: unknown kind ${String(kind)}`);
    const now = this.#now();
    return {
      id: randomUUID(),
      kind,
      subject: input.subject ? normaliseSubject(input.subject) : deriveSubject(text, kind),
      ...(input.area !== undefined && { area: input.area }),
      text,
      ...(input.source !== undefined && { source: input.source }),
      createdAt: now,
      updatedAt: now,
      importance: clamp01(input.importance ?? DEFAULT_IMPORTANCE),
    };
  }

  /** The memory a new one replaces: same kind and subject, or a near-duplicate of the same kind. */
  async #findSame(
    kind: string,
    subject: string,
    vector: Float32Array,
  ): Promise<Memory | undefined> {
    const sameKind = `kind = ${sqlString(kind)}`;
    const bySubject = await this.#table
      .query()
      .where(`${sameKind} AND subject = ${sqlString(subject)}`)
      .select(MEMORY_COLUMNS)
      .limit(1)
      .toArray();
    if (bySubject[0]) return toMemory(bySubject[0]);
    const nearest = await this.#table
      .query()
      .nearestTo(vector)
      .distanceType('cosine')
      .where(sameKind)
      .select([...MEMORY_COLUMNS, '_distance'])
      .limit(1)
      .toArray();
    const threshold = this.#options.duplicateSimilarity ?? 0.9;
    const best = nearest[0];
    return best && 1 - Number(best._distance) >= threshold ? toMemory(best) : undefined;
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

/** Opens (creating when needed) the long-term memory in `dir`. */
export function openLanceMemory(options: LanceMemoryOptions): Promise<LanceMemory> {
  return LanceMemory.open(options);
}
