// Follows the entities one card shows across `hass` updates: finds them by role, and keeps each
// room's states (and the bridge's) as the same object until one of them changes, so a card
// re-renders only when its own entities changed, and only the rooms that did. Pure data.
import {
  type JarvisEntities,
  type RoleMemory,
  type SatelliteEntities,
  discover,
  domainOf,
  rememberRoles,
  rolesIn,
  satelliteEntityIds,
} from './discovery.js';
import type { HassEntities } from './hass.js';
import type { RoleStore } from './role-store.js';
import { keepIfSame, pick, sameSatellite } from './watch.js';

export interface TrackedRoom {
  readonly satellite: SatelliteEntities;
  /** The states of this room's entities; a new object only when one of them changed. */
  readonly entities: HassEntities;
}

export type Selection = (found: JarvisEntities) => SatelliteEntities[];

export class EntityTracker {
  private memory: RoleMemory;
  found: JarvisEntities = { bridge: {}, satellites: [] };
  rooms: readonly TrackedRoom[] = [];
  bridge: HassEntities = {};
  /** Every satellite's `turn` event entity, for the arbitration line. */
  turns: HassEntities = {};

  /** The states last looked through, and how many entities they had. */
  private previous: { states: HassEntities; size: number } | undefined;

  constructor(private readonly store?: RoleStore) {
    this.memory = store?.load() ?? new Map();
  }

  /**
   * Whether `states` differ from the last ones in an entity that is or was Jarvis's (or an
   * assist satellite), or in the entities there are. One pass comparing state objects, without
   * allocating: Home Assistant sends a new `hass` for every state change in the house.
   */
  private concerns(states: HassEntities): boolean {
    const previous = this.previous;
    if (!previous) return true;
    let size = 0;
    let concerned = false;
    for (const id in states) {
      size += 1;
      const entity = states[id]!;
      if (concerned || entity === previous.states[id]) continue;
      concerned =
        this.memory.has(id) || rolesIn(entity) !== undefined || domainOf(id) === 'assist_satellite';
    }
    return concerned || size !== previous.size;
  }

  /** Forgets the last states: the next update looks at everything (a new selection). */
  reset(): void {
    this.previous = undefined;
  }

  /** Takes new states; true when anything this card shows changed. */
  update(states: HassEntities, select: Selection): boolean {
    if (!this.concerns(states)) {
      this.previous = { states, size: this.previous!.size };
      return false;
    }
    this.previous = { states, size: Object.keys(states).length };
    const memory = rememberRoles(states, this.memory);
    if (memory !== this.memory) this.store?.save(memory);
    this.memory = memory;
    this.found = discover(states, memory);
    const before = new Map(this.rooms.map((room) => [room.satellite.id, room]));
    let changed = false;
    const rooms = select(this.found).map((satellite): TrackedRoom => {
      const previous = before.get(satellite.id);
      const same = sameSatellite(previous?.satellite, satellite);
      const entities = keepIfSame(previous?.entities, pick(states, satelliteEntityIds(satellite)));
      if (same && entities === previous?.entities) return previous;
      changed = true;
      return { satellite: same && previous ? previous.satellite : satellite, entities };
    });
    if (rooms.length !== this.rooms.length) changed = true;
    this.rooms = rooms;
    const bridgeIds = Object.values(this.found.bridge).filter((id): id is string => !!id);
    const bridge = keepIfSame(this.bridge, pick(states, bridgeIds));
    const turnIds = this.found.satellites.flatMap((s) => (s.roles.turn ? [s.roles.turn] : []));
    const turns = keepIfSame(this.turns, pick(states, turnIds));
    changed ||= bridge !== this.bridge || turns !== this.turns;
    this.bridge = bridge;
    this.turns = turns;
    return changed;
  }
}
