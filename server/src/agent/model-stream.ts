// One streamed call to the model: text deltas as they come, tool calls collected, and a
// deadline: no first token (or no next one) within `timeoutMs` aborts the call with a
// `TimeoutError`. The request's own signal aborts it too. Each call has its own abort (the
// client's stream `.abort()`), never `ollama.abort()`, which would stop every request.
//
// The `ollama` client only hands out the abortable stream once the response headers arrive,
// and Ollama sends them with the first token (after loading the model). A call given up before
// then is aborted as soon as its stream appears; until then its socket stays open.
import type { AbortableAsyncIterator, ChatRequest, ChatResponse, Ollama, ToolCall } from 'ollama';
import { TimeoutError } from '../errors.js';

export interface ChatRound {
  /** All the text the model wrote. */
  readonly content: string;
  readonly toolCalls: readonly ToolCall[];
  readonly doneReason?: string;
}

export interface StreamChatOptions {
  readonly ollama: Ollama;
  readonly request: Omit<ChatRequest, 'stream'>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Each text delta, as it arrives. */
  readonly onText?: (delta: string) => void;
}

type ChatStream = AbortableAsyncIterator<ChatResponse>;

/** Settles with `started`, or rejects when `signal` aborts first (then aborts the late stream). */
function untilStarted(started: Promise<ChatStream>, signal: AbortSignal): Promise<ChatStream> {
  if (signal.aborted) {
    void started.then(
      (stream) => stream.abort(),
      () => {},
    );
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      void started.then(
        (stream) => stream.abort(),
        () => {},
      );
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    started.then(
      (stream) => {
        signal.removeEventListener('abort', onAbort);
        resolve(stream);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export async function streamChat(options: StreamChatOptions): Promise<ChatRound> {
  const { ollama, timeoutMs } = options;
  const deadline = new AbortController();
  const stop = options.signal
    ? AbortSignal.any([deadline.signal, options.signal])
    : deadline.signal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      deadline.abort(new TimeoutError(`ollama: no answer within ${timeoutMs} ms`, timeoutMs));
    }, timeoutMs);
  };
  let stream: ChatStream | undefined;
  const abortStream = () => stream?.abort();
  stop.addEventListener('abort', abortStream, { once: true });
  let content = '';
  const toolCalls: ToolCall[] = [];
  let doneReason: string | undefined;
  arm();
  try {
    stream = await untilStarted(ollama.chat({ ...options.request, stream: true }), stop);
    for await (const part of stream) {
      arm();
      const delta = part.message?.content ?? '';
      if (delta) {
        content += delta;
        options.onText?.(delta);
      }
      toolCalls.push(...(part.message?.tool_calls ?? []));
      if (part.done) doneReason = part.done_reason;
    }
    return { content, toolCalls, doneReason };
  } catch (error) {
    if (stop.aborted) throw stop.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    stop.removeEventListener('abort', abortStream);
  }
}
