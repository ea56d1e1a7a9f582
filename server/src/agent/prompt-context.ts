// Gathering what the prompt needs for one request, side by side: the conversation's recent
// turns, the memories that may help, the devices it is probably about. A store that fails only
// leaves its part out (logged); the request still gets an answer.
import type { Message } from 'ollama';
import type { Logger } from 'wyoming-ts';
import type { ConversationStore } from '../conversation/store.js';
import type { Home } from '../home/home.js';
import type { Language } from '../intents/types.js';
import type { MemoryStore } from '../memory/memory.js';
import type { AgentRequest } from './agent.js';
import { chatMessages, systemPrompt } from './prompt.js';
import type { DeviceRetriever } from './relevance.js';

export interface GatherOptions {
  readonly request: AgentRequest;
  readonly language: Language;
  readonly home: Home;
  readonly conversations: ConversationStore;
  readonly memory?: MemoryStore;
  readonly retriever: DeviceRetriever;
  readonly historyMessages: number;
  readonly recallLimit: number;
  readonly recallMinScore: number;
  readonly timeZone: string;
  readonly logger: Logger;
  readonly signal: AbortSignal;
}

/** `fallback` when `task` fails (logged), unless the request was aborted. */
async function orElse<T>(
  task: () => Promise<T>,
  fallback: T,
  what: string,
  options: GatherOptions,
) {
  try {
    return await task();
  } catch (error) {
    if (options.signal.aborted) throw error;
    options.logger.warn(`${what} unavailable: ${(error as Error).message}`);
    return fallback;
  }
}

export async function gatherContext(options: GatherOptions): Promise<Message[]> {
  const { request, home, memory } = options;
  const [history, memories, devices] = await Promise.all([
    orElse(
      () => options.conversations.recent(request.conversationId, options.historyMessages),
      [],
      'conversation history',
      options,
    ),
    orElse(
      async () =>
        memory
          ? memory.recall(request.text, {
              limit: options.recallLimit,
              ...(request.area ? { area: request.area } : {}),
              minScore: options.recallMinScore,
              signal: options.signal,
            })
          : [],
      [],
      'memory',
      options,
    ),
    orElse(
      () =>
        options.retriever.select(
          request.text,
          home.entities(),
          home.areas(),
          request.area,
          options.signal,
        ),
      [],
      'device retrieval',
      options,
    ),
  ]);
  const areas = home.areas();
  const system = systemPrompt({
    now: request.now,
    timeZone: options.timeZone,
    language: options.language,
    area: areas.find((area) => area.area_id === request.area),
    devices,
    areaNames: new Map(areas.map((area) => [area.area_id, area.name])),
    memories,
    memoryTools: memory !== undefined,
  });
  return chatMessages(system, history, request.text);
}
