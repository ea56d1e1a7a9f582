// The satellite session as data: its state, what can happen to it, and what it asks the runner
// to do. `session-machine.ts` is the pure transition between them; `session.ts` runs it.
import type { AudioChunk, Event, Eventable } from 'wyoming-ts';
import type { Language, TimerAction } from '../intents/types.js';
import type { SpeechEndReason } from '../pipeline/endpointing.js';
import type { TurnOutcome } from '../pipeline/turn.js';

export type { SpeechEndReason } from '../pipeline/endpointing.js';

/** The four states Home Assistant's assist_satellite shows: idle -> listening -> processing -> responding. */
export type SessionPhase = 'idle' | 'listening' | 'processing' | 'responding';

/** Whether the turn under way has to win wake-word arbitration before it is answered. */
export type ClaimStatus =
  /** Claimed; another satellite may still have heard the wake word better. */
  | 'pending'
  /** Arbitration was won: the turn is this satellite's. */
  | 'won'
  /** No wake word to arbitrate (a follow-up, a button, `run-pipeline` without `detection`). */
  | 'none';

/** A wake word heard before the satellite's `run-pipeline` arrived to start its turn. */
export interface WakeClaim {
  readonly id: number;
  readonly status: 'pending' | 'won';
  /** When the wake word was heard (ms on the runner's clock). */
  readonly at: number;
}

/** Server-side wake word detection, for satellites that stream all the time (or on VAD). */
export type ServerWake = 'off' | 'opening' | 'on';

/**
 * A pause in the command's speech: the audio before it is being (or was) transcribed
 * speculatively, and the command ends there if the transcript is accepted and the pause lasts.
 */
export interface Pause {
  /** Names the speculative transcription of this pause (news of another is stale). */
  readonly id: number;
  /** The longest silence heard in it so far (ms). */
  readonly silenceMs: number;
  readonly speculation: 'running' | 'accepted' | 'rejected';
  /** The speculation heard again, once the pause itself held the pad after the last word. */
  readonly again?: boolean;
}

interface Common {
  /** The next id for a turn, a wake claim or a pause, so news of an older one is recognised as stale. */
  readonly nextId: number;
  /** `pipeline.early_endpoint_ms`: the pause that ends an accepted command; 0 = never early. */
  readonly earlyEndpointMs: number;
  /**
   * The pause that ends a command the grammar rejected, when no general engine would hear it
   * instead (`pipeline.rejected_endpoint_ms`); 0 = it waits for the end of speech.
   */
  readonly rejectedEndpointMs: number;
  readonly serverWake: ServerWake;
  /** A wake word under arbitration whose turn has not started yet. */
  readonly wake?: WakeClaim;
}

export type SessionState = Common &
  (
    | { readonly phase: 'idle' }
    | {
        readonly phase: 'listening';
        readonly turn: number;
        readonly claim: ClaimStatus;
        /** The speech ended while arbitration was still open: answered once it is won. */
        readonly speechEnded?: SpeechEndReason;
        /** The pause under way, with its speculative transcript; gone when speech resumes. */
        readonly pause?: Pause;
      }
    | { readonly phase: 'processing'; readonly turn: number }
    | {
        readonly phase: 'responding';
        /** The answer asked a question: listen again once the satellite has `played` it. */
        readonly followUp: boolean;
      }
    /** The connection is gone; late news (an outcome, a detector) is only cleaned up. */
    | { readonly phase: 'closed' }
  );

export type SessionEvent =
  /** An event from the satellite; `at` is when it arrived (ms). */
  | { readonly type: 'satellite-event'; readonly event: Event; readonly at: number }
  | { readonly type: 'arbitration-won'; readonly claim: number }
  | { readonly type: 'arbitration-lost'; readonly claim: number; readonly winner: string }
  /** The turn's own end of speech (its VAD, its length cap); `audio-stop` comes as an event. */
  | {
      readonly type: 'speech-ended';
      readonly turn: number;
      readonly reason: Exclude<SpeechEndReason, 'early' | 'not-understood'>;
    }
  /** The turn's VAD heard `silenceMs` of silence after speech (reported at a few lengths). */
  | { readonly type: 'speech-paused'; readonly turn: number; readonly silenceMs: number }
  /** Speech came back after a pause: whatever was transcribed before it is no command yet. */
  | { readonly type: 'speech-resumed'; readonly turn: number }
  /** The speculative transcript of `pause`: a sentence the grammar accepts, or not. */
  | {
      readonly type: 'speculation-finished';
      readonly turn: number;
      readonly pause: number;
      readonly accepted: boolean;
    }
  /** The turn was answered (or failed); a `rejected` outcome will arrive here too. */
  | { readonly type: 'turn-finished'; readonly turn: number; readonly outcome: TurnOutcome }
  | { readonly type: 'wake-detector-ready' }
  | { readonly type: 'wake-detector-failed'; readonly message: string }
  /** The server's wake word detector heard a wake word in the satellite's stream. */
  | {
      readonly type: 'wake-heard';
      readonly name: string;
      readonly score: number;
      readonly timestampMs?: number;
      readonly at: number;
      /**
       * Audio that reached the detector after the chunk that completed the wake word, while it
       * was still deciding (a busy machine lags): the command's beginning, to be heard too.
       */
      readonly after?: readonly AudioChunk[];
    }
  /** The server's wake word detector failed while running. */
  | { readonly type: 'wake-failed'; readonly message: string }
  /**
   * Listen without a wake word (an automation, a button, the API); for a `reply`, only to
   * transcribe what is said (the answer to a question), not to act on it.
   */
  | { readonly type: 'listen-requested'; readonly reply?: boolean }
  /** Speak `text` now, then listen no further. */
  | {
      readonly type: 'announce-requested';
      readonly text: string;
      readonly language: Language;
      /** The awake chime first (a reminder: someone is being called). */
      readonly chime?: boolean;
    }
  /** The announcement's audio went to the satellite (or, `failed`, could not be made). */
  | { readonly type: 'announcement-sent'; readonly failed?: boolean }
  | { readonly type: 'disconnected' };

export type SessionEffect =
  | { readonly type: 'send'; readonly event: Event | Eventable }
  /** Enter a wake claim in arbitration; the arbiter answers `arbitration-won` or `-lost`. */
  | {
      readonly type: 'claim';
      readonly claim: number;
      readonly wakeWord: string;
      readonly score: number;
      readonly levelDbfs: number;
    }
  | { readonly type: 'withdraw-claim' }
  /** A new turn collects the command's audio (the runner resets the VAD for it). */
  | {
      readonly type: 'start-turn';
      readonly turn: number;
      readonly wakeAt?: number;
      /** Only transcribe (the reply to a question). */
      readonly reply?: boolean;
    }
  /** The turn is ours: `transcribe` to the satellite (it chimes now). */
  | { readonly type: 'begin-transcription'; readonly turn: number }
  | { readonly type: 'push-audio'; readonly turn: number; readonly chunk: AudioChunk }
  /**
   * Transcribe the audio so far, as `pause`, as it will be if the pause lasts `tailMs`; the
   * runner reports `speculation-finished`.
   */
  | {
      readonly type: 'speculate';
      readonly turn: number;
      readonly pause: number;
      readonly tailMs: number;
    }
  /**
   * Transcribe and answer (with the speculative transcript of `pause` when given); the runner
   * reports `turn-finished`.
   */
  | {
      readonly type: 'finish-turn';
      readonly turn: number;
      readonly reason: SpeechEndReason;
      readonly pause?: number;
    }
  | { readonly type: 'cancel-turn'; readonly turn: number }
  | { readonly type: 'open-wake-detector' }
  | { readonly type: 'feed-wake'; readonly chunk: AudioChunk }
  | { readonly type: 'close-wake-detector' }
  /** Synthesize and send an announcement; the runner reports `announcement-sent`. */
  | {
      readonly type: 'speak';
      readonly text: string;
      readonly language: Language;
      readonly chime?: boolean;
    }
  | { readonly type: 'apply-timer'; readonly action: TimerAction }
  | { readonly type: 'stop-timers' }
  /** Give back the server-side VAD (the connection is gone). */
  | { readonly type: 'release-vad' }
  /** Tell the owner the phase changed. */
  | { readonly type: 'notify-phase'; readonly phase: SessionPhase }
  /** Tell the owner how a turn ended (metrics, the event bus). */
  | { readonly type: 'notify-turn'; readonly outcome: TurnOutcome }
  | {
      readonly type: 'log';
      readonly level: 'debug' | 'info' | 'warn' | 'error';
      readonly message: string;
    };

export interface SessionTransition {
  readonly state: SessionState;
  readonly effects: readonly SessionEffect[];
}
