import { type Event, type Eventable, type Logger, RunSatellite, silentLogger } from 'wyoming-ts';
import { type SessionDeps, SatelliteSession } from './session.js';

export interface SatelliteLink {
  send(event: Event | Eventable): Promise<void>;
}

/** What rides along a satellite's connection, outside its session (see `controls.ts`). */
export interface RegistryHooks {
  /** The link the session sends through (volume, mute, what the server says). */
  wrap?(id: string, link: SatelliteLink): SatelliteLink;
  /** The connection closed. */
  release?(id: string, link: SatelliteLink): void;
  /** An event from the satellite, before its session handles it. */
  observe?(id: string, event: Event): void;
  /** What the server sends first on a new connection (default `run-satellite`). */
  opening?(id: string): Eventable[];
  attached?(session: SatelliteSession): void;
  detached?(session: SatelliteSession): void;
}

/** The satellites the server drives right now, by id. */
export class SatelliteRegistry {
  private readonly sessions = new Map<string, SatelliteSession>();
  private readonly links = new WeakMap<SatelliteSession, SatelliteLink>();
  private readonly logger: Logger;

  constructor(
    private readonly deps: SessionDeps,
    private readonly hooks: RegistryHooks = {},
  ) {
    this.logger = deps.logger ?? silentLogger;
  }

  /** A satellite connected: a new session (replacing an older one with the same id). */
  attach(id: string, link: SatelliteLink): SatelliteSession {
    this.sessions.get(id)?.disconnected();
    const wrapped = this.hooks.wrap?.(id, link) ?? link;
    const session = new SatelliteSession(id, wrapped, this.deps);
    this.links.set(session, link);
    this.sessions.set(id, session);
    this.logger.info(`satellite ${id} attached`);
    this.hooks.attached?.(session);
    return session;
  }

  detach(id: string, session: SatelliteSession): void {
    session.disconnected();
    const link = this.links.get(session);
    if (link) this.hooks.release?.(id, link);
    if (this.sessions.get(id) === session) this.sessions.delete(id);
    this.logger.info(`satellite ${session.name} detached`);
    this.hooks.detached?.(session);
  }

  /** An event from satellite `id`, for the hooks (its session handles it next). */
  observe(id: string, event: Event): void {
    this.hooks.observe?.(id, event);
  }

  /** What the server sends a newly connected satellite first. */
  opening(id: string): Eventable[] {
    return this.hooks.opening?.(id) ?? [new RunSatellite()];
  }

  get(id: string): SatelliteSession | undefined {
    return this.sessions.get(id);
  }

  /** Finds a satellite by id, name or area (case-insensitive). */
  find(key: string): SatelliteSession | undefined {
    const wanted = key.toLowerCase();
    return (
      this.sessions.get(key) ??
      this.list().find((s) => s.name.toLowerCase() === wanted || s.area?.toLowerCase() === wanted)
    );
  }

  list(): SatelliteSession[] {
    return [...this.sessions.values()];
  }

  get size(): number {
    return this.sessions.size;
  }
}
