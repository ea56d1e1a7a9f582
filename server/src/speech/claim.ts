// Several servers on one Redis each run the speech schedule over the same reminders (and held
// messages): before saying an item, a server claims its firing (the item's id and time) with
// SET NX and an expiry, so exactly one server says it; the others let it go.
import type { Redis } from 'ioredis';
import type { SpeechItem } from './schedule.js';

export interface ClaimOptions {
  /** This server, written in the claim (for someone reading Redis). */
  readonly owner: string;
  readonly keyPrefix?: string;
  /** How long a claim is kept (default a day: longer than any firing stays due). */
  readonly ttlMs?: number;
}

/** Claims `item`'s firing: true when this server is the one to say it. */
export type Claim = (item: SpeechItem) => Promise<boolean>;

export function claimKey(item: SpeechItem, keyPrefix = 'jarvis:'): string {
  return `${keyPrefix}speech-claim:${item.id}@${item.at}`;
}

export function redisClaim(redis: Redis, options: ClaimOptions): Claim {
  const ttlMs = options.ttlMs ?? 24 * 3_600_000;
  return async (item) => {
    const set = await redis.set(
      claimKey(item, options.keyPrefix),
      options.owner,
      'PX',
      ttlMs,
      'NX',
    );
    return set === 'OK';
  };
}
