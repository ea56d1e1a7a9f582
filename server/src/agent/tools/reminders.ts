// Reminders for the agent: `reminder_set` (what to remind, at a time of day or a date, or in
// minutes), `reminder_list` and `reminder_cancel`, on the same reminder book as the local
// intents. A time of day already past today is tomorrow's, and the result says so.
import { nextTime } from '../../intents/clock-times.js';
import type { ReminderInfo } from '../../intents/types.js';
import { foldedWords } from './resolve.js';
import { type AgentTool, type ToolContext, type ToolOutcome, refusal, result } from './tool.js';

const MAX_MINUTES = 366 * 24 * 60;
const CLOCK = /^\s*(\d{1,2}):(\d{2})\s*$/;

function facts(reminder: ReminderInfo, context: ToolContext) {
  const at = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: context.timeZone,
  }).format(new Date(reminder.at));
  return { id: reminder.id, text: reminder.text, at, ...(reminder.missed && { missed: true }) };
}

/** When `at` ("15:00", an ISO date) or `in_minutes` say, or a refusal. */
function when(args: Record<string, unknown>, now: Date): { at: number; moved?: boolean } | string {
  const minutes = args['in_minutes'] as number | undefined;
  const at = args['at'] as string | undefined;
  if (minutes !== undefined) return { at: now.getTime() + minutes * 60_000 };
  if (!at) return 'give "at" (a time of day such as "15:00", or an ISO date) or "in_minutes"';
  const clock = CLOCK.exec(at);
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2]);
    if (hour > 23 || minute > 59) return `"${at}" is not a time of day`;
    const next = nextTime(now, { minutes: hour * 60 + minute, exact: true });
    return { at: next.at.getTime(), moved: next.movedToTomorrow };
  }
  const date = Date.parse(at);
  if (!Number.isFinite(date)) return `"${at}" is neither a time of day (15:00) nor an ISO date`;
  if (date <= now.getTime()) return `${at} is in the past; ask the user when`;
  return { at: date };
}

export const reminderSet: AgentTool = {
  name: 'reminder_set',
  description:
    'Set a reminder, spoken to the user at its time (with a heads-up a few minutes before). Ask the user what to remind when they did not say it; never guess.',
  parameters: {
    type: 'object',
    properties: {
      text: { type: 'string', description: 'What to remind, as the user said it: "walk the dog"' },
      at: {
        type: 'string',
        description: 'A time of day in 24 h ("15:00", the next one) or a local ISO date-time',
      },
      in_minutes: {
        type: 'number',
        description: 'Or: in this many minutes',
        minimum: 1,
        maximum: MAX_MINUTES,
      },
      heads_up: { type: 'boolean', description: 'Say a heads-up before (default true)' },
    },
    required: ['text'],
  },
  async run(args, context): Promise<ToolOutcome> {
    const desk = context.request.reminders;
    if (!desk) return refusal('reminders are not available here');
    const text = (args['text'] as string).trim();
    if (!text) return refusal('what to remind is empty: ask the user what to remind');
    const found = when(args, context.request.now);
    if (typeof found === 'string') return refusal(found);
    const headsUp = args['heads_up'] as boolean | undefined;
    const reminder = await desk.add({
      text,
      at: found.at,
      ...(context.request.satellite && { satellite: context.request.satellite }),
      language: context.language,
      ...(headsUp !== undefined && { headsUp }),
    });
    const note = found.moved ? { note: 'that time had passed today: it is set for tomorrow' } : {};
    return result({ set: facts(reminder, context), ...note });
  },
};

export const reminderList: AgentTool = {
  name: 'reminder_list',
  description: "The user's reminders, soonest first.",
  parameters: { type: 'object', properties: {} },
  async run(_args, context): Promise<ToolOutcome> {
    const desk = context.request.reminders;
    if (!desk) return refusal('reminders are not available here');
    return result({ reminders: desk.list().map((r) => facts(r, context)) });
  },
};

export const reminderCancel: AgentTool = {
  name: 'reminder_cancel',
  description: 'Cancel a reminder, by id (from reminder_list) or by a word of it ("dog").',
  parameters: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The reminder id' },
      about: { type: 'string', description: 'A word of what it reminds' },
    },
  },
  async run(args, context): Promise<ToolOutcome> {
    const desk = context.request.reminders;
    if (!desk) return refusal('reminders are not available here');
    const id = args['id'] as string | undefined;
    const about = foldedWords((args['about'] as string | undefined) ?? '');
    const all = desk.list();
    const matches = id
      ? all.filter((r) => r.id === id)
      : all.filter((r) => about.every((w) => foldedWords(r.text).includes(w)));
    if (matches.length !== 1) {
      const error = matches.length ? 'several reminders match; ask which' : 'no reminder matches';
      return refusal(error);
    }
    const reminder = matches[0]!;
    await desk.cancel(reminder.id);
    return result({ cancelled: facts(reminder, context) });
  },
};
