// What a voice turn is given (its engines and options) and what it ends with (turn.ts runs it).
import type { AudioChunk, Event, Eventable, Logger } from 'wyoming-ts';
import type { VadStream } from '@jarvis/satellite/engines';
import type { ConversationAgent } from '../agent/agent.js';
import type { ConversationStore } from '../conversation/store.js';
import type { SpeechToText } from '../engines/stt/stt.js';
import type { TextToSpeech } from '../engines/tts/tts.js';
import type { Home } from '../home/home.js';
import type {
  IntentRecognizer,
  Language,
  ReminderDesk,
  TimerAction,
  TimerInfo,
} from '../intents/types.js';
import type { SpeechEndReason } from './endpointing.js';
import type { TurnTimings } from './timings.js';

export interface TurnEngines {
  stt: SpeechToText;
  tts: TextToSpeech;
  recognizer: IntentRecognizer;
  home: Home;
  /** The LLM agent, for what no local intent understands. */
  agent?: ConversationAgent;
  /** Conversation context (recent turns), shared with the agent. */
  conversations?: ConversationStore;
  /**
   * Speech-to-text whose accepted answer is a whole command (the phrase engine): early
   * endpointing transcribes pauses with it. None: commands end only at the end of speech.
   */
  commandStt?: SpeechToText;
  /** The awake chime, played before a reminder (`announce` with `chime`). */
  chime?: AudioChunk;
  /** Reminders, for the local intents. */
  reminders?: ReminderDesk;
}

export interface TurnOptions {
  engines: TurnEngines;
  send: (event: Event | Eventable) => Promise<void>;
  conversationId: string;
  /** The satellite's id, for the conversation context. */
  satellite?: string;
  area?: string;
  /** The reply language when the request's is unknown. */
  language: Language;
  timers: () => readonly TimerInfo[];
  /** Server-side end-of-speech detection; none when only the satellite's audio-stop counts. */
  vad?: VadStream;
  /**
   * The command is over: the VAD heard it end, or it reached `maxAudioSeconds`. Called once;
   * the owner decides when to `endOfSpeech()`.
   */
  onSpeechEnd?: (reason: 'vad' | 'max-length') => void;
  /** The VAD heard `silenceMs` of silence after speech (at its pause marks). */
  onPause?: (silenceMs: number) => void;
  /** Speech came back after a reported pause. */
  onResume?: () => void;
  sttTimeoutMs?: number;
  /** Speech-to-text confidence an action that opens, unlocks or disarms needs. */
  sensitiveConfidence?: number;
  /** The longest command kept (default 15 s); the audio after it is dropped. */
  maxAudioSeconds?: number;
  /** When the wake word was heard, if it was. */
  wakeAt?: number;
  /**
   * The turn is the reply to a question: transcribed with this (a grammar of the answers), sent
   * back as the transcript, and neither acted on nor answered (a `reply` outcome).
   */
  replyStt?: SpeechToText;
  now?: () => number;
  logger?: Logger;
}

/** The default of `pipeline.max_command_seconds`. */
export const MAX_COMMAND_SECONDS = 15;

/** Why a turn did nothing with what it heard (see `TurnOutcome.rejected`). */
export type TurnRejection = 'no-speech' | 'not-understood' | 'not-sure-enough';

export interface TurnOutcome {
  readonly transcript?: string;
  readonly intent?: string;
  readonly response?: string;
  readonly language?: Language;
  readonly timer?: TimerAction;
  readonly expectsReply: boolean;
  /** Something failed (an engine, the home, the agent): spoken as an apology. */
  readonly failed: boolean;
  /** `stt-failed`, `ollama-timeout`, ... when it failed. */
  readonly errorCode?: string;
  /**
   * Why nothing was done: speech-to-text heard no speech, or nothing it understood, or a
   * sentence heard too unsurely for what it asks (opening, unlocking, disarming).
   */
  readonly rejected?: TurnRejection;
  /**
   * With `not-understood`: the sentence was heard unsurely and asked back ("Turn on the kitchen
   * light?"); it is done only if the reply is "yes".
   */
  readonly askedBack?: boolean;
  /** What ended the command's speech (an early end, the satellite's audio-stop, ...). */
  readonly endpoint?: SpeechEndReason;
  /** Audio was sent: the satellite will answer `played`. */
  readonly spoke: boolean;
  /** The reply to a question: transcribed only (`transcript`), nothing done or said. */
  readonly reply?: boolean;
  readonly timings: TurnTimings;
}
