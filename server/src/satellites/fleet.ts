import { type Event, type Logger, type Satellite, silentLogger, WyomingError } from 'wyoming-ts';
import type { WyomingConnection } from 'wyoming-ts/node';
import type { AdoptionStore } from './adoption-store.js';
import {
  type Adoption,
  type ConnectedInAdoption,
  connectedIn,
  dialed,
  hostOf,
  judgeClaim,
  sameName,
  withAdoption,
  withoutAdoption,
} from './adoptions.js';
import { type DriverTiming, driveConnection, SatelliteDialer } from './driver.js';
import { type FleetEntry, listFleet } from './fleet-list.js';
import type { SatelliteRegistry } from './registry.js';

/** The `error` code a connection gets when it claims a name adopted at another address. */
export const NAME_TAKEN = 'satellite-name-taken';

export interface FleetOptions {
  registry: SatelliteRegistry;
  /** The config's `satellites:` (adopted by the config, dialled, never forgotten by the API). */
  configured: readonly { uri: string; name?: string; area?: string }[];
  store: AdoptionStore;
  timing: DriverTiming;
  logger?: Logger;
  now?: () => Date;
  /** A satellite was adopted or forgotten. */
  onChange?: () => void;
}

export type FleetResult =
  | { readonly ok: true; readonly entry: FleetEntry | undefined; readonly changed: boolean }
  | {
      readonly ok: false;
      readonly reason: 'unknown' | 'ambiguous' | 'configured' | 'not-adopted';
      readonly detail: string;
    };

/** A connection that claimed an adopted name from another address (shown until re-adopted). */
export interface RefusedClaim {
  readonly name: string;
  readonly address: string;
  readonly at: string;
}

/**
 * Every satellite the server knows of: configured, adopted (persisted in the data dir), found
 * over zeroconf (listed, never driven until adopted) and connected. Dials the adopted ones and
 * lets satellites connect in by name and address.
 */
export class SatelliteFleet {
  private readonly discovered = new Map<string, Satellite>();
  private readonly dialers = new Map<string, SatelliteDialer>();
  private readonly incoming = new Map<string, WyomingConnection>();
  private readonly refusedClaims = new Map<string, RefusedClaim>();
  private readonly logger: Logger;

  private constructor(
    private readonly options: FleetOptions,
    private adoptions: Adoption[],
  ) {
    this.logger = options.logger ?? silentLogger;
  }

  /** Reads what was adopted before (a bad file is a `ConfigError` naming it). */
  static async open(options: FleetOptions): Promise<SatelliteFleet> {
    return new SatelliteFleet(options, await options.store.load());
  }

  /** Dials the configured and adopted satellites. */
  start(): void {
    for (const entry of this.options.configured) this.dial(entry.uri);
    for (const adoption of this.adoptions) if (adoption.kind === 'dialed') this.dial(adoption.uri);
  }

  async stop(): Promise<void> {
    const dialers = [...this.dialers.values()];
    this.dialers.clear();
    await Promise.all(dialers.map((dialer) => dialer.stop()));
  }

  /** The server dials this URI already (configured or adopted): discovery leaves it alone. */
  drives(uri: string): boolean {
    return this.dialers.has(uri);
  }

  /** Zeroconf found a satellite: listed as discovered, not driven. */
  found(uri: string, satellite: Satellite): void {
    this.discovered.set(uri, satellite);
    const name = JSON.stringify(satellite.name);
    this.logger.info(
      `zeroconf: found satellite ${name} at ${uri}, not driven until adopted: POST /api/satellites/${encodeURIComponent(satellite.name)}/adopt, or list it under satellites: in the config`,
    );
  }

  /**
   * A satellite connected in and opened with `info` (`first`): driven if its name is adopted at
   * this address (or not adopted yet: then it is now), refused with an `error` if the name is
   * adopted at another address.
   */
  async driveIncoming(
    connection: WyomingConnection,
    first: Event,
    satellite: Satellite,
  ): Promise<void> {
    const address = hostOf(connection.remote);
    const name = satellite.name || address;
    // A name the server dials (configured or adopted) is never taken by a connection.
    const dialedNamesake = this.list().find(
      (e) => e.uri && e.adopted_via && sameName(e.name, name),
    );
    if (dialedNamesake) return this.refuse(connection, name, address, dialedNamesake.uri!);
    const verdict = judgeClaim(this.adoptions, name, address, this.timestamp());
    if (verdict.verdict === 'refuse')
      return this.refuse(connection, name, address, verdict.adoptedAddress);
    if (verdict.verdict === 'adopt') {
      this.logger.info(`satellite ${JSON.stringify(name)} adopted at ${address} (it connected in)`);
      // Driven all the same if the file cannot be written; it is adopted again next time.
      await this.persist(withAdoption(this.adoptions, verdict.adoption)).catch((error: Error) =>
        this.logger.warn(`cannot save the adopted satellites: ${error.message}`),
      );
    }
    this.logger.info(`satellite ${JSON.stringify(name)} connected in from ${connection.remote}`);
    this.incoming.set(name.toLowerCase(), connection);
    try {
      await driveConnection(
        this.options.registry,
        name,
        connection,
        this.options.timing,
        this.logger,
        [first],
      );
    } finally {
      if (this.incoming.get(name.toLowerCase()) === connection)
        this.incoming.delete(name.toLowerCase());
    }
  }

  /**
   * Adopts a discovered satellite (the server dials it from now on), or re-adopts one that
   * connects in at `address` (default: the address of the last connection refused its name).
   */
  async adopt(key: string, address?: string): Promise<FleetResult> {
    const found = this.resolve(key);
    if (!found.ok) return found;
    const entry = found.entry!;
    if (entry.status === 'discovered' && entry.uri) {
      const info = this.discovered.get(entry.uri);
      await this.persist(
        withAdoption(this.adoptions, {
          kind: 'dialed',
          uri: entry.uri,
          ...(info?.name ? { name: info.name } : {}),
          ...(info?.area ? { area: info.area } : {}),
          adopted_at: this.timestamp(),
        }),
      );
      this.logger.info(`satellite ${JSON.stringify(entry.name)} at ${entry.uri} adopted`);
      this.dial(entry.uri);
      return this.result(key, true);
    }
    const current = connectedIn(this.adoptions, entry.name);
    if (!current) return this.result(key, false);
    const claim = this.refusedClaims.get(current.name.toLowerCase());
    const target = address ?? claim?.address;
    if (!target || target === current.address) return this.result(key, false);
    await this.rebind(current, target);
    return this.result(key, true);
  }

  /** Stops driving an adopted satellite and forgets it (a configured one stays). */
  async forget(key: string): Promise<FleetResult> {
    const found = this.resolve(key);
    if (!found.ok) return found;
    const entry = found.entry!;
    if (entry.adopted_via === 'config')
      return {
        ok: false,
        reason: 'configured',
        detail: `${entry.name} is listed under satellites: in the config; remove it there`,
      };
    const adoption = entry.uri
      ? dialed(this.adoptions, entry.uri)
      : connectedIn(this.adoptions, entry.name);
    if (!adoption)
      return { ok: false, reason: 'not-adopted', detail: `${entry.name} is not adopted` };
    await this.persist(withoutAdoption(this.adoptions, adoption));
    this.logger.info(`satellite ${JSON.stringify(entry.name)} forgotten`);
    if (adoption.kind === 'dialed') {
      const dialer = this.dialers.get(adoption.uri);
      this.dialers.delete(adoption.uri);
      await dialer?.stop();
    } else {
      this.refusedClaims.delete(adoption.name.toLowerCase());
      await this.incoming.get(adoption.name.toLowerCase())?.close();
    }
    return { ok: true, entry: this.resolve(key).entry, changed: true };
  }

  /** Every satellite, for `/api/satellites`. */
  list(): FleetEntry[] {
    return listFleet({
      configured: this.options.configured,
      adoptions: this.adoptions,
      discovered: this.discovered,
      sessions: this.options.registry.list(),
      refusedClaims: this.refusedClaims,
      refusal: (uri) => this.dialers.get(uri)?.lastRefusal,
    });
  }

  /** `2 configured, 1 adopted, 3 discovered (not driven), 2 connected`, for the summary. */
  counts(): Record<'configured' | 'adopted' | 'discovered' | 'connected', number> {
    const entries = this.list();
    const count = (test: (entry: FleetEntry) => boolean) => entries.filter(test).length;
    return {
      configured: count((e) => e.adopted_via === 'config'),
      adopted: count((e) => e.adopted_via === 'api' || e.adopted_via === 'connection'),
      discovered: count((e) => e.status === 'discovered'),
      connected: count((e) => e.status === 'connected'),
    };
  }

  /** The satellite with this id, URI or name (unknown or ambiguous: not `ok`). */
  lookup(key: string): FleetResult {
    return this.resolve(key);
  }

  private resolve(key: string): FleetResult & { entry?: FleetEntry } {
    const entries = this.list();
    const byId = entries.filter((e) => e.id === key || e.uri === key);
    const matches = byId.length > 0 ? byId : entries.filter((e) => sameName(e.name, key));
    if (matches.length === 0)
      return { ok: false, reason: 'unknown', detail: `no satellite ${JSON.stringify(key)}` };
    if (matches.length > 1)
      return {
        ok: false,
        reason: 'ambiguous',
        detail: `${matches.length} satellites are called ${JSON.stringify(key)}; use an id: ${matches.map((e) => e.id).join(', ')}`,
      };
    return { ok: true, entry: matches[0], changed: false };
  }

  private result(key: string, changed: boolean): FleetResult {
    return { ok: true, entry: this.resolve(key).entry, changed };
  }

  private async refuse(
    connection: WyomingConnection,
    name: string,
    address: string,
    adoptedAddress: string,
  ): Promise<void> {
    this.refusedClaims.set(name.toLowerCase(), { name, address, at: this.timestamp() });
    this.logger.warn(
      `refused a connection from ${connection.remote} calling itself ${JSON.stringify(name)}: that satellite is adopted at ${adoptedAddress}; if it moved, re-adopt it (POST /api/satellites/${encodeURIComponent(name)}/adopt)`,
    );
    await connection
      .write(
        new WyomingError({
          text: 'another satellite is adopted under this name',
          code: NAME_TAKEN,
        }),
      )
      .catch(() => {});
    await connection.close();
  }

  private async rebind(current: ConnectedInAdoption, address: string): Promise<void> {
    await this.persist(
      withAdoption(this.adoptions, { ...current, address, adopted_at: this.timestamp() }),
    );
    this.refusedClaims.delete(current.name.toLowerCase());
    this.logger.info(
      `satellite ${JSON.stringify(current.name)} re-adopted at ${address} (was ${current.address})`,
    );
  }

  private dial(uri: string): void {
    if (this.dialers.has(uri)) return;
    const dialer = new SatelliteDialer(
      this.options.registry,
      uri,
      this.options.timing,
      this.logger,
    );
    this.dialers.set(uri, dialer);
    dialer.start();
  }

  private async persist(adoptions: Adoption[]): Promise<void> {
    this.adoptions = adoptions;
    this.options.onChange?.();
    await this.options.store.save(adoptions);
  }

  private timestamp(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}
