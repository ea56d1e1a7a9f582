// "What did I tell you about Felix": every memory about a person, pet or thing (its `thing`
// column), and those that name it without being about it ("Rex sleeps on Felix's blanket").
import type * as lancedb from '@lancedb/lancedb';
import { MEMORY_COLUMNS, sqlString, toMemory } from './lance-rows.js';
import type { Lexicon } from './lexicon.js';
import type { Memory } from './memory.js';
import { aboutWhat, normaliseSubject } from './subjects.js';
import { searchTerms } from './terms.js';

/** Newest first; nothing when the question names nothing. */
export async function findAbout(
  table: lancedb.Table,
  question: string,
  lexicon: Lexicon,
  signal?: AbortSignal,
): Promise<Memory[]> {
  const name = normaliseSubject(aboutWhat(question));
  if (name === '') return [];
  signal?.throwIfAborted();
  const byThing = await table
    .query()
    .where(`thing = ${sqlString(name)}`)
    .select(MEMORY_COLUMNS)
    .limit(1000)
    .toArray();
  const wanted = searchTerms(name, lexicon)
    .split(' ')
    .filter((t) => t !== '' && !/^[ck]_/.test(t));
  const mentions =
    wanted.length === 0
      ? []
      : await table
          .query()
          .fullTextSearch(wanted.join(' '), { columns: 'terms' })
          .select([...MEMORY_COLUMNS, 'terms'])
          .limit(200)
          .toArray();
  const found = new Map<string, Memory>();
  for (const row of byThing) found.set(String(row.id), toMemory(row));
  for (const row of mentions) {
    const has = new Set(String(row.terms).split(' '));
    if (wanted.every((w) => has.has(w)) && !found.has(String(row.id))) {
      found.set(String(row.id), toMemory(row));
    }
  }
  return [...found.values()].sort((a, b) => b.updatedAt - a.updatedAt);
}
