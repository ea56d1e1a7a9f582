// How people set a mode by voice, in English and French: sentences written as Home Assistant
// writes them (`(a|b)` alternatives, `[x]` optional), the words for "here" and for the time it
// ends, and the answers. A new language is one more entry here.
import type { RoomMode } from '../speech/schedule.js';

export interface ModeLanguage {
  readonly language: string;
  readonly sentences: Readonly<Record<RoomMode, readonly string[]>>;
  /** Said anywhere: the mode is for this satellite's room only. */
  readonly here: readonly string[];
  /** Dropped at either end ("please", "jarvis"). */
  readonly filler: readonly string[];
  /** Before the time a mode ends ("until", "jusqu'à"); the time is read as reminders read it. */
  readonly until: readonly string[];
  /** Before how long it lasts ("for", "pendant"). */
  readonly during: readonly string[];
  readonly answers: {
    readonly set: Readonly<Record<RoomMode, string>>;
    /** Put for `{here}`. */
    readonly here: string;
    /** Put for `{until}`; `{time}` is when it ends. */
    readonly until: string;
    /** A request the mode does not let through. */
    readonly refused: Readonly<Record<RoomMode, string>>;
    readonly past: string;
  };
  /** How `{time}` is written: `{h}`, `{hh}` (24 h), `{mm}`, `{period}`. */
  readonly time: { readonly full: string; readonly hour: string; readonly hour12: boolean };
  /**
   * The common ways of saying each mode, for the phrase engine's grammar (what it hears is still
   * matched against `sentences`): a small grammar keeps the other commands recognized.
   */
  readonly grammar: Readonly<Record<RoomMode, readonly string[]>>;
  /** For the grammar: "here" as people say it after a mode. */
  readonly grammarHere: string;
  /** For the grammar: an hour as people say it in "until ...". */
  readonly grammarUntil: string;
}

const EN_ON =
  '[(turn on|switch to|switch on|go to|go into|set|activate|enable|start|put on)] [the]';
const FR_ON = '[(passe|passer|mets|mettre|active|activer|lance|lancer)] [(en|le)]';

export const MODE_LANGUAGES: readonly ModeLanguage[] = [
  {
    language: 'en',
    sentences: {
      normal: [
        `${EN_ON} normal mode`,
        '[(go|come|switch)] back to normal [mode]',
        '(turn|switch) off [the] (night|silent|quiet|do not disturb) mode',
        '(end|stop|cancel|disable|deactivate) [the] (night|silent|quiet|do not disturb) mode',
        "(end|stop|cancel) (do not|don't) disturb",
        'you can (speak|talk) again',
      ],
      silent: [`${EN_ON} (silent|quiet) mode [on]`, '(be|stay|keep) (quiet|silent)'],
      night: [`${EN_ON} night mode [on]`],
      dnd: [`${EN_ON} do not disturb [mode] [on]`, "(do not|don't) disturb [(me|us)]"],
    },
    here: ['here', 'in this room', 'in here'],
    filler: ['please', 'jarvis', 'hey', 'ok', 'okay', 'thanks', 'thank you'],
    until: ['until', 'till', 'til', 'up to'],
    during: ['for'],
    answers: {
      set: {
        normal: 'Back to normal{here}.',
        silent: 'Silent mode{here}{until}.',
        night: 'Night mode{here}{until}.',
        dnd: 'Do not disturb{here}{until}.',
      },
      here: ' in this room',
      until: ' until {time}',
      refused: {
        normal: '',
        silent: 'Not in silent mode.',
        night: 'Not at night.',
        dnd: 'Not in do not disturb.',
      },
      past: 'That time has passed.',
    },
    time: { full: '{h}:{mm} {period}', hour: '{h} {period}', hour12: true },
    grammar: {
      normal: ['back to normal', 'turn off the (night|silent|do not disturb) mode'],
      silent: ['[turn on] silent mode', 'be quiet'],
      night: ['[turn on] night mode'],
      dnd: ['do not disturb', "(do not|don't) disturb me"],
    },
    grammarHere: 'here',
    grammarUntil: 'until {hour}',
  },
  {
    language: 'fr',
    sentences: {
      normal: [
        `${FR_ON} mode normal`,
        '(retour|reviens|revenir) (à la normale|au mode normal)',
        '(désactive|désactiver|arrête|arrêter|quitte|quitter|coupe|couper) [le] mode (nuit|silencieux|silence|discret|ne pas déranger)',
        'fin du mode (nuit|silencieux|silence|discret|ne pas déranger)',
        'tu peux (parler|reparler) [à nouveau]',
      ],
      silent: [`${FR_ON} mode (silencieux|silence|discret)`, '(sois|reste) (silencieux|discret)'],
      night: [`${FR_ON} mode nuit`],
      dnd: [
        `${FR_ON} mode ne pas déranger`,
        'ne (me|nous) (dérange|dérangez) pas',
        'ne pas déranger',
      ],
    },
    here: ['ici', 'dans cette pièce', 'dans la pièce'],
    filler: ["s'il te plaît", "s'il vous plaît", 'stp', 'jarvis', 'merci'],
    until: ["jusqu'à", "jusqu'a", 'jusque'],
    during: ['pendant', 'pour'],
    answers: {
      set: {
        normal: 'Retour au mode normal{here}.',
        silent: 'Mode silencieux{here}{until}.',
        night: 'Mode nuit{here}{until}.',
        dnd: 'Mode ne pas déranger{here}{until}.',
      },
      here: ' dans cette pièce',
      until: " jusqu'à {time}",
      refused: {
        normal: '',
        silent: 'Pas en mode silencieux.',
        night: 'Pas la nuit.',
        dnd: 'Pas en mode ne pas déranger.',
      },
      past: 'Cette heure est passée.',
    },
    time: { full: '{hh} h {mm}', hour: '{hh} h', hour12: false },
    grammar: {
      normal: ['[retour au] mode normal', 'désactive le mode (nuit|silencieux|ne pas déranger)'],
      silent: ['[passe en] mode silencieux'],
      night: ['[passe en] mode nuit'],
      dnd: ['[passe en] mode ne pas déranger', 'ne me dérange pas'],
    },
    grammarHere: 'ici',
    grammarUntil: "jusqu'à {hour} heures",
  },
];
