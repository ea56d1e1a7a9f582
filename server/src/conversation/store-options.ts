// Defaults and checks shared by every ConversationStore implementation.
import { ConfigError } from '../errors.js';
import type { ConversationStoreOptions } from './store.js';

export const DEFAULT_CONVERSATION_TTL_MS = 5 * 60_000;
export const DEFAULT_MAX_MESSAGES = 20;

/** The options with their defaults; a TTL or a message count that is not a positive integer is a ConfigError. */
export function resolveStoreOptions(options: ConversationStoreOptions): {
  ttlMs: number;
  maxMessages: number;
} {
  const ttlMs = options.ttlMs ?? DEFAULT_CONVERSATION_TTL_MS;
  const maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)
    throw new ConfigError(
      `expected a positive whole number of milliseconds, got ${ttlMs}`,
      'ttlMs',
    );
  if (!Number.isSafeInteger(maxMessages) || maxMessages <= 0)
    throw new ConfigError(`expected a positive whole number, got ${maxMessages}`, 'maxMessages');
  return { ttlMs, maxMessages };
}
