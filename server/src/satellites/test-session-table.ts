// The satellite session machine's test table: events, effects as short strings, and a runner.
import { expect } from 'vitest';
import { AudioChunk, type JsonObject, makeEvent } from 'wyoming-ts';
import type { TurnOutcome } from '../pipeline/turn.js';
import {
  initialSessionState,
  type SessionEffect,
  type SessionEvent,
  type SessionSettings,
  type SessionState,
  sessionTransition,
} from './session-machine.js';

export const sat = (type: string, data: JsonObject = {}, payload?: Uint8Array): SessionEvent => ({
  type: 'satellite-event',
  event: makeEvent(type, data, payload),
  at: 1000,
});
export const detection = sat('detection', {
  name: 'hey_jarvis',
  context: { score: 0.9, level_dbfs: -20 },
});
export const runAsr = sat('run-pipeline', { start_stage: 'asr', end_stage: 'tts' });
export const runWake = sat('run-pipeline', {
  start_stage: 'wake',
  end_stage: 'tts',
  restart_on_end: true,
});
export const chunk = sat(
  'audio-chunk',
  { rate: 16000, width: 2, channels: 1 },
  new Uint8Array(640),
);
export const lateChunk = new AudioChunk({
  rate: 16000,
  width: 2,
  channels: 1,
  audio: new Uint8Array(640),
});
export const audioStop = sat('audio-stop');
export const played = sat('played');
export const won = (claim = 1): SessionEvent => ({ type: 'arbitration-won', claim });
export const lost = (claim = 1): SessionEvent => ({
  type: 'arbitration-lost',
  claim,
  winner: 'hall',
});
export const vadEnd = (turn = 1): SessionEvent => ({ type: 'speech-ended', turn, reason: 'vad' });
export const capped = (turn = 1): SessionEvent => ({
  type: 'speech-ended',
  turn,
  reason: 'max-length',
});
export const finished = (outcome: Partial<TurnOutcome> = {}, turn = 1): SessionEvent => ({
  type: 'turn-finished',
  turn,
  outcome: { expectsReply: false, failed: false, spoke: true, timings: {}, ...outcome },
});
export const paused = (silenceMs: number, turn = 1): SessionEvent => ({
  type: 'speech-paused',
  turn,
  silenceMs,
});
export const resumed = (turn = 1): SessionEvent => ({ type: 'speech-resumed', turn });
export const speculated = (pause: number, accepted: boolean, turn = 1): SessionEvent => ({
  type: 'speculation-finished',
  turn,
  pause,
  accepted,
});
export const ready: SessionEvent = { type: 'wake-detector-ready' };
export const heard: Extract<SessionEvent, { type: 'wake-heard' }> = {
  type: 'wake-heard',
  name: 'hey_jarvis',
  score: 0.8,
  at: 900,
};
export const listen: SessionEvent = { type: 'listen-requested' };
export const announce: SessionEvent = {
  type: 'announce-requested',
  text: 'Dinner!',
  language: 'en',
};
export const disconnected: SessionEvent = { type: 'disconnected' };

/** A wake word won at once, its turn under way. */
export const wakeTurn = [detection, won(), runAsr];
/** The command heard and answered aloud. */
export const answered = [...wakeTurn, audioStop, finished()];
/** The satellite streams all the time and the server listens for the wake word. */
export const serverWake = [runWake, ready];

/** Effects as short strings: `send:transcribe`, `start-turn:1`, `phase:listening`, ... */
export function describeEffect(effect: SessionEffect): string {
  switch (effect.type) {
    case 'send': {
      const event = 'toEvent' in effect.event ? effect.event.toEvent() : effect.event;
      return `send:${event.type}${event.type === 'error' ? `:${String(event.data.code)}` : ''}`;
    }
    case 'finish-turn':
      return `finish-turn:${effect.turn}${effect.pause === undefined ? '' : `:${effect.reason}:${effect.pause}`}`;
    case 'speculate':
      return `speculate:${effect.turn}:${effect.pause}:${effect.tailMs}ms`;
    case 'claim':
    case 'start-turn':
    case 'begin-transcription':
    case 'push-audio':
    case 'cancel-turn':
      return `${effect.type}:${'claim' in effect ? effect.claim : effect.turn}`;
    case 'notify-phase':
      return `phase:${effect.phase}`;
    case 'apply-timer':
      return `apply-timer:${effect.action.type}`;
    case 'log':
      return `log:${effect.level}`;
    default:
      return effect.type;
  }
}

export function run(events: SessionEvent[], settings?: SessionSettings) {
  let state: SessionState = initialSessionState(settings);
  let last: string[] = [];
  for (const event of events) {
    const next = sessionTransition(state, event);
    state = next.state;
    last = next.effects.map(describeEffect);
  }
  return { state, last };
}

export interface Row {
  name: string;
  events: SessionEvent[];
  /** The state's phase (`closed` included) after the last event. */
  phase: SessionState['phase'];
  /** The effects of the last event. */
  effects: string[];
  settings?: SessionSettings;
}

/** Early endpointing on: a pause of 300 ms ends a command whose speculative transcript is accepted. */
export const EARLY: SessionSettings = { earlyEndpointMs: 300 };
/** Early endpointing with the grammar alone: a rejected command ends after a 450 ms pause. */
export const GRAMMAR_ONLY: SessionSettings = { earlyEndpointMs: 300, rejectedEndpointMs: 450 };

/** Runs `events` from a fresh session and checks the phase and the last event's effects. */
export function checkRow({ events, phase, effects, settings }: Row): void {
  const { state, last } = run(events, settings);
  expect(state.phase).toBe(phase);
  expect(last).toEqual(effects);
}
