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

/** What to do with a waiting action, given how the user answered. */
export function decidePending(action: PendingAction | undefined, answer: Answer): PendingDecision {
  if (!action) return { kind: 'ignore' };
  if (answer === 'yes') return { kind: 'run', action };
  if (answer === 'no') return { kind: 'cancel', action };
  return { kind: 'ignore' };
}
