import type { Home, ServiceCall } from '../home/home.js';

export type Language = 'en' | 'fr' | (string & {});

/** What a local intent asks the satellite's timers to do (sent as `timer-*` events). */
export type TimerAction =
  | {
      readonly type: 'start';
      readonly id: string;
      readonly seconds: number;
      readonly name?: string;
    }
  | { readonly type: 'cancel'; readonly id: string }
  | { readonly type: 'query' };

export interface TimerInfo {
  readonly id: string;
  readonly name?: string;
  readonly secondsLeft: number;
}

/** A reminder as the intents and the agent see it. */
export interface ReminderInfo {
  readonly id: string;
  /** What to remind, as said ("walk the dog"). */
  readonly text: string;
  /** When, milliseconds since the epoch. */
  readonly at: number;
  /** It fell due while the server was down, too long ago to say it late. */
  readonly missed?: boolean;
}

export interface NewReminder {
  readonly text: string;
  readonly at: number;
  /** The satellite it was set on. */
  readonly satellite?: string;
  readonly language: Language;
  /** Say a heads-up before it (default: as configured). */
  readonly headsUp?: boolean;
}

/** What the local intents and the agent may do with reminders (the reminder book). */
export interface ReminderDesk {
  add(reminder: NewReminder): Promise<ReminderInfo>;
  list(): readonly ReminderInfo[];
  cancel(id: string): Promise<boolean>;
  /** "ok", "merci" after a reminder was said: it is not repeated. The one it was, if any. */
  acknowledge(): Promise<ReminderInfo | undefined>;
}

export interface IntentContext {
  readonly home: Home;
  /** The area of the satellite that heard the request: "the light" means this area's. */
  readonly area?: string;
  /** One per satellite by default; confirmations and follow-ups live per conversation. */
  readonly conversationId: string;
  /**
   * Who asked, when it was not a satellite (`wyoming:192.168.1.20`, `http`): a confirmation is
   * taken only from the peer that was asked.
   */
  readonly peer?: string;
  readonly now: Date;
  /** The satellite's running timers, for "how much time is left". */
  readonly timers: readonly TimerInfo[];
  /** The satellite that heard the request, if any: where its reminders were set. */
  readonly satellite?: string;
  /** Reminders; none where they cannot be kept. */
  readonly reminders?: ReminderDesk;
  /** The language of the request when known (from speech-to-text); else detected. */
  readonly language?: Language;
  readonly signal?: AbortSignal;
  /**
   * False when speech-to-text heard the request too uncertainly for an action that opens,
   * unlocks or disarms: such a request is answered "I didn't catch that" instead of asked.
   */
  readonly sureEnoughForSensitive?: boolean;
  /**
   * Speech-to-text heard the sentence below its acceptance rule, within the asking band: it is
   * asked back ("Turn on the kitchen light?") and done only on a "yes" (`ask-back.ts`).
   */
  readonly askBack?: boolean;
  /**
   * What to say instead of acting when the satellite's mode does not let a request touching
   * `domains` through ("Not at night."); undefined: act.
   */
  readonly refuse?: (domains: readonly string[], language: Language) => string | undefined;
}

export interface IntentResult {
  /** `HassTurnOn`, `HassLightSet`, `JarvisTimerStart`, ... (Home Assistant's names where they exist). */
  readonly intent: string;
  readonly language: Language;
  /** What to say. */
  readonly speech: string;
  /** Service calls already made. */
  readonly calls: readonly ServiceCall[];
  readonly timer?: TimerAction;
  /** True when the reply is a question: the satellite listens again without the wake word. */
  readonly expectsReply: boolean;
  /** The request failed (entity unknown, Home Assistant unreachable): spoken as such. */
  readonly failed?: boolean;
  /** Not done: heard too unsurely for an action that opens, unlocks or disarms. */
  readonly notSureEnough?: boolean;
}

/** Local intents: understands a sentence or returns `undefined` so the agent can try. */
export interface IntentRecognizer {
  readonly languages: readonly Language[];
  handle(text: string, context: IntentContext): Promise<IntentResult | undefined>;
  /** Every sentence the intents can understand in this home, for the phrase engine's grammar. */
  sentences(home: Home, language: Language): string[];
  /**
   * The answers a question ("Do you want me to unlock the front door?") waits for, for the
   * phrase engine's grammar beside `sentences`: without them a spoken "yes" cannot be heard.
   */
  answers(language: Language): string[];
}
