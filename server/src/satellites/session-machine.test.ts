import { describe, expect, it } from 'vitest';
import { type SessionEvent, type SessionPhase, sessionTransition } from './session-machine.js';

const ROWS: Array<[SessionPhase, SessionEvent['type'], SessionPhase]> = [
  ['idle', 'turn-started', 'listening'],
  ['listening', 'speech-ended', 'processing'],
  ['processing', 'response-started', 'responding'],
  ['responding', 'response-finished', 'idle'],
  ['processing', 'response-finished', 'idle'], // an answer without audio
  ['responding', 'turn-started', 'listening'], // barge-in, or a follow-up question
  ['processing', 'turn-started', 'listening'],
  ['listening', 'turn-ended', 'idle'], // lost arbitration, stream timeout
  ['processing', 'turn-ended', 'idle'], // an engine failed
  ['responding', 'disconnected', 'idle'],
  ['listening', 'disconnected', 'idle'],
  // Events out of place change nothing.
  ['idle', 'speech-ended', 'idle'],
  ['idle', 'response-started', 'responding'], // an announcement
  ['idle', 'response-finished', 'idle'],
  ['listening', 'response-started', 'listening'],
  ['listening', 'turn-started', 'listening'],
  ['responding', 'speech-ended', 'responding'],
  ['idle', 'turn-ended', 'idle'],
];

describe('the satellite session machine', () => {
  it.each(ROWS)('%s + %s -> %s', (from, event, to) => {
    expect(sessionTransition(from, { type: event } as SessionEvent)).toBe(to);
  });

  it('runs a whole turn through the four states', () => {
    const events: SessionEvent['type'][] = [
      'turn-started',
      'speech-ended',
      'response-started',
      'response-finished',
    ];
    const phases: SessionPhase[] = [];
    let phase: SessionPhase = 'idle';
    for (const type of events) {
      phase = sessionTransition(phase, { type } as SessionEvent);
      phases.push(phase);
    }
    expect(phases).toEqual(['listening', 'processing', 'responding', 'idle']);
  });
});
