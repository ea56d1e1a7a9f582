// After a conversation turn, in the background: ask the model which durable facts the user's
// message holds ("Felix is a black cat", "I stopped smoking today") and remember them. The
// answer is JSON constrained by a schema; it is streamed only so that it can be aborted.
import type { Ollama } from 'ollama';
import type { Logger } from 'wyoming-ts';
import type { Language } from '../intents/types.js';
import {
  MEMORY_KINDS,
  type MemoryKind,
  type MemoryStore,
  type RememberResult,
} from '../memory/memory.js';
import { languageName } from './languages.js';
import { streamChat } from './model-stream.js';
import { isRecord } from './tools/schema.js';

export interface ExtractedFact {
  readonly kind: MemoryKind;
  readonly subject: string;
  readonly text: string;
}

export const MAX_FACTS = 5;

export const FACTS_FORMAT = {
  type: 'object',
  required: ['facts'],
  properties: {
    facts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'subject', 'text'],
        properties: {
          kind: { type: 'string', enum: [...MEMORY_KINDS] },
          subject: { type: 'string' },
          text: { type: 'string' },
        },
      },
    },
  },
} as const;

export function extractionPrompt(language: Language): string {
  return [
    'You pick out durable facts worth remembering for a long time from what a user said to their home voice assistant.',
    "Durable: facts about the people, pets and home, devices and rooms, preferences, lasting changes in someone's life, reminders.",
    'Not durable: commands, questions, greetings, small talk, anything true only right now.',
    'Reply with JSON only: {"facts": [{"kind": "fact" | "preference" | "house" | "episode" | "reminder", "subject": "who or what it is about, one to three words", "text": "the fact as one short sentence"}]}.',
    `Write "subject" and "text" in ${languageName(language)}. Use {"facts": []} when there is nothing to remember.`,
  ].join('\n');
}

/** The facts in the model's JSON answer; malformed entries are skipped. Pure. */
export function parseFacts(json: string): ExtractedFact[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  const list = isRecord(parsed) ? parsed['facts'] : Array.isArray(parsed) ? parsed : undefined;
  if (!Array.isArray(list)) return [];
  const facts: ExtractedFact[] = [];
  for (const item of list) {
    if (!isRecord(item)) continue;
    const text = typeof item['text'] === 'string' ? item['text'].trim() : '';
    const subject = typeof item['subject'] === 'string' ? item['subject'].trim() : '';
    const kind = MEMORY_KINDS.find((k) => k === item['kind']) ?? 'fact';
    if (text.length < 3) continue;
    facts.push({ kind, subject: subject || text, text });
  }
  return facts.slice(0, MAX_FACTS);
}

export interface ExtractFactsOptions {
  readonly ollama: Ollama;
  readonly model: string;
  readonly memory: MemoryStore;
  /** What the user said. */
  readonly text: string;
  readonly language: Language;
  readonly conversationId: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly keepAlive?: string | number;
}

/** Asks the model for durable facts in `text` and remembers each; returns what was stored. */
export async function extractFacts(options: ExtractFactsOptions): Promise<RememberResult[]> {
  const answer = await streamChat({
    ollama: options.ollama,
    request: {
      model: options.model,
      messages: [
        { role: 'system', content: extractionPrompt(options.language) },
        { role: 'user', content: options.text },
      ],
      format: FACTS_FORMAT,
      options: { temperature: 0 },
      ...(options.keepAlive !== undefined ? { keep_alive: options.keepAlive } : {}),
    },
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  const saved: RememberResult[] = [];
  for (const fact of parseFacts(answer.content)) {
    saved.push(
      await options.memory.remember(
        { text: fact.text, kind: fact.kind, subject: fact.subject, source: options.conversationId },
        options.signal,
      ),
    );
  }
  return saved;
}

/** Fact extraction in the background: errors only logged; `idle()` for tests and shutdown. */
export class BackgroundExtraction {
  readonly #tasks = new Set<Promise<void>>();
  readonly #closing = new AbortController();

  constructor(private readonly logger: Logger) {}

  /** Starts extracting from one message (skipped for messages under three words). */
  schedule(options: Omit<ExtractFactsOptions, 'signal'>): void {
    if (options.text.trim().split(/\s+/).length < 3 || this.#closing.signal.aborted) return;
    const task = extractFacts({ ...options, signal: this.#closing.signal })
      .then((saved) => this.logger.debug(`fact extraction: ${saved.length} remembered`))
      .catch((error: Error) => this.logger.warn(`fact extraction failed: ${error.message}`))
      .finally(() => this.#tasks.delete(task));
    this.#tasks.add(task);
  }

  /** Settles when every extraction started so far is over. */
  async idle(): Promise<void> {
    while (this.#tasks.size) await Promise.allSettled([...this.#tasks]);
  }

  /** Aborts the extractions under way and waits for them. */
  async close(): Promise<void> {
    this.#closing.abort();
    await this.idle();
  }
}
