// A satellite's turn, as Home Assistant's assist_satellite shows it: idle -> listening ->
// processing -> responding -> idle. Pure: the session runner feeds it what happened.

export type SessionPhase = 'idle' | 'listening' | 'processing' | 'responding';

export type SessionEvent =
  /** A turn starts: a wake word won arbitration, or the server asked the satellite to listen. */
  | { readonly type: 'turn-started' }
  /** The speaker stopped: `audio-stop`, or the server's VAD heard the end of speech. */
  | { readonly type: 'speech-ended' }
  /** The first audio of the answer went to the satellite (from idle: an announcement). */
  | { readonly type: 'response-started' }
  /** The satellite reported `played`, or the answer had no audio. */
  | { readonly type: 'response-finished' }
  /** The turn ended early: an engine failed, the satellite lost arbitration, a timeout, a barge-in. */
  | { readonly type: 'turn-ended' }
  | { readonly type: 'disconnected' };

/** Where each event may come from; anything else leaves the phase as it is. */
const TRANSITIONS: Record<SessionEvent['type'], Partial<Record<SessionPhase, SessionPhase>>> = {
  'turn-started': { idle: 'listening', responding: 'listening', processing: 'listening' },
  'speech-ended': { listening: 'processing' },
  'response-started': { processing: 'responding', idle: 'responding' },
  'response-finished': { processing: 'idle', responding: 'idle' },
  'turn-ended': { listening: 'idle', processing: 'idle', responding: 'idle' },
  disconnected: { listening: 'idle', processing: 'idle', responding: 'idle' },
};

export function sessionTransition(phase: SessionPhase, event: SessionEvent): SessionPhase {
  return TRANSITIONS[event.type][phase] ?? phase;
}
