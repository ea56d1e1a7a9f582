import type { Event, Eventable, Logger } from 'wyoming-ts';
import { silentLogger } from 'wyoming-ts';
import { type SessionDeps, SatelliteSession } from './session.js';

export interface SatelliteLink {
  send(event: Event | Eventable): Promise<void>;
}

/** The satellites the server drives right now, by id. */
export class SatelliteRegistry {
  private readonly sessions = new Map<string, SatelliteSession>();
  private readonly logger: Logger;

  constructor(private readonly deps: SessionDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  /** A satellite connected: a new session (replacing an older one with the same id). */
  attach(id: string, link: SatelliteLink): SatelliteSession {
    this.sessions.get(id)?.disconnected();
    const session = new SatelliteSession(id, link, this.deps);
    this.sessions.set(id, session);
    this.logger.info(`satellite ${id} attached`);
    return session;
  }

  detach(id: string, session: SatelliteSession): void {
    session.disconnected();
    if (this.sessions.get(id) === session) this.sessions.delete(id);
    this.logger.info(`satellite ${session.name} detached`);
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
