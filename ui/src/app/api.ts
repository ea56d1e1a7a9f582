// The web UI's way to the HTTP API: relative URLs only (the page's <base href> is `/` on port
// 8099 and Home Assistant's ingress prefix behind ingress), the API token from this browser's
// storage when the server asks for one (behind ingress it never does: the add-on adds it), and
// problem JSON turned into errors that say what went wrong.
import { SseParser, type StreamEvent } from './sse.js';

export const TOKEN_KEY = 'jarvis-token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

export class Api {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {}

  get hasToken(): boolean {
    return Boolean(this.storage.getItem(TOKEN_KEY));
  }

  setToken(token: string): void {
    if (token) this.storage.setItem(TOKEN_KEY, token);
    else this.storage.removeItem(TOKEN_KEY);
  }

  /** `path` is relative (`api/satellites`); the body is sent as JSON; 204 is `undefined`. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const reply = await fetch(path, {
      method,
      headers: {
        ...this.auth(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    if (reply.status === 204) return undefined as T;
    const text = await reply.text();
    const value = parse(text);
    if (!reply.ok) {
      const problem = (value ?? {}) as { title?: string; detail?: string };
      throw new ApiError(reply.status, problem.title ?? reply.statusText, problem.detail);
    }
    return value as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  /** Reads /api/events until `signal` aborts or the stream ends (an error says why it ended). */
  async events(onEvent: (event: StreamEvent) => void, signal: AbortSignal): Promise<void> {
    const reply = await fetch('api/events', { headers: this.auth(), signal, cache: 'no-store' });
    if (!reply.ok || !reply.body) throw new ApiError(reply.status, reply.statusText);
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = reply.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) onEvent(event);
    }
  }

  private auth(): Record<string, string> {
    const token = this.storage.getItem(TOKEN_KEY);
    return token ? { authorization: `Bearer ${token}` } : {};
  }
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
