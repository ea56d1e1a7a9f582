// The conversation agent on Ollama: a local model with tools on the home, timers and memory,
// its answer streamed as it is written so speech starts with the first sentence. Sensitive
// actions wait for a spoken yes in the next turn; failures are spoken, counted, never thrown.
import { randomUUID } from 'node:crypto';
import type { Ollama, Options } from 'ollama';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { ConversationStore } from '../conversation/store.js';
import type { Home } from '../home/home.js';
import type { Language } from '../intents/types.js';
import type { Embedder } from '../memory/embedder.js';
import type { MemoryStore } from '../memory/memory.js';
import type { AgentReply, AgentRequest, AgentTurn, ConversationAgent } from './agent.js';
import { decidePending } from './confirm.js';
import { BackgroundExtraction } from './extract.js';
import { type AgentErrorCode, apologyFor, classifyError } from './failures.js';
import { AgentLanguages } from './languages.js';
import { streamChat } from './model-stream.js';
import { answerPending } from './pending.js';
import { phrase } from './phrases.js';
import { gatherContext } from './prompt-context.js';
import { DeviceRetriever } from './relevance.js';
import { TextChannel, Voice } from './text-channel.js';
import { ConversationThread } from './thread.js';
import { type ToolLoopResult, runToolLoop } from './tool-loop.js';
import { type ToolContext, Toolset } from './tools/index.js';

export interface OllamaAgentOptions {
  /** The client, its host set by the caller. */
  readonly ollama: Ollama;
  /** A tool-calling model (`llama3.1:8b`, `qwen2.5:7b-instruct`). */
  readonly model: string;
  readonly home: Home;
  readonly conversations: ConversationStore;
  /** Long-term memory: recalled into the prompt; without it the memory tools are not offered. */
  readonly memory?: MemoryStore;
  /** Chooses the prompt's devices by meaning as well as by words. */
  readonly embedder?: Embedder;
  /** Wait for the model's first token, and for each next one (default 10 s). */
  readonly timeoutMs?: number;
  /** Rounds of tool calls before the model must answer (default 4). */
  readonly maxToolRounds?: number;
  /** Domains whose every service needs a spoken confirmation, on top of locks, alarms and garage doors. */
  readonly sensitiveDomains?: readonly string[];
  /** After each turn, ask the model for durable facts and remember them (needs `memory`). */
  readonly extractFacts?: boolean;
  /** Recent messages of the conversation in the prompt (default 10). */
  readonly historyMessages?: number;
  /** Memories recalled into the prompt (default 4). */
  readonly recallLimit?: number;
  /** The least recall score a memory needs to be in the prompt (default 0.35). */
  readonly recallMinScore?: number;
  /** Devices in the prompt (default 12). */
  readonly maxDevices?: number;
  readonly keepAlive?: string | number;
  readonly modelOptions?: Partial<Options>;
  /** For the date and time (default: the server's). */
  readonly timeZone?: string;
  readonly newId?: () => string;
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** Each failure's code (`ollama-timeout`, ...), for metrics. */
  readonly onError?: (code: string) => void;
}

/** What a reply carries besides its speech. */
export type ReplyParts = Omit<AgentReply, 'speech' | 'language' | 'failed' | 'expectsReply'> &
  Partial<Pick<AgentReply, 'expectsReply'>>;

/** Whether the answer ends with a question. */
export function asksQuestion(speech: string): boolean {
  return /[?？]\s*["'»”)]*\s*$/u.test(speech);
}

export class OllamaAgent implements ConversationAgent {
  readonly description: string;
  readonly #options: OllamaAgentOptions;
  readonly #logger: Logger;
  readonly #languages = new AgentLanguages();
  readonly #toolset: Toolset;
  readonly #retriever: DeviceRetriever;
  readonly #thread: ConversationThread;
  readonly #extraction: BackgroundExtraction;
  readonly #closing = new AbortController();

  constructor(options: OllamaAgentOptions) {
    this.#options = options;
    this.description = `ollama ${options.model}`;
    this.#logger = options.logger ?? silentLogger;
    this.#toolset = new Toolset({ memory: options.memory !== undefined });
    this.#thread = new ConversationThread(options.conversations, this.#logger, () => this.#now());
    this.#extraction = new BackgroundExtraction(this.#logger);
    this.#retriever = new DeviceRetriever({
      embedder: options.embedder,
      limit: options.maxDevices ?? 12,
      logger: this.#logger,
    });
  }

  reply(request: AgentRequest): AgentTurn {
    const channel = new TextChannel();
    const done = this.#answer(request, new Voice(channel)).finally(() => channel.end());
    return { text: channel, done };
  }

  /** Settles when the background work (fact extraction) started so far is over. */
  idle(): Promise<void> {
    return this.#extraction.idle();
  }

  /** Aborts the requests under way and background work, and waits for it. */
  async close(): Promise<void> {
    this.#closing.abort();
    await this.#extraction.close();
  }

  async #answer(request: AgentRequest, voice: Voice): Promise<AgentReply> {
    const language = this.#languages.detect(request.text, request.language);
    const signals = [this.#closing.signal, ...(request.signal ? [request.signal] : [])];
    const signal = AbortSignal.any(signals);
    const context = this.#toolContext(request, language, signal);
    try {
      const pending = await this.#thread.takePending(request.conversationId);
      const answer = pending
        ? this.#languages.answer(request.text, pending.language, language)
        : 'other';
      const decision = decidePending(pending, answer, {
        peer: request.peer,
        now: this.#now().getTime(),
      });
      if (decision.kind !== 'ignore') {
        const reply = await answerPending(decision, {
          context,
          toolset: this.#toolset,
          voice,
          logger: this.#logger,
        });
        await this.#thread.record(request, reply);
        if (reply.errorCode) this.#count(reply.errorCode);
        return reply;
      }
      return await this.#converse(request, context, voice);
    } catch (error) {
      const code = classifyError(
        error,
        request.signal?.aborted === true || this.#closing.signal.aborted,
      );
      if (code !== 'aborted')
        this.#logger.warn(`agent failed (${code}): ${(error as Error).message}`);
      return this.#failure(code, language, voice, { calls: [], tools: [] });
    }
  }

  async #converse(request: AgentRequest, context: ToolContext, voice: Voice): Promise<AgentReply> {
    const { language, signal } = context;
    const options = this.#options;
    const messages = await gatherContext({
      request,
      language,
      home: options.home,
      conversations: options.conversations,
      memory: options.memory,
      retriever: this.#retriever,
      historyMessages: options.historyMessages ?? 10,
      recallLimit: options.recallLimit ?? 4,
      recallMinScore: options.recallMinScore ?? 0.35,
      timeZone: context.timeZone,
      logger: this.#logger,
      signal,
    });
    const result = await runToolLoop(messages, {
      chat: (history, onText) =>
        streamChat({
          ollama: options.ollama,
          request: {
            model: options.model,
            messages: history,
            tools: this.#toolset.definitions,
            ...(options.keepAlive !== undefined ? { keep_alive: options.keepAlive } : {}),
            ...(options.modelOptions ? { options: options.modelOptions } : {}),
          },
          timeoutMs: options.timeoutMs ?? 10_000,
          signal,
          onText,
        }),
      toolset: this.#toolset,
      context,
      maxToolRounds: options.maxToolRounds ?? 4,
      speak: (text) => voice.say(text),
      logger: this.#logger,
    });
    return this.#finish(request, context, voice, result);
  }

  async #finish(
    request: AgentRequest,
    context: ToolContext,
    voice: Voice,
    result: ToolLoopResult,
  ): Promise<AgentReply> {
    const { language } = context;
    const parts: ReplyParts = { calls: result.calls, tools: result.tools, timer: result.timer };
    if (result.failure) {
      if (result.error && result.failure !== 'aborted') {
        this.#logger.warn(
          `model call failed (${result.failure}): ${(result.error as Error).message}`,
        );
      }
      return this.#failure(result.failure, language, voice, parts);
    }
    if (result.confirm) {
      voice.sayApart(result.confirm.question);
      await this.#thread.setPending(request.conversationId, {
        tool: result.confirm.tool,
        arguments: result.confirm.arguments,
        question: result.confirm.question,
        language,
        at: this.#now().getTime(),
        peer: request.peer,
      });
    } else if (!voice.text.trim()) {
      if (!result.calls.length && !result.timer)
        return this.#failure('no-answer', language, voice, parts);
      voice.say(phrase('done', language));
    }
    const reply: AgentReply = {
      ...parts,
      speech: voice.text.trim(),
      language,
      // A question (a confirmation, or the model asking "Which light?"): listen again.
      expectsReply: result.confirm !== undefined || asksQuestion(voice.text),
      failed: false,
    };
    await this.#thread.record(request, reply);
    this.#extract(request, language, result.tools);
    return reply;
  }

  #failure(code: AgentErrorCode, language: Language, voice: Voice, parts: ReplyParts): AgentReply {
    if (code !== 'aborted') {
      voice.sayApart(phrase(apologyFor(code), language));
      this.#count(code);
    }
    return {
      ...parts,
      speech: voice.text.trim(),
      language,
      expectsReply: false,
      failed: true,
      errorCode: code,
    };
  }

  #count(code: string): void {
    try {
      this.#options.onError?.(code);
    } catch (error) {
      this.#logger.warn(`onError failed: ${(error as Error).message}`);
    }
  }

  #toolContext(request: AgentRequest, language: Language, signal: AbortSignal): ToolContext {
    const options = this.#options;
    return {
      home: options.home,
      memory: options.memory,
      request,
      language,
      languages: this.#languages,
      sensitiveDomains: options.sensitiveDomains ?? [],
      timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      newId: options.newId ?? randomUUID,
      signal,
    };
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  /** Durable facts of the request, remembered in the background (not when the model already did). */
  #extract(request: AgentRequest, language: Language, tools: readonly string[]): void {
    const { memory, ollama, model, keepAlive, extractFacts } = this.#options;
    if (!extractFacts || !memory || tools.some((t) => t === 'remember' || t === 'forget')) return;
    this.#extraction.schedule({
      ollama,
      model,
      memory,
      text: request.text,
      language,
      conversationId: request.conversationId,
      timeoutMs: this.#options.timeoutMs ?? 10_000,
      keepAlive,
    });
  }
}
