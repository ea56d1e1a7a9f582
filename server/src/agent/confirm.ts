// Sensitive actions wait for a spoken yes (the rule is `home/sensitive.ts`, shared with the local
// intents). Pure decisions, tested as tables.
import type { PendingAction } from '../conversation/store.js';
import type { Answer } from './languages.js';

export { isSensitive, SENSITIVE_COVER_CLASSES } from '../home/sensitive.js';

export type PendingDecision =
  /** Run the waiting action now. */
  | { readonly kind: 'run'; readonly action: PendingAction }
  /** Drop it and say so. */
  | { readonly kind: 'cancel'; readonly action: PendingAction }
  /** Not an answer: drop it and handle the request as any other. */
  | { readonly kind: 'ignore' };

/** A waiting action is taken this long after it was asked, as the local intents' unlock. */
export const CONFIRMATION_TIMEOUT_MS = 30_000;

/** Who answers, and when (milliseconds since the epoch). */
export interface Answerer {
  readonly peer?: string;
  readonly now: number;
}

/**
 * What to do with a waiting action, given how the user answered. An answer from another peer
 * than the one asked, or after the timeout, is not an answer to it.
 */
export function decidePending(
  action: PendingAction | undefined,
  answer: Answer,
  answerer?: Answerer,
): PendingDecision {
  if (!action) return { kind: 'ignore' };
  if (answerer && !answers(action, answerer)) return { kind: 'ignore' };
  if (answer === 'yes') return { kind: 'run', action };
  if (answer === 'no') return { kind: 'cancel', action };
  return { kind: 'ignore' };
}

function answers(action: PendingAction, answerer: Answerer): boolean {
  return action.peer === answerer.peer && answerer.now - action.at <= CONFIRMATION_TIMEOUT_MS;
}
