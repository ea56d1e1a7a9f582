// Wake-word arbitration: when several satellites hear the same wake word at once, one turn
// goes to the best of them and the others stand down. Pure: time comes in as numbers.

export interface WakeClaim {
  readonly satelliteId: string;
  readonly wakeWord: string;
  /** The detection's score (0..1), from its `context.score`. */
  readonly score: number;
  /** Speech level at the detection in dBFS, from its `context.level_dbfs`. */
  readonly levelDbfs: number;
  /** The satellite's area, if it has one. */
  readonly area?: string;
  /** When the claim arrived (ms). */
  readonly at: number;
}

export interface ArbitrationOptions {
  /** Claims within this long of the first one compete (default 300 ms). */
  readonly windowMs: number;
}

/** Scores closer than this are a tie, decided by the speech level. */
const SCORE_TIE = 0.02;
/** Levels closer than this (dB) are a tie, decided by having an area, then by id. */
const LEVEL_TIE = 1;

/**
 * Orders claims best first: the higher score, then (on a near tie) the louder speech, then a
 * satellite with an area over one without, then the satellite id for a stable order.
 */
export function compareClaims(a: WakeClaim, b: WakeClaim): number {
  if (Math.abs(a.score - b.score) > SCORE_TIE) return b.score - a.score;
  if (Math.abs(a.levelDbfs - b.levelDbfs) > LEVEL_TIE) return b.levelDbfs - a.levelDbfs;
  if (Boolean(a.area) !== Boolean(b.area)) return a.area ? -1 : 1;
  return a.satelliteId < b.satelliteId ? -1 : a.satelliteId > b.satelliteId ? 1 : 0;
}

export interface Round {
  readonly openedAt: number;
  readonly claims: readonly WakeClaim[];
}

export interface Decision {
  readonly winner: WakeClaim;
  readonly losers: readonly WakeClaim[];
}

/** The state of arbitration: the round under way, if any. */
export interface ArbitrationState {
  readonly round?: Round;
}

/**
 * A new claim. Returns the new state and, when the claim cannot have a rival (`alone`), the
 * decision at once; otherwise the caller decides with `closeRound` when the window ends.
 */
export function addClaim(
  state: ArbitrationState,
  claim: WakeClaim,
  options: ArbitrationOptions,
  alone: boolean,
): { state: ArbitrationState; decision?: Decision; opened: boolean } {
  const round = state.round;
  if (round && claim.at - round.openedAt <= options.windowMs) {
    const claims = [...round.claims.filter((c) => c.satelliteId !== claim.satelliteId), claim];
    return { state: { round: { ...round, claims } }, opened: false };
  }
  if (alone || options.windowMs === 0) {
    return { state: {}, decision: { winner: claim, losers: [] }, opened: false };
  }
  return { state: { round: { openedAt: claim.at, claims: [claim] } }, opened: true };
}

/** Ends the round under way: the best claim wins. */
export function closeRound(state: ArbitrationState): {
  state: ArbitrationState;
  decision?: Decision;
} {
  if (!state.round || state.round.claims.length === 0) return { state: {} };
  const [winner, ...losers] = [...state.round.claims].sort(compareClaims);
  return { state: {}, decision: { winner: winner!, losers } };
}
