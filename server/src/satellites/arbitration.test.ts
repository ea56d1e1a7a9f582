import { describe, expect, it } from 'vitest';
import {
  addClaim,
  type ArbitrationState,
  closeRound,
  compareClaims,
  type WakeClaim,
} from './arbitration.js';

const claim = (
  satelliteId: string,
  score: number,
  levelDbfs: number,
  at = 0,
  area?: string,
): WakeClaim => ({
  satelliteId,
  wakeWord: 'hey_jarvis',
  score,
  levelDbfs,
  at,
  area,
});

describe('wake-word arbitration', () => {
  it.each([
    ['the higher score wins', [claim('a', 0.7, -20), claim('b', 0.95, -30)], 'b'],
    [
      'near-equal scores: the louder speech wins',
      [claim('a', 0.95, -35), claim('b', 0.96, -20)],
      'b',
    ],
    [
      'near-equal scores and levels: a satellite with an area wins',
      [claim('a', 0.9, -20), claim('b', 0.9, -20.5, 0, 'Kitchen')],
      'b',
    ],
    ['a full tie: the id decides, stably', [claim('b', 0.9, -20), claim('a', 0.9, -20)], 'a'],
  ])('%s', (_name, claims, winner) => {
    expect([...claims].sort(compareClaims)[0]!.satelliteId).toBe(winner);
  });

  it('three satellites in one window: one winner, two losers', () => {
    const options = { windowMs: 300 };
    let state: ArbitrationState = {};
    const first = addClaim(state, claim('kitchen', 0.8, -25, 1000), options, false);
    expect(first.opened).toBe(true);
    expect(first.decision).toBeUndefined();
    state = first.state;
    state = addClaim(state, claim('salon', 0.97, -18, 1120), options, false).state;
    state = addClaim(state, claim('hallway', 0.6, -40, 1290), options, false).state;
    const closed = closeRound(state);
    expect(closed.decision!.winner.satelliteId).toBe('salon');
    expect(closed.decision!.losers.map((c) => c.satelliteId)).toEqual(['kitchen', 'hallway']);
    expect(closed.state).toEqual({});
  });

  it('a claim after the window starts a new round', () => {
    const options = { windowMs: 300 };
    const first = addClaim({}, claim('kitchen', 0.8, -25, 1000), options, false);
    const late = addClaim(first.state, claim('salon', 0.9, -20, 1400), options, false);
    expect(late.opened).toBe(true);
    expect(late.state.round!.claims.map((c) => c.satelliteId)).toEqual(['salon']);
  });

  it('a satellite alone, or a zero window, is decided at once', () => {
    expect(
      addClaim({}, claim('kitchen', 0.8, -25), { windowMs: 300 }, true).decision!.winner
        .satelliteId,
    ).toBe('kitchen');
    expect(
      addClaim({}, claim('kitchen', 0.8, -25), { windowMs: 0 }, false).decision!.losers,
    ).toEqual([]);
  });

  it('a satellite claiming twice in one round counts once, with its latest claim', () => {
    const options = { windowMs: 300 };
    let state = addClaim({}, claim('kitchen', 0.5, -25, 0), options, false).state;
    state = addClaim(state, claim('kitchen', 0.9, -25, 50), options, false).state;
    expect(state.round!.claims).toHaveLength(1);
    expect(state.round!.claims[0]!.score).toBe(0.9);
  });
});
