// Reminders in English: the sentences, the replies and the words for times of day.
import type { SentenceGroup } from './language.js';
import type { ReminderLanguage, ReminderResponseKey } from './reminder-keys.js';

const ABOUT = '<remind_about>';
const SET = '<set_reminder>';

/** Rules of the reminder sentences; the grammar's are the common ways of saying them. */
export const enReminderRules = {
  rules: { remind_about: '(to|about|that)', set_reminder: '(set|create|add|make) a reminder' },
  grammarRules: { remind_about: 'to', set_reminder: 'set a reminder' },
};

export const enReminderIntents = {
  JarvisReminderSet: [
    {
      sentences: [
        `remind me ${ABOUT} {message} (at|for) {time}`,
        `remind me ${ABOUT} {message} {day} [(at|for)] {time}`,
        `remind me ${ABOUT} {message} in {duration}`,
        `remind me (at|for) {time} ${ABOUT} {message}`,
        `remind me {day} [(at|for)] {time} ${ABOUT} {message}`,
        `remind me in {duration} ${ABOUT} {message}`,
        `${SET} (at|for) {time} ${ABOUT} {message}`,
        `${SET} {day} (at|for) {time} ${ABOUT} {message}`,
        `${SET} in {duration} ${ABOUT} {message}`,
        `${SET} ${ABOUT} {message} (at|for) {time}`,
        'remind me (at|for) {time}',
        'remind me {day} (at|for) {time}',
        `${SET} (at|for) {time}`,
        `${SET} {day} (at|for) {time}`,
        `${SET} in {duration}`,
      ],
    },
  ],
  JarvisReminderList: [
    {
      sentences: [
        '(what are|what is|list|tell me|read) my reminders',
        'what reminders do i have',
        '(do i have|are there) any reminders',
      ],
    },
  ],
  JarvisReminderCancel: [
    {
      sentences: [
        '<cancel> <the> {reminder_name} reminder',
        '<cancel> <the> reminder (to|about|for) {reminder_name}',
        '<cancel> <the> reminder',
      ],
    },
  ],
  JarvisReminderAck: [{ sentences: ['(ok|okay|got it|thanks|thank you|will do|noted)'] }],
} satisfies Record<string, readonly SentenceGroup[]>;

export const enReminderResponses: Record<ReminderResponseKey, string> = {
  reminderSet: "OK, I'll remind you {when}: {text}.",
  reminderSetTomorrow:
    "It's already past {time} today, so I'll remind you tomorrow at {time}: {text}.",
  reminderAskWhat: 'What should I remind you of {when}?',
  reminderNone: 'You have no reminders.',
  reminderList: 'Your reminders: {list}.',
  reminderItem: '{text} {when}',
  reminderCancelled: 'Cancelled the reminder: {text}.',
  reminderUnknown: "There's no reminder about {name}.",
  reminderWhich: 'You have several reminders: {list}. Which one?',
  reminderOff: "I can't keep reminders here.",
  reminderAck: '',
  reminderHeadsUp: 'Heads up: in {duration}, {text}.',
  reminderDue: 'Reminder: {text}.',
  reminderRepeat: 'Reminder, again: {text}.',
  reminderMissed: 'While I was off, I missed a reminder {when}: {text}.',
  messagesWaiting: 'You have {count} messages.',
  whenToday: 'at {time}',
  whenTomorrow: 'tomorrow at {time}',
  whenDay: 'on {day} at {time}',
  whenIn: 'in {duration}',
};

export const enReminders: ReminderLanguage = {
  messageLead: ['to', 'about', 'that'],
  clock: {
    hourUnits: ["o'clock", 'oclock', 'hours'],
    am: ['am', 'a m', 'in the morning', 'this morning'],
    pm: ['pm', 'p m', 'in the afternoon', 'in the evening', 'this evening', 'at night', 'tonight'],
    noon: ['noon', 'midday'],
    midnight: ['midnight'],
    halfAfter: [],
    quarterAfter: [],
    quarterToAfter: [],
    halfPast: ['half past'],
    quarterPast: ['quarter past', 'a quarter past'],
    quarterTo: ['quarter to', 'a quarter to'],
    days: { today: 0, tomorrow: 1 },
    samples: ['three pm', 'five', 'eight am', 'noon', 'half past six', 'seven thirty pm'],
  },
  samples: {
    messages: ['walk the dog', 'take my pills', 'call mom', 'take the bins out'],
    names: ['dog', 'pills', 'mom', 'bins'],
    days: ['tomorrow'],
  },
};

/** Everything `en.ts` takes from here. */
export const enReminderData = {
  rules: enReminderRules.rules,
  grammarRules: enReminderRules.grammarRules,
  intents: enReminderIntents,
  responses: enReminderResponses,
  reminders: enReminders,
};
