// The server's Home Assistant extensions around the voice loop: the automation actions (shared by
// every way in), the MQTT discovery bridge when `mqtt.url` is set, and Home Assistant events
// when the home is Home Assistant. Each has `start()`/`stop()`; none blocks start-up.
import { readFileSync } from 'node:fs';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { AppParts } from './app.js';
import { JarvisActions } from './automation/actions.js';
import { HaAutomation } from './automation/ha-automation.js';
import type { JarvisConfig } from './config/schema.js';
import { ConfigError } from './errors.js';
import type { EventBus } from './event-bus.js';
import type { Metrics } from './metrics.js';
import { MqttBridge } from './mqtt/bridge.js';
import type { Backoff } from './mqtt/connection.js';
import type { BridgeReminder } from './mqtt/states.js';
import type { SatelliteControls } from './satellites/controls.js';
import type { SatelliteFleet } from './satellites/fleet.js';
import type { SatelliteRegistry } from './satellites/registry.js';
import type { RoomMode } from './speech/schedule.js';
import type { Announcer } from './speech/speech-service.js';

export interface ExtensionSources {
  config: JarvisConfig;
  parts: AppParts;
  bus: EventBus;
  registry: SatelliteRegistry;
  fleet: SatelliteFleet;
  controls: SatelliteControls;
  metrics: Metrics;
  /** The reminders kept now, for the bridge's sensor. */
  reminders?: () => readonly BridgeReminder[];
  /** Announcements through the speech schedule (`announce` from HA, MQTT, the API). */
  announcer: Announcer;
  /** A satellite's mode: automations' questions and conversations follow it. */
  modeOf?: (satellite: string) => RoomMode;
  /** The server's wake-word models, offered to satellites that report none. */
  wakeModels: readonly string[];
  logger?: Logger;
}

export interface Extensions {
  readonly actions: JarvisActions;
  readonly controls: SatelliteControls;
  readonly mqtt?: MqttBridge;
  /** For `/health`: the broker connection. */
  status(): Record<string, unknown>;
  stop(): Promise<void>;
}

/** The server's version, for the bridge device and the discovery origin. */
export const SERVER_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export function startExtensions(sources: ExtensionSources, backoff?: Backoff): Extensions {
  const { config, parts, bus, registry, metrics } = sources;
  const logger = sources.logger ?? silentLogger;
  const actions = new JarvisActions({
    registry,
    bus,
    metrics,
    conversation: { ...parts, language: config.language, logger },
    stt: parts.stt,
    announcer: sources.announcer,
    ...(sources.modeOf && { modeOf: sources.modeOf }),
    logger,
  });
  const unfollow = sources.announcer.follow((item, satellite) =>
    actions.followHeld(item, satellite),
  );
  const mqtt = config.mqtt.url ? mqttBridge(sources, actions, backoff) : undefined;
  mqtt?.start();
  const events = parts.home.events;
  const automation = events
    ? new HaAutomation({ events, bus, actions, publishText: config.mqtt.publish_text, logger })
    : undefined;
  automation?.start();
  return {
    actions,
    controls: sources.controls,
    mqtt,
    status: () => (mqtt ? { mqtt: mqtt.status() } : {}),
    stop: async () => {
      unfollow();
      automation?.stop();
      await mqtt?.stop();
    },
  };
}

function mqttBridge(
  sources: ExtensionSources,
  actions: JarvisActions,
  backoff: Backoff | undefined,
): MqttBridge {
  const { config, parts } = sources;
  const mqtt = { ...config.mqtt, url: config.mqtt.url! };
  if (mqtt.discovery_prefix === mqtt.base_topic)
    throw new ConfigError('mqtt.base_topic: must differ from mqtt.discovery_prefix');
  return new MqttBridge({
    config: mqtt,
    bus: sources.bus,
    fleet: sources.fleet,
    registry: sources.registry,
    controls: sources.controls,
    actions,
    metrics: sources.metrics,
    health: () => {
      const status = parts.status?.() ?? {};
      return {
        agent: Boolean(status.agent),
        memory: Boolean(status.memory),
        context: Boolean(status.conversation_context),
      };
    },
    reminders: () => sources.reminders?.() ?? [],
    modes: parts.modes,
    version: SERVER_VERSION,
    defaultWakeWords: sources.wakeModels,
    backoff,
    logger: sources.logger,
  });
}
