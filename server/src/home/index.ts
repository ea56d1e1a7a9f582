// Chooses the home: Home Assistant when a URL/token or the add-on's Supervisor token is
// configured, else the built-in demo home.
import type { Logger } from 'wyoming-ts';
import { ConfigError } from '../errors.js';
import { DemoHome } from './demo-home.js';
import type { Home } from './home.js';
import { HomeAssistantHome, SUPERVISOR_URL } from './home-assistant.js';

export type { Home, HomeArea, HomeEntity, ServiceCall } from './home.js';
export { DemoHome, type DemoHomeOptions } from './demo-home.js';
export {
  HomeAssistantHome,
  normalizeHassUrl,
  SUPERVISOR_URL,
  type HomeAssistantHomeOptions,
} from './home-assistant.js';

export interface CreateHomeOptions {
  /** Home Assistant's URL (`http://homeassistant.local:8123`). */
  readonly url?: string;
  /** A long-lived access token. */
  readonly token?: string;
  /** The add-on's Supervisor token; defaults to `env.SUPERVISOR_TOKEN`. */
  readonly supervisorToken?: string;
  /** Only the entities exposed to Assist (default true). */
  readonly exposedOnly?: boolean;
  readonly logger: Logger;
  /** Where `SUPERVISOR_TOKEN` is read from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A home that may need to connect first; `start` resolves once it is loaded. */
export type StartableHome = Home & { start(signal?: AbortSignal): Promise<void> };

export const DEFAULT_HOME_ASSISTANT_URL = 'http://homeassistant.local:8123';

export function createHome(options: CreateHomeOptions): StartableHome {
  const env = options.env ?? process.env;
  const supervisorToken = options.supervisorToken || env['SUPERVISOR_TOKEN'] || undefined;
  const { logger, exposedOnly } = options;
  const url = options.url?.trim() || undefined;
  const token = options.token?.trim() || undefined;
  if (token) {
    const target = url ?? (supervisorToken ? SUPERVISOR_URL : DEFAULT_HOME_ASSISTANT_URL);
    logger.info(`home: Home Assistant at ${target} (long-lived token)`);
    return new HomeAssistantHome({ url: target, token, logger, exposedOnly });
  }
  if (supervisorToken) {
    const target = url ?? SUPERVISOR_URL;
    logger.info(`home: Home Assistant at ${target} (Supervisor token)`);
    return new HomeAssistantHome({ url: target, token: supervisorToken, logger, exposedOnly });
  }
  if (url) {
    throw new ConfigError(
      `a long-lived access token is needed to connect to ${url}`,
      'home_assistant.token',
    );
  }
  logger.info('home: no Home Assistant configured; using the built-in demo home');
  return new DemoHome({ logger });
}
