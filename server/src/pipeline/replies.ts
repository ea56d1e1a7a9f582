import type { Language } from '../intents/types.js';

/** What Jarvis says when it cannot do what was asked, per language. */
const REPLIES = {
  en: {
    notYet: "I can't do that yet.",
    notUnderstood: "Sorry, I didn't catch that.",
    sttFailed: "Sorry, I couldn't understand you: speech recognition isn't working.",
    failed: 'Sorry, something went wrong.',
  },
  fr: {
    notYet: 'Je ne sais pas encore faire ça.',
    notUnderstood: "Désolé, je n'ai pas compris.",
    sttFailed: 'Désolé, la reconnaissance vocale ne fonctionne pas.',
    failed: "Désolé, quelque chose n'a pas marché.",
  },
} as const;

export type ReplyKey = keyof (typeof REPLIES)['en'];

export function reply(key: ReplyKey, language: Language | undefined): string {
  return (REPLIES[language as keyof typeof REPLIES] ?? REPLIES.en)[key];
}
