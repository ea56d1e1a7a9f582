// A decoder that takes a grammar per utterance, shared by checks that write that grammar to a
// file of their own name before each decode: one check at a time, so no file is rewritten under
// a decode that reads it.
import type { SphinxBatch } from './sphinx-batch.js';

export abstract class QueuedDecoder {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(protected readonly decoder: SphinxBatch) {}

  /** Lets the queued checks finish, then stops the decoder. */
  async close(): Promise<void> {
    await this.chain;
    await this.decoder.close();
  }

  /** Runs `task` after the ones queued before it (a failed one does not stop the rest). */
  protected queue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task);
    this.chain = next.catch(() => undefined);
    return next;
  }
}
