// What Jarvis says about routines, in English and French.

export interface RoutinePhrases {
  /** When a routine has no words of its own and nothing failed. */
  readonly done: string;
  /** The question when a sensitive action asks and the routine has none: `{name}`. */
  readonly confirm: string;
  readonly cancelled: string;
  readonly expired: string;
  /** Before the list of what failed. */
  readonly failed: string;
  readonly missing: string;
  readonly refused: string;
  readonly and: string;
  /** Heard too unsurely for a routine that arms, unlocks or opens. */
  readonly notHeard: string;
}

export const ROUTINE_PHRASES: Readonly<Record<string, RoutinePhrases>> = {
  en: {
    done: 'Done.',
    confirm: 'Do you want me to run {name}?',
    cancelled: "OK, I won't.",
    expired: "I didn't do it: please ask again.",
    failed: 'Not done:',
    missing: '{what} no longer exists',
    refused: '{what} failed',
    and: 'and',
    notHeard: "Sorry, I didn't catch that.",
  },
  fr: {
    done: "C'est fait.",
    confirm: 'Voulez-vous que je lance {name} ?',
    cancelled: "D'accord, je ne fais rien.",
    expired: "Je n'ai rien fait : redemandez-moi.",
    failed: 'Pas fait :',
    missing: "{what} n'existe plus",
    refused: '{what} a échoué',
    and: 'et',
    notHeard: "Désolé, je n'ai pas compris.",
  },
};

export function phrasesIn(language: string): RoutinePhrases {
  return ROUTINE_PHRASES[language] ?? ROUTINE_PHRASES.en!;
}
