#!/usr/bin/env node
// The add-on's start script (the image's command under the Supervisor): the options from
// /data/options.json, the broker from the Supervisor's MQTT service, Home Assistant through the
// Supervisor's proxy, the server, the ingress page, then the Wyoming discovery once the port
// answers. A Supervisor call that fails is logged and retried; none stops the add-on.
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { createStderrLogger } from 'wyoming-ts/node';
import { portOf } from '../app.js';
import { readConfigFile } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { resolveApiToken } from '../http/token.js';
import { runMain, startJarvis, untilSignal } from '../serve.js';
import { announceWyoming } from './discovery.js';
import { startIngress } from './ingress.js';
import { type AddonOptions, addonConfig } from './options.js';
import { type MqttService, retrying, SUPERVISOR_URL, SupervisorClient } from './supervisor.js';

const PROGRAM = 'jarvis-addon';

/** Where things are; the environment moves them for tests and for running outside HA. */
function paths(env: NodeJS.ProcessEnv) {
  return {
    options: env.JARVIS_ADDON_OPTIONS ?? '/data/options.json',
    extraConfig: env.JARVIS_ADDON_CONFIG ?? '/config/jarvis.yaml',
    dataDir: env.JARVIS_DATA_DIR ?? '/data',
    supervisor: env.JARVIS_SUPERVISOR_URL ?? SUPERVISOR_URL,
    ingressPort: Number(env.JARVIS_INGRESS_PORT ?? 8100),
    ingressPeers: env.JARVIS_INGRESS_PEERS?.split(','),
  };
}

function readOptions(file: string): AddonOptions {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AddonOptions;
  } catch (error) {
    throw new ConfigError(`cannot read the add-on options ${file}: ${(error as Error).message}`);
  }
}

function brokerUrl(service: MqttService): string {
  return `${service.ssl ? 'mqtts' : 'mqtt'}://${service.host}:${service.port}`;
}

async function main(env: NodeJS.ProcessEnv): Promise<number> {
  const where = paths(env);
  const token = env.SUPERVISOR_TOKEN;
  if (!token) throw new ConfigError('SUPERVISOR_TOKEN is not set: this runs inside Home Assistant');
  const options = readOptions(where.options);
  const base = existsSync(where.extraConfig) ? readConfigFile(where.extraConfig) : {};
  // Before the options are validated: an unknown level logs at info until they are.
  const level = (['debug', 'info', 'warn', 'error'] as const).find((l) => l === options.log_level);
  const logger = createStderrLogger('jarvis:addon', level ?? 'info');
  const supervisor = new SupervisorClient({ url: where.supervisor, token });

  const ownBroker = options.mqtt_url !== undefined || (base.mqtt as { url?: string })?.url;
  const service = ownBroker
    ? undefined
    : await retrying('MQTT from the Supervisor', (s) => supervisor.mqtt(s), {
        logger,
        delaysMs: [1000, 2000, 5000],
      });
  if (!ownBroker && !service) logger.warn('no MQTT broker: Jarvis publishes no entities');
  const fixed: Record<string, unknown> = {};
  if (!(base.home_assistant as { url?: string })?.url) {
    fixed['home_assistant.url'] = `${supervisor.url}/core`;
  }
  // mDNS does not leave the add-on's network: Home Assistant learns of Jarvis from discovery.
  if (!base.wyoming) fixed['wyoming.zeroconf'] = false;
  if (!base.discovery) fixed['discovery.zeroconf'] = false;
  if (env.JARVIS_WYOMING_URI) fixed['wyoming.uri'] = env.JARVIS_WYOMING_URI;
  if (env.JARVIS_HTTP_PORT) fixed['http.port'] = Number(env.JARVIS_HTTP_PORT);
  const loaded = addonConfig(
    options,
    {
      dataDir: where.dataDir,
      mqtt: service && {
        url: brokerUrl(service),
        username: service.username,
        password: service.password,
      },
      fixed,
    },
    base,
  );
  const apiToken = await resolveApiToken(loaded.http.token, loaded.data_dir, logger);
  const config = { ...loaded, http: { ...loaded.http, token: apiToken.token } };
  const jarvis = await startJarvis(config, apiToken, logger);
  process.stderr.write(jarvis.summary);
  const ingress = await startIngress({
    host: '0.0.0.0',
    port: where.ingressPort,
    peers: where.ingressPeers,
    apiPort: jarvis.app.httpPort,
    apiToken: apiToken.token,
    logger,
  });
  logger.info(`ingress on port ${ingress.port}`);
  const stopping = new AbortController();
  const port = portOf(jarvis.app.wyomingUri);
  const announced =
    port === undefined
      ? Promise.resolve(undefined)
      : announceWyoming({
          supervisor,
          localUri: `tcp://127.0.0.1:${port}`,
          port,
          fallbackHost: hostname(),
          logger,
          signal: stopping.signal,
        });
  await untilSignal();
  stopping.abort();
  await announced;
  await ingress.stop();
  await jarvis.stop();
  return 0;
}

runMain(PROGRAM, main(process.env));
