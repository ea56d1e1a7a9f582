// Opening the memory table: create it with its full-text index, re-embed every memory when the
// embedder, the lexicon or the table's columns changed (one atomic overwrite, then the new id in `meta`), and keep the indexes
// current: `optimize()` folds new rows into them, a vector index appears once flat search gets
// slow. Rows not yet indexed are still searched (flat), so a new memory is found at once.
import * as lancedb from '@lancedb/lancedb';
import type { Logger } from 'wyoming-ts';
import { type Embedder, embedMemories } from './embedder.js';
import {
  MEMORIES_TABLE,
  type MemoryRow,
  SCHEMA_VERSION,
  memorySchema,
  readMeta,
  toMemory,
  toRow,
  writeMeta,
} from './lance-rows.js';
import type { Lexicon } from './lexicon.js';
import { searchTerms } from './terms.js';

const EMBED_BATCH = 256;
/** A progress line every so many memories re-embedded (a long re-embed must not look hung). */
export const PROGRESS_EVERY = 2048;

export interface SetupOptions {
  readonly db: lancedb.Connection;
  readonly embedder: Embedder;
  readonly logger: Logger;
  /** Rows from which a vector index is built; below it a flat search is fast enough. */
  readonly vectorIndexRows: number;
  /** What the full-text terms are analysed with. */
  readonly lexicon: Lexicon;
}

async function createFtsIndex(table: lancedb.Table): Promise<void> {
  // The `terms` column is already analysed (stems, lexicon concepts): split on spaces only.
  const config = lancedb.Index.fts({
    baseTokenizer: 'whitespace',
    stem: false,
    removeStopWords: false,
    asciiFolding: false,
    withPosition: false,
  });
  await table.createIndex('terms', { config, replace: true });
}

/** Builds the vector index when the table is large enough and has none. True when one exists. */
export async function ensureVectorIndex(
  table: lancedb.Table,
  options: SetupOptions,
): Promise<boolean> {
  const indices = await table.listIndices();
  if (indices.some((i) => i.columns.includes('vector'))) return true;
  const rows = await table.countRows();
  if (rows < options.vectorIndexRows) return false;
  // `remember` looks up the memories about the same thing first: a scan without this.
  if (!indices.some((i) => i.columns.includes('thing'))) {
    await table.createIndex('thing', { config: lancedb.Index.btree(), replace: true });
  }
  const started = performance.now();
  await table.createIndex('vector', {
    config: lancedb.Index.hnswSq({ distanceType: 'cosine' }),
    replace: true,
  });
  options.logger.info(
    `memory: built the vector index over ${rows} memories in ${Math.round(performance.now() - started)} ms`,
  );
  return true;
}

async function hasFtsIndex(table: lancedb.Table): Promise<boolean> {
  return (await table.listIndices()).some((i) => i.columns.includes('terms'));
}

async function reembed(
  table: lancedb.Table,
  options: SetupOptions,
  previous: string | undefined,
): Promise<lancedb.Table> {
  const { db, embedder } = options;
  const started = performance.now();
  // Every column there is: a table of an older schema lacks some (`toMemory` derives them).
  const rows = await table.query().toArray();
  table.close();
  const memories = rows.map(toMemory);
  // Said before starting: ~1 min for 10,000 memories with the sentence encoder here, more on a Pi.
  options.logger.info(
    `memory: re-embedding ${memories.length} memories for ${embedder.id} (one-off, was ${previous ?? 'unknown'})…`,
  );
  const out: MemoryRow[] = [];
  for (let i = 0; i < memories.length; i += EMBED_BATCH) {
    const batch = memories.slice(i, i + EMBED_BATCH);
    const vectors = await embedMemories(
      embedder,
      batch.map((m) => m.text),
    );
    batch.forEach((m, j) =>
      out.push(toRow(m, searchTerms(m.text, options.lexicon, 'memory'), vectors[j]!)),
    );
    const done = i + batch.length;
    if (
      done < memories.length &&
      Math.floor(done / PROGRESS_EVERY) > Math.floor(i / PROGRESS_EVERY)
    ) {
      options.logger.info(`memory: re-embedded ${done} of ${memories.length} memories…`);
    }
  }
  const schema = memorySchema(embedder.dimensions);
  // One overwrite is one commit: a process killed half-way leaves the old table whole.
  const next =
    out.length === 0
      ? await db.createEmptyTable(MEMORIES_TABLE, schema, { mode: 'overwrite' })
      : await db.createTable(MEMORIES_TABLE, lancedb.makeArrowTable(out, { schema }), {
          mode: 'overwrite',
        });
  await createFtsIndex(next);
  await ensureVectorIndex(next, options);
  await writeMeta(db, metaOf(options));
  options.logger.info(
    `memory: re-embedded ${out.length} memories for ${embedder.id} (was ${previous ?? 'unknown'}) ` +
      `in ${Math.round(performance.now() - started)} ms`,
  );
  return next;
}

/** What the stored vectors and terms were made with: a change re-embeds and re-analyses. */
function metaOf(options: SetupOptions): Record<string, string> {
  return {
    embedder: options.embedder.id,
    schema: SCHEMA_VERSION,
    lexicon: options.lexicon.id,
  };
}

const stale = (meta: Map<string, string>, options: SetupOptions) =>
  Object.entries(metaOf(options)).some(([key, value]) => meta.get(key) !== value);

/** True when opening will re-embed: the table exists, made with another embedder or lexicon. */
export async function reembedDue(options: SetupOptions): Promise<boolean> {
  const { db } = options;
  return (await db.tableNames()).includes(MEMORIES_TABLE) && stale(await readMeta(db), options);
}

/** Opens (or creates) the memories table, re-embedding it when the embedder or lexicon changed. */
export async function openMemoriesTable(options: SetupOptions): Promise<lancedb.Table> {
  const { db, embedder } = options;
  const meta = await readMeta(db);
  if (!(await db.tableNames()).includes(MEMORIES_TABLE)) {
    const table = await db.createEmptyTable(MEMORIES_TABLE, memorySchema(embedder.dimensions));
    await createFtsIndex(table);
    await writeMeta(db, metaOf(options));
    options.logger.info(`memory: created a new memory table for ${embedder.id}`);
    return table;
  }
  let table = await db.openTable(MEMORIES_TABLE);
  if (stale(meta, options)) {
    table = await reembed(table, options, meta.get('embedder'));
  } else if (!(await hasFtsIndex(table))) {
    await createFtsIndex(table);
  }
  return table;
}

/** Folds new rows into the indexes and builds the vector index when it is due. */
export async function maintain(table: lancedb.Table, options: SetupOptions): Promise<boolean> {
  await table.optimize();
  return ensureVectorIndex(table, options);
}
