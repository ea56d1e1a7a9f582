// Reminders by voice: set one at a time or in a duration, list them, cancel one by a word of
// it, and "ok"/"merci" after one was said. The reminders themselves live in the reminder book
// (`context.reminders`); a reminder said with a time but nothing to remind is a question back,
// and the reply (in the same conversation, soon) is what to remind.
import { type ClockTime, nextTime } from '../clock-times.js';
import type { CompiledLanguage } from '../compile.js';
import { rawText, stripArticle } from '../normalize.js';
import type { Speech } from '../speech.js';
import type { IntentResult, ReminderInfo } from '../types.js';
import {
  type Handler,
  type IntentRequest,
  failed,
  numberSlot,
  reply,
  textSlot,
} from './request.js';

/** A reminder waiting for what to remind: its time and the language it was asked in. */
export interface ReminderDraft {
  readonly language: string;
  readonly at: number;
  readonly when: string;
  readonly expires: number;
}

/** Drafts per conversation, each waiting a short while for its reply. */
export class ReminderDrafts {
  readonly #drafts = new Map<string, ReminderDraft>();

  constructor(private readonly timeoutMs: number) {}

  put(conversationId: string, draft: Omit<ReminderDraft, 'expires'>, now: Date): void {
    this.#drafts.set(conversationId, { ...draft, expires: now.getTime() + this.timeoutMs });
  }

  take(conversationId: string, now: Date): ReminderDraft | undefined {
    const draft = this.#drafts.get(conversationId);
    this.#drafts.delete(conversationId);
    return draft && draft.expires >= now.getTime() ? draft : undefined;
  }
}

/** A time of day as said: "3:00 PM" where the language counts in 12 hours, else "15 h 30". */
export function timeOfDay(speech: Speech, date: Date): string {
  const { locale, hour12 } = speech.data;
  if (hour12) {
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
  }
  const minutes = date.getMinutes();
  return `${date.getHours()} h${minutes ? ` ${String(minutes).padStart(2, '0')}` : ''}`;
}

const lower = (text: string) => text.replace(/^./, (c) => c.toLowerCase());

/** "at 3:00 PM", "tomorrow at 8:00 AM", "on Monday at 9:00 AM", in the request's language. */
export function whenPhrase(speech: Speech, now: Date, at: number): string {
  const date = new Date(at);
  const time = timeOfDay(speech, date);
  const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((midnight(date) - midnight(now)) / 86_400_000);
  if (days === 0) return lower(speech.say('whenToday', { time }));
  if (days === 1) return lower(speech.say('whenTomorrow', { time }));
  const day = new Intl.DateTimeFormat(speech.data.locale, { weekday: 'long' }).format(date);
  return lower(speech.say('whenDay', { day, time }));
}

function clockTime(time: ClockTime, speech: Speech): string {
  return timeOfDay(speech, new Date(2000, 0, 1, Math.floor(time.minutes / 60), time.minutes % 60));
}

interface When {
  readonly at: number;
  readonly when: string;
  /** The time said had passed today: the reply says it is tomorrow's. */
  readonly moved?: string;
}

function whenOf(request: IntentRequest): When | undefined {
  const { speech, context } = request;
  const now = context.now;
  const seconds = numberSlot(request, 'duration');
  if (seconds !== undefined) {
    const when = speech.say('whenIn', { duration: speech.duration(seconds) });
    return { at: now.getTime() + seconds * 1000, when: lower(when) };
  }
  const time = request.captures.time;
  if (time?.kind !== 'time') return undefined;
  const next = nextTime(now, time.time, numberSlot(request, 'day'));
  const at = next.at.getTime();
  const moved = next.movedToTomorrow ? clockTime(time.time, speech) : undefined;
  return { at, when: whenPhrase(speech, now, at), ...(moved && { moved }) };
}

async function create(request: IntentRequest, text: string, when: When): Promise<IntentResult> {
  const { context, speech } = request;
  if (!context.reminders) return failed(request, speech.say('reminderOff'));
  await context.reminders.add({
    text,
    at: when.at,
    satellite: context.satellite,
    language: request.lang.data.language,
  });
  const said = when.moved
    ? speech.say('reminderSetTomorrow', { time: when.moved, text })
    : speech.say('reminderSet', { when: when.when, text });
  return reply(request, said);
}

export const setReminder: Handler = async (request, deps) => {
  const { context, speech } = request;
  if (!context.reminders) return failed(request, speech.say('reminderOff'));
  const when = whenOf(request);
  if (!when) return failed(request, speech.say('reminderOff'));
  const text = textSlot(request, 'message');
  if (text) return create(request, text, when);
  const draft = { language: request.lang.data.language, at: when.at, when: when.when };
  deps.reminderDrafts.put(context.conversationId, draft, context.now);
  return reply(request, speech.say('reminderAskWhat', { when: when.when }), {
    expectsReply: true,
  });
};

/** The reply to "what should I remind you of?": the words said, without a leading "to". */
export async function answerDraft(
  request: IntentRequest,
  draft: ReminderDraft,
  text: string,
): Promise<IntentResult | undefined> {
  const { lang } = request;
  const lead = new Set(lang.data.reminders.messageLead.flatMap((w) => lang.words(w)));
  let tokens = lang.tokenize(text);
  while (tokens[0] && lead.has(tokens[0].norm)) tokens = tokens.slice(1);
  const said = rawText(tokens);
  if (!said) return undefined;
  return create(request, said, { at: draft.at, when: draft.when });
}

/** Reminders whose words include every word of `name` (its article dropped). */
function named(lang: CompiledLanguage, reminders: readonly ReminderInfo[], name: string) {
  const wanted = stripArticle(lang.tokenize(name), lang.articles).map((t) => t.norm);
  return reminders.filter((r) => {
    const words = new Set(lang.words(r.text));
    return wanted.every(
      (w) => words.has(w) || words.has(`${w}s`) || words.has(w.replace(/s$/, '')),
    );
  });
}

function items(request: IntentRequest, reminders: readonly ReminderInfo[]): string {
  const { speech, context } = request;
  return speech.list(
    reminders.map((r) =>
      speech
        .say('reminderItem', { text: r.text, when: whenPhrase(speech, context.now, r.at) })
        .replace(/^./, (c) => (r.text.startsWith(c) ? c : c.toLowerCase())),
    ),
  );
}

export const listReminders: Handler = async (request) => {
  const { context, speech } = request;
  if (!context.reminders) return failed(request, speech.say('reminderOff'));
  const reminders = [...context.reminders.list()].sort((a, b) => a.at - b.at);
  if (!reminders.length) return reply(request, speech.say('reminderNone'));
  return reply(request, speech.say('reminderList', { list: items(request, reminders) }));
};

export const cancelReminder: Handler = async (request) => {
  const { context, speech, lang } = request;
  const desk = context.reminders;
  if (!desk) return failed(request, speech.say('reminderOff'));
  const name = textSlot(request, 'reminder_name');
  const all = desk.list();
  const found = name ? named(lang, all, name) : all;
  if (!found.length && name) return failed(request, speech.say('reminderUnknown', { name }));
  if (!found.length) return failed(request, speech.say('reminderNone'));
  if (found.length > 1) {
    return failed(request, speech.say('reminderWhich', { list: items(request, found) }), []);
  }
  const [reminder] = found as [ReminderInfo];
  await desk.cancel(reminder.id);
  return reply(request, speech.say('reminderCancelled', { text: reminder.text }));
};

export const acknowledgeReminder: Handler = async (request) => {
  await request.context.reminders?.acknowledge();
  return reply(request, request.speech.say('reminderAck'));
};
