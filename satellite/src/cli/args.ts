import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { ZodIssue } from 'zod';
import { ConfigError } from '../errors.js';
import { allOptions, type OptionInfo } from './option-kinds.js';
import { SatelliteOptionsSchema, type SatelliteOptions } from './schema.js';

type Raw = Record<string, unknown>;

/**
 * Reads the satellite's options: the schema's defaults, then the `--config` file, then flags,
 * validated by one schema. Throws one `ConfigError` listing every problem by the flag or key.
 */
export function parseSatelliteArgs(argv: readonly string[]): SatelliteOptions {
  const options = new Map(allOptions());
  const flags = normalize(parseFlags(argv, options), options, true);
  const configPath = typeof flags.config === 'string' ? flags.config : undefined;
  const file = configPath ? normalize(readConfigFile(configPath), options, false) : {};
  const raw: Raw = { ...file, ...flags };
  const parsed = SatelliteOptionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const where = (key: string) =>
    key in flags || !configPath ? `--${key}` : `${key} (in ${configPath})`;
  const problems = parsed.error.issues.map((issue) => describeIssue(issue, raw, where));
  if (problems.length === 1) throw new ConfigError(problems[0]!);
  throw new ConfigError(`invalid options:\n  ${problems.join('\n  ')}`);
}

/**
 * `--no-NAME` turns the boolean option NAME off, to override a config file or a default that is
 * on; of `--NAME` and `--no-NAME`, the later wins. Options whose own name starts with `no-`
 * (`--no-mic`) stay as they are.
 */
function negations(argv: readonly string[], options: Map<string, OptionInfo>) {
  const args: string[] = [];
  const off = new Map<string, number>();
  argv.forEach((arg, at) => {
    const name = /^--no-([a-z0-9-]+)$/.exec(arg)?.[1];
    if (name && !options.has(arg.slice(2)) && options.get(name)?.kind === 'boolean') {
      off.set(name, at);
    } else {
      args.push(arg);
    }
  });
  return { args, off };
}

function parseFlags(argv: readonly string[], options: Map<string, OptionInfo>): Raw {
  const { args, off } = negations(argv, options);
  const values = parseArgsOf(args, options);
  for (const [name, at] of off) {
    if (argv.lastIndexOf(`--${name}`) < at) values[name] = false;
  }
  return values;
}

function parseArgsOf(argv: readonly string[], options: Map<string, OptionInfo>): Raw {
  const config: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, info] of options) {
    config[name] = {
      type: info.kind === 'boolean' ? 'boolean' : 'string',
      multiple: info.kind === 'list',
    };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: config,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new ConfigError(`unexpected argument '${positionals[0]}'`);
    return { ...values } as Raw;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

/**
 * Flags are text: numbers are read as numbers (left as text when they are not, for the schema
 * to refuse). Lists from flags or the file take one name or several, comma-separated.
 */
function normalize(raw: Raw, options: Map<string, OptionInfo>, fromFlags: boolean): Raw {
  const out: Raw = {};
  for (const [key, value] of Object.entries(raw)) {
    const kind = options.get(key)?.kind;
    if (kind === 'list' && (typeof value === 'string' || Array.isArray(value))) {
      const items: unknown[] = Array.isArray(value) ? value : [value];
      out[key] = items.flatMap((item) =>
        typeof item === 'string' ? item.split(',').map((part) => part.trim()) : [item],
      );
    } else if (kind === 'number' && fromFlags && typeof value === 'string') {
      const number = Number(value);
      out[key] = value.trim() !== '' && Number.isFinite(number) ? number : value;
    } else {
      out[key] = value;
    }
  }
  return out;
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
  if ('config' in parsed) throw new ConfigError(`${path} cannot name another config`, '--config');
  return parsed as Raw;
}

function describeIssue(issue: ZodIssue, raw: Raw, where: (key: string) => string): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${where(key)}: unknown option`).join('; ');
  }
  const key = String(issue.path[0] ?? '');
  const whole = raw[key];
  const value =
    Array.isArray(whole) && typeof issue.path[1] === 'number' ? whole[issue.path[1]] : whole;
  const message = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  const got =
    issue.code === 'custom' || value === undefined || Array.isArray(value)
      ? ''
      : `, got ${JSON.stringify(value)}`;
  return `${where(key)}: ${message}${got}`;
}
