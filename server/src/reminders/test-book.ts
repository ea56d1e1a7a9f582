// A reminder book on a manual clock for tests: the real schedule, store and words; what is
// said is recorded instead of played. Its directories go when the test ends (tests/helpers/temp-dir).
import { join } from 'node:path';
import type { Claim } from '../speech/claim.js';
import { ManualClock } from '../speech/clock.js';
import type { RoomMode } from '../speech/schedule.js';
import { SpeechService } from '../speech/speech-service.js';
import { ReminderBook } from './book.js';
import { FileReminderStore, type ReminderStore } from './store.js';
import { reminderWords } from './words.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

export const MIN = 60_000;
/** 2 pm local time on a winter day. */
export const START = new Date(2026, 11, 6, 14, 0).getTime();

export interface Said {
  readonly text: string;
  readonly at: number;
  readonly satellites: readonly string[];
}

export interface BookHarness {
  readonly clock: ManualClock;
  readonly book: ReminderBook;
  readonly speech: SpeechService;
  readonly said: Said[];
  readonly modes: Map<string, RoomMode>;
  /** Moves the clock and waits until what fell due has been said. */
  advance(ms: number): Promise<void>;
}

export function reminderDir(): string {
  return tempDir('jarvis-reminders-');
}

/** Another server beside the first: its clock, its claim, its reminders' ids. */
export interface ServerOptions {
  readonly clock?: ManualClock;
  readonly claim?: Claim;
  readonly idPrefix?: string;
}

export function bookHarness(
  store: ReminderStore = new FileReminderStore(join(reminderDir(), 'reminders.json')),
  start = START,
  satellites: readonly string[] = ['kitchen', 'bedroom'],
  server: ServerOptions = {},
): BookHarness {
  const clock = server.clock ?? new ManualClock(start);
  const said: Said[] = [];
  const modes = new Map<string, RoomMode>();
  const later: { book?: ReminderBook } = {};
  const speech = new SpeechService({
    clock,
    satellites: () => satellites,
    modeOf: (satellite) => modes.get(satellite) ?? 'normal',
    say: async (item, on) => {
      said.push({ text: item.text.replace(/\s/g, ' '), at: clock.now(), satellites: on });
    },
    onSaid: (item) => later.book?.said(item),
    lastHeardWindowMs: 10 * MIN,
    ...(server.claim && { claim: server.claim }),
  });
  const book = new ReminderBook({
    store,
    clock,
    schedule: speech,
    words: reminderWords('en'),
    headsUpMs: 5 * MIN,
    repeatAfterMs: 3 * MIN,
    lateLimitMs: 60 * MIN,
    newId: (() => {
      let n = 0;
      return () => `${server.idPrefix ?? 'r'}${++n}`;
    })(),
  });
  later.book = book;
  const advance = async (ms: number) => {
    // One minute at a time: a repeat armed while the previous item was said is reached too.
    for (let left = ms; left > 0; left -= Math.min(left, MIN)) {
      clock.advance(Math.min(left, MIN));
      await speech.idle();
    }
  };
  return { clock, book, speech, said, modes, advance };
}
