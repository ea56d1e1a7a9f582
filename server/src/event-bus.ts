import { type Logger, silentLogger } from 'wyoming-ts';
import type { TurnTimings } from './pipeline/timings.js';
import type { TurnRejection } from './pipeline/turn-types.js';
import type { SessionPhase } from './satellites/session-machine.js';

/** What the server tells the dashboard and automations about, as it happens. */
export type ServerEvent =
  | { readonly type: 'satellite-connected'; readonly satellite: string; readonly area?: string }
  | { readonly type: 'satellite-disconnected'; readonly satellite: string }
  | { readonly type: 'phase'; readonly satellite: string; readonly phase: SessionPhase }
  /** The satellite heard its wake word (before arbitration between satellites). */
  | { readonly type: 'wake'; readonly satellite: string; readonly wake_word: string }
  /** Another satellite heard the same wake word better and answers instead. */
  | { readonly type: 'arbitration-lost'; readonly satellite: string }
  /** A satellite was adopted or forgotten. */
  | { readonly type: 'satellites-changed' }
  /** A reminder was set, said, cancelled or missed. */
  | { readonly type: 'reminders-changed' }
  /** Mute, volume, wake word or mode changed (see `satellites/controls.ts`). */
  | { readonly type: 'satellite-settings'; readonly satellite: string }
  /** The reply to a question (`ask`): transcribed only, not acted on. */
  | {
      readonly type: 'reply';
      readonly satellite: string;
      readonly transcript: string;
      readonly language?: string;
    }
  /** The answer to a question a mode held, asked once the mode let it (see `ask`). */
  | {
      readonly type: 'answer';
      readonly satellite: string;
      readonly id: string | null;
      readonly sentence: string | null;
      readonly slots: Readonly<Record<string, string>>;
      readonly text: string | null;
    }
  | {
      readonly type: 'turn';
      readonly satellite?: string;
      readonly transcript?: string;
      readonly intent?: string;
      readonly response?: string;
      readonly language?: string;
      readonly failed: boolean;
      /** Why nothing was done with what was heard ("Sorry, I didn't catch that"). */
      readonly rejected?: TurnRejection;
      readonly timings: TurnTimings;
    };

/** A typed event bus whose listeners cannot crash it or each other. */
export class EventBus {
  private readonly listeners = new Set<(event: ServerEvent) => void>();

  constructor(private readonly logger: Logger = silentLogger) {}

  on(listener: (event: ServerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listeners subscribed now. */
  get size(): number {
    return this.listeners.size;
  }

  emit(event: ServerEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(`event listener failed on ${event.type}: ${(error as Error).message}`);
      }
    }
  }
}
