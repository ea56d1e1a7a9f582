// What the agent itself says (apologies, confirmations), in English and French. Everything else
// the model says in the user's language.
import type { Language } from '../intents/types.js';

const PHRASES = {
  en: {
    unreachable: "Sorry, I can't reach my language model right now.",
    timeout: 'Sorry, my language model is taking too long to answer.',
    failed: 'Sorry, something went wrong with my language model.',
    badToolCall: 'Sorry, I got confused trying to do that.',
    toolLoop: "Sorry, I couldn't finish doing that.",
    noAnswer: "Sorry, I don't have an answer to that.",
    done: 'Done.',
    confirm: 'Do you want me to {action} {target}?',
    confirmed: '{Past} {target}.',
    cancelled: "OK, I won't {action} {target}.",
    actionFailed: "Sorry, I couldn't {action} {target}.",
  },
  fr: {
    unreachable: "Désolé, je n'arrive pas à joindre mon modèle de langage.",
    timeout: 'Désolé, mon modèle de langage met trop de temps à répondre.',
    failed: 'Désolé, mon modèle de langage a eu un problème.',
    badToolCall: 'Désolé, je me suis embrouillé en essayant de faire ça.',
    toolLoop: "Désolé, je n'ai pas réussi à terminer.",
    noAnswer: "Désolé, je n'ai pas de réponse.",
    done: "C'est fait.",
    confirm: 'Voulez-vous que je {action} {target} ?',
    confirmed: "J'ai {past} {target}.",
    cancelled: "D'accord, je n'y touche pas.",
    actionFailed: "Désolé, je n'ai pas réussi à le faire.",
  },
} as const;

export type PhraseKey = keyof (typeof PHRASES)['en'];

/** How a service reads in a sentence: EN infinitive and past, FR subjunctive and participle. */
const ACTIONS: Readonly<Record<string, { en: [string, string]; fr: [string, string] }>> = {
  unlock: { en: ['unlock', 'unlocked'], fr: ['déverrouille', 'déverrouillé'] },
  lock: { en: ['lock', 'locked'], fr: ['verrouille', 'verrouillé'] },
  open: { en: ['open', 'opened'], fr: ['ouvre', 'ouvert'] },
  open_cover: { en: ['open', 'opened'], fr: ['ouvre', 'ouvert'] },
  close_cover: { en: ['close', 'closed'], fr: ['ferme', 'fermé'] },
  stop_cover: { en: ['stop', 'stopped'], fr: ['arrête', 'arrêté'] },
  set_cover_position: { en: ['move', 'moved'], fr: ['règle', 'réglé'] },
  toggle: { en: ['toggle', 'toggled'], fr: ['bascule', 'basculé'] },
  turn_on: { en: ['turn on', 'turned on'], fr: ['allume', 'allumé'] },
  turn_off: { en: ['turn off', 'turned off'], fr: ['éteigne', 'éteint'] },
  alarm_disarm: { en: ['disarm', 'disarmed'], fr: ['désactive', 'désactivé'] },
  alarm_arm_home: { en: ['arm', 'armed'], fr: ['active', 'activé'] },
  alarm_arm_away: { en: ['arm', 'armed'], fr: ['active', 'activé'] },
  alarm_arm_night: { en: ['arm', 'armed'], fr: ['active', 'activé'] },
  alarm_arm_vacation: { en: ['arm', 'armed'], fr: ['active', 'activé'] },
};

function table(language: Language | undefined) {
  return language === 'fr' ? PHRASES.fr : PHRASES.en;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key.toLowerCase()] ?? '';
    return key[0] === key[0]?.toUpperCase()
      ? value.charAt(0).toUpperCase() + value.slice(1)
      : value;
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** A fixed phrase in the language (English when the language has no table). */
export function phrase(key: PhraseKey, language: Language | undefined): string {
  return table(language)[key];
}

/** The action as a verb (`unlock`, `déverrouille`) and its past (`unlocked`, `déverrouillé`). */
export function actionWords(service: string, language: Language | undefined): [string, string] {
  const lang = language === 'fr' ? 'fr' : 'en';
  const known = ACTIONS[service]?.[lang];
  if (known) return known;
  const words = service.replace(/_/g, ' ');
  return lang === 'fr'
    ? [`lance ${words} sur`, `lancé ${words} sur`]
    : [`run ${words} on`, `ran ${words} on`];
}

export type ActionPhraseKey = 'confirm' | 'confirmed' | 'cancelled' | 'actionFailed';

/** "Do you want me to unlock the front door?", "J'ai déverrouillé la porte d'entrée." */
export function actionPhrase(
  key: ActionPhraseKey,
  service: string,
  target: string,
  language: Language | undefined,
): string {
  const [action, past] = actionWords(service, language);
  const text = fill(table(language)[key], { action, past, target });
  // "que je allume" → "que j'allume"
  return language === 'fr' ? text.replace(/(^|\s)je (?=[aeiouyàâäéèêëîïôöûüh])/giu, "$1j'") : text;
}
