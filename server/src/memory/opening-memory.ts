// A memory store still opening (re-embedding every memory after an upgrade: minutes on a Pi),
// so the server can answer meanwhile. Until it is open, reads find nothing (recall and lists are
// empty, `get` finds no memory) and writes wait for it, so nothing said meanwhile is lost. The
// store's own opening keeps the old table whole if it is interrupted.
import type { Logger } from 'wyoming-ts';
import { EngineError } from '../errors.js';
import type {
  ListOptions,
  Memory,
  MemoryStore,
  NewMemory,
  RecallOptions,
  RecalledMemory,
  RememberResult,
} from './memory.js';

export class OpeningMemory implements MemoryStore {
  #store: MemoryStore | undefined;
  #failure: Error | undefined;
  readonly #opened: Promise<void>;

  constructor(opening: Promise<MemoryStore>, logger: Logger) {
    this.#opened = opening.then(
      (store) => {
        this.#store = store;
      },
      (error: unknown) => {
        this.#failure = error as Error;
        logger.error(`long-term memory failed to open: ${this.#failure.message}`);
      },
    );
  }

  /** True until the store is open (or failed to). */
  get opening(): boolean {
    return this.#store === undefined && this.#failure === undefined;
  }

  /** The store once open; throws when it failed to open. */
  async #open(): Promise<MemoryStore> {
    await this.#opened;
    if (!this.#store) {
      throw new EngineError('memory', `unavailable: ${this.#failure?.message}`, {
        cause: this.#failure,
      });
    }
    return this.#store;
  }

  remember(input: NewMemory, signal?: AbortSignal): Promise<RememberResult> {
    return this.#open().then((store) => store.remember(input, signal));
  }

  async recall(query: string, options?: RecallOptions): Promise<RecalledMemory[]> {
    return this.#store ? this.#store.recall(query, options) : [];
  }

  async list(options?: ListOptions): Promise<{ memories: Memory[]; total: number }> {
    return this.#store ? this.#store.list(options) : { memories: [], total: 0 };
  }

  async get(id: string): Promise<Memory | undefined> {
    return this.#store?.get(id);
  }

  async about(thing: string, signal?: AbortSignal): Promise<Memory[]> {
    return this.#store ? this.#store.about(thing, signal) : [];
  }

  forget(id: string): Promise<boolean> {
    return this.#open().then((store) => store.forget(id));
  }

  forgetMatching(query: string, signal?: AbortSignal): Promise<Memory[]> {
    return this.#open().then((store) => store.forgetMatching(query, signal));
  }

  async count(): Promise<number> {
    return this.#store ? this.#store.count() : 0;
  }

  /** Waits for the opening to end (an interrupted re-embed would only start again next time). */
  async close(): Promise<void> {
    await this.#opened;
    await this.#store?.close();
  }
}
