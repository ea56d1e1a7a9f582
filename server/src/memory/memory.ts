// Long-term memory: what Jarvis has learnt about the people and the house, across days.
// Implemented on LanceDB (`lance-memory.ts`); the agent's remember/recall/forget tools and
// `/api/memories` use this interface only.

export const MEMORY_KINDS = ['fact', 'preference', 'house', 'episode', 'reminder'] as const;
export type MemoryKind = (typeof MEMORY_KINDS)[number];

export interface Memory {
  readonly id: string;
  readonly kind: MemoryKind;
  /** What the memory is about, normalised (`felix`, `evening light`); one memory per subject and kind. */
  readonly subject: string;
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
  /** When left out it is derived from the text. */
  readonly subject?: string;
  readonly area?: string;
  readonly source?: string;
  readonly importance?: number;
}

export interface RememberResult {
  readonly memory: Memory;
  /** `updated` when it replaced an older memory about the same subject. */
  readonly action: 'added' | 'updated';
  /** The text it replaced, when updated. */
  readonly previous?: string;
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
  /** Adds a memory, or updates the one about the same subject and kind. */
  remember(input: NewMemory, signal?: AbortSignal): Promise<RememberResult>;
  /** The few memories that best answer `query`, best first. */
  recall(query: string, options?: RecallOptions): Promise<RecalledMemory[]>;
  /** Newest first. */
  list(options?: ListOptions): Promise<{ memories: Memory[]; total: number }>;
  get(id: string): Promise<Memory | undefined>;
  /** Deletes by id; true when it existed. */
  forget(id: string): Promise<boolean>;
  /** Deletes the memories that best match `query` above a confidence; returns what was deleted. */
  forgetMatching(query: string, signal?: AbortSignal): Promise<Memory[]>;
  count(): Promise<number>;
  close(): Promise<void>;
}
