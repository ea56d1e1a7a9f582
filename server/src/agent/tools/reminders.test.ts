import { describe, expect, it } from 'vitest';
import { createTestHome } from '../../intents/test-home.js';
import { bookHarness, MIN, START } from '../../reminders/test-book.js';
import { AgentLanguages } from '../languages.js';
import { reminderCancel, reminderList, reminderSet } from './reminders.js';
import type { ToolContext } from './tool.js';

function contextFor(harness: ReturnType<typeof bookHarness> | undefined, now = START): ToolContext {
  return {
    home: createTestHome(),
    request: {
      text: 'x',
      conversationId: 'kitchen',
      satellite: 'kitchen',
      timers: [],
      now: new Date(now),
      ...(harness && { reminders: harness.book }),
    },
    language: 'en',
    languages: new AgentLanguages(),
    sensitiveDomains: [],
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    newId: () => 'id',
    signal: new AbortController().signal,
  };
}

const parse = (content: string) => JSON.parse(content) as Record<string, unknown>;

describe('the agent reminder tools on the reminder book', () => {
  it.each([
    ['at 15:00, said at 14:00: today', { text: 'walk the dog', at: '15:00' }, 60, false],
    [
      'at 13:00, said at 14:00: tomorrow, and the result says so',
      { text: 'walk the dog', at: '13:00' },
      23 * 60,
      true,
    ],
    ['in 20 minutes', { text: 'call mom', in_minutes: 20 }, 20, false],
  ])('sets %s', async (_name, args, minutes, moved) => {
    const harness = bookHarness();
    const outcome = parse((await reminderSet.run(args, contextFor(harness))).content);
    expect(outcome.ok).toBe(true);
    expect(Boolean(outcome.note)).toBe(moved);
    expect(harness.book.all()).toEqual([
      expect.objectContaining({ text: args.text, at: START + minutes * MIN, satellite: 'kitchen' }),
    ]);
  });

  it.each([
    ['no time', { text: 'walk the dog' }, /give "at"/],
    ['nothing to remind', { text: '  ', at: '15:00' }, /ask the user what to remind/],
    ['a past date', { text: 'x', at: '2020-01-01T10:00' }, /in the past/],
    ['not a time', { text: 'x', at: '25:00' }, /not a time of day/],
  ])('refuses %s, and sets nothing', async (_name, args, error) => {
    const harness = bookHarness();
    const outcome = parse((await reminderSet.run(args, contextFor(harness))).content);
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    expect(harness.book.all()).toEqual([]);
  });

  it('lists and cancels by a word; reminders unavailable is said', async () => {
    const harness = bookHarness();
    const context = contextFor(harness);
    await reminderSet.run({ text: 'walk the dog', at: '15:00' }, context);
    await reminderSet.run({ text: 'call mom', in_minutes: 5 }, context);
    const listed = parse((await reminderList.run({}, context)).content);
    expect((listed.reminders as { text: string }[]).map((r) => r.text)).toEqual([
      'call mom',
      'walk the dog',
    ]);
    const cancelled = parse((await reminderCancel.run({ about: 'dog' }, context)).content);
    expect(cancelled).toMatchObject({ ok: true, cancelled: { text: 'walk the dog' } });
    expect(harness.book.list().map((r) => r.text)).toEqual(['call mom']);
    const none = parse((await reminderList.run({}, contextFor(undefined))).content);
    expect(none).toMatchObject({ ok: false });
  });
});
