import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.js';
import { OPTIONS, type OptionName, type OptionSpec, type SatelliteOptions } from './options.js';

type Raw = Record<string, unknown>;

/**
 * Reads the satellite's options: defaults, then the `--config` file, then flags. Throws
 * `ConfigError` naming the flag or key for anything unknown or out of range.
 */
export function parseSatelliteArgs(argv: readonly string[]): SatelliteOptions {
  const flags = parseFlags(argv);
  const file = typeof flags.config === 'string' ? readConfigFile(flags.config) : {};
  const options: Raw = {};
  for (const [name, spec] of Object.entries(OPTIONS) as Array<[OptionName, OptionSpec]>) {
    const fromFlag = flags[name];
    const fromFile = file[name];
    if (fromFlag !== undefined) options[name] = coerce(name, spec, fromFlag, `--${name}`);
    else if (fromFile !== undefined)
      options[name] = coerce(name, spec, fromFile, `${name} (in the config file)`);
    else options[name] = spec.default === undefined ? undefined : copy(spec.default);
  }
  if (options.vad && options['always-stream']) {
    throw new ConfigError('--vad and --always-stream exclude each other', '--vad');
  }
  return options as SatelliteOptions;
}

function parseFlags(argv: readonly string[]): Raw {
  const config: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(OPTIONS) as Array<[string, OptionSpec]>) {
    config[name] = {
      type: spec.type === 'boolean' ? 'boolean' : 'string',
      multiple: spec.type === 'list',
    };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: config,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new ConfigError(`unexpected argument '${positionals[0]}'`);
    return values as Raw;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

function readConfigFile(path: string): Raw {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`,
      '--config',
    );
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    throw new ConfigError(
      `${path} is not valid YAML or JSON: ${(error as Error).message}`,
      '--config',
    );
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`${path} must hold a mapping of option names to values`, '--config');
  }
  for (const key of Object.keys(parsed)) {
    if (!(key in OPTIONS) || key === 'config') {
      throw new ConfigError(`unknown option '${key}' in ${path}`, '--config');
    }
  }
  return parsed as Raw;
}

function coerce(name: string, spec: OptionSpec, value: unknown, where: string): unknown {
  switch (spec.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      throw new ConfigError(`expected true or false, got ${JSON.stringify(value)}`, where);
    case 'list': {
      const items = Array.isArray(value) ? value : [value];
      if (items.some((item) => typeof item !== 'string' || item === '')) {
        throw new ConfigError('expected names', where);
      }
      return items.flatMap((item: string) => item.split(',').map((part) => part.trim()));
    }
    case 'number': {
      const number = typeof value === 'number' ? value : Number(value);
      if (typeof value === 'boolean' || value === '' || !Number.isFinite(number)) {
        throw new ConfigError(`expected a number, got ${JSON.stringify(value)}`, where);
      }
      if (
        (spec.min !== undefined && number < spec.min) ||
        (spec.max !== undefined && number > spec.max)
      ) {
        throw new ConfigError(`${number} is outside ${spec.min}..${spec.max}`, where);
      }
      return number;
    }
    default:
      if (typeof value !== 'string')
        throw new ConfigError(`expected text, got ${JSON.stringify(value)}`, where);
      void name;
      return value;
  }
}

function copy<T>(value: T): T {
  return Array.isArray(value) ? ([...value] as T) : value;
}

/** `--help` text, grouped, generated from the option table. */
export function usage(): string {
  const lines = [
    'Usage: jarvis-satellite [options]',
    '       jarvis-satellite detect [--wake-word NAME]... [--threshold X] FILE.wav...',
    '',
  ];
  let group = '';
  for (const [name, spec] of Object.entries(OPTIONS) as Array<[string, OptionSpec]>) {
    if (spec.group !== group) {
      group = spec.group;
      lines.push(`${group}:`);
    }
    const value = spec.type === 'boolean' ? '' : spec.type === 'number' ? ' N' : ' VALUE';
    const fallback =
      spec.default === undefined || spec.default === false
        ? ''
        : ` (default: ${String(spec.default)})`;
    lines.push(`  --${name}${value}`.padEnd(34) + spec.help + fallback);
  }
  return lines.join('\n');
}
