// Who answered when several rooms heard the wake word. The bridge's `turn` event entity of
// each satellite holds its last event (state: when; attribute `event_type`): the rooms that
// lost fire `arbitration_lost`, the one that won `wake_detected` and then `turn_finished`
// around the same time. Pure.
import type { SatelliteEntities } from './discovery.js';
import type { HassEntities } from './hass.js';

/** Losses this close to the latest one belong to the same wake word. */
const SAME_WAKE_MS = 10_000;
/** The winner's event may come a little before the losses, or after its whole turn. */
const WINNER_BEFORE_MS = 10_000;
const WINNER_AFTER_MS = 120_000;

export interface Arbitration {
  /** Rooms that heard it (the losers and the winner when known). */
  readonly rooms: number;
  readonly winner: string | undefined;
  readonly losers: readonly string[];
  /** Epoch ms of the latest loss. */
  readonly at: number;
}

interface TurnEvent {
  readonly name: string;
  readonly type: string;
  readonly at: number;
}

function lastEvents(satellites: readonly SatelliteEntities[], states: HassEntities): TurnEvent[] {
  const events: TurnEvent[] = [];
  for (const satellite of satellites) {
    const id = satellite.roles.turn;
    const entity = id === undefined ? undefined : states[id];
    const type = entity?.attributes.event_type;
    const at = entity ? Date.parse(entity.state) : NaN;
    if (typeof type === 'string' && !Number.isNaN(at)) {
      events.push({ name: satellite.name, type, at });
    }
  }
  return events;
}

/** The last arbitration the states show, if any. */
export function lastArbitration(
  satellites: readonly SatelliteEntities[],
  states: HassEntities,
): Arbitration | undefined {
  const events = lastEvents(satellites, states);
  const losses = events.filter((e) => e.type === 'arbitration_lost');
  if (losses.length === 0) return undefined;
  const at = Math.max(...losses.map((e) => e.at));
  const losers = losses.filter((e) => at - e.at <= SAME_WAKE_MS).map((e) => e.name);
  const candidates = events.filter(
    (e) =>
      (e.type === 'wake_detected' || e.type === 'turn_finished') &&
      e.at >= at - WINNER_BEFORE_MS &&
      e.at <= at + WINNER_AFTER_MS,
  );
  candidates.sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at));
  const winner = candidates[0]?.name;
  return { rooms: losers.length + (winner === undefined ? 0 : 1), winner, losers, at };
}
