// How memories are laid out in LanceDB: the `memories` table's Arrow schema, rows to and from
// `Memory`, SQL string literals for `where` filters, and the `meta` table (embedder id, schema).
import type * as lancedb from '@lancedb/lancedb';
import { Field, FixedSizeList, Float32, Float64, Schema, Utf8 } from 'apache-arrow';
import { MEMORY_KINDS, type Memory, type MemoryKind, type Revision } from './memory.js';
import { analyseStatement, type Facet } from './statements.js';

export const MEMORIES_TABLE = 'memories';
export const META_TABLE = 'meta';
/** Bumped when the `memories` table's columns change. */
export const SCHEMA_VERSION = '2';

/** Columns read back for a memory (everything but the vector). */
export const MEMORY_COLUMNS = [
  'id',
  'kind',
  'subject',
  'thing',
  'facets',
  'history',
  'area',
  'text',
  'source',
  'created_at',
  'updated_at',
  'importance',
];

export interface MemoryRow {
  id: string;
  kind: string;
  subject: string;
  thing: string;
  /** JSON: the memory's facets. */
  facets: string;
  /** JSON: what it said before. */
  history: string;
  area: string | null;
  text: string;
  /** Stemmed words and lexicon concepts, for the full-text index. */
  terms: string;
  source: string | null;
  created_at: number;
  updated_at: number;
  importance: number;
  vector: Float32Array;
  [column: string]: unknown;
}

export function memorySchema(dimensions: number): Schema {
  const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
  const number = (name: string) => new Field(name, new Float64(), false);
  return new Schema([
    text('id'),
    text('kind'),
    text('subject'),
    text('thing'),
    text('facets'),
    text('history'),
    text('area', true),
    text('text'),
    text('terms'),
    text('source', true),
    number('created_at'),
    number('updated_at'),
    number('importance'),
    new Field(
      'vector',
      new FixedSizeList(dimensions, new Field('item', new Float32(), true)),
      false,
    ),
  ]);
}

export function metaSchema(): Schema {
  return new Schema([new Field('key', new Utf8(), false), new Field('value', new Utf8(), false)]);
}

/** A SQL string literal for LanceDB filters: quotes doubled, NUL characters refused. */
export function sqlString(value: string): string {
  if (value.includes('\0')) throw new TypeError('memory: a NUL character cannot be stored');
  return `'${value.replace(/'/g, "''")}'`;
}

/** `kind IN ('fact', 'preference')` for known kinds; throws on anything else. */
export function kindFilter(kinds: readonly MemoryKind[] | undefined): string | undefined {
  if (!kinds || kinds.length === 0) return undefined;
  for (const kind of kinds) {
    if (!MEMORY_KINDS.includes(kind)) throw new TypeError(`memory: unknown kind ${String(kind)}`);
  }
  return `kind IN (${kinds.map(sqlString).join(', ')})`;
}

function parsed<T>(json: unknown, fallback: T): T {
  if (typeof json !== 'string' || json === '') return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

/** A memory from a row; a row from before facets (schema 1) gets them derived from its text. */
export function toMemory(row: Record<string, unknown>): Memory {
  const optional = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const area = optional(row.area);
  const source = optional(row.source);
  const kind = String(row.kind) as MemoryKind;
  const derived =
    typeof row.thing === 'string' ? undefined : analyseStatement(String(row.text), kind);
  return {
    id: String(row.id),
    kind,
    subject: String(row.subject),
    thing: derived ? derived.thing : String(row.thing),
    facets: derived ? derived.facets : parsed<Facet[]>(row.facets, []),
    history: parsed<Revision[]>(row.history, []),
    ...(area !== undefined && { area }),
    text: String(row.text),
    ...(source !== undefined && { source }),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    importance: Number(row.importance),
  };
}

export function toRow(memory: Memory, terms: string, vector: Float32Array): MemoryRow {
  return {
    id: memory.id,
    kind: memory.kind,
    subject: memory.subject,
    thing: memory.thing,
    facets: JSON.stringify(memory.facets),
    history: JSON.stringify(memory.history),
    area: memory.area ?? null,
    text: memory.text,
    terms,
    source: memory.source ?? null,
    created_at: memory.createdAt,
    updated_at: memory.updatedAt,
    importance: memory.importance,
    vector,
  };
}

/** The stored vector of a query result row as a Float32Array. */
export function rowVector(row: Record<string, unknown>): Float32Array | undefined {
  const value = row.vector as { toArray?: () => unknown } | undefined;
  const array = value?.toArray?.() ?? value;
  if (array instanceof Float32Array) return array;
  return Array.isArray(array) ? Float32Array.from(array as number[]) : undefined;
}

export async function readMeta(db: lancedb.Connection): Promise<Map<string, string>> {
  const meta = new Map<string, string>();
  if (!(await db.tableNames()).includes(META_TABLE)) return meta;
  const table = await db.openTable(META_TABLE);
  try {
    for (const row of await table.query().toArray()) meta.set(String(row.key), String(row.value));
  } finally {
    table.close();
  }
  return meta;
}

export async function writeMeta(
  db: lancedb.Connection,
  values: Record<string, string>,
): Promise<void> {
  const rows = Object.entries(values).map(([key, value]) => ({ key, value }));
  const names = await db.tableNames();
  const table = names.includes(META_TABLE)
    ? await db.openTable(META_TABLE)
    : await db.createEmptyTable(META_TABLE, metaSchema());
  try {
    await table.mergeInsert('key').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(rows);
  } finally {
    table.close();
  }
}

/** Upserts `whole` rows, updates the columns of `changed` ones, deletes the `gone` memories. */
export async function writeRows(
  table: lancedb.Table,
  whole: readonly MemoryRow[],
  changed: readonly Record<string, string | number>[],
  gone: readonly Memory[],
): Promise<void> {
  if (whole.length > 0) {
    await table
      .mergeInsert('id')
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      .execute([...whole]);
  }
  for (const { id, ...values } of changed) {
    await table.update({ where: `id = ${sqlString(String(id))}`, values });
  }
  if (gone.length > 0) {
    await table.delete(`id IN (${gone.map((m) => sqlString(m.id)).join(', ')})`);
  }
}
