// Keeps Home Assistant's discovery configs in step with what the bridge would publish, as
// zigbee2mqtt does: read the retained configs of ours on the broker, publish only the new or
// changed ones (retained, QoS 1), remove a dropped component the documented way (`{platform}`
// first), and clear stale devices (and configs of an older shape) with an empty retained payload.
import type { MqttClient } from 'mqtt';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { DeviceConfig } from './discovery.js';
import { type BridgeTopics, deviceConfig } from './topics.js';

const RETAINED = { qos: 1, retain: true } as const;

export class DiscoverySync {
  /** Config topic -> payload, as the broker holds it (retained). */
  private readonly onBroker = new Map<string, string>();
  private readonly logger: Logger;
  private syncs = 0;

  constructor(
    private readonly client: MqttClient,
    private readonly topics: BridgeTopics,
    logger: Logger = silentLogger,
  ) {
    this.logger = logger;
  }

  /**
   * Reads the retained discovery configs that are ours (object id `<base>_...`, on any
   * component: device-based or per-entity from an older version). Completes when a marker
   * published after the subscription comes back: the broker sent every retained one before it.
   */
  async readRetained(): Promise<void> {
    this.onBroker.clear();
    const { prefix, base } = this.topics;
    const filters = [`${prefix}/+/+/config`, `${prefix}/+/+/+/config`];
    const marker = `${base}/bridge/sync/${process.pid}_${++this.syncs}`;
    const ours = new RegExp(`^${escape(prefix)}/[^/]+/(?:[^/]+/)?${escape(base)}_[^/]*/config$`);
    let finish: () => void = () => {};
    let fail: (error: Error) => void = () => {};
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const onMessage = (topic: string, payload: Buffer) => {
      if (topic === marker) finish();
      else if (ours.test(topic) && payload.length > 0) this.onBroker.set(topic, payload.toString());
    };
    // A connection lost half-way: the next one reads again.
    const onClose = () => fail(new Error('connection lost while reading the discovery configs'));
    this.client.on('message', onMessage);
    this.client.on('close', onClose);
    try {
      await this.client.subscribeAsync([...filters, marker], { qos: 1 });
      await this.client.publishAsync(marker, '', { qos: 1 });
      await done;
    } finally {
      this.client.off('message', onMessage);
      this.client.off('close', onClose);
      await this.client.unsubscribeAsync([...filters, marker]).catch(() => {});
    }
  }

  /**
   * Publishes `configs`: changed ones (all of them with `force`, after Home Assistant
   * restarted), and clears ours that are no longer produced. Returns the messages sent.
   */
  async publish(configs: readonly DeviceConfig[], force = false): Promise<number> {
    const wanted = new Map(
      configs.map((c) => [deviceConfig(this.topics, c.objectId), JSON.stringify(c.payload)]),
    );
    let sent = 0;
    for (const [topic, payload] of wanted) {
      const before = this.onBroker.get(topic);
      if (before === payload && !force) continue;
      const dropped = droppedComponents(before, payload);
      if (dropped) {
        await this.client.publishAsync(topic, dropped, RETAINED);
        sent++;
      }
      await this.client.publishAsync(topic, payload, RETAINED);
      this.onBroker.set(topic, payload);
      sent++;
    }
    for (const topic of [...this.onBroker.keys()]) {
      if (wanted.has(topic)) continue;
      this.logger.info(`MQTT: clearing the outdated discovery config ${topic}`);
      await this.client.publishAsync(topic, '', RETAINED);
      this.onBroker.delete(topic);
      sent++;
    }
    return sent;
  }
}

/**
 * Home Assistant removes one component of a device only when it arrives as `{platform}` alone:
 * the previous payload with the dropped components reduced so, or undefined when none dropped.
 */
function droppedComponents(before: string | undefined, after: string): string | undefined {
  if (!before) return undefined;
  let old: Record<string, unknown>;
  try {
    old = JSON.parse(before) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const oldComponents = old.components as Record<string, { platform?: string }> | undefined;
  const newComponents = (JSON.parse(after) as { components: Record<string, unknown> }).components;
  if (!oldComponents || typeof oldComponents !== 'object') return undefined;
  const gone = Object.keys(oldComponents).filter((key) => !(key in newComponents));
  if (gone.length === 0) return undefined;
  const components = Object.fromEntries(
    Object.entries(oldComponents).map(([key, component]) =>
      gone.includes(key) ? [key, { platform: component.platform }] : [key, component],
    ),
  );
  return JSON.stringify({ ...old, components });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
