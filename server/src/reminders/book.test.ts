import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReminderStore } from './store.js';
import { MIN, START, bookHarness, reminderDir } from './test-book.js';

const DOG = { text: 'walk the dog', at: START + 60 * MIN, satellite: 'kitchen', language: 'en' };

describe('ReminderBook on a manual clock', () => {
  it('says the heads-up 5 minutes before, the reminder at its time, then once again', async () => {
    const { book, said, advance } = bookHarness();
    await book.add(DOG);
    await advance(54 * MIN);
    expect(said).toEqual([]);
    await advance(MIN);
    expect(said).toEqual([
      {
        text: 'Heads up: in 5 minutes, walk the dog.',
        at: START + 55 * MIN,
        satellites: ['kitchen'],
      },
    ]);
    await advance(5 * MIN);
    expect(said[1]).toEqual({
      text: 'Reminder: walk the dog.',
      at: START + 60 * MIN,
      satellites: ['kitchen'],
    });
    expect(book.list()).toHaveLength(1);
    await advance(3 * MIN);
    expect(said[2]).toEqual({
      text: 'Reminder, again: walk the dog.',
      at: START + 63 * MIN,
      satellites: ['kitchen'],
    });
    await advance(60 * MIN);
    expect(said).toHaveLength(3);
    expect(book.list()).toEqual([]);
  });

  it('"ok" after the reminder: not repeated, and gone', async () => {
    const { book, said, advance } = bookHarness();
    await book.add(DOG);
    await advance(60 * MIN);
    expect(said.map((s) => s.text)).toEqual([
      'Heads up: in 5 minutes, walk the dog.',
      'Reminder: walk the dog.',
    ]);
    expect(await book.acknowledge()).toMatchObject({ text: 'walk the dog' });
    await advance(30 * MIN);
    expect(said).toHaveLength(2);
    expect(book.list()).toEqual([]);
    expect(await book.acknowledge()).toBeUndefined();
  });

  it.each([
    ['heads-up off for this reminder', { headsUp: false }, START + 60 * MIN],
    ['set 3 minutes before: too late for a heads-up', { at: START + 3 * MIN }, START + 3 * MIN],
  ])('%s: only the reminder', async (_name, extra, dueAt) => {
    const { book, said, advance } = bookHarness();
    await book.add({ ...DOG, ...extra });
    await advance(61 * MIN);
    expect(said[0]).toEqual({
      text: 'Reminder: walk the dog.',
      at: dueAt,
      satellites: ['kitchen'],
    });
  });

  it('is said where the person was last heard, and held while every room is in do-not-disturb', async () => {
    const { book, said, speech, modes, advance } = bookHarness();
    await book.add({ ...DOG, headsUp: false });
    await advance(55 * MIN);
    speech.heard('bedroom');
    modes.set('bedroom', 'dnd').set('kitchen', 'dnd');
    await advance(10 * MIN);
    expect(said).toEqual([]);
    modes.set('bedroom', 'normal');
    speech.refresh();
    await speech.idle();
    expect(said).toEqual([
      { text: 'Reminder: walk the dog.', at: START + 65 * MIN, satellites: ['bedroom'] },
    ]);
  });

  it('cancels: nothing is said', async () => {
    const { book, said, advance } = bookHarness();
    const { id } = await book.add(DOG);
    expect(await book.cancel(id)).toBe(true);
    expect(await book.cancel(id)).toBe(false);
    await advance(120 * MIN);
    expect(said).toEqual([]);
  });
});

describe('ReminderBook across a restart', () => {
  const file = () => join(reminderDir(), 'reminders.json');

  /** Sets the dog reminder, lets time run to `crashAt` minutes, then a new server starts at `restartAt`. */
  async function crashAndRestart(crashAt: number, restartAt: number) {
    const path = file();
    const before = bookHarness(new FileReminderStore(path));
    await before.book.add(DOG);
    await before.advance(crashAt * MIN);
    // The process dies: nothing is stopped or flushed beyond what was already answered.
    const after = bookHarness(new FileReminderStore(path), START + restartAt * MIN);
    const recovered = await after.book.start();
    await after.speech.idle();
    return { before, after, recovered, path };
  }

  it.each([
    // crash, restart (minutes after 14:00), said on start, then said later
    ['down before the heads-up, back before it', 10, 20, [], ['Heads up', 'Reminder:', 'again']],
    ['heads-up said, back before the time', 56, 58, [], ['Reminder:', 'again']],
    ['due while down, 30 minutes late: said on start', 50, 90, ['Reminder:'], ['again']],
    ['said, not acknowledged: the repeat still comes', 61, 62, [], ['again']],
  ] as const)('%s', async (_name, crashAt, restartAt, onStart, later) => {
    const { after } = await crashAndRestart(crashAt, restartAt);
    expect(after.said.map((s) => s.text.split(' ').slice(0, 2).join(' '))).toEqual(
      onStart.map((p) => expect.stringContaining(p)),
    );
    await after.advance(120 * MIN);
    expect(after.said.slice(onStart.length).map((s) => s.text)).toEqual(
      later.map((p) => expect.stringContaining(p)),
    );
    expect(after.book.list()).toEqual([]);
  });

  it('due while down more than an hour ago: reported as missed, once', async () => {
    const { after, recovered, path } = await crashAndRestart(30, 150);
    expect(recovered).toEqual({ pending: 0, late: 0, missed: 1 });
    expect(after.said.map((s) => s.text)).toEqual([
      'While I was off, I missed a reminder at 3:00 PM: walk the dog.',
    ]);
    expect(after.book.list()).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ reminders: [] });
    await after.advance(120 * MIN);
    expect(after.said).toHaveLength(1);
  });

  it('a missed reminder nobody could hear yet stays listed as missed', async () => {
    const path = file();
    const before = bookHarness(new FileReminderStore(path));
    await before.book.add(DOG);
    const after = bookHarness(new FileReminderStore(path), START + 150 * MIN, []);
    await after.book.start();
    expect(after.book.list()).toEqual([
      expect.objectContaining({ text: 'walk the dog', missed: true }),
    ]);
    expect(after.said).toEqual([]);
  });
});
