import { describe, expect, it } from 'vitest';
import { initialSessionState, sessionTransition } from './session-machine.js';

describe('the reply to a question', () => {
  it('listens without arbitration, to transcribe only: the pipeline ends at asr', () => {
    const { state, effects } = sessionTransition(initialSessionState(), {
      type: 'listen-requested',
      reply: true,
    });
    expect(state.phase).toBe('listening');
    const run = effects.find((e) => e.type === 'send');
    const event = run?.type === 'send' && 'toEvent' in run.event ? run.event.toEvent() : undefined;
    expect(event).toMatchObject({
      type: 'run-pipeline',
      data: { start_stage: 'asr', end_stage: 'asr' },
    });
    expect(effects.find((e) => e.type === 'start-turn')).toEqual({
      type: 'start-turn',
      turn: 1,
      wakeAt: undefined,
      reply: true,
    });
    // A plain listen is a command turn, answered aloud.
    const plain = sessionTransition(initialSessionState(), { type: 'listen-requested' });
    expect(plain.effects.find((e) => e.type === 'start-turn')).not.toHaveProperty('reply');
  });
});
