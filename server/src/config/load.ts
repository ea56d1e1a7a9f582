import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { ZodIssue } from 'zod';
import { ConfigError } from '../errors.js';
import { unusedSettings } from './consistency.js';
import { ConfigSchema, type JarvisConfig } from './schema.js';

/** Environment variables for the common keys, by the path they set. */
export const ENV_OVERRIDES: ReadonlyArray<readonly [string, string, 'string' | 'number']> = [
  ['JARVIS_DATA_DIR', 'data_dir', 'string'],
  ['JARVIS_WYOMING_URI', 'wyoming.uri', 'string'],
  ['JARVIS_HTTP_PORT', 'http.port', 'number'],
  ['JARVIS_API_TOKEN', 'http.token', 'string'],
  ['JARVIS_HA_URL', 'home_assistant.url', 'string'],
  ['JARVIS_HA_TOKEN', 'home_assistant.token', 'string'],
  ['JARVIS_OLLAMA_URL', 'ollama.url', 'string'],
  ['JARVIS_OLLAMA_MODEL', 'ollama.model', 'string'],
  ['JARVIS_REDIS_URL', 'redis.url', 'string'],
  ['JARVIS_MQTT_URL', 'mqtt.url', 'string'],
  ['JARVIS_MQTT_USERNAME', 'mqtt.username', 'string'],
  ['JARVIS_MQTT_PASSWORD', 'mqtt.password', 'string'],
];

export interface LoadOptions {
  /** `--config FILE`, else `JARVIS_CONFIG`; none = defaults. */
  file?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Reads the configuration: the file, then environment overrides, validated by the schema.
 * Throws one `ConfigError` listing every problem by its path (`http.port: expected number`).
 */
export function loadConfig(options: LoadOptions = {}): JarvisConfig {
  const env = options.env ?? process.env;
  const file = options.file ?? env.JARVIS_CONFIG;
  const raw = file ? readConfigFile(file) : {};
  const problems: Problem[] = [];
  for (const [name, path, type] of ENV_OVERRIDES) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (type === 'number' && !/^\d+$/.test(value)) {
      problems.push({ path, message: `(from ${name}): expected a whole number, got '${value}'` });
      continue;
    }
    setPath(raw, path, type === 'number' ? Number(value) : value);
  }
  return validateConfig(raw, { where: file ? ` in ${file}` : '', problems });
}

/** One problem with a setting: its path (`http.port`) and what is wrong. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export interface ValidateOptions {
  /** Said after "invalid configuration" (` in /etc/jarvis.yaml`). */
  readonly where?: string;
  /** Problems found before validation (a bad environment variable). */
  readonly problems?: readonly Problem[];
  /** How a path is named to the user (the add-on names its options); default: the path. */
  readonly nameOf?: (path: string) => string;
}

/**
 * Validates a raw configuration (keys as in jarvis.yaml): the schema, then the settings that
 * would do nothing. Throws one `ConfigError` listing every problem by its name.
 */
export function validateConfig(raw: unknown, options: ValidateOptions = {}): JarvisConfig {
  const problems = [...(options.problems ?? [])];
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) {
    const defaults = ConfigSchema.parse({});
    for (const line of unusedSettings(raw, parsed.data, defaults)) {
      const colon = line.indexOf(': ');
      problems.push({ path: line.slice(0, colon), message: line.slice(colon + 2) });
    }
  } else {
    problems.push(...parsed.error.issues.map(describeIssue));
  }
  if (problems.length > 0 || !parsed.success) {
    const nameOf = options.nameOf ?? ((path: string) => path);
    const lines = problems.map(
      (p) => `${nameOf(p.path)}${p.message.startsWith('(') ? ' ' : ': '}${p.message}`,
    );
    throw new ConfigError(`invalid configuration${options.where ?? ''}:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}

export function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`,
      'config',
    );
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid YAML: ${(error as Error).message}`, 'config');
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`${file} must hold a mapping of keys to values`, 'config');
  }
  return parsed as Record<string, unknown>;
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

function describeIssue(issue: ZodIssue): Problem {
  const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const prefix = path === '(top level)' ? '' : `${path}.`;
    return { path: `${prefix}${issue.keys.join(', ')}`, message: 'unknown key' };
  }
  return { path, message: `${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}` };
}
