// The cards' configurations, validated as Home Assistant calls `setConfig`: a bad config throws
// a `ConfigError` naming the key, which Home Assistant shows as an error card. Pure.

export const SECTIONS = ['ask', 'announce', 'stats', 'arbitration'] as const;
export type Section = (typeof SECTIONS)[number];

export interface JarvisCardConfig {
  readonly type: string;
  readonly title?: string;
  /** Satellites to show, by satellite id or any of their entity ids; none: every one. */
  readonly satellites?: readonly string[];
  readonly compact: boolean;
  /** House-wide sections to show. */
  readonly sections: readonly Section[];
}

export interface JarvisRoomCardConfig {
  readonly type: string;
  /** The satellite, by satellite id or any of its entity ids. */
  readonly satellite: string;
  readonly compact: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Raw = Record<string, unknown>;

function object(config: unknown): Raw {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new ConfigError('config: expected an object');
  }
  return config as Raw;
}

function known(raw: Raw, keys: readonly string[]): void {
  // grid_options, visibility and view_layout belong to Home Assistant, not to the card.
  const allowed = new Set([...keys, 'type', 'grid_options', 'visibility', 'view_layout']);
  const unknown = Object.keys(raw).filter((key) => !allowed.has(key));
  if (unknown.length > 0) throw new ConfigError(`${unknown[0]}: unknown option`);
}

function optionalString(raw: Raw, key: string): string | undefined {
  const value = raw[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ConfigError(`${key}: expected a string`);
  return value;
}

function flag(raw: Raw, key: string, fallback: boolean): boolean {
  const value = raw[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new ConfigError(`${key}: expected true or false`);
  return value;
}

function stringList(raw: Raw, key: string): string[] | undefined {
  const value = raw[key];
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) throw new ConfigError(`${key}: expected a list`);
  list.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new ConfigError(`${key}[${index}]: expected a non-empty string`);
    }
  });
  return list as string[];
}

export function parseCardConfig(config: unknown): JarvisCardConfig {
  const raw = object(config);
  known(raw, ['title', 'satellites', 'compact', 'sections']);
  const sections = stringList(raw, 'sections') ?? [...SECTIONS];
  sections.forEach((section, index) => {
    if (!(SECTIONS as readonly string[]).includes(section)) {
      throw new ConfigError(`sections[${index}]: expected one of ${SECTIONS.join(', ')}`);
    }
  });
  const title = optionalString(raw, 'title');
  const satellites = stringList(raw, 'satellites');
  return {
    type: String(raw.type ?? ''),
    ...(title === undefined ? {} : { title }),
    ...(satellites === undefined ? {} : { satellites }),
    compact: flag(raw, 'compact', false),
    sections: sections as Section[],
  };
}

export function parseRoomCardConfig(config: unknown): JarvisRoomCardConfig {
  const raw = object(config);
  known(raw, ['satellite', 'compact']);
  const satellite = optionalString(raw, 'satellite');
  if (satellite === undefined || satellite.trim() === '') {
    throw new ConfigError('satellite: required (a satellite id or one of its entities)');
  }
  return { type: String(raw.type ?? ''), satellite, compact: flag(raw, 'compact', false) };
}
