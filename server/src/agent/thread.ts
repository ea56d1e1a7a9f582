// The agent's side of the conversation store: the turns it appends, the action waiting for a
// yes. A store that fails (Redis away and no fallback yet) is logged, never fatal: the answer
// still goes out, only the thread is lost.
import type { Logger } from 'wyoming-ts';
import type { ConversationStore, PendingAction } from '../conversation/store.js';
import type { AgentReply, AgentRequest } from './agent.js';

export class ConversationThread {
  constructor(
    private readonly store: ConversationStore,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** The action waiting for a yes, taken out of the store: any answer ends the wait. */
  async takePending(conversationId: string): Promise<PendingAction | undefined> {
    return this.#safely(async () => {
      const pending = await this.store.pending(conversationId);
      if (pending) await this.store.setPending(conversationId, undefined);
      return pending;
    });
  }

  async setPending(conversationId: string, action: PendingAction): Promise<void> {
    await this.#safely(() => this.store.setPending(conversationId, action));
  }

  /** The request and its answer join the conversation's recent turns. */
  async record(request: AgentRequest, reply: AgentReply): Promise<void> {
    const common = {
      at: this.now().getTime(),
      language: reply.language,
      ...(request.satellite ? { satellite: request.satellite } : {}),
    };
    await this.#safely(() =>
      this.store.append(request.conversationId, [
        { role: 'user', content: request.text, ...common },
        { role: 'assistant', content: reply.speech, ...common },
      ]),
    );
  }

  async #safely<T>(task: () => Promise<T>): Promise<T | undefined> {
    try {
      return await task();
    } catch (error) {
      this.logger.warn(`conversation store: ${(error as Error).message}`);
      return undefined;
    }
  }
}
