// One real redis-server for a test file: started before its tests and stopped after them, with
// every client the tests opened through it closed first. The file passes ioredis's `Redis` in
// (the e2e helpers do not depend on ioredis themselves).
import { afterAll, beforeAll } from 'vitest';
import { type RedisServerProcess, startRedisServer } from './redis-server.js';

/** What the helper needs of an ioredis client. */
interface Client {
  quit(): Promise<unknown>;
  disconnect(): void;
}

export interface RedisSuite<C extends Client> {
  /** `redis://127.0.0.1:PORT`, once the server has started (in `beforeAll`). */
  readonly url: string;
  /** A new client on the server, closed after the file's tests. */
  client(options?: object): C;
  /** A key prefix of its own, so tests on one server do not see each other's keys. */
  prefix(): string;
}

export function useRedisServer<C extends Client>(
  Redis: new (url: string, options: object) => C,
): RedisSuite<C> {
  let server: RedisServerProcess | undefined;
  const clients: C[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
    await server?.stop();
  });
  const url = () => {
    if (!server) throw new Error('the Redis server starts in beforeAll: use it inside a test');
    return server.url;
  };
  return {
    get url() {
      return url();
    },
    client(options = {}) {
      const client = new Redis(url(), options);
      clients.push(client);
      return client;
    },
    prefix: () => `test:${Math.random().toString(36).slice(2)}:`,
  };
}
