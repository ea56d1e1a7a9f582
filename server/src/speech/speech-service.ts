// The speech schedule put to work in the server: the satellites connected now and their modes
// (through one injected `modeOf`, 'normal' until modes exist), where a person was last heard
// (each turn says so), and `say` to speak an item; once said, `onSaid` (the reminder book moves
// on) and the schedule lets the next item go. Reminders, heads-ups, announcements and queued
// messages all go through here, one at a time. What is not a reminder's is kept (`keep`) as the
// schedule changes, so a restart says what was held; an automation's question held by a mode is
// followed, once said, by whatever `follow` does (listening for the answer).
import { randomBytes } from 'node:crypto';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { Clock } from './clock.js';
import type { RoomMode, ScheduleState, SpeechItem, Surroundings } from './schedule.js';
import type { Claim } from './claim.js';
import { SpeechScheduler } from './scheduler.js';
import { type SpeechKeep, keptPart, toKeep } from './speech-keep.js';

/** An item whose speech keeps failing is given up after this many tries. */
const MAX_TRIES = 3;

export interface AnnounceOptions {
  readonly urgent?: boolean;
  readonly language?: string;
  /** An automation's question or conversation (default: an announcement). */
  readonly kind?: 'announce' | 'ask' | 'converse';
  readonly answers?: SpeechItem['answers'];
}

/** What the announcements (the HTTP API, automations, the bridge) need of the speech service. */
export interface Announcer {
  announce(text: string, targets: readonly string[], options?: AnnounceOptions): { held: string[] };
  /** What follows an automation's held question once said; returns the unsubscribe. */
  follow(follow: Follow): () => void;
}

/** What follows an `ask` or `converse` item once it has been said on `satellite`. */
export type Follow = (item: SpeechItem, satellite: string) => Promise<void>;

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
  /**
   * Several servers on one Redis: claims an item's firing before it is said; an item another
   * server claimed is let go here (none: every item is this server's).
   */
  readonly claim?: Claim;
  /** Where what is not a reminder's is kept across restarts; none: not kept. */
  readonly keep?: SpeechKeep;
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
  /** A silent satellite spoken to: it says what it holds, until nothing is being said. */
  #addressed: string | undefined;
  #follow: Follow | undefined;
  #kept = '[]';
  #keep: SpeechKeep | undefined;
  /** Parts of items (`keptPart`) another server claimed: it keeps them, this one lets them go. */
  readonly #elsewhere = new Set<string>();
  #saving: Promise<void> = Promise.resolve();

  constructor(options: SpeechServiceOptions) {
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
    this.#retryMs = options.retryMs ?? 30_000;
    this.#keep = options.keep;
    this.#scheduler = new SpeechScheduler({
      clock: options.clock,
      around: () => this.around(),
      speak: (item, satellites, messages) => this.#speak(item, satellites, messages),
      held: (item) => options.onHeld?.(item),
      lastHeardWindowMs: options.lastHeardWindowMs,
      changed: (state) => this.#changed(state),
    });
  }

  /**
   * Puts back on the schedule what was kept; returns how many items. When what was kept cannot
   * be read, it throws and keeps nothing more, so the file or key is left for someone to fix.
   */
  async start(): Promise<number> {
    let items: SpeechItem[];
    try {
      items = (await this.#keep?.load()) ?? [];
    } catch (error) {
      this.#keep = undefined;
      throw error;
    }
    this.#kept = JSON.stringify(toKeep(items));
    for (const item of items) this.#scheduler.add(item);
    return items.length;
  }

  /** What follows an automation's held question once said; returns the unsubscribe. */
  follow(follow: Follow): () => void {
    this.#follow = follow;
    return () => {
      if (this.#follow === follow) this.#follow = undefined;
    };
  }

  /** The satellites, their modes and where someone was last heard, now. */
  around(): Surroundings {
    const modeOf = this.#options.modeOf ?? (() => 'normal' as const);
    return {
      satellites: this.#options.satellites().map((name) => ({ name, mode: modeOf(name) })),
      ...(this.#lastHeard && { lastHeard: this.#lastHeard }),
      ...(this.#addressed && { addressed: this.#addressed }),
    };
  }

  /**
   * Someone spoke to `satellite` and it has answered: in silent mode it now says what it holds
   * ("you have two messages" first); do not disturb still holds.
   */
  addressed(satellite: string): void {
    this.#addressed = satellite;
    this.#scheduler.refresh();
    if (!this.state.speaking) this.#addressed = undefined;
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
    options: AnnounceOptions = {},
  ): { held: string[] } {
    const now = this.#options.clock.now();
    // Ids in the order announcements came (those due at the same time are said in that order),
    // unique across restarts and servers.
    const order = `${String(now).padStart(15, '0')}-${String(this.#announcements++).padStart(9, '0')}`;
    const kind = options.kind ?? 'announce';
    const id = `${kind}:${order}-${randomBytes(3).toString('hex')}`;
    this.#scheduler.add({
      id,
      at: now,
      kind,
      text,
      targets: [...targets],
      ...(options.urgent && { urgent: true }),
      ...(options.language && { language: options.language }),
      ...(options.answers && { answers: options.answers }),
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

  /** Resolves once nothing is being said and what changed is kept. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
    await this.#saving;
  }

  async stop(): Promise<void> {
    this.#scheduler.stop();
    await this.idle();
  }

  /** The satellites this server says `item` on (those it claimed; all when nothing claims). */
  async #claimed(item: SpeechItem, satellites: readonly string[]): Promise<readonly string[]> {
    if (!this.#options.claim) return satellites;
    try {
      const mine = await this.#options.claim(item, satellites);
      const others = satellites.filter((name) => !mine.includes(name));
      if (others.length > 0) {
        this.#logger.debug(`speech ${item.kind}: said by another server on ${others.join(', ')}`);
        const parts = item.targets ? others.map((name) => keptPart(item.id, name)) : [item.id];
        for (const part of parts) this.#elsewhere.add(part);
      }
      return mine;
    } catch (error) {
      // Redis unreachable: better said twice than not at all.
      this.#logger.warn(
        `speech ${item.kind}: not claimed (${(error as Error).message}); saying it`,
      );
      return satellites;
    }
  }

  #changed(state: ScheduleState): void {
    if (!state.speaking) this.#addressed = undefined;
    const keep = this.#keep;
    if (!keep) return;
    const all = [...state.pending, ...state.held, ...(state.due ?? [])];
    const items = toKeep(state.speaking ? [state.speaking, ...all] : all);
    const text = JSON.stringify(items);
    if (text === this.#kept) return;
    this.#kept = text;
    const elsewhere = new Set(this.#elsewhere);
    this.#elsewhere.clear();
    this.#saving = this.#saving
      .then(() => keep.save(items, elsewhere))
      .catch((error: Error) => this.#logger.warn(`held speech not kept: ${error.message}`));
  }

  #speak(item: SpeechItem, satellites: readonly string[], messages?: number): void {
    const run = (async () => {
      const mine = await this.#claimed(item, satellites);
      if (mine.length === 0) {
        this.#scheduler.spoken(item.id);
        return;
      }
      const part = item.targets ? { ...item, targets: [...mine] } : item;
      const outcome = await this.#say(part, mine, messages);
      if (outcome === 'retry') return;
      const follow = this.#follow;
      if (outcome === 'said' && follow && (item.kind === 'ask' || item.kind === 'converse')) {
        await follow(item, mine[0]!).catch((error: Error) => {
          this.#logger.warn(`after speech ${item.kind}: ${error.message}`);
        });
      }
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

  /** Says `item`; when it fails, schedules it again a little later, twice, then gives up. */
  async #say(
    item: SpeechItem,
    satellites: readonly string[],
    messages?: number,
  ): Promise<'said' | 'retry' | 'given-up'> {
    try {
      await this.#options.say(item, satellites, messages);
      this.#failures.delete(item.id);
      return 'said';
    } catch (error) {
      // Not said (the satellite went away meanwhile).
      const tries = (this.#failures.get(item.id) ?? 0) + 1;
      const again = tries < MAX_TRIES;
      const what = `speech ${item.kind} on ${satellites.join(', ')}`;
      this.#logger.warn(`${what}: ${(error as Error).message}; ${again ? 'retrying' : 'given up'}`);
      if (!again) {
        this.#failures.delete(item.id);
        return 'given-up';
      }
      this.#failures.set(item.id, tries);
      this.#scheduler.spoken(item.id);
      this.#scheduler.add({ ...item, at: this.#options.clock.now() + this.#retryMs });
      return 'retry';
    }
  }
}
