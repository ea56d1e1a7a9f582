import {
  addClaim,
  type ArbitrationState,
  closeRound,
  type Decision,
  type WakeClaim,
} from './arbitration.js';

export interface ClaimOutcome {
  won(): void;
  lost(winner: WakeClaim): void;
}

/**
 * Runs arbitration rounds in time: the first claim opens a window, later claims join it, and
 * when it closes the winner is told to go on and the others to stand down. A claim with no
 * possible rival (one satellite listening) is decided at once.
 */
export class WakeArbiter {
  private state: ArbitrationState = {};
  private readonly pending = new Map<string, ClaimOutcome>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly options: { windowMs: number; now?: () => number; rivals: () => number },
  ) {}

  claim(claim: Omit<WakeClaim, 'at'>, outcome: ClaimOutcome): void {
    const at = (this.options.now ?? Date.now)();
    const alone = this.options.rivals() <= 1 && !this.state.round;
    const result = addClaim(
      this.state,
      { ...claim, at },
      { windowMs: this.options.windowMs },
      alone,
    );
    this.state = result.state;
    if (result.decision) {
      this.announce(result.decision, new Map([[claim.satelliteId, outcome]]));
      return;
    }
    this.pending.set(claim.satelliteId, outcome);
    if (result.opened) {
      this.timer = setTimeout(() => this.close(), this.options.windowMs);
    }
  }

  /**
   * Forgets a satellite's claim (it disconnected). Its claim leaves the round too: a satellite
   * that is gone must not win it, or the ones still there would all be told to stand down.
   */
  withdraw(satelliteId: string): void {
    this.pending.delete(satelliteId);
    const round = this.state.round;
    if (!round) return;
    const claims = round.claims.filter((claim) => claim.satelliteId !== satelliteId);
    if (claims.length > 0) {
      this.state = { round: { ...round, claims } };
    } else {
      clearTimeout(this.timer);
      this.state = {};
    }
  }

  private close(): void {
    const closed = closeRound(this.state);
    this.state = closed.state;
    const outcomes = new Map(this.pending);
    this.pending.clear();
    if (closed.decision) this.announce(closed.decision, outcomes);
  }

  private announce(decision: Decision, outcomes: Map<string, ClaimOutcome>): void {
    outcomes.get(decision.winner.satelliteId)?.won();
    for (const loser of decision.losers) outcomes.get(loser.satelliteId)?.lost(decision.winner);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.pending.clear();
  }
}
