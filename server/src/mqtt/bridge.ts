// The Home Assistant bridge over MQTT discovery, one extension with `start()`/`stop()` (as
// zigbee2mqtt's): the server as a bridge device and every adopted satellite as a device with
// entities, kept in step with the server's event bus; command topics drive the satellites.
// Nothing here blocks the voice loop: bus listeners only update state and publish in the
// background, and while the broker is away nothing queues (everything is re-sent on connect).
import type { MqttClient } from 'mqtt';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { JarvisActions } from '../automation/actions.js';
import { CommandError } from '../automation/commands.js';
import type { JarvisConfig } from '../config/schema.js';
import type { EventBus, ServerEvent } from '../event-bus.js';
import type { Metrics, Stats } from '../metrics.js';
import type { ModeStore } from '../modes/mode-store.js';
import { MODE_LABELS, modeOfLabel } from '../modes/policy.js';
import type { SatelliteControls } from '../satellites/controls.js';
import type { SatelliteFleet } from '../satellites/fleet.js';
import type { SatelliteRegistry } from '../satellites/registry.js';
import { bridgeCommand, satelliteCommand } from './command-handler.js';
import { type Backoff, type ConnectionStatus, connectBroker } from './connection.js';
import {
  type BridgeDescription,
  bridgeDevice,
  type DeviceConfig,
  type SatelliteDescription,
  satelliteDevice,
} from './discovery.js';
import { DiscoverySync } from './discovery-sync.js';
import {
  type BridgeReminder,
  bridgeStatsPayload,
  type SatelliteView,
  satelliteStatePayload,
  turnEventData,
} from './states.js';
import * as topic from './topics.js';

export interface MqttBridgeOptions {
  config: JarvisConfig['mqtt'] & { url: string };
  bus: EventBus;
  fleet: SatelliteFleet;
  registry: SatelliteRegistry;
  controls: SatelliteControls;
  actions: JarvisActions;
  metrics: Metrics;
  /** Agent, memory and context health, for the bridge's binary sensors. */
  health: () => { agent: boolean; memory: boolean; context: boolean };
  /** The reminders kept now, for the bridge's reminders sensor. */
  reminders?: () => readonly BridgeReminder[];
  /** The house's mode, for the bridge's house mode select. */
  modes?: ModeStore;
  version: string;
  /** The wake words offered when a satellite reported none. */
  defaultWakeWords: readonly string[];
  backoff?: Backoff;
  random?: () => number;
  logger?: Logger;
}

const RETAINED = { qos: 1, retain: true } as const;

export class MqttBridge {
  /** Messages published since start (for the benchmark). */
  published = 0;
  private readonly topics: topic.BridgeTopics;
  private readonly logger: Logger;
  private readonly views = new Map<string, SatelliteView>();
  /** Satellite key -> id, for the satellites published now. */
  private keys = new Map<string, string>();
  private readonly lastState = new Map<string, string>();
  private readonly timerRefresh = new Map<string, ReturnType<typeof setTimeout>>();
  private connection: { client: MqttClient; status: () => ConnectionStatus } | undefined;
  private discovery: DiscoverySync | undefined;
  /** Discovery synced on the current connection: states may be published. */
  private ready = false;
  private queue: Promise<unknown> = Promise.resolve();
  private rediscover: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopFollowingModes: (() => void) | undefined;

  constructor(private readonly options: MqttBridgeOptions) {
    this.topics = {
      prefix: options.config.discovery_prefix,
      base: options.config.base_topic,
    };
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    this.unsubscribe = this.options.bus.on((event) => this.onBusEvent(event));
    this.stopFollowingModes = this.options.modes?.onChange(() => this.publishStats());
    this.connection = connectBroker({
      config: this.options.config,
      topics: this.topics,
      backoff: this.options.backoff ?? { minMs: 500, maxMs: 30_000 },
      onConnect: (client) => void this.serialize(() => this.onConnect(client)),
      logger: this.logger,
    });
    this.connection.client.on('message', (t, payload) => this.onMessage(t, payload.toString()));
    this.connection.client.on('close', () => (this.ready = false));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.stopFollowingModes?.();
    clearTimeout(this.rediscover);
    for (const timer of this.timerRefresh.values()) clearTimeout(timer);
    const client = this.connection?.client;
    if (!client) return;
    await this.queue.catch(() => {});
    if (client.connected)
      await client
        .publishAsync(topic.bridgeState(this.topics), 'offline', RETAINED)
        .catch(() => {});
    await client.endAsync();
  }

  status(): ConnectionStatus | undefined {
    return this.connection?.status();
  }

  /** After every (re)connection: online, subscriptions, discovery in step, every state. */
  private async onConnect(client: MqttClient): Promise<void> {
    this.ready = false;
    this.discovery ??= new DiscoverySync(client, this.topics, this.logger);
    await this.send(topic.bridgeState(this.topics), 'online', RETAINED);
    await client.subscribeAsync(
      [...topic.commandFilters(this.topics), topic.haStatus(this.topics)],
      {
        qos: 1,
      },
    );
    await this.discovery.readRetained();
    this.published += await this.discovery.publish(this.configs());
    this.ready = true;
    this.lastState.clear();
    this.publishStates();
  }

  private onMessage(t: string, payload: string): void {
    if (t === topic.haStatus(this.topics)) {
      if (payload === 'online') this.scheduleRediscovery();
      return;
    }
    const parsed = topic.parseCommandTopic(this.topics, t);
    if (!parsed) return;
    void this.command(t, parsed, payload);
  }

  private async command(t: string, parsed: { key?: string; role: string }, payload: string) {
    try {
      if (parsed.key === undefined)
        return await bridgeCommand(this.bridgeTargets(), parsed.role, payload);
      const id = this.keys.get(parsed.key);
      if (!id) throw new CommandError(`no satellite ${JSON.stringify(parsed.key)} is published`);
      await satelliteCommand(
        { ...this.options, wakeWords: (sid) => this.wakeWords(sid) },
        id,
        parsed.role,
        payload,
      );
    } catch (error) {
      const why =
        error instanceof CommandError ? error.message : `failed: ${(error as Error).message}`;
      this.logger.warn(`MQTT ${t}: ${why}; ignored`);
    }
  }

  private bridgeTargets() {
    const modes = this.options.modes;
    const setHouseMode = (label: string) => {
      const mode = modeOfLabel(label);
      if (mode) modes?.set(mode);
    };
    return { actions: this.options.actions, ...(modes && { setHouseMode }) };
  }

  /** Home Assistant restarted: configs again after a small random delay, then the states. */
  private scheduleRediscovery(): void {
    clearTimeout(this.rediscover);
    const delay = (this.options.random ?? Math.random)() * this.options.config.rediscover_delay_ms;
    this.rediscover = setTimeout(() => {
      void this.serialize(async () => {
        if (!this.ready || !this.discovery) return;
        this.published += await this.discovery.publish(this.configs(), true);
        this.lastState.clear();
        this.publishStates();
      });
    }, delay);
  }

  private onBusEvent(event: ServerEvent): void {
    switch (event.type) {
      case 'phase':
        this.view(event.satellite, { assistState: event.phase });
        return this.publishSatellite(event.satellite);
      case 'turn':
        if (event.satellite) {
          const spoken = (text?: string) => (text ? { text, language: event.language } : undefined);
          this.view(event.satellite, {
            ...(event.transcript ? { transcript: spoken(event.transcript) } : {}),
            ...(event.response ? { response: spoken(event.response) } : {}),
            timings: event.timings,
          });
          this.publishSatellite(event.satellite);
          this.publishEvent(event.satellite, {
            event_type: 'turn_finished',
            ...turnEventData(event.satellite, event, this.options.config.publish_text),
          });
        }
        return this.publishStats();
      case 'wake':
        return this.publishEvent(event.satellite, {
          event_type: 'wake_detected',
          satellite: event.satellite,
          wake_word: event.wake_word,
        });
      case 'arbitration-lost':
        return this.publishEvent(event.satellite, {
          event_type: 'arbitration_lost',
          satellite: event.satellite,
        });
      case 'satellite-settings':
        this.refreshDiscovery();
        return this.publishSatellite(event.satellite);
      case 'reminders-changed':
        return this.publishStats();
      case 'satellite-connected':
      case 'satellite-disconnected':
      case 'satellites-changed':
        this.refreshDiscovery();
        this.publishStates();
        return;
    }
  }

  private view(id: string, change: Partial<SatelliteView>): SatelliteView {
    const before = this.views.get(id) ?? { id, assistState: 'idle', timers: [] };
    const after = { ...before, ...change };
    this.views.set(id, after);
    return after;
  }

  private satellites(): SatelliteDescription[] {
    const keys = new Map<string, string>();
    const described: SatelliteDescription[] = [];
    for (const entry of this.options.fleet.list()) {
      if (entry.adopted_via === null) continue;
      const key = topic.satelliteKey(entry.id);
      if (keys.has(key)) continue;
      keys.set(key, entry.id);
      described.push({
        key,
        name: entry.name,
        area: entry.area,
        wakeWords: this.wakeWords(entry.id),
      });
    }
    this.keys = keys;
    return described;
  }

  private wakeWords(id: string): readonly string[] {
    const reported = this.options.controls.get(id).wakeWords;
    return reported.length > 0 ? reported : this.options.defaultWakeWords;
  }

  private describe(): BridgeDescription {
    return {
      topics: this.topics,
      version: this.options.version,
      configurationUrl: this.options.config.configuration_url,
      publishText: this.options.config.publish_text,
    };
  }

  private configs(): DeviceConfig[] {
    const d = this.describe();
    return [bridgeDevice(d), ...this.satellites().map((s) => satelliteDevice(d, s))];
  }

  private refreshDiscovery(): void {
    void this.serialize(async () => {
      if (this.ready && this.discovery)
        this.published += await this.discovery.publish(this.configs());
    });
  }

  private publishStates(): void {
    this.publishStats();
    for (const [key, id] of this.keys) {
      const online = this.options.registry.get(id) !== undefined;
      this.publishRetained(
        topic.satelliteAvailability(this.topics, key),
        online ? 'online' : 'offline',
      );
      this.publishSatellite(id);
    }
  }

  private publishSatellite(id: string): void {
    const key = [...this.keys].find(([, value]) => value === id)?.[0];
    if (!key) return;
    const session = this.options.registry.get(id);
    const view = this.view(id, {
      assistState: session?.phase ?? this.views.get(id)?.assistState ?? 'idle',
      timers: session?.timerList() ?? [],
    });
    this.scheduleTimerRefresh(id, view.timers);
    const settings = this.options.controls.get(id);
    const payload = satelliteStatePayload(
      view,
      settings,
      this.wakeWords(id),
      this.options.config.publish_text,
    );
    this.publishRetained(topic.satelliteState(this.topics, key), JSON.stringify(payload));
  }

  /** A running timer's end changes the count: published again then. */
  private scheduleTimerRefresh(id: string, timers: SatelliteView['timers']): void {
    clearTimeout(this.timerRefresh.get(id));
    if (timers.length === 0) return;
    const soonest = Math.min(...timers.map((t) => t.secondsLeft));
    const timer = setTimeout(() => this.publishSatellite(id), (soonest + 1) * 1000);
    timer.unref();
    this.timerRefresh.set(id, timer);
  }

  /** From the metrics registry every way in counts into. */
  private publishStats(): void {
    void this.options.metrics.stats().then((stats) => this.publishStatsOf(stats));
  }

  private publishStatsOf(stats: Stats): void {
    const payload = bridgeStatsPayload({
      commands: stats.turns,
      errors: stats.errors,
      latencyAverage: stats.average,
      latencyP95: stats.p95,
      satellitesOnline: this.options.registry.size,
      ...this.options.health(),
      reminders: this.options.reminders?.() ?? [],
      publishText: this.options.config.publish_text,
      houseMode: MODE_LABELS[this.options.modes?.modeOf() ?? 'normal'],
    });
    this.publishRetained(topic.bridgeStats(this.topics), JSON.stringify(payload));
  }

  private publishEvent(id: string, data: Record<string, unknown>): void {
    const key = [...this.keys].find(([, value]) => value === id)?.[0];
    if (!key || !this.ready) return;
    void this.send(topic.satelliteEvent(this.topics, key), JSON.stringify(data), { qos: 1 });
  }

  /** A retained state, unless the broker has it already. */
  private publishRetained(t: string, payload: string): void {
    if (!this.ready || this.lastState.get(t) === payload) return;
    this.lastState.set(t, payload);
    void this.send(t, payload, RETAINED);
  }

  private async send(
    t: string,
    payload: string,
    options: { qos: 0 | 1; retain?: boolean },
  ): Promise<void> {
    const client = this.connection?.client;
    if (!client?.connected) return;
    this.published++;
    await client.publishAsync(t, payload, options).catch((error: Error) => {
      this.lastState.delete(t);
      this.logger.debug(`MQTT: publish to ${t} failed: ${error.message}`);
    });
  }

  /** Discovery steps run one at a time, in order. */
  private serialize(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step).catch((error: Error) => {
      this.logger.warn(`MQTT: ${error.message}`);
    });
    this.queue = next;
    return next;
  }
}
