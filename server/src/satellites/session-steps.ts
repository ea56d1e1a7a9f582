// The building blocks of the session machine's transitions: pure, shared by its handlers.
import type {
  SessionEffect as Effect,
  SessionPhase,
  SessionState,
  SessionTransition as Transition,
} from './session-types.js';

export type Listening = Extract<SessionState, { phase: 'listening' }>;

/** The phase the outside world sees (a closed session is idle). */
export function visiblePhase(state: SessionState): SessionPhase {
  return state.phase === 'closed' ? 'idle' : state.phase;
}

export function cancelTurn(state: SessionState): Effect[] {
  return state.phase === 'listening' || state.phase === 'processing'
    ? [{ type: 'cancel-turn', turn: state.turn }]
    : [];
}

/** The same session with no turn under way. */
export function idle(state: SessionState): SessionState & { phase: 'idle' } {
  const { nextId, serverWake, wake, earlyEndpointMs, rejectedEndpointMs } = state;
  return { phase: 'idle', nextId, serverWake, wake, earlyEndpointMs, rejectedEndpointMs };
}

/** From `from` to `to`: the effects, then the owner is told when the phase changed. */
export function moveTo(from: SessionState, to: SessionState, ...effects: Effect[]): Transition {
  const phase = visiblePhase(to);
  if (phase === visiblePhase(from)) return { state: to, effects };
  return { state: to, effects: [...effects, { type: 'notify-phase', phase }] };
}

export function appendEffects(transition: Transition, ...effects: Effect[]): Transition {
  return { state: transition.state, effects: [...transition.effects, ...effects] };
}

export function same(state: SessionState, ...effects: Effect[]): Transition {
  return { state, effects };
}
