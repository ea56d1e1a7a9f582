// The add-on's options (`/data/options.json`, set in Home Assistant's UI) mapped onto the
// server's configuration: the one place that knows both names, so an error about a setting
// names the option the user sees.
import { ConfigError } from '../errors.js';
import { type JarvisConfig } from '../config/schema.js';
import { writtenValue } from '../config/consistency.js';
import { setPath, validateConfig } from '../config/load.js';

/** Each option of ha-addon/config.yaml and the configuration path it sets. */
export const OPTION_PATHS = {
  language: 'language',
  log_level: 'log_level',
  ollama_url: 'ollama.url',
  ollama_model: 'ollama.model',
  wake_words: 'wake.models',
  wake_speed_variants: 'wake.speed_variants',
  satellites: 'satellites',
  moonshine: 'stt.moonshine.enabled',
  moonshine_model: 'stt.moonshine.model',
  stt_wyoming_uri: 'stt.wyoming_uri',
  tts_wyoming_uri: 'tts.wyoming_uri',
  mqtt_url: 'mqtt.url',
  mqtt_username: 'mqtt.username',
  mqtt_password: 'mqtt.password',
  api_token: 'http.token',
} as const satisfies Record<string, string>;

export type AddonOptions = Partial<Record<keyof typeof OPTION_PATHS, unknown>>;

/** What the add-on learns at start: where things are, from the Supervisor. */
export interface AddonRuntime {
  /** `/data`. */
  readonly dataDir: string;
  /** The Supervisor's broker (`mqtt://core-mosquitto:1883`) with its credentials, if any. */
  readonly mqtt?: { url: string; username?: string; password?: string };
  /** The server's settings that the add-on fixes (its ports, HA through the Supervisor). */
  readonly fixed?: Record<string, unknown>;
}

/** `ollama.url` -> `ollama_url`; a path inside an option (`satellites.0.uri`) keeps its tail. */
export function optionName(path: string): string {
  for (const [option, target] of Object.entries(OPTION_PATHS)) {
    if (path === target) return option;
    if (path.startsWith(`${target}.`)) return `${option}${path.slice(target.length)}`;
  }
  return `jarvis.yaml ${path}`;
}

/**
 * The raw configuration: `base` (an optional jarvis.yaml), the options over it, the runtime
 * over both. No Ollama URL turns the agent off rather than pointing it at the container.
 */
export function optionsToRaw(
  options: AddonOptions,
  runtime: AddonRuntime,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  const raw = structuredClone(base);
  const unknown = Object.keys(options).filter((key) => !(key in OPTION_PATHS));
  if (unknown.length > 0) {
    throw new ConfigError(`unknown add-on options: ${unknown.join(', ')}`, 'options');
  }
  for (const [option, path] of Object.entries(OPTION_PATHS)) {
    const value = options[option as keyof AddonOptions];
    if (value === undefined || value === null || value === '') continue;
    setPath(raw, path, value);
  }
  if (options.ollama_url === undefined && writtenValue(raw, 'ollama.url') === undefined) {
    setPath(raw, 'ollama.enabled', false);
  }
  if (writtenValue(raw, 'mqtt.url') === undefined && runtime.mqtt) {
    setPath(raw, 'mqtt.url', runtime.mqtt.url);
    if (runtime.mqtt.username) setPath(raw, 'mqtt.username', runtime.mqtt.username);
    if (runtime.mqtt.password) setPath(raw, 'mqtt.password', runtime.mqtt.password);
  }
  setPath(raw, 'data_dir', runtime.dataDir);
  for (const [path, value] of Object.entries(runtime.fixed ?? {})) setPath(raw, path, value);
  return raw;
}

/** The server's configuration from the add-on's options; errors name the options. */
export function addonConfig(
  options: AddonOptions,
  runtime: AddonRuntime,
  base?: Record<string, unknown>,
): JarvisConfig {
  return validateConfig(optionsToRaw(options, runtime, base), {
    where: ' (add-on options)',
    nameOf: optionName,
  });
}
