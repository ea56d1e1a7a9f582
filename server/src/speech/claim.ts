// Several servers on one Redis each run the speech schedule over the same reminders (and held
// messages): before saying an item, a server claims its firing with SET NX and an expiry, so
// exactly one server says it; the others let it go. An item meant for named satellites (an
// announcement) is claimed per satellite: servers with different satellites each say their own
// part, and a part already said (by any server) is not said again.
import type { Redis } from 'ioredis';
import type { SpeechItem } from './schedule.js';

export interface ClaimOptions {
  /** This server, written in the claim (for someone reading Redis). */
  readonly owner: string;
  readonly keyPrefix?: string;
  /** How long a claim is kept (default a day: longer than any firing stays due). */
  readonly ttlMs?: number;
}

/**
 * Claims `item`'s firing on `satellites`: returns those this server says it on (all of them, or
 * none when the item names no satellites; those it claimed when it does).
 */
export type Claim = (item: SpeechItem, satellites: readonly string[]) => Promise<string[]>;

/** The claim of `item`'s firing, or of its part for `satellite` when it names its satellites. */
export function claimKey(item: SpeechItem, keyPrefix = 'jarvis:', satellite?: string): string {
  const part = satellite === undefined ? '' : `:${satellite}`;
  return `${keyPrefix}speech-claim:${item.id}@${item.at}${part}`;
}

export function redisClaim(redis: Redis, options: ClaimOptions): Claim {
  const ttlMs = options.ttlMs ?? 24 * 3_600_000;
  const set = (key: string) => redis.set(key, options.owner, 'PX', ttlMs, 'NX');
  return async (item, satellites) => {
    if (!item.targets) {
      return (await set(claimKey(item, options.keyPrefix))) === 'OK' ? [...satellites] : [];
    }
    const sets = await Promise.all(
      satellites.map((name) => set(claimKey(item, options.keyPrefix, name))),
    );
    return satellites.filter((_name, i) => sets[i] === 'OK');
  };
}
