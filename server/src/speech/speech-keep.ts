// Where the speech schedule keeps what is not a reminder's (announcements, automations' questions
// held by a mode, messages) so that a restart loses none of it: beside the reminders, a JSON file
// in the data dir or a Redis hash when Redis is configured. Reminders are not kept here: the
// reminder book keeps them and puts them back on the schedule itself. In Redis an item meant for
// named satellites is kept one part per satellite, so that servers sharing the store, each saying
// its own satellites' part, remove only that part.
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { JsonFile } from '../json-file.js';
import type { SpeechItem } from './schedule.js';

const AnswerSchema = z.object({ id: z.string(), sentences: z.array(z.string()).readonly() });

export const SpeechItemSchema = z.object({
  id: z.string().min(1),
  at: z.number(),
  kind: z.enum(['reminder', 'heads-up', 'announce', 'message', 'ask', 'converse']),
  text: z.string(),
  urgent: z.boolean().optional(),
  origin: z.string().optional(),
  language: z.string().optional(),
  targets: z.array(z.string()).readonly().optional(),
  answers: z.array(AnswerSchema).readonly().optional(),
});

export interface SpeechKeep {
  readonly kind: 'file' | 'redis';
  load(): Promise<SpeechItem[]>;
  /**
   * Replaces what is kept with `items`; the parts (`keptPart`) in `elsewhere` (said by another
   * server sharing the store, which keeps them itself) are left as they are.
   */
  save(items: readonly SpeechItem[], elsewhere?: ReadonlySet<string>): Promise<void>;
}

/** The part of item `id` meant for `satellite` (none: the whole item), as it is kept. */
export function keptPart(id: string, satellite?: string): string {
  return satellite === undefined ? id : `${id}>${satellite}`;
}

/** An item, one part per satellite it names (one part when it names none). */
function parts(item: SpeechItem): [string, SpeechItem][] {
  if (!item.targets) return [[keptPart(item.id), item]];
  return item.targets.map((name) => [keptPart(item.id, name), { ...item, targets: [name] }]);
}

/** Whether the schedule keeps `item` itself (reminders are kept by the reminder book). */
export function keptBySchedule(item: SpeechItem): boolean {
  return !item.id.startsWith('reminder:');
}

/**
 * The items to keep from everything the schedule holds: one per id, its targets joined (an item
 * said on some satellites and held for others is listed twice by the schedule).
 */
export function toKeep(items: readonly SpeechItem[]): SpeechItem[] {
  const byId = new Map<string, SpeechItem>();
  for (const item of items.filter(keptBySchedule)) {
    const seen = byId.get(item.id);
    const targets = seen?.targets && item.targets && [...seen.targets, ...item.targets];
    byId.set(
      item.id,
      seen ? { ...seen, ...(targets && { targets: [...new Set(targets)] }) } : item,
    );
  }
  return [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

const FileSchema = z.object({ items: z.array(SpeechItemSchema).readonly() });

export class FileSpeechKeep implements SpeechKeep {
  readonly kind = 'file';
  readonly #file: JsonFile<z.infer<typeof FileSchema>>;

  constructor(path: string) {
    this.#file = new JsonFile(path, FileSchema);
  }

  async load(): Promise<SpeechItem[]> {
    return [...((await this.#file.load())?.items ?? [])];
  }

  save(items: readonly SpeechItem[]): Promise<void> {
    return this.#file.save({ items });
  }
}

/**
 * One hash field per part (`keptPart`); only what changed is written, and only the parts this
 * server has written (or read) are removed. A field that does not parse is skipped.
 */
export class RedisSpeechKeep implements SpeechKeep {
  readonly kind = 'redis';
  readonly #redis: Redis;
  readonly #key: string;
  /** What this server last wrote (or read), by field. */
  #written = new Map<string, string>();

  /** `redis` belongs to the caller, who closes it. */
  constructor(redis: Redis, keyPrefix = 'jarvis:') {
    this.#redis = redis;
    this.#key = `${keyPrefix}speech`;
  }

  async load(): Promise<SpeechItem[]> {
    const fields = await this.#redis.hgetall(this.#key);
    const items: SpeechItem[] = [];
    for (const [field, text] of Object.entries(fields)) {
      try {
        const parsed = SpeechItemSchema.safeParse(JSON.parse(text));
        if (!parsed.success) continue;
        items.push(parsed.data);
        this.#written.set(field, text);
      } catch {
        // Not JSON: left as it is, never a crash.
      }
    }
    return toKeep(items);
  }

  async save(items: readonly SpeechItem[], elsewhere?: ReadonlySet<string>): Promise<void> {
    const next = new Map(
      // Written in the schema's key order, so a part read back from another server and kept as
      // it was is not written again (over its removal by the server that said it).
      items
        .flatMap(parts)
        .map(([field, part]) => [field, JSON.stringify(SpeechItemSchema.parse(part))] as const),
    );
    const gone = [...this.#written.keys()].filter((f) => !next.has(f) && !elsewhere?.has(f));
    const changed = [...next].filter(([field, text]) => this.#written.get(field) !== text);
    if (gone.length === 0 && changed.length === 0) return;
    const multi = this.#redis.multi();
    if (gone.length > 0) multi.hdel(this.#key, ...gone);
    if (changed.length > 0) multi.hset(this.#key, Object.fromEntries(changed));
    await multi.exec();
    this.#written = next;
  }
}
