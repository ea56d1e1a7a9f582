import { describe, expect, it } from 'vitest';
import { HOUR_MS, type Step, runSteps } from './test-reminders.js';
import { createIntentRecognizer } from './recognizer.js';
import { createTestHome } from './test-home.js';
import { compileLanguage } from './compile.js';
import { generateSentences } from './sentences.js';
import { en } from './languages/en.js';
import { fr } from './languages/fr.js';

// The clock starts at 14:00 local time; `at` is when the reminder falls, in hours after 14:00.
describe('reminders by voice, in English', () => {
  it.each<[string, Step[]]>([
    [
      'at a time, with what to remind',
      [
        {
          say: 'remind me to walk the dog at 3 pm',
          speech: "OK, I'll remind you at 3:00 PM: walk the dog.",
          reminders: [{ text: 'walk the dog', at: 1 }],
        },
      ],
    ],
    [
      'the time first',
      [
        {
          say: 'Remind me at 3 PM to walk the dog.',
          speech: "OK, I'll remind you at 3:00 PM: walk the dog.",
          reminders: [{ text: 'walk the dog', at: 1 }],
        },
      ],
    ],
    [
      'a time already past today: tomorrow, and said so',
      [
        { wait: 2 * HOUR_MS },
        {
          say: 'remind me to walk the dog at 3 pm',
          speech:
            "It's already past 3:00 PM today, so I'll remind you tomorrow at 3:00 PM: walk the dog.",
          reminders: [{ text: 'walk the dog', at: 25 }],
        },
      ],
    ],
    [
      '"at 5" said at 2 pm: the next 5 o\'clock, 5 pm',
      [
        {
          say: 'remind me at 5 to call mom',
          speech: "OK, I'll remind you at 5:00 PM: call mom.",
          reminders: [{ text: 'call mom', at: 3 }],
        },
      ],
    ],
    [
      '"at 5" said at 6 pm: 5 in the morning',
      [
        { wait: 4 * HOUR_MS },
        {
          say: 'remind me at 5 to call mom',
          speech: "OK, I'll remind you tomorrow at 5:00 AM: call mom.",
          reminders: [{ text: 'call mom', at: 15 }],
        },
      ],
    ],
    [
      'tomorrow at 8',
      [
        {
          say: 'remind me tomorrow at 8 to take my pills',
          speech: "OK, I'll remind you tomorrow at 8:00 AM: take my pills.",
          reminders: [{ text: 'take my pills', at: 18 }],
        },
      ],
    ],
    [
      'in a duration',
      [
        {
          say: 'remind me in 20 minutes to take the bins out',
          speech: "OK, I'll remind you in 20 minutes: take the bins out.",
          reminders: [{ text: 'take the bins out', at: 1 / 3 }],
        },
      ],
    ],
    [
      'nothing to remind: a question back, then the reply is what to remind',
      [
        {
          say: 'remind me at 3 pm',
          speech: 'What should I remind you of at 3:00 PM?',
          expectsReply: true,
          reminders: [],
        },
        {
          say: 'to walk the dog',
          speech: "OK, I'll remind you at 3:00 PM: walk the dog.",
          reminders: [{ text: 'walk the dog', at: 1 }],
        },
      ],
    ],
    [
      'nothing to remind, then "never mind": nothing set',
      [
        { say: 'remind me at 3 pm', expectsReply: true, reminders: [] },
        { say: 'never mind', intent: 'HassNevermind', reminders: [] },
      ],
    ],
    [
      'list, then cancel the dog reminder',
      [
        { say: 'remind me to walk the dog at 3 pm' },
        { say: 'remind me tomorrow at 8 am to call mom' },
        {
          say: 'what are my reminders',
          intent: 'JarvisReminderList',
          speech: 'Your reminders: walk the dog at 3:00 PM and call mom tomorrow at 8:00 AM.',
        },
        {
          say: 'cancel the dog reminder',
          intent: 'JarvisReminderCancel',
          speech: 'Cancelled the reminder: walk the dog.',
          reminders: [{ text: 'call mom', at: 18 }],
        },
        {
          say: 'cancel the cat reminder',
          speech: "There's no reminder about cat.",
          failed: true,
          reminders: [{ text: 'call mom', at: 18 }],
        },
      ],
    ],
    ['no reminders', [{ say: 'what reminders do i have', speech: 'You have no reminders.' }]],
    [
      '"remind me in 20 minutes" alone is still a timer',
      [{ say: 'remind me in 20 minutes', intent: 'HassStartTimer', reminders: [] }],
    ],
    [
      '"ok" after the reminder was said: no repeat',
      [
        { say: 'remind me in 10 minutes to call mom' },
        { wait: 10 * 60_000, said: ['Heads up: in 5 minutes, call mom.', 'Reminder: call mom.'] },
        { say: 'ok', intent: 'JarvisReminderAck', speech: '', reminders: [] },
        { wait: HOUR_MS, said: ['Heads up: in 5 minutes, call mom.', 'Reminder: call mom.'] },
      ],
    ],
  ])('%s', async (_name, steps) => {
    await runSteps(steps, 'en');
  });
});

describe('reminders by voice, in French', () => {
  it.each<[string, Step[]]>([
    [
      'rappelle-moi de sortir le chien à 15 h: at 14:55 the heads-up, at 15:00 the reminder',
      [
        {
          say: 'Rappelle-moi de sortir le chien à 15 h',
          speech: "D'accord, je te le rappellerai à 15 h : sortir le chien.",
          reminders: [{ text: 'sortir le chien', at: 1 }],
        },
        {
          wait: 55 * 60_000,
          said: ["Prépare-toi : dans 5 minutes, c'est l'heure de sortir le chien."],
        },
        {
          wait: 5 * 60_000,
          said: [
            "Prépare-toi : dans 5 minutes, c'est l'heure de sortir le chien.",
            'Rappel : sortir le chien.',
          ],
        },
        { say: 'merci', intent: 'JarvisReminderAck', reminders: [] },
      ],
    ],
    [
      "l'heure d'abord, dans une durée, demain",
      [
        {
          say: 'rappelle-moi à 15 h 30 de sortir le chien',
          reminders: [{ text: 'sortir le chien', at: 1.5 }],
        },
        {
          say: "rappelle-moi dans 20 minutes d'appeler maman",
          speech: "D'accord, je te le rappellerai dans 20 minutes : appeler maman.",
        },
        {
          say: 'rappelle-moi demain à 8 h de prendre mes médicaments',
          speech: "D'accord, je te le rappellerai demain à 8 h : prendre mes médicaments.",
        },
        {
          say: 'quels sont mes rappels',
          intent: 'JarvisReminderList',
          speech:
            'Tes rappels : appeler maman à 14 h 20, sortir le chien à 15 h 30 et prendre mes médicaments demain à 8 h.',
        },
        {
          say: 'annule le rappel du chien',
          speech: 'Rappel annulé : sortir le chien.',
        },
      ],
    ],
    [
      '15 h passée : demain, et Jarvis le dit',
      [
        { wait: 2 * HOUR_MS },
        {
          say: 'rappelle-moi de sortir le chien à 15 h',
          speech:
            "Il est déjà plus de 15 h aujourd'hui, je te le rappellerai donc demain à 15 h : sortir le chien.",
        },
      ],
    ],
    [
      'rien à rappeler : une question',
      [
        {
          say: 'rappelle-moi à 15 h',
          speech: 'De quoi dois-je te rappeler à 15 h ?',
          expectsReply: true,
        },
        { say: 'de sortir le chien', reminders: [{ text: 'sortir le chien', at: 1 }] },
      ],
    ],
  ])('%s', async (_name, steps) => {
    await runSteps(steps, 'fr');
  });
});

describe('reminders without a reminder book', () => {
  it('says it cannot keep them', async () => {
    const recognizer = createIntentRecognizer();
    const result = await recognizer.handle('remind me to walk the dog at 3 pm', {
      home: createTestHome(),
      conversationId: 'c',
      now: new Date(2026, 11, 6, 14),
      timers: [],
    });
    expect(result).toMatchObject({ intent: 'JarvisReminderSet', failed: true });
  });
});

describe('reminder sentences in the phrase grammar', () => {
  it.each([
    ['en', 'remind me to walk the dog at three pm'],
    ['en', 'remind me tomorrow at eight am to take my pills'],
    ['en', 'what are my reminders'],
    ['en', 'cancel the dog reminder'],
    ['fr', 'rappelle moi de sortir le chien à quinze heures'],
    ['fr', 'quels sont mes rappels'],
  ])('%s: %s', (language, sentence) => {
    const data = language === 'en' ? en : fr;
    expect(generateSentences(compileLanguage(data), createTestHome())).toContain(sentence);
  });
});
