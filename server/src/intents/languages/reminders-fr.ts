// Les rappels en français : les phrases, les réponses et les mots des heures.
import type { SentenceGroup } from './language.js';
import type { ReminderLanguage, ReminderResponseKey } from './reminder-keys.js';

const RAPPELLE = '<rappelle_moi>';
const DE = '<rappel_de>';
const MET = '<mets_rappel>';

/** Les règles des phrases de rappel ; celles de la grammaire sont les façons courantes. */
export const frReminderRules = {
  rules: {
    rappelle_moi: '((rappelle|rappelez) moi|(fais|faites) moi penser)',
    rappel_de: '(de|que|à)',
    mets_rappel: '(mets|crée|ajoute|programme) un rappel',
  },
  grammarRules: { rappelle_moi: 'rappelle moi', rappel_de: 'de', mets_rappel: 'mets un rappel' },
};

export const frReminderIntents = {
  JarvisReminderSet: [
    {
      sentences: [
        `${RAPPELLE} ${DE} {message} à {time}`,
        `${RAPPELLE} ${DE} {message} {day} [à] {time}`,
        `${RAPPELLE} ${DE} {message} dans {duration}`,
        `${RAPPELLE} à {time} ${DE} {message}`,
        `${RAPPELLE} {day} [à] {time} ${DE} {message}`,
        `${RAPPELLE} dans {duration} ${DE} {message}`,
        `${MET} à {time} (pour|de) {message}`,
        `${MET} {day} [à] {time} (pour|de) {message}`,
        `${MET} dans {duration} (pour|de) {message}`,
        `${MET} (pour|de) {message} à {time}`,
        `${RAPPELLE} à {time}`,
        `${RAPPELLE} {day} [à] {time}`,
        `${MET} à {time}`,
        `${MET} {day} [à] {time}`,
        `${MET} dans {duration}`,
      ],
    },
  ],
  JarvisReminderList: [
    {
      sentences: [
        'quels sont mes rappels',
        "quels rappels (ai-je|est-ce que j'ai|j'ai)",
        '(liste|donne-moi|dis-moi|lis) mes rappels',
        "(ai-je|est-ce que j'ai|j'ai) des rappels",
      ],
    },
  ],
  JarvisReminderCancel: [
    {
      sentences: [
        '(annule|supprime|efface|enlève) (le|mon) rappel (de|pour|sur) {reminder_name}',
        '(annule|supprime|efface|enlève) (le|mon) rappel',
      ],
    },
  ],
  JarvisReminderAck: [
    { sentences: ["(ok|okay|d'accord|merci|compris|c'est noté|entendu|merci beaucoup)"] },
  ],
} satisfies Record<string, readonly SentenceGroup[]>;

export const frReminderResponses: Record<ReminderResponseKey, string> = {
  reminderSet: "D'accord, je te le rappellerai {when} : {text}.",
  reminderSetTomorrow:
    "Il est déjà plus de {time} aujourd'hui, je te le rappellerai donc demain à {time} : {text}.",
  reminderAskWhat: 'De quoi dois-je te rappeler {when} ?',
  reminderNone: "Tu n'as aucun rappel.",
  reminderList: 'Tes rappels : {list}.',
  reminderItem: '{text} {when}',
  reminderCancelled: 'Rappel annulé : {text}.',
  reminderUnknown: "Il n'y a pas de rappel pour {name}.",
  reminderWhich: 'Tu as plusieurs rappels : {list}. Lequel ?',
  reminderOff: 'Je ne peux pas garder de rappels ici.',
  reminderAck: '',
  reminderHeadsUp: "Prépare-toi : dans {duration}, c'est l'heure de {text}.",
  reminderDue: 'Rappel : {text}.',
  reminderRepeat: 'Je te le rappelle : {text}.',
  reminderMissed: "Pendant que j'étais arrêté, j'ai manqué un rappel {when} : {text}.",
  messagesWaiting: 'Tu as {count} messages.',
  whenToday: 'à {time}',
  whenTomorrow: 'demain à {time}',
  whenDay: '{day} à {time}',
  whenIn: 'dans {duration}',
};

export const frReminders: ReminderLanguage = {
  messageLead: ['de', 'que', 'à'],
  clock: {
    hourUnits: ['h', 'heure', 'heures'],
    am: ['du matin', 'ce matin'],
    pm: ["de l'après-midi", 'du soir', 'ce soir'],
    noon: ['midi'],
    midnight: ['minuit'],
    halfAfter: ['et demie', 'et demi'],
    quarterAfter: ['et quart'],
    quarterToAfter: ['moins le quart', 'moins quart'],
    halfPast: [],
    quarterPast: [],
    quarterTo: [],
    days: { "aujourd'hui": 0, demain: 1, 'après-demain': 2 },
    samples: ['quinze heures', 'cinq heures', 'huit heures', 'midi', 'dix-huit heures trente'],
  },
  samples: {
    messages: [
      'sortir le chien',
      'prendre mes médicaments',
      'appeler maman',
      'sortir les poubelles',
    ],
    names: ['chien', 'médicaments', 'maman', 'poubelles'],
    days: ['demain'],
  },
};

/** Everything `fr.ts` takes from here. */
export const frReminderData = {
  rules: frReminderRules.rules,
  grammarRules: frReminderRules.grammarRules,
  intents: frReminderIntents,
  responses: frReminderResponses,
  reminders: frReminders,
};
