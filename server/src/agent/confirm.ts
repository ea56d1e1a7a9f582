// Sensitive actions wait for a spoken yes: unlocking or opening a lock, arming or disarming an
// alarm, moving a garage door, gate or door cover, and anything in a domain the user listed.
// Pure decisions, tested as tables.
import type { HomeEntity } from '../home/home.js';
import type { PendingAction } from '../conversation/store.js';
import type { Answer } from './languages.js';

export const SENSITIVE_COVER_CLASSES: readonly string[] = ['garage', 'gate', 'door'];

/** Whether calling `domain.service` on `entity` needs the user's confirmation first. */
export function isSensitive(
  domain: string,
  service: string,
  entity: HomeEntity | undefined,
  extraDomains: readonly string[] = [],
): boolean {
  if (extraDomains.includes(domain)) return true;
  switch (domain) {
    case 'lock':
      return service === 'unlock' || service === 'open';
    case 'alarm_control_panel':
      return service.startsWith('alarm_');
    case 'cover': {
      const deviceClass = entity?.attributes['device_class'];
      return (
        typeof deviceClass === 'string' &&
        SENSITIVE_COVER_CLASSES.includes(deviceClass) &&
        service !== 'stop_cover'
      );
    }
    default:
      return false;
  }
}

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
