// The reminders: kept in a store, each put on the speech schedule as a heads-up before its time
// and the reminder at its time; once said, repeated once after a few minutes unless someone
// says "ok" or "merci". On start, what fell due while the server was down is said at once when
// less late than the limit, else kept as missed and reported (said once, then forgotten).
// Several servers on one Redis: `reload` takes in what another server changed.
import { randomUUID } from 'node:crypto';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { NewReminder, ReminderDesk, ReminderInfo } from '../intents/types.js';
import type { Clock } from '../speech/clock.js';
import type { SpeechItem } from '../speech/schedule.js';
import type { ReminderStore, StoredReminder } from './store.js';

export type ReminderPart = 'heads-up' | 'due' | 'repeat' | 'missed';

/** What is said for each part of a reminder, in the reminder's language. */
export interface ReminderWords {
  say(part: ReminderPart, reminder: StoredReminder, headsUpMs: number, now: number): string;
  /** "You have two messages." before held items let go together. */
  messages(count: number, language: string): string;
}

export interface ReminderBookOptions {
  readonly store: ReminderStore;
  readonly clock: Clock;
  /** The speech schedule the items go on (`SpeechScheduler`). */
  readonly schedule: { add(item: SpeechItem): void; cancel(id: string): void };
  readonly words: ReminderWords;
  /** How long before its time a heads-up is said; 0 for none. */
  readonly headsUpMs: number;
  /** How long after a reminder nobody acknowledged it is said again. */
  readonly repeatAfterMs: number;
  /** Due while the server was down and later than this: missed, not said late. */
  readonly lateLimitMs: number;
  readonly newId?: () => string;
  /** The list changed (for the bridge's sensor). */
  readonly onChange?: () => void;
  readonly logger?: Logger;
}

export interface Recovered {
  readonly pending: number;
  /** Due while the server was down, said now. */
  readonly late: number;
  readonly missed: number;
}

const PREFIX = 'reminder:';

/** The schedule item's id of a reminder's part. */
export function itemId(id: string, part: ReminderPart): string {
  return `${PREFIX}${id}:${part}`;
}

/** The reminder and part an item id names, if it is a reminder's. */
export function parseItemId(itemId: string): { id: string; part: ReminderPart } | undefined {
  const found = /^reminder:(.+):(heads-up|due|repeat|missed)$/.exec(itemId);
  return found ? { id: found[1]!, part: found[2] as ReminderPart } : undefined;
}

export function reminderInfo(reminder: StoredReminder): ReminderInfo {
  const { id, text, at, missed } = reminder;
  return { id, text, at, ...(missed && { missed }) };
}

export class ReminderBook implements ReminderDesk {
  readonly #options: ReminderBookOptions;
  readonly #logger: Logger;
  readonly #reminders = new Map<string, StoredReminder>();

  constructor(options: ReminderBookOptions) {
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
  }

  /** Loads the store and schedules what it holds; what fell due meanwhile is said or missed. */
  async start(): Promise<Recovered> {
    const now = this.#options.clock.now();
    const { lateLimitMs, repeatAfterMs } = this.#options;
    const counts = { pending: 0, late: 0, missed: 0 };
    for (const reminder of await this.#options.store.load()) {
      this.#reminders.set(reminder.id, reminder);
      if (reminder.missed) {
        this.#put(reminder, 'missed', now);
        counts.missed++;
      } else if (reminder.said_at !== undefined) {
        const repeatAt = reminder.said_at + repeatAfterMs;
        if (now - repeatAt < lateLimitMs) this.#put(reminder, 'repeat', repeatAt);
        else await this.#forget(reminder.id);
      } else if (reminder.at > now) {
        this.#schedule(reminder, now);
        counts.pending++;
      } else if (now - reminder.at < lateLimitMs) {
        this.#put(reminder, 'due', reminder.at);
        counts.late++;
      } else {
        const missed = { ...reminder, missed: true };
        await this.#save(missed);
        this.#put(missed, 'missed', now);
        counts.missed++;
      }
    }
    if (counts.late || counts.missed) {
      this.#logger.info(`reminders: ${counts.late} said late, ${counts.missed} missed while down`);
    }
    this.#options.onChange?.();
    return counts;
  }

  /**
   * Takes in what another server changed in the store: new and changed reminders scheduled
   * from where they are (a reminder said there waits for its repeat), removed ones dropped.
   * Writes nothing (so it publishes nothing back).
   */
  async reload(): Promise<void> {
    const now = this.#options.clock.now();
    const stored = new Map((await this.#options.store.load()).map((r) => [r.id, r]));
    let changed = false;
    for (const id of [...this.#reminders.keys()].filter((id) => !stored.has(id))) {
      this.#unschedule(id);
      this.#reminders.delete(id);
      changed = true;
    }
    for (const reminder of stored.values()) {
      const known = this.#reminders.get(reminder.id);
      if (known && JSON.stringify(known) === JSON.stringify(reminder)) continue;
      this.#unschedule(reminder.id);
      this.#reminders.set(reminder.id, reminder);
      if (reminder.missed) this.#put(reminder, 'missed', now);
      else if (reminder.said_at !== undefined)
        this.#put(reminder, 'repeat', reminder.said_at + this.#options.repeatAfterMs);
      else this.#schedule(reminder, now);
      changed = true;
    }
    if (changed) this.#options.onChange?.();
  }

  async add(reminder: NewReminder): Promise<ReminderInfo> {
    const now = this.#options.clock.now();
    const stored: StoredReminder = {
      id: (this.#options.newId ?? randomUUID)(),
      text: reminder.text,
      at: reminder.at,
      created_at: now,
      ...(reminder.satellite && { satellite: reminder.satellite }),
      language: reminder.language,
      heads_up: reminder.headsUp ?? this.#options.headsUpMs > 0,
      heads_up_said: false,
    };
    await this.#save(stored);
    this.#schedule(stored, now);
    this.#options.onChange?.();
    return reminderInfo(stored);
  }

  list(): ReminderInfo[] {
    return this.all().map(reminderInfo);
  }

  /** Every reminder as stored, soonest first (for the API). */
  all(): StoredReminder[] {
    return [...this.#reminders.values()].sort((a, b) => a.at - b.at);
  }

  async cancel(id: string): Promise<boolean> {
    if (!this.#reminders.has(id)) return false;
    await this.#forget(id);
    this.#options.onChange?.();
    return true;
  }

  async acknowledge(): Promise<ReminderInfo | undefined> {
    const waiting = this.all()
      .filter((r) => r.said_at !== undefined)
      .sort((a, b) => (b.said_at ?? 0) - (a.said_at ?? 0))[0];
    if (!waiting) return undefined;
    await this.cancel(waiting.id);
    return reminderInfo(waiting);
  }

  /** The schedule has said `item` (or given up on it): the reminder moves on. */
  async said(item: SpeechItem): Promise<void> {
    const parsed = parseItemId(item.id);
    const reminder = parsed && this.#reminders.get(parsed.id);
    if (!parsed || !reminder) return;
    const now = this.#options.clock.now();
    if (parsed.part === 'heads-up') {
      await this.#save({ ...reminder, heads_up_said: true });
    } else if (parsed.part === 'due') {
      const said = { ...reminder, said_at: now };
      await this.#save(said);
      this.#put(said, 'repeat', now + this.#options.repeatAfterMs);
    } else {
      await this.#forget(reminder.id);
    }
    this.#options.onChange?.();
  }

  #schedule(reminder: StoredReminder, now: number): void {
    const headsUpAt = reminder.at - this.#options.headsUpMs;
    const headsUp = reminder.heads_up && this.#options.headsUpMs > 0 && !reminder.heads_up_said;
    if (headsUp && headsUpAt > now) this.#put(reminder, 'heads-up', headsUpAt);
    this.#put(reminder, 'due', reminder.at);
  }

  #put(reminder: StoredReminder, part: ReminderPart, at: number): void {
    const { words, headsUpMs, clock } = this.#options;
    this.#options.schedule.add({
      id: itemId(reminder.id, part),
      at,
      kind: part === 'heads-up' ? 'heads-up' : part === 'missed' ? 'message' : 'reminder',
      text: words.say(part, reminder, headsUpMs, clock.now()),
      language: reminder.language,
      ...(reminder.satellite && { origin: reminder.satellite }),
    });
  }

  async #save(reminder: StoredReminder): Promise<void> {
    await this.#options.store.put(reminder);
    this.#reminders.set(reminder.id, reminder);
  }

  #unschedule(id: string): void {
    for (const part of ['heads-up', 'due', 'repeat', 'missed'] as const) {
      this.#options.schedule.cancel(itemId(id, part));
    }
  }

  async #forget(id: string): Promise<void> {
    this.#unschedule(id);
    this.#reminders.delete(id);
    await this.#options.store.remove(id);
  }
}
