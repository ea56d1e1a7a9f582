import { describe, expect, it } from 'vitest';
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

describe('WakeArbiter in time', () => {
  it('tells the best claim of a round it won and the others they lost, when the window ends', async () => {
    const arbiter = new WakeArbiter({ windowMs: 20, rivals: () => 3 });
    const { outcomes, outcome } = recorder();
    arbiter.claim(claim('far', -40), outcome('far'));
    arbiter.claim(claim('near', -20), outcome('near'));
    expect(outcomes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(outcomes).toEqual(['near won', 'far lost to near']);
  });

  it('gives the round to the best satellite still there when the best one disconnects', async () => {
    const arbiter = new WakeArbiter({ windowMs: 20, rivals: () => 2 });
    const { outcomes, outcome } = recorder();
    arbiter.claim(claim('far', -40), outcome('far'));
    arbiter.claim(claim('near', -20), outcome('near'));
    arbiter.withdraw('near');
    await new Promise((resolve) => setTimeout(resolve, 40));
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
