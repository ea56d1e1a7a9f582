// Ollama's HTTP API as it is on the wire (what the `ollama` npm client sends and reads), and the
// replies a test scripts for `OllamaTestServer`. Shapes follow Ollama's `api/types.go`.

export interface WireToolCall {
  readonly id?: string;
  readonly function: {
    readonly index?: number;
    readonly name: string;
    readonly arguments: unknown;
  };
}

export interface WireMessage {
  readonly role: string;
  readonly content: string;
  readonly thinking?: string;
  readonly images?: string[];
  readonly tool_calls?: WireToolCall[];
  readonly tool_name?: string;
}

export interface WireTool {
  readonly type: string;
  readonly function: {
    readonly name?: string;
    readonly description?: string;
    readonly parameters?: Record<string, unknown>;
  };
}

/** A `POST /api/chat` body as received. */
export interface WireChatRequest {
  readonly model: string;
  readonly messages?: WireMessage[];
  readonly tools?: WireTool[];
  readonly stream?: boolean;
  readonly format?: string | Record<string, unknown>;
  readonly keep_alive?: string | number;
  readonly think?: boolean | string;
  readonly options?: Record<string, unknown>;
}

/** A model the test server knows, as `/api/tags` and `/api/show` describe it. */
export interface TestModel {
  /** `llama3.1:8b`; a name without a tag means `:latest`. */
  readonly name: string;
  /** `/api/show` capabilities (default `['completion', 'tools']`). */
  readonly capabilities?: readonly string[];
  readonly family?: string;
  readonly parameterSize?: string;
}

/** A tool call the scripted model makes; `arguments` is sent as given (tests send bad ones). */
export interface ScriptedToolCall {
  readonly name: string;
  readonly arguments?: unknown;
}

/** Text content: one string (cut into small deltas of a few words) or the deltas themselves. */
export type ScriptedText = string | readonly string[];

export interface StreamTiming {
  /** Wait this long before each delta (default 0). */
  readonly delayMs?: number;
  /** The final `done` line waits for this (a test holds the answer open). */
  readonly beforeDone?: Promise<unknown>;
}

/** What the scripted model does with one chat request. */
export type ScriptedReply =
  | ({
      readonly type: 'text';
      readonly text: ScriptedText;
      readonly doneReason?: string;
    } & StreamTiming)
  | ({
      readonly type: 'tool_calls';
      readonly calls: readonly ScriptedToolCall[];
      /** Content streamed before the calls (a model thinking aloud). */
      readonly text?: ScriptedText;
    } & StreamTiming)
  /** An HTTP error before any output, with Ollama's `{"error": ...}` body. */
  | { readonly type: 'http_error'; readonly status: number; readonly error: string }
  /** Some text, then an `{"error": ...}` line in the stream (what Ollama sends when a runner dies). */
  | ({
      readonly type: 'stream_error';
      readonly error: string;
      readonly text?: ScriptedText;
    } & StreamTiming)
  /** Never answers (no headers) or, with `text`, stalls after those deltas. */
  | { readonly type: 'hang'; readonly text?: ScriptedText }
  /** A raw NDJSON body, sent as is: broken output. */
  | { readonly type: 'malformed'; readonly body: string };

/** A scripted answer in text. */
export function say(text: ScriptedText, timing: StreamTiming = {}): ScriptedReply {
  return { type: 'text', text, ...timing };
}

/** A scripted answer calling tools. */
export function callTools(...calls: ScriptedToolCall[]): ScriptedReply {
  return { type: 'tool_calls', calls };
}

/** A string cut into deltas of about two words, the way a model streams tokens. */
export function deltasOf(text: ScriptedText): string[] {
  if (typeof text !== 'string') return [...text];
  const words = text.match(/\S+\s*/g) ?? [];
  const deltas: string[] = [];
  for (let i = 0; i < words.length; i += 2) deltas.push(words.slice(i, i + 2).join(''));
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  if (lead && deltas.length) deltas[0] = lead + deltas[0];
  return deltas.length ? deltas : [text];
}

/** `llama3.1` → `llama3.1:latest`, as Ollama names models. */
export function fullModelName(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.includes(':') ? name : `${name}:latest`;
}

/** Deterministic unit-length embeddings: hashed bag of words. */
export function hashedEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let hash = 2166136261;
    for (let i = 0; i < word.length; i++) {
      hash ^= word.charCodeAt(i);
      hash = Math.imul(hash, 16777619);
    }
    const slot = (hash >>> 0) % dimensions;
    vector[slot] = (vector[slot] ?? 0) + ((hash >>> 31) & 1 ? -1 : 1);
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}

/** Nanosecond metrics as Ollama reports them in the final line. */
export function finalMetrics(evalCount: number): Record<string, number> {
  return {
    total_duration: 123_456_789,
    load_duration: 1_234_567,
    prompt_eval_count: 42,
    prompt_eval_duration: 12_345_678,
    eval_count: evalCount,
    eval_duration: 98_765_432,
  };
}
