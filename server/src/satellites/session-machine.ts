// One satellite's session as a pure function: (state, event) -> (state, effects). The runner
// (session.ts) performs the effects; nothing here touches sockets, engines or clocks.
import { AudioChunk, Detection, type Event, RunPipeline, WyomingError } from 'wyoming-ts';
import { HEAR_AGAIN_MS } from '../pipeline/endpointing.js';
import type { TurnOutcome } from '../pipeline/turn.js';
import type {
  SessionEffect as Effect,
  SessionEvent,
  SessionState,
  SessionTransition as Transition,
  SpeechEndReason,
} from './session-types.js';
import { appendEffects, cancelTurn, idle, type Listening, moveTo, same } from './session-steps.js';

export type * from './session-types.js';
export { visiblePhase } from './session-steps.js';

/** The error code satellites that lose arbitration receive. */
export const ARBITRATION_LOST = 'wake-arbitration-lost';

/** What a wake word heard by the server's own detector counts as in arbitration (dBFS). */
const SERVER_WAKE_LEVEL_DBFS = -30;

export interface SessionSettings {
  /** `pipeline.early_endpoint_ms` (default 0: a command ends only at the end of speech). */
  readonly earlyEndpointMs?: number;
  /**
   * `pipeline.rejected_endpoint_ms` when no general engine would hear what the grammar rejects
   * (default 0: a rejected command waits for the end of speech).
   */
  readonly rejectedEndpointMs?: number;
}

export function initialSessionState(settings: SessionSettings = {}): SessionState {
  const earlyEndpointMs = settings.earlyEndpointMs ?? 0;
  const rejectedEndpointMs = settings.rejectedEndpointMs ?? 0;
  return { phase: 'idle', nextId: 1, serverWake: 'off', earlyEndpointMs, rejectedEndpointMs };
}

export function sessionTransition(state: SessionState, event: SessionEvent): Transition {
  if (state.phase === 'closed') return afterClose(state, event);
  switch (event.type) {
    case 'satellite-event':
      return onSatelliteEvent(state, event.event, event.at);
    case 'arbitration-won':
      return onArbitrationWon(state, event.claim);
    case 'arbitration-lost':
      return onArbitrationLost(state, event.claim, event.winner);
    case 'speech-ended':
      return onSpeechEnded(state, event.reason, event.turn);
    case 'speech-paused':
      return onSpeechPaused(state, event.turn, event.silenceMs);
    case 'speech-resumed':
      return onSpeechResumed(state, event.turn);
    case 'speculation-finished':
      return onSpeculationFinished(state, event.turn, event.pause, event.accepted);
    case 'turn-finished':
      return onTurnFinished(state, event.turn, event.outcome);
    case 'wake-detector-ready':
      if (state.serverWake !== 'opening') return same(state, { type: 'close-wake-detector' });
      return same({ ...state, serverWake: 'on' });
    case 'wake-detector-failed':
      return onWakeFailed(state, `no server-side wake word: ${event.message}`, false);
    case 'wake-heard':
      return onWakeHeard(state, event);
    case 'wake-failed':
      return onWakeFailed(state, `server-side wake word failed: ${event.message}`, true);
    case 'listen-requested':
      return listen(state, event.reply ?? false);
    case 'announce-requested': {
      // Responding from now: a short sound may be played (`played`) before it is all sent.
      const responding = { ...idle(state), phase: 'responding', followUp: false } as const;
      return appendEffects(moveTo(state, responding, ...cancelTurn(state)), {
        type: 'speak',
        text: event.text,
        language: event.language,
        ...(event.chime && { chime: true }),
      });
    }
    case 'announcement-sent':
      // Not said (the speech engine failed): nothing will be played.
      if (event.failed && state.phase === 'responding') return moveTo(state, idle(state));
      return same(state);
    case 'disconnected':
      return close(state);
  }
}

function onSatelliteEvent(state: SessionState, event: Event, at: number): Transition {
  switch (event.type) {
    case 'detection':
      return onDetection(state, Detection.fromEvent(event), at);
    case 'run-pipeline':
      return onRunPipeline(state, RunPipeline.fromEvent(event));
    case 'audio-chunk':
      return onAudio(state, AudioChunk.fromEvent(event));
    case 'audio-stop':
      return state.phase === 'listening'
        ? onSpeechEnded(state, 'audio-stop', state.turn)
        : same(state);
    case 'played':
      return onPlayed(state);
    case 'ping':
      return same(state, { type: 'send', event: { type: 'pong', data: event.data } });
    default:
      return same(state, { type: 'log', level: 'debug', message: `ignoring ${event.type}` });
  }
}

/** The satellite heard its wake word: claim it; the turn starts with its `run-pipeline`. */
function onDetection(state: SessionState, detection: Detection, at: number): Transition {
  const context = detection.context ?? {};
  const claim = state.nextId;
  return {
    state: { ...state, nextId: claim + 1, wake: { id: claim, status: 'pending', at } },
    effects: [
      {
        type: 'claim',
        claim,
        wakeWord: detection.name ?? 'wake',
        score: typeof context.score === 'number' ? context.score : 0.5,
        levelDbfs: typeof context.level_dbfs === 'number' ? context.level_dbfs : -60,
      },
    ],
  };
}

function onRunPipeline(state: SessionState, run: RunPipeline): Transition {
  if (run.start_stage === 'wake') {
    if (state.serverWake !== 'off') return same(state);
    return same({ ...state, serverWake: 'opening' }, { type: 'open-wake-detector' });
  }
  if (run.start_stage !== 'asr') return same(state);
  const wake = state.wake;
  const unclaimed = { ...state, wake: undefined };
  const started = startTurn(unclaimed, wake?.id, wake?.status ?? 'none', wake?.at);
  if (wake?.status === 'pending') return started;
  return appendEffects(started, { type: 'begin-transcription', turn: started.turn });
}

function onAudio(state: SessionState, chunk: AudioChunk): Transition {
  if (state.phase === 'listening') {
    return same(state, { type: 'push-audio', turn: state.turn, chunk });
  }
  // A turn being answered takes no more audio; between turns the server may hear the wake word.
  if (state.phase === 'processing' || state.serverWake !== 'on') return same(state);
  return same(state, { type: 'feed-wake', chunk });
}

/**
 * The command's speech is over. Once the turn is surely this satellite's, it is answered;
 * while arbitration is open, the end is remembered until it is won.
 */
function onSpeechEnded(state: SessionState, reason: SpeechEndReason, turn: number): Transition {
  if (state.phase !== 'listening' || state.turn !== turn) return same(state);
  if (state.claim === 'pending') {
    return same({ ...state, speechEnded: state.speechEnded ?? reason });
  }
  return finishTurn(state, reason);
}

/** The listening state of `turn` whose speech has not ended yet, if that is the state. */
function openTurn(state: SessionState, turn: number): Listening | undefined {
  if (state.phase !== 'listening' || state.turn !== turn || state.speechEnded) return undefined;
  return state;
}

/**
 * A pause in the command: the first report of it transcribes the audio so far speculatively;
 * once that is accepted and the pause reaches `earlyEndpointMs` (or rejected, and it reaches
 * `rejectedEndpointMs`), the command is over.
 */
function onSpeechPaused(state: SessionState, turn: number, silenceMs: number): Transition {
  const open = openTurn(state, turn);
  if (!open || open.earlyEndpointMs <= 0) return same(state);
  if (!open.pause) {
    const pause = { id: open.nextId, silenceMs, speculation: 'running' } as const;
    const tailMs = open.earlyEndpointMs;
    const speculate: Effect = { type: 'speculate', turn, pause: pause.id, tailMs };
    return same({ ...open, nextId: pause.id + 1, pause }, speculate);
  }
  const longest = Math.max(open.pause.silenceMs, silenceMs);
  return hearAgainOrEnd({ ...open, pause: { ...open.pause, silenceMs: longest } });
}

/**
 * A speculative transcript rejected as heard at the pause's start is heard again, once, when
 * the pause has lasted `HEAR_AGAIN_MS` (the audio then holds the real pause; the phrase engine
 * reuses that decode for the whole command). Otherwise the command ends if it is understood.
 */
function hearAgainOrEnd(open: Listening): Transition {
  const pause = open.pause;
  if (pause?.speculation !== 'rejected' || pause.again || pause.silenceMs < HEAR_AGAIN_MS) {
    return endIfUnderstood(open);
  }
  // With the grammar alone, a pause long enough to end a rejected command ends it now.
  const rejectedMs = open.rejectedEndpointMs;
  if (rejectedMs > 0 && pause.silenceMs >= rejectedMs) return endIfUnderstood(open);
  const again = { ...pause, id: open.nextId, speculation: 'running', again: true } as const;
  const { turn, earlyEndpointMs: tailMs } = open;
  const speculate: Effect = { type: 'speculate', turn, pause: again.id, tailMs };
  return same({ ...open, nextId: again.id + 1, pause: again }, speculate);
}

/** Speech came back: the audio before the pause was not the whole command. */
function onSpeechResumed(state: SessionState, turn: number): Transition {
  const open = openTurn(state, turn);
  if (!open?.pause) return same(state);
  const message = 'speech resumed: the speculative transcript is dropped';
  return same({ ...open, pause: undefined }, { type: 'log', level: 'debug', message });
}

function onSpeculationFinished(
  state: SessionState,
  turn: number,
  pause: number,
  accepted: boolean,
): Transition {
  const open = openTurn(state, turn);
  if (!open || open.pause?.id !== pause) return same(state);
  const speculation = accepted ? 'accepted' : 'rejected';
  const next = { ...open, pause: { ...open.pause, speculation } } as const;
  const again = !accepted && !next.pause.again && next.pause.silenceMs >= HEAR_AGAIN_MS;
  if (accepted || again || next.rejectedEndpointMs > 0) return hearAgainOrEnd(next);
  // Not a sentence of the grammar (an open question, half a command): wait for the real end.
  const message = 'speculative transcript not accepted: waiting for the end of speech';
  return same(next, { type: 'log', level: 'debug', message });
}

/**
 * The command ends early when its speculative transcript is accepted and the pause lasted
 * `earlyEndpointMs`; or, when nothing but the grammar would hear it, rejected and the pause
 * lasted `rejectedEndpointMs` (the speculative rejection is the answer: "I didn't catch that").
 */
function endIfUnderstood(state: Listening): Transition {
  const pause = state.pause;
  if (pause?.speculation === 'accepted' && pause.silenceMs >= state.earlyEndpointMs) {
    return onSpeechEnded(state, 'early', state.turn);
  }
  const rejectedMs = state.rejectedEndpointMs;
  if (pause?.speculation === 'rejected' && rejectedMs > 0 && pause.silenceMs >= rejectedMs) {
    return onSpeechEnded(state, 'not-understood', state.turn);
  }
  return same(state);
}

function onArbitrationWon(state: SessionState, claim: number): Transition {
  if (state.wake?.id === claim) return same({ ...state, wake: { ...state.wake, status: 'won' } });
  if (state.phase !== 'listening' || state.turn !== claim || state.claim !== 'pending') {
    return same(state);
  }
  const begun: Effect = { type: 'begin-transcription', turn: claim };
  const won = { ...state, claim: 'won' as const };
  if (!state.speechEnded) return same(won, begun);
  const finished = finishTurn(won, state.speechEnded);
  return { state: finished.state, effects: [begun, ...finished.effects] };
}

function onArbitrationLost(state: SessionState, claim: number, winner: string): Transition {
  const standDown: Effect[] = [
    { type: 'log', level: 'info', message: `${winner} heard the wake word better` },
    {
      type: 'send',
      event: new WyomingError({ text: 'another satellite is answering', code: ARBITRATION_LOST }),
    },
  ];
  if (state.wake?.id === claim) return same({ ...state, wake: undefined }, ...standDown);
  if (state.phase !== 'listening' || state.turn !== claim) return same(state);
  const cancelled: Effect = { type: 'cancel-turn', turn: claim };
  return moveTo(state, idle(state), cancelled, ...standDown);
}

/**
 * The turn is answered. A spoken answer waits for `played` (and a question is followed by
 * listening again); anything else is over at once. A `rejected` outcome (not understood) will
 * be told apart here.
 */
function onTurnFinished(state: SessionState, turn: number, outcome: TurnOutcome): Transition {
  if (state.phase !== 'processing' || state.turn !== turn) return same(state);
  const effects: Effect[] = [];
  if (outcome.timer) effects.push({ type: 'apply-timer', action: outcome.timer });
  effects.push({ type: 'notify-turn', outcome });
  if (!outcome.spoke) return moveTo(state, idle(state), ...effects);
  const followUp = outcome.expectsReply;
  return moveTo(state, { ...idle(state), phase: 'responding', followUp }, ...effects);
}

function onPlayed(state: SessionState): Transition {
  if (state.phase !== 'responding') return same(state);
  const done = moveTo(state, idle(state));
  if (!state.followUp) return done;
  const listening = listen(done.state, false);
  return { state: listening.state, effects: [...done.effects, ...listening.effects] };
}

/** The server's detector heard the wake word: tell the satellite, claim it, and listen. */
function onWakeHeard(
  state: SessionState,
  heard: Extract<SessionEvent, { type: 'wake-heard' }>,
): Transition {
  if (state.serverWake !== 'on' || state.phase === 'listening' || state.phase === 'processing') {
    return same(state);
  }
  const detection = new Detection({ name: heard.name, timestamp: heard.timestampMs });
  const started = startTurn(state, undefined, 'pending', heard.at, {
    type: 'send',
    event: detection,
  });
  const claimed = appendEffects(started, {
    type: 'claim',
    claim: started.turn,
    wakeWord: heard.name,
    score: heard.score,
    levelDbfs: SERVER_WAKE_LEVEL_DBFS,
  });
  const late = (heard.after ?? []).map((chunk): Effect => ({
    type: 'push-audio',
    turn: started.turn,
    chunk,
  }));
  return appendEffects(claimed, ...late);
}

/**
 * The server's wake word detector could not open, or failed: the satellite is told, and its
 * next `run-pipeline` tries again.
 */
function onWakeFailed(state: SessionState, message: string, running: boolean): Transition {
  if (state.serverWake === 'off') return same(state);
  const effects: Effect[] = [{ type: 'log', level: 'error', message }];
  if (running) effects.push({ type: 'close-wake-detector' });
  effects.push({
    type: 'send',
    event: new WyomingError({ text: 'wake word detection failed', code: 'wake-failed' }),
  });
  return same({ ...state, serverWake: 'off' }, ...effects);
}

/** The server asks the satellite to listen now, without a wake word. */
function listen(state: SessionState, reply: boolean): Transition {
  // A reply is only transcribed: the pipeline ends at speech-to-text (asr), as Home Assistant's
  // ask_question runs it.
  const ask = new RunPipeline({ start_stage: 'asr', end_stage: reply ? 'asr' : 'tts' });
  const started = startTurn(state, undefined, 'none', undefined, { type: 'send', event: ask });
  if (!reply) return started;
  const effects = started.effects.map((e) => (e.type === 'start-turn' ? { ...e, reply } : e));
  return { state: started.state, effects };
}

/**
 * A new turn replaces the one under way (a barge-in, a follow-up); `before` is said once the
 * old turn is cancelled, before the new one starts.
 */
function startTurn(
  state: SessionState,
  id: number | undefined,
  claim: 'pending' | 'won' | 'none',
  wakeAt: number | undefined,
  ...before: Effect[]
): Transition & { turn: number } {
  const turn = id ?? state.nextId;
  const nextId = Math.max(state.nextId, turn + 1);
  const listening: SessionState = { ...idle(state), nextId, phase: 'listening', turn, claim };
  const started: Effect = { type: 'start-turn', turn, wakeAt };
  return { ...moveTo(state, listening, ...cancelTurn(state), ...before, started), turn };
}

/** The speech is over: answer it (an early end, with the speculative transcript of its pause). */
function finishTurn(state: Listening, reason: SpeechEndReason): Transition {
  const turn = state.turn;
  const processing: SessionState = { ...idle(state), phase: 'processing', turn };
  const speculative = reason === 'early' || reason === 'not-understood';
  const pause = speculative ? state.pause?.id : undefined;
  return moveTo(state, processing, { type: 'finish-turn', turn, reason, pause });
}

function close(state: SessionState): Transition {
  const effects: Effect[] = [
    ...cancelTurn(state),
    { type: 'withdraw-claim' },
    { type: 'stop-timers' },
    { type: 'release-vad' },
  ];
  if (state.serverWake === 'on') effects.push({ type: 'close-wake-detector' });
  const { nextId, earlyEndpointMs, rejectedEndpointMs } = state;
  const closed = { nextId, serverWake: 'off', earlyEndpointMs, rejectedEndpointMs } as const;
  return moveTo(state, { phase: 'closed', ...closed }, ...effects);
}

/** After the connection closed, only what arrives late is cleaned up. */
function afterClose(state: SessionState, event: SessionEvent): Transition {
  if (event.type === 'wake-detector-ready') return same(state, { type: 'close-wake-detector' });
  return same(state);
}
