// What makes Jarvis more than a command matcher, built from the config: the conversation
// context (Redis, or in process), long-term memory (LanceDB) and the Ollama agent. Each part
// that cannot start says why and leaves the rest working; only a configured model that cannot
// serve the agent (missing, or unable to call tools) stops start-up, with a clear message.
import { join } from 'node:path';
import { Ollama } from 'ollama';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { ConversationAgent } from './agent/agent.js';
import { checkOllamaModel } from './agent/check-model.js';
import { OllamaAgent } from './agent/ollama-agent.js';
import type { JarvisConfig } from './config/schema.js';
import { createConversationStore, redactUrl } from './conversation/resilient-store.js';
import type { ConversationStore } from './conversation/store.js';
import { ConfigError } from './errors.js';
import type { Home } from './home/home.js';
import type { Embedder } from './memory/embedder.js';
import { HashedEmbedder } from './memory/hashed-embedder.js';
import type { ScoreWeights } from './memory/hybrid-score.js';
import { lanceReembedDue, openLanceMemory } from './memory/lance-memory.js';
import { OpeningMemory } from './memory/opening-memory.js';
import { type MemoryLexicon, openMemoryLexicon } from './memory/memory-lexicon.js';
import type { MemoryStore } from './memory/memory.js';
import { OllamaEmbedder } from './memory/ollama-embedder.js';
import { loadSentenceBlend, SENTENCE_WEIGHTS } from './memory/sentence-blend.js';

export interface Brain {
  readonly agent?: ConversationAgent;
  readonly conversations: ConversationStore;
  readonly memory?: MemoryStore;
  /** One line each for the start-up summary. */
  readonly summary: { agent: string; memory: string; context: string };
  /** For `/health`. */
  status(): Record<string, unknown>;
  close(): Promise<void>;
}

export interface BrainOptions {
  readonly config: JarvisConfig;
  readonly home: Home;
  readonly logger?: Logger;
  /** Each agent failure's code, for metrics. */
  readonly onAgentError?: (code: string) => void;
  /** For tests: the Ollama client (default: one for `ollama.url`). */
  readonly ollama?: Ollama;
}

export async function buildBrain(options: BrainOptions): Promise<Brain> {
  const { config, home } = options;
  const logger = options.logger ?? silentLogger;
  const ollama = options.ollama ?? new Ollama({ host: config.ollama.url });
  let agentLine = 'off (ollama.enabled is false)';
  let ollamaReachable = false;
  if (config.ollama.enabled) {
    try {
      const info = await checkOllamaModel(ollama, config.ollama.model, AbortSignal.timeout(5000));
      ollamaReachable = true;
      agentLine = `Ollama ${info.model} at ${config.ollama.url}`;
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      agentLine = `Ollama ${config.ollama.model} at ${config.ollama.url}: unreachable (${(error as Error).message}); apologising until it answers`;
      logger.warn(
        `Ollama at ${config.ollama.url} unreachable; the agent will apologise until it answers`,
      );
    }
  }
  // Everything that can refuse the config is decided before anything is opened.
  // WordNet beside the household lexicon when installed; said in the log when it is not.
  const lexicon = config.memory.enabled ? openMemoryLexicon(logger) : undefined;
  const chosen = lexicon
    ? await chooseEmbedder(config, ollama, ollamaReachable, lexicon, logger)
    : undefined;
  const embedder = chosen?.embedder;
  const conversations = await createConversationStore({
    url: config.redis.url,
    ttlMs: config.conversation.ttl_seconds * 1000,
    maxMessages: config.conversation.max_messages,
    logger,
  });
  const { memory, line: memoryLine } = await openMemory(config, chosen, lexicon, logger);
  const agent = config.ollama.enabled
    ? new OllamaAgent({
        ollama,
        model: config.ollama.model,
        home,
        conversations,
        memory,
        embedder,
        timeoutMs: config.ollama.timeout_ms,
        keepAlive: config.ollama.keep_alive,
        maxToolRounds: config.agent.max_tool_rounds,
        sensitiveDomains: config.agent.sensitive_domains,
        extractFacts: config.agent.extract_facts && memory !== undefined,
        recallLimit: config.memory.recall_limit,
        historyMessages: config.conversation.max_messages,
        logger,
        onError: options.onAgentError,
      })
    : undefined;
  return {
    agent,
    conversations,
    memory,
    summary: {
      agent: agentLine,
      memory: memoryLine,
      context: contextLine(config, conversations.kind),
    },
    status: () => ({
      agent: agent ? { model: config.ollama.model } : null,
      conversation_context: conversations.kind,
      memory: memory ? 'lancedb' : null,
    }),
    close: async () => {
      await agent?.close(); // lets a fact extraction in flight finish or stop first
      await memory?.close();
      await conversations.close();
    },
  };
}

async function openMemory(
  config: JarvisConfig,
  chosen: ChosenEmbedder | undefined,
  lexicon: MemoryLexicon | undefined,
  logger: Logger,
): Promise<{ memory?: MemoryStore; line: string }> {
  if (!chosen || !lexicon) return { line: 'off (memory.enabled is false)' };
  const { embedder, weights } = chosen;
  const dir = join(config.data_dir, 'memory');
  const options = { dir, embedder, logger, lexicon: lexicon.lexicon, weights };
  try {
    if (await lanceReembedDue(options)) {
      // Minutes on a Pi after an upgrade: the server serves meanwhile (recall empty until done)
      // rather than keep its port closed until the add-on's watchdog restarts it, again and again.
      return {
        memory: new OpeningMemory(openLanceMemory(options), logger),
        line: `LanceDB in ${dir}: re-embedding for ${embedder.id} in the background (recall empty until done), ${lexicon.line}`,
      };
    }
    const memory = await openLanceMemory(options);
    const count = await memory.count();
    return {
      memory,
      line: `LanceDB in ${dir}: ${count} memories, embedder ${embedder.id}, ${lexicon.line}`,
    };
  } catch (error) {
    logger.error(`long-term memory failed to open in ${dir}: ${(error as Error).message}`);
    return { line: `unavailable (${(error as Error).message})` };
  }
}

interface ChosenEmbedder {
  readonly embedder: Embedder;
  /** Recall's weights for it (default: `DEFAULT_WEIGHTS`). */
  readonly weights?: ScoreWeights;
}

/**
 * What `auto` uses when Ollama has no embeddings: the sentence encoder blend (held-out recall@3
 * 73 % against the hashed embedder's 61 %, memory benchmark of 7 December).
 */
const LOCAL_EMBEDDER: 'hashed' | 'sentence' = 'sentence';

async function chooseEmbedder(
  config: JarvisConfig,
  ollama: Ollama,
  ollamaReachable: boolean,
  lexicon: MemoryLexicon,
  logger: Logger,
): Promise<ChosenEmbedder> {
  const wanted = config.memory.embedder;
  const local = () => localEmbedder(wanted === 'auto' ? LOCAL_EMBEDDER : wanted, lexicon, logger);
  if (wanted === 'hashed' || wanted === 'sentence' || (wanted === 'auto' && !ollamaReachable)) {
    return local();
  }
  try {
    return { embedder: await OllamaEmbedder.create({ ollama, model: config.memory.embed_model }) };
  } catch (error) {
    if (wanted === 'ollama') {
      throw new ConfigError(
        `memory.embedder is ollama but ${config.memory.embed_model} gives no embeddings: ${(error as Error).message} (ollama pull ${config.memory.embed_model}, or set memory.embedder to auto)`,
        'memory.embed_model',
      );
    }
    logger.info(
      `Ollama embeddings unavailable (${(error as Error).message}); using the built-in embedder`,
    );
    return local();
  }
}

/** The hashed embedder, or the sentence encoder blended with it (the hashed one if it cannot load). */
async function localEmbedder(
  kind: 'hashed' | 'sentence' | 'ollama',
  lexicon: MemoryLexicon,
  logger: Logger,
): Promise<ChosenEmbedder> {
  const hashed = { embedder: new HashedEmbedder({ lexicon: lexicon.lexicon }) };
  if (kind !== 'sentence') return hashed;
  try {
    const { lexicon: analysed, translator, frequency } = lexicon;
    const embedder = await loadSentenceBlend({ lexicon: analysed, translator, frequency });
    return { embedder, weights: SENTENCE_WEIGHTS };
  } catch (error) {
    logger.warn(
      `memory: the sentence encoder failed to load (${(error as Error).message}); using the hashed embedder`,
    );
    return hashed;
  }
}

function contextLine(config: JarvisConfig, kind: string): string {
  const kept = `conversations kept ${config.conversation.ttl_seconds} s`;
  if (!config.redis.url) return `in process (no redis.url), ${kept}`;
  const where = `Redis at ${redactUrl(config.redis.url)}`;
  return kind === 'redis'
    ? `${where}, ${kept}`
    : `in process: ${where} unreachable, retrying; ${kept}`;
}
