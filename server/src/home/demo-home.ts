// The built-in demo home, used when no Home Assistant is configured: `npm start` works out of the
// box and every intent has something to act on. Service calls change the states the way Home
// Assistant's would.
import { silentLogger, type Logger } from 'wyoming-ts';
import { EngineError } from '../errors.js';
import { DEMO_AREAS, demoEntities } from './demo-data.js';
import { isKnownService, serviceEffect, type EntityUpdate } from './demo-services.js';
import type { Home, HomeArea, HomeEntity, ServiceCall } from './home.js';

export interface DemoHomeOptions {
  readonly logger?: Logger;
  /** Override the rooms and devices (tests); defaults to the built-in demo home. */
  readonly areas?: readonly HomeArea[];
  readonly entities?: readonly HomeEntity[];
}

const ENGINE = 'home-assistant';

export class DemoHome implements Home {
  readonly kind = 'demo home';
  readonly connected = true;
  readonly #areas: readonly HomeArea[];
  readonly #entities = new Map<string, HomeEntity>();
  readonly #listeners = new Set<() => void>();
  readonly #logger: Logger;

  constructor(options: DemoHomeOptions = {}) {
    this.#logger = options.logger ?? silentLogger;
    this.#areas = options.areas ?? DEMO_AREAS;
    for (const entity of options.entities ?? demoEntities()) {
      this.#entities.set(entity.entity_id, entity);
    }
  }

  /** Nothing to connect to; here so the demo and Home Assistant start the same way. */
  async start(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
  }

  areas(): readonly HomeArea[] {
    return this.#areas;
  }

  entities(): readonly HomeEntity[] {
    return [...this.#entities.values()];
  }

  entity(entityId: string): HomeEntity | undefined {
    return this.#entities.get(entityId);
  }

  async callService(call: ServiceCall, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const { domain, service } = call;
    if (!isKnownService(domain, service)) {
      throw new EngineError(ENGINE, `Service ${domain}.${service} not found.`);
    }
    const updates = new Map<string, EntityUpdate>();
    for (const entity of this.#targets(call)) {
      const effect = serviceEffect(domain, service, entity);
      if (effect) updates.set(entity.entity_id, effect(entity, call.data ?? {}));
    }
    const named = this.#namedEntities(call);
    const ignored = named.filter((id) => !updates.has(id));
    if (ignored.length > 0) {
      throw new EngineError(ENGINE, `${domain}.${service} does not apply to ${ignored.join(', ')}`);
    }
    this.#logger.debug(`demo home: ${domain}.${service} on ${[...updates.keys()].join(', ')}`);
    this.#apply(updates);
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }

  /** The entity ids named in the call (target or legacy `data.entity_id`), `all` expanded. */
  #namedEntities(call: ServiceCall): string[] {
    const data = call.data?.['entity_id'];
    const fromData = typeof data === 'string' ? [data] : Array.isArray(data) ? data : [];
    const ids = [...(call.target?.entity_id ?? []), ...fromData].map(String);
    if (!ids.includes('all')) return ids;
    const all = [...this.#entities.values()].filter(
      (e) => call.domain === 'homeassistant' || e.domain === call.domain,
    );
    return [...ids.filter((id) => id !== 'all'), ...all.map((e) => e.entity_id)];
  }

  #targets(call: ServiceCall): HomeEntity[] {
    const named = this.#namedEntities(call);
    const areas = call.target?.area_id ?? [];
    if (named.length === 0 && areas.length === 0) {
      throw new EngineError(ENGINE, `${call.domain}.${call.service} needs a target`);
    }
    const targets = new Map<string, HomeEntity>();
    for (const id of named) {
      const entity = this.#entities.get(id);
      if (!entity) throw new EngineError(ENGINE, `Entity ${id} not found`);
      targets.set(id, entity);
    }
    for (const areaId of areas) {
      if (!this.#areas.some((area) => area.area_id === areaId)) {
        throw new EngineError(ENGINE, `Area ${areaId} not found`);
      }
      for (const entity of this.#entities.values()) {
        if (entity.area_id === areaId) targets.set(entity.entity_id, entity);
      }
    }
    return [...targets.values()];
  }

  #apply(updates: ReadonlyMap<string, EntityUpdate>): void {
    if (updates.size === 0) return;
    for (const [id, next] of updates) {
      const entity = this.#entities.get(id);
      if (entity) this.#entities.set(id, { ...entity, ...next });
    }
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (err) {
        this.#logger.warn('demo home: a change listener failed', err);
      }
    }
  }
}
