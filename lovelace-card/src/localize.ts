// English and French, chosen from `hass.locale.language`. Pure.
import type { HomeAssistant } from './hass.js';

const en = {
  title: 'Jarvis',
  'activity.idle': 'Idle',
  'activity.listening': 'Listening',
  'activity.thinking': 'Thinking',
  'activity.speaking': 'Speaking',
  'activity.offline': 'Offline',
  'activity.unknown': 'Unknown',
  heard: 'Heard',
  answered: 'Answered',
  at: 'at {time}',
  mute: 'Mute microphone',
  muted: 'Muted',
  'muted.locally': 'Muted on the device',
  unmuted: 'Microphone on',
  listen: 'Start listening',
  mode: 'Mode',
  'mode.house': 'House mode',
  'mode.normal': 'Normal',
  'mode.silent': 'Silent',
  'mode.night': 'Night',
  'mode.do not disturb': 'Do not disturb',
  timers: 'Timers',
  timer: 'Timer',
  latency: 'Answer latency',
  'latency.value': '{ms} ms (target {target} ms)',
  ask: 'Ask Jarvis',
  'ask.placeholder': 'Ask something…',
  'ask.to': 'Ask in',
  'ask.house': 'The whole house',
  send: 'Send',
  announce: 'Announce everywhere',
  'announce.placeholder': 'Message to say in every room…',
  stats: 'Statistics',
  commands: 'Commands',
  errors: 'Errors',
  average: 'Average',
  p95: 'p95',
  'health.agent': 'Agent',
  'health.memory': 'Memory',
  'health.context': 'Context',
  'health.ok': 'OK',
  'health.failing': 'Failing',
  'health.unknown': 'Unknown',
  'bridge.offline': 'The Jarvis server is offline',
  online: '{n} online',
  'arbitration.winner': 'Heard in {rooms} rooms, {winner} answered',
  'arbitration.unknown': 'Heard in {rooms} rooms',
  'none.found': 'No Jarvis satellite found. Is the Jarvis MQTT bridge on?',
  'satellite.missing': 'Satellite {name} not found',
  'adopted.note': 'Driven by Home Assistant',
  'room.card.name': 'Jarvis room',
  'room.card.description': 'One room’s Jarvis satellite, live',
  'card.name': 'Jarvis',
  'card.description': 'Every room’s voice assistant, live, with ask and announce',
} as const;

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  title: 'Jarvis',
  'activity.idle': 'En veille',
  'activity.listening': 'Écoute',
  'activity.thinking': 'Réfléchit',
  'activity.speaking': 'Parle',
  'activity.offline': 'Hors ligne',
  'activity.unknown': 'Inconnu',
  heard: 'Entendu',
  answered: 'Réponse',
  at: 'à {time}',
  mute: 'Couper le micro',
  muted: 'Micro coupé',
  'muted.locally': 'Coupé sur l’appareil',
  unmuted: 'Micro actif',
  listen: 'Écouter',
  mode: 'Mode',
  'mode.house': 'Mode de la maison',
  'mode.normal': 'Normal',
  'mode.silent': 'Silencieux',
  'mode.night': 'Nuit',
  'mode.do not disturb': 'Ne pas déranger',
  timers: 'Minuteurs',
  timer: 'Minuteur',
  latency: 'Délai de réponse',
  'latency.value': '{ms} ms (objectif {target} ms)',
  ask: 'Demander à Jarvis',
  'ask.placeholder': 'Posez une question…',
  'ask.to': 'Demander dans',
  'ask.house': 'Toute la maison',
  send: 'Envoyer',
  announce: 'Annoncer partout',
  'announce.placeholder': 'Message à dire dans chaque pièce…',
  stats: 'Statistiques',
  commands: 'Commandes',
  errors: 'Erreurs',
  average: 'Moyenne',
  p95: 'p95',
  'health.agent': 'Agent',
  'health.memory': 'Mémoire',
  'health.context': 'Contexte',
  'health.ok': 'OK',
  'health.failing': 'En panne',
  'health.unknown': 'Inconnu',
  'bridge.offline': 'Le serveur Jarvis est hors ligne',
  online: '{n} en ligne',
  'arbitration.winner': 'Entendu dans {rooms} pièces, {winner} a répondu',
  'arbitration.unknown': 'Entendu dans {rooms} pièces',
  'none.found': 'Aucun satellite Jarvis trouvé. Le pont MQTT de Jarvis est-il activé ?',
  'satellite.missing': 'Satellite {name} introuvable',
  'adopted.note': 'Piloté par Home Assistant',
  'room.card.name': 'Jarvis : une pièce',
  'room.card.description': 'Le satellite Jarvis d’une pièce, en direct',
  'card.name': 'Jarvis',
  'card.description': 'L’assistant vocal de chaque pièce, en direct, avec questions et annonces',
};

export type Language = 'en' | 'fr';

export function languageOf(hass: Pick<HomeAssistant, 'locale' | 'language'> | undefined): Language {
  const language = hass?.locale?.language ?? hass?.language ?? 'en';
  return language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export type Localize = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function localizer(language: Language): Localize {
  const messages: Record<MessageKey, string> = language === 'fr' ? fr : en;
  return (key, vars = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
}

/** A mode's label: the known ones translated, others as they are. */
export function modeLabel(localize: Localize, mode: string): string {
  const key = `mode.${mode}`;
  return key in en ? localize(key as MessageKey) : mode;
}
