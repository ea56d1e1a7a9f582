// What a new statement does to the memories about the same thing, decided without the database:
// it restates one (nothing new), replaces those whose every facet it gives again (the old text
// goes into the history), gives some facets of another a new value (that memory keeps the rest,
// those facets are marked replaced) or is simply added beside them. "Felix is actually grey"
// replaces "Felix is grey", marks the colour of "Felix is a black cat" replaced (he is still a
// cat), and leaves "Felix is at the vet" alone.
import type { Memory, Revision } from './memory.js';
import { type Facet, facetKey } from './statements.js';

export interface Plan {
  /** An older memory that already says all of it: kept, only touched. */
  readonly restates?: Memory;
  /** Older memories whose every facet the new statement gives: the first keeps its id. */
  readonly replaces: readonly Memory[];
  /** Older memories that keep their other facets; these are the facets it replaces. */
  readonly outdates: readonly { readonly memory: Memory; readonly keys: readonly string[] }[];
}

const active = (facets: readonly Facet[]) => facets.filter((f) => f.replacedAt === undefined);

/**
 * The plan for a statement with `facets` about the thing the `candidates` are about (the caller
 * picks them: same thing, and reminders only with reminders).
 */
export function planRevision(facets: readonly Facet[], candidates: readonly Memory[]): Plan {
  const mine = new Map(facets.map((f) => [facetKey(f), f.value]));
  const replaces: Memory[] = [];
  const outdates: { memory: Memory; keys: string[] }[] = [];
  for (const memory of candidates) {
    const theirs = new Map(active(memory.facets).map((f) => [facetKey(f), f.value]));
    const shared = [...theirs.keys()].filter((k) => mine.has(k));
    if (shared.length === 0) continue;
    const changed = shared.filter((k) => theirs.get(k) !== mine.get(k));
    const coversMine = [...mine.keys()].every((k) => theirs.has(k));
    if (coversMine && changed.length === 0) return { restates: memory, replaces: [], outdates: [] };
    if ([...theirs.keys()].every((k) => mine.has(k))) replaces.push(memory);
    else if (changed.length > 0) outdates.push({ memory, keys: changed });
  }
  return { replaces, outdates };
}

/** The history of a memory that replaces `old` ones at `now`: theirs, then what they said. */
export function historyAfter(olds: readonly Memory[], now: number): Revision[] {
  const out: Revision[] = [];
  for (const old of olds) {
    out.push(...old.history, { text: old.text, since: old.updatedAt, until: now });
  }
  return out.sort((a, b) => a.until - b.until);
}

/** `memory` with the facets under `keys` marked replaced by `by` at `now`. */
export function outdate(memory: Memory, keys: readonly string[], by: string, now: number): Memory {
  return {
    ...memory,
    facets: memory.facets.map((f) =>
      f.replacedAt === undefined && keys.includes(facetKey(f))
        ? { ...f, replacedAt: now, replacedBy: by }
        : f,
    ),
  };
}
