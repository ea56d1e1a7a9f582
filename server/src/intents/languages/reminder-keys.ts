// The reminder intents and replies every language provides (`reminders-<lang>.ts`), listed
// apart from `language.ts` so that file stays about the home.
import type { ClockWords } from '../clock-times.js';

export const REMINDER_INTENTS = [
  'JarvisReminderSet',
  'JarvisReminderList',
  'JarvisReminderCancel',
  'JarvisReminderAck',
] as const;

export const REMINDER_RESPONSES = [
  'reminderSet',
  'reminderSetTomorrow',
  'reminderAskWhat',
  'reminderNone',
  'reminderList',
  'reminderItem',
  'reminderCancelled',
  'reminderUnknown',
  'reminderWhich',
  'reminderOff',
  'reminderAck',
  'reminderHeadsUp',
  'reminderDue',
  'reminderRepeat',
  'reminderMissed',
  'messagesWaiting',
  'whenToday',
  'whenTomorrow',
  'whenDay',
  'whenIn',
] as const;

export type ReminderResponseKey = (typeof REMINDER_RESPONSES)[number];

/** Samples put in the phrase engine's grammar for the free slots. */
export interface ReminderSamples {
  /** What to remind ("walk the dog"), for `{message}`. */
  readonly messages: readonly string[];
  /** A word of it ("dog"), for `{reminder_name}`. */
  readonly names: readonly string[];
  /** Days said ("tomorrow"), for `{day}`. */
  readonly days: readonly string[];
}

export interface ReminderLanguage {
  readonly clock: ClockWords;
  /** Words a reply to "what should I remind you of?" may start with ("to", "de"). */
  readonly messageLead: readonly string[];
  readonly samples: ReminderSamples;
}
