// The Supervisor's REST API as the add-on uses it (`http://supervisor`, the add-on's
// SUPERVISOR_TOKEN): its MQTT service, Wyoming discovery and the add-on's own info. Replies
// are `{result: "ok", data}` or `{result: "error", message}`.
import { type Logger, silentLogger } from 'wyoming-ts';
import { EngineError } from '../errors.js';

export const SUPERVISOR_URL = 'http://supervisor';

export interface MqttService {
  readonly host: string;
  readonly port: number;
  readonly ssl: boolean;
  readonly username?: string;
  readonly password?: string;
}

export interface AddonInfo {
  /** The add-on's host name on the Supervisor's network (`abc12345-jarvis`). */
  readonly hostname?: string;
  readonly version?: string;
}

export interface SupervisorClientOptions {
  readonly url?: string;
  readonly token: string;
  /** Each request's limit, in ms (default 10 s). */
  readonly timeoutMs?: number;
}

export class SupervisorClient {
  readonly url: string;
  readonly #token: string;
  readonly #timeoutMs: number;

  constructor(options: SupervisorClientOptions) {
    this.url = (options.url ?? SUPERVISOR_URL).replace(/\/+$/, '');
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** The broker the Supervisor knows (the Mosquitto add-on); 400 when there is none. */
  mqtt(signal?: AbortSignal): Promise<MqttService> {
    return this.request<MqttService>('GET', '/services/mqtt', undefined, signal);
  }

  info(signal?: AbortSignal): Promise<AddonInfo> {
    return this.request<AddonInfo>('GET', '/addons/self/info', undefined, signal);
  }

  /** Announces a service to Home Assistant (`wyoming`, `{uri}`); resolves to its uuid. */
  async discover(
    service: string,
    config: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<string> {
    const data = await this.request<{ uuid: string }>(
      'POST',
      '/discovery',
      { service, config },
      signal,
    );
    return data.uuid;
  }

  async forget(uuid: string, signal?: AbortSignal): Promise<void> {
    await this.request('DELETE', `/discovery/${encodeURIComponent(uuid)}`, undefined, signal);
  }

  /** One call; a failure is an `EngineError`, retryable unless the Supervisor refused it. */
  async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const limit = AbortSignal.timeout(this.#timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.#token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, limit]) : limit,
      });
    } catch (error) {
      throw new EngineError('supervisor', `${method} ${path}: ${(error as Error).message}`, {
        retryable: true,
        cause: error,
      });
    }
    const reply = (await response.json().catch(() => ({}))) as {
      result?: string;
      data?: unknown;
      message?: string;
    };
    if (!response.ok || reply.result !== 'ok') {
      const reason = reply.message ?? response.statusText;
      throw new EngineError('supervisor', `${method} ${path}: ${response.status} ${reason}`, {
        // 4xx: the Supervisor said no (no broker, not allowed); asking again will not help.
        retryable: response.status >= 500 || response.status === 429,
      });
    }
    return (reply.data ?? {}) as T;
  }
}

export interface RetryOptions {
  /** Waits between attempts; the last one repeats when `forever` (default 1, 2, 5, 10, 30 s). */
  readonly delaysMs?: readonly number[];
  readonly forever?: boolean;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
}

/**
 * Calls `fn` until it succeeds, logging each failure with `what`; a failure that is not
 * retryable, the delays running out, or `signal` ends it with undefined. Never throws.
 */
export async function retrying<T>(
  what: string,
  fn: (signal?: AbortSignal) => Promise<T>,
  options: RetryOptions = {},
): Promise<T | undefined> {
  const delays = options.delaysMs ?? [1000, 2000, 5000, 10_000, 30_000];
  const logger = options.logger ?? silentLogger;
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) return undefined;
    try {
      return await fn(options.signal);
    } catch (error) {
      const retryable = !(error instanceof EngineError) || error.retryable;
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 0;
      const last = !retryable || (!options.forever && attempt >= delays.length);
      logger.warn(
        `${what}: ${(error as Error).message}${last ? '' : `; trying again in ${delay} ms`}`,
      );
      if (last) return undefined;
      await sleep(delay, options.signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
