// The speech schedule put to work in the server: the satellites connected now and their modes
// (through one injected `modeOf`, 'normal' until modes exist), where a person was last heard
// (each turn says so), and `say` to speak an item; once said, `onSaid` (the reminder book moves
// on) and the schedule lets the next item go. Reminders, heads-ups, announcements and queued
// messages all go through here, one at a time.
import { type Logger, silentLogger } from 'wyoming-ts';
import type { Clock } from './clock.js';
import type { RoomMode, SpeechItem, Surroundings } from './schedule.js';
import { SpeechScheduler } from './scheduler.js';

/** An item whose speech keeps failing is given up after this many tries. */
const MAX_TRIES = 3;

/** What the announcements (the HTTP API, automations, the bridge) need of the speech service. */
export interface Announcer {
  announce(
    text: string,
    targets: readonly string[],
    options?: { urgent?: boolean; language?: string },
  ): { held: string[] };
}

export interface SpeechServiceOptions {
  readonly clock: Clock;
  /** The satellites that could speak now (connected). */
  readonly satellites: () => readonly string[];
  /** A satellite's mode; 'normal' when not given (modes are connected here). */
  readonly modeOf?: (satellite: string) => RoomMode;
  /**
   * Speaks `item` on `satellites`, after "you have `messages` messages" when given; resolves
   * once played, rejects when it could not be said.
   */
  readonly say: (
    item: SpeechItem,
    satellites: readonly string[],
    messages?: number,
  ) => Promise<void>;
  /** After an item was said, before the next one goes. */
  readonly onSaid?: (item: SpeechItem) => Promise<void> | void;
  /** Due but no satellite may speak it now. */
  readonly onHeld?: (item: SpeechItem) => void;
  /** How long after a person was heard their room still counts as where they are (ms). */
  readonly lastHeardWindowMs: number;
  /** An item whose `say` failed is tried again this much later (default 30 s). */
  readonly retryMs?: number;
  readonly logger?: Logger;
}

export class SpeechService implements Announcer {
  readonly #options: SpeechServiceOptions;
  readonly #scheduler: SpeechScheduler;
  readonly #logger: Logger;
  readonly #inFlight = new Set<Promise<void>>();
  #lastHeard: Surroundings['lastHeard'];
  readonly #retryMs: number;
  /** Failed tries of the items being retried. */
  readonly #failures = new Map<string, number>();
  #announcements = 0;

  constructor(options: SpeechServiceOptions) {
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
    this.#retryMs = options.retryMs ?? 30_000;
    this.#scheduler = new SpeechScheduler({
      clock: options.clock,
      around: () => this.around(),
      speak: (item, satellites, messages) => this.#speak(item, satellites, messages),
      held: (item) => options.onHeld?.(item),
      lastHeardWindowMs: options.lastHeardWindowMs,
    });
  }

  /** The satellites, their modes and where someone was last heard, now. */
  around(): Surroundings {
    const modeOf = this.#options.modeOf ?? (() => 'normal' as const);
    return {
      satellites: this.#options.satellites().map((name) => ({ name, mode: modeOf(name) })),
      ...(this.#lastHeard && { lastHeard: this.#lastHeard }),
    };
  }

  /** Someone spoke to `satellite` now. */
  heard(satellite: string): void {
    this.#lastHeard = { satellite, at: this.#options.clock.now() };
  }

  add(item: SpeechItem): void {
    this.#scheduler.add(item);
  }

  /**
   * Says `text` on `targets` now, through the schedule: where the mode lets it (urgent: always),
   * else held until it does. Returns the satellites it is held for.
   */
  announce(
    text: string,
    targets: readonly string[],
    options: { urgent?: boolean; language?: string } = {},
  ): { held: string[] } {
    // Ids in the order announcements came: those due at the same time are said in that order.
    const id = `announce:${String(this.#announcements++).padStart(12, '0')}`;
    this.#scheduler.add({
      id,
      at: this.#options.clock.now(),
      kind: 'announce',
      text,
      targets: [...targets],
      ...(options.urgent && { urgent: true }),
      ...(options.language && { language: options.language }),
    });
    const held = this.state.held.filter((item) => item.id === id);
    return { held: held.flatMap((item) => item.targets ?? []) };
  }

  cancel(id: string): void {
    this.#scheduler.cancel(id);
  }

  /** What waits, what is held and what is being said. */
  get state() {
    return this.#scheduler.state;
  }

  /** The satellites or their modes changed: what was held may be said now. */
  refresh(): void {
    this.#scheduler.refresh();
  }

  /** Resolves once nothing is being said. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  async stop(): Promise<void> {
    this.#scheduler.stop();
    await this.idle();
  }

  #speak(item: SpeechItem, satellites: readonly string[], messages?: number): void {
    const run = (async () => {
      try {
        await this.#options.say(item, satellites, messages);
      } catch (error) {
        // Not said (the satellite went away meanwhile): tried again a little later, twice.
        const tries = (this.#failures.get(item.id) ?? 0) + 1;
        const again = tries < MAX_TRIES;
        const what = `speech ${item.kind} on ${satellites.join(', ')}`;
        this.#logger.warn(
          `${what}: ${(error as Error).message}; ${again ? 'retrying' : 'given up'}`,
        );
        if (again) {
          this.#failures.set(item.id, tries);
          this.#scheduler.spoken(item.id);
          this.#scheduler.add({ ...item, at: this.#options.clock.now() + this.#retryMs });
          return;
        }
      }
      this.#failures.delete(item.id);
      try {
        await this.#options.onSaid?.(item);
      } catch (error) {
        this.#logger.warn(`after speech ${item.kind}: ${(error as Error).message}`);
      }
      this.#scheduler.spoken(item.id);
    })();
    this.#inFlight.add(run);
    void run.finally(() => this.#inFlight.delete(run));
  }
}
