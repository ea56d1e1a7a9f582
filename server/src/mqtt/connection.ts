// The bridge's broker connection: `mqtt.url` with its credentials and CA, the last will
// (`<base>/bridge/state` = offline, retained), reconnection with exponential backoff, and a
// status for `/health` and the start-up summary. Never blocks: connecting happens in the
// background and a broker that is down only shows in the status.
import { readFileSync } from 'node:fs';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { JarvisConfig } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import { type BridgeTopics, bridgeState } from './topics.js';

export interface ConnectionStatus {
  readonly url: string;
  readonly connected: boolean;
  /** Why the last attempt failed, while not connected. */
  readonly error?: string;
}

export interface Backoff {
  readonly minMs: number;
  readonly maxMs: number;
}

/** The URL without credentials, for logs and `/health`. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//');
}

export function clientOptions(
  config: JarvisConfig['mqtt'],
  topics: BridgeTopics,
  backoff: Backoff,
): IClientOptions {
  let ca: Buffer | undefined;
  if (config.ca_file) {
    try {
      ca = readFileSync(config.ca_file);
    } catch (error) {
      throw new ConfigError(
        `mqtt.ca_file: cannot read ${config.ca_file}: ${(error as Error).message}`,
      );
    }
  }
  return {
    protocolVersion: 5,
    clientId: `${topics.base}_${Math.random().toString(16).slice(2, 10)}`,
    clean: true,
    keepalive: 30,
    connectTimeout: 10_000,
    reconnectPeriod: backoff.minMs,
    ...(config.username ? { username: config.username } : {}),
    ...(config.password ? { password: config.password } : {}),
    ...(ca ? { ca } : {}),
    will: { topic: bridgeState(topics), payload: Buffer.from('offline'), qos: 1, retain: true },
  };
}

/**
 * Connects to the broker in the background; `onConnect` runs after every (re)connection.
 * The wait between attempts doubles up to `backoff.maxMs` and starts again once connected.
 */
export function connectBroker(options: {
  config: JarvisConfig['mqtt'] & { url: string };
  topics: BridgeTopics;
  backoff: Backoff;
  onConnect: (client: MqttClient) => void;
  logger?: Logger;
}): { client: MqttClient; status: () => ConnectionStatus } {
  const logger = options.logger ?? silentLogger;
  const url = safeUrl(options.config.url);
  const client = mqtt.connect(
    options.config.url,
    clientOptions(options.config, options.topics, options.backoff),
  );
  let error: string | undefined;
  let wasConnected = false;
  client.on('connect', () => {
    error = undefined;
    wasConnected = true;
    client.options.reconnectPeriod = options.backoff.minMs;
    logger.info(`MQTT: connected to ${url}`);
    options.onConnect(client);
  });
  client.on('error', (e) => {
    if (e.message !== error) logger.warn(`MQTT: ${url}: ${e.message}`);
    error = e.message;
  });
  client.on('close', () => {
    if (wasConnected) logger.warn(`MQTT: connection to ${url} lost; reconnecting`);
    wasConnected = false;
    const period = client.options.reconnectPeriod ?? options.backoff.minMs;
    client.options.reconnectPeriod = Math.min(period * 2, options.backoff.maxMs);
    error ??= 'not connected';
  });
  return {
    client,
    status: () => ({ url, connected: client.connected, ...(client.connected ? {} : { error }) }),
  };
}
