import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WakeArbiter } from './arbiter.js';
import type { WakeClaim } from './arbitration.js';

function recorder() {
  const outcomes: string[] = [];
  const outcome = (id: string) => ({
    won: () => outcomes.push(`${id} won`),
    lost: (winner: WakeClaim) => outcomes.push(`${id} lost to ${winner.satelliteId}`),
  });
  return { outcomes, outcome };
}

const claim = (satelliteId: string, levelDbfs: number) => ({
  satelliteId,
  wakeWord: 'hey_jarvis',
  score: 0.9,
  levelDbfs,
});

// A fake clock: on a loaded machine a real one can pass the window between two claims.
describe('WakeArbiter in time', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tells the best claim of a round it won and the others they lost, when the window ends', () => {
    const arbiter = new WakeArbiter({ windowMs: 20, rivals: () => 3 });
    const { outcomes, outcome } = recorder();
    arbiter.claim(claim('far', -40), outcome('far'));
    arbiter.claim(claim('near', -20), outcome('near'));
    vi.advanceTimersByTime(19);
    expect(outcomes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(outcomes).toEqual(['near won', 'far lost to near']);
  });

  it('gives the round to the best satellite still there when the best one disconnects', () => {
    const arbiter = new WakeArbiter({ windowMs: 20, rivals: () => 2 });
    const { outcomes, outcome } = recorder();
    arbiter.claim(claim('far', -40), outcome('far'));
    arbiter.claim(claim('near', -20), outcome('near'));
    arbiter.withdraw('near');
    vi.advanceTimersByTime(20);
    expect(outcomes).toEqual(['far won']);
  });

  it('forgets a round whose only claim is withdrawn: the next claim, alone, is decided at once', () => {
    let satellites = 2;
    const arbiter = new WakeArbiter({ windowMs: 1000, rivals: () => satellites });
    const { outcomes, outcome } = recorder();
    arbiter.claim(claim('near', -20), outcome('near'));
    arbiter.withdraw('near');
    satellites = 1;
    arbiter.claim(claim('far', -40), outcome('far'));
    expect(outcomes).toEqual(['far won']);
    arbiter.stop();
  });
});
