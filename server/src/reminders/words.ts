// What Jarvis says when a reminder's time comes, in the language it was set in: the same
// replies and contractions as the local intents ("c'est l'heure d'appeler maman").
import { compileLanguage } from '../intents/compile.js';
import { whenPhrase } from '../intents/handlers/reminders.js';
import { languageData } from '../intents/languages/index.js';
import { compileNumbers, spellNumber } from '../intents/numbers.js';
import { Speech } from '../intents/speech.js';
import type { ReminderPart, ReminderWords } from './book.js';

const KEYS = {
  'heads-up': 'reminderHeadsUp',
  due: 'reminderDue',
  repeat: 'reminderRepeat',
  missed: 'reminderMissed',
} as const satisfies Record<ReminderPart, string>;

/** Reminder speech in each language the intents know; `fallback` for any other. */
export function reminderWords(fallback: string): ReminderWords {
  const speeches = new Map<string, Speech>();
  const speechOf = (language: string) => {
    const data = languageData(language) ?? languageData(fallback);
    if (!data) throw new Error(`no language data for ${language} nor ${fallback}`);
    let speech = speeches.get(data.language);
    if (!speech) speeches.set(data.language, (speech = new Speech(compileLanguage(data))));
    return speech;
  };
  return {
    say(part, reminder, headsUpMs, now) {
      const speech = speechOf(reminder.language);
      return speech.say(KEYS[part], {
        text: reminder.text,
        duration: speech.duration(Math.round(headsUpMs / 1000)),
        when: whenPhrase(speech, new Date(now), reminder.at),
      });
    },
    messages(count, language) {
      const speech = speechOf(language);
      const spelled = spellNumber(count, compileNumbers(speech.data.numbers)) ?? String(count);
      return speech.say('messagesWaiting', { count: spelled });
    },
  };
}
