// Long-term memory: what Jarvis has learnt about the people and the house, across days. Facts
// are kept: a new statement updates an older one only where it gives the same facet of the same
// thing a new value (`statements.ts`, `revisions.ts`), and the older text goes into the history.
import type { Facet } from './statements.js';
// Implemented on LanceDB (`lance-memory.ts`); the agent's remember/recall/forget tools and
// `/api/memories` use this interface only.

export const MEMORY_KINDS = ['fact', 'preference', 'house', 'episode', 'reminder'] as const;
export type MemoryKind = (typeof MEMORY_KINDS)[number];

export type { Facet } from './statements.js';

/** What a memory said before a later statement updated it. */
export interface Revision {
  readonly text: string;
  /** When it was said (last updated), and when a new statement replaced it. */
  readonly since: number;
  readonly until: number;
}

export interface Memory {
  readonly id: string;
  readonly kind: MemoryKind;
  /** What the memory is about, normalised (`felix`, `claire live`, `user: evening light`). */
  readonly subject: string;
  /** The person, pet or object it is about (`felix`, `user`, `password wifi`). */
  readonly thing: string;
  /** What it says of the thing; those with `replacedAt` were updated by a later memory. */
  readonly facets: readonly Facet[];
  /** What it said before, oldest first (empty for a memory never updated). */
  readonly history: readonly Revision[];
  /** The area it concerns, if any (`living_room`). */
  readonly area?: string;
  /** The statement itself (`Felix is a black cat`). */
  readonly text: string;
  /** The conversation it came from, if any. */
  readonly source?: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** 0 to 1; weighs recall. */
  readonly importance: number;
}

export interface NewMemory {
  readonly text: string;
  readonly kind?: MemoryKind;
  /** Who or what it is about; when left out it is derived from the text. */
  readonly subject?: string;
  readonly area?: string;
  readonly source?: string;
  readonly importance?: number;
}

export interface RememberResult {
  readonly memory: Memory;
  /**
   * `updated` when it gave a facet of the same thing a new value (an older memory replaced, or
   * some of its facets), `unchanged` when an older memory already said it (that one is returned).
   */
  readonly action: 'added' | 'updated' | 'unchanged';
  /** The text it replaced (or partly replaced), when updated. */
  readonly previous?: string;
  /** Older memories kept for their other facets, with the facets this one replaced. */
  readonly partlyReplaced?: readonly {
    readonly id: string;
    readonly text: string;
    readonly facets: readonly string[];
  }[];
}

export interface RecallOptions {
  /** How many to return (default 3). */
  readonly limit?: number;
  readonly kinds?: readonly MemoryKind[];
  /** Prefer memories about this area (others still count). */
  readonly area?: string;
  /** Leave out memories scoring below this (0 to 1). */
  readonly minScore?: number;
  readonly signal?: AbortSignal;
}

export interface RecalledMemory {
  readonly memory: Memory;
  /** The hybrid score (vector, full text, recency, importance), 0 to 1, best first. */
  readonly score: number;
}

export interface ListOptions {
  readonly limit?: number;
  readonly offset?: number;
  readonly kind?: MemoryKind;
}

export interface MemoryStore {
  /** True while the store is still opening (re-embedding after an update): reads find nothing. */
  readonly opening?: boolean;
  /** Adds a memory, updating older ones only where it gives a facet of the same thing a new value. */
  remember(input: NewMemory, signal?: AbortSignal): Promise<RememberResult>;
  /** The few memories that best answer `query`, best first. */
  recall(query: string, options?: RecallOptions): Promise<RecalledMemory[]>;
  /** Newest first. */
  list(options?: ListOptions): Promise<{ memories: Memory[]; total: number }>;
  get(id: string): Promise<Memory | undefined>;
  /** Every current memory about a person, pet or thing ("what did I tell you about Felix"). */
  about(thing: string, signal?: AbortSignal): Promise<Memory[]>;
  /** Deletes by id; true when it existed. */
  forget(id: string): Promise<boolean>;
  /** Deletes the memories that best match `query` above a confidence; returns what was deleted. */
  forgetMatching(query: string, signal?: AbortSignal): Promise<Memory[]>;
  count(): Promise<number>;
  close(): Promise<void>;
}
