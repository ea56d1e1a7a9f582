// Where reminders are kept between restarts: a JSON file in the data dir (written atomically,
// see `json-file.ts`), or a Redis hash when Redis is configured. A reminder is a small record;
// every change writes it (or removes it) at once, so a crash loses nothing already answered.
// On Redis each change is also published, so the other servers sharing it reload (`watch`).
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { JsonFile } from '../json-file.js';

export const StoredReminderSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  /** When, milliseconds since the epoch. */
  at: z.number(),
  created_at: z.number(),
  /** The satellite it was set on. */
  satellite: z.string().optional(),
  language: z.string().min(1),
  heads_up: z.boolean(),
  heads_up_said: z.boolean(),
  /** The reminder itself was said then; it waits for "ok" or its repeat. */
  said_at: z.number().optional(),
  /** It fell due while the server was down, too long ago to be said late; reported instead. */
  missed: z.boolean().optional(),
});

export type StoredReminder = z.infer<typeof StoredReminderSchema>;

export interface ReminderStore {
  readonly kind: 'file' | 'redis';
  load(): Promise<StoredReminder[]>;
  put(reminder: StoredReminder): Promise<void>;
  remove(id: string): Promise<void>;
  /**
   * Calls `listener` when another server changed the reminders (Redis only); resolves, once
   * listening, with the unsubscribe.
   */
  watch?(listener: () => void): Promise<() => Promise<void>>;
}

const FileSchema = z.object({ reminders: z.array(StoredReminderSchema) });

/** Every reminder in one JSON file, rewritten atomically on each change. */
export class FileReminderStore implements ReminderStore {
  readonly kind = 'file';
  readonly #file: JsonFile<z.infer<typeof FileSchema>>;
  readonly #reminders = new Map<string, StoredReminder>();

  constructor(path: string) {
    this.#file = new JsonFile(path, FileSchema);
  }

  async load(): Promise<StoredReminder[]> {
    const content = await this.#file.load();
    this.#reminders.clear();
    for (const reminder of content?.reminders ?? []) this.#reminders.set(reminder.id, reminder);
    return [...this.#reminders.values()];
  }

  put(reminder: StoredReminder): Promise<void> {
    this.#reminders.set(reminder.id, reminder);
    return this.#save();
  }

  remove(id: string): Promise<void> {
    if (!this.#reminders.delete(id)) return Promise.resolve();
    return this.#save();
  }

  #save(): Promise<void> {
    return this.#file.save({ reminders: [...this.#reminders.values()] });
  }
}

/** One hash field per reminder; a field that does not parse is skipped, never a crash. */
export class RedisReminderStore implements ReminderStore {
  readonly kind = 'redis';
  readonly #redis: Redis;
  readonly #key: string;
  /** Who published a change: a server ignores its own. */
  readonly #self = randomUUID();

  /** `redis` belongs to the caller, who closes it. */
  constructor(redis: Redis, keyPrefix = 'jarvis:') {
    this.#redis = redis;
    this.#key = `${keyPrefix}reminders`;
  }

  async load(): Promise<StoredReminder[]> {
    const fields = await this.#redis.hgetall(this.#key);
    return Object.values(fields).flatMap((text) => {
      try {
        const parsed = StoredReminderSchema.safeParse(JSON.parse(text));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }

  async put(reminder: StoredReminder): Promise<void> {
    await this.#redis.hset(this.#key, reminder.id, JSON.stringify(reminder));
    await this.#redis.publish(this.#channel, this.#self);
  }

  async remove(id: string): Promise<void> {
    await this.#redis.hdel(this.#key, id);
    await this.#redis.publish(this.#channel, this.#self);
  }

  async watch(listener: () => void): Promise<() => Promise<void>> {
    // A subscribed connection can do nothing else: its own, closed with the unsubscribe.
    const feed = this.#redis.duplicate();
    // An unhandled `error` event would crash the process; the main connection's are logged.
    feed.on('error', () => {});
    feed.on('message', (channel: string, from: string) => {
      if (channel === this.#channel && from !== this.#self) listener();
    });
    await feed.subscribe(this.#channel);
    return async () => {
      await feed.quit().catch(() => feed.disconnect());
    };
  }

  get #channel(): string {
    return `${this.#key}:changed`;
  }
}
