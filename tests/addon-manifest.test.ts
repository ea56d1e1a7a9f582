// The add-on repository checked against the Supervisor's own rules (home-assistant/supervisor,
// supervisor/apps/validate.py, options.py, store/data.py; see ../shared/anchors/ha-addon-2026.md):
// what the Supervisor would refuse or drop silently fails here instead.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './helpers/satellite-process.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const addon = parse(read('ha-addon/config.yaml')) as Record<string, unknown>;
const schema = addon.schema as Record<string, unknown>;
const options = addon.options as Record<string, unknown>;

/** One schema element: a type, a type with bounds, match(...) or list(...), `?` = optional. */
const ELEMENT =
  /^(?:bool|email|url|port|device(?:\(subsystem=[a-z]+\))?|(?:str|password)(?:\(\d*,\d*\))?|int(?:\(-?\d*,-?\d*\))?|float(?:\(-?[\d.]*,-?[\d.]*\))?|match\((?<match>.*)\)|list\((?<list>.+)\))\??$/;

/** Whether `value` passes `element`, as the Supervisor's option validation would. */
function accepts(element: string, value: unknown): boolean {
  const found = ELEMENT.exec(element);
  if (!found) return false;
  if (found.groups?.match)
    return typeof value === 'string' && new RegExp(`^(?:${found.groups.match})$`).test(value);
  if (found.groups?.list) return found.groups.list.split('|').includes(String(value));
  if (element.startsWith('str') || element.startsWith('password')) return typeof value === 'string';
  if (element.startsWith('url')) return typeof value === 'string' && URL.canParse(value);
  if (element.startsWith('bool')) return typeof value === 'boolean';
  return value !== undefined;
}

/** Every element of the schema with its path (`satellites.uri`). */
function elements(node: unknown, path: string): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  if (Array.isArray(node)) return node.flatMap((item) => elements(item, path));
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    elements(value, path ? `${path}.${key}` : key),
  );
}

describe('the add-on repository, by the Supervisor rules', () => {
  it('has repository.yaml at the root with a name and a URL', () => {
    const repository = parse(read('repository.yaml')) as Record<string, unknown>;
    expect(repository.name).toBeTypeOf('string');
    expect(URL.canParse(String(repository.url))).toBe(true);
  });

  it('has no other file the Supervisor would read as an add-on', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' }).split(
      '\n',
    );
    const candidates = files.filter(
      (f) =>
        /(^|\/)config\.(ya?ml|json)$/.test(f) &&
        !f.split('/').some((p) => p.startsWith('.') || p === 'rootfs'),
    );
    expect(candidates).toEqual(['ha-addon/config.yaml']);
  });

  it('has the required keys and valid values', () => {
    for (const key of ['name', 'version', 'slug', 'description', 'arch'])
      expect(addon[key], key).toBeDefined();
    expect(addon.slug).toMatch(/^[-_.A-Za-z0-9]+$/);
    expect(addon.version).toBeTypeOf('string');
    expect(addon.arch).toEqual(['aarch64', 'amd64']);
    expect(addon.image).toMatch(/^[\w.\-/{}]+$/); // no tag: the Supervisor adds :version
    expect(addon.init).toBe(false);
    expect(['initialize', 'system', 'services', 'application', 'once']).toContain(addon.startup);
    expect(['auto', 'manual', 'manual_only']).toContain(addon.boot);
    for (const service of addon.services as string[])
      expect(service).toMatch(/^(mqtt|mysql):(provide|want|need)$/);
    expect(addon.discovery).toEqual(['wyoming']);
    expect(addon.homeassistant_api).toBe(true);
    expect(addon.watchdog).toMatch(
      /^(?:https?|\[PROTO:\w+\]|tcp):\/\/\[HOST\]:(\[PORT:\d+\]|\d+).*$/,
    );
    for (const entry of addon.map as Array<{ type: string }>) {
      expect([
        'data',
        'share',
        'media',
        'ssl',
        'backup',
        'homeassistant_config',
        'app_config',
        'all_app_configs',
      ]).toContain(entry.type);
    }
  });

  it('publishes the Wyoming port, not the ingress port', () => {
    const ports = addon.ports as Record<string, number | null>;
    for (const [key, value] of Object.entries(ports)) {
      expect(key).toMatch(/^\d+(\/tcp|\/udp)?$/);
      if (value !== null) expect(value).toBeGreaterThanOrEqual(1);
    }
    expect(ports['10600/tcp']).toBe(10600);
    expect(addon.ingress).toBe(true);
    expect(Object.keys(ports).map((p) => Number.parseInt(p))).not.toContain(addon.ingress_port);
  });

  it('has a valid schema element for every option, and defaults that pass it', () => {
    for (const [path, element] of elements(schema, '')) expect(element, path).toMatch(ELEMENT);
    for (const [key, value] of Object.entries(options)) {
      expect(schema, key).toHaveProperty(key);
      const element = schema[key];
      if (Array.isArray(value)) {
        for (const item of value)
          expect(accepts(String((element as unknown[])[0]), item), key).toBe(true);
      } else {
        expect(accepts(String(element), value), key).toBe(true);
      }
    }
    // Mandatory (no default, no ?) would keep the add-on from starting until set.
    for (const [key, element] of Object.entries(schema)) {
      if (typeof element === 'string' && !element.endsWith('?'))
        expect(options, key).toHaveProperty(key);
    }
  });

  it.each(['en', 'fr'])(
    'names every option, field and port in translations/%s.yaml',
    (language) => {
      const translation = parse(read(`ha-addon/translations/${language}.yaml`)) as {
        configuration: Record<
          string,
          { name: string; description?: string; fields?: Record<string, { name: string }> }
        >;
        network: Record<string, string>;
      };
      expect(Object.keys(translation.configuration).sort()).toEqual(Object.keys(schema).sort());
      for (const [key, element] of Object.entries(schema)) {
        const entry = translation.configuration[key]!;
        expect(entry.name, key).toBeTypeOf('string');
        const item = Array.isArray(element) ? element[0] : undefined;
        if (item && typeof item === 'object') {
          expect(Object.keys(entry.fields ?? {}).sort(), key).toEqual(Object.keys(item).sort());
        }
      }
      expect(Object.keys(translation.network).sort()).toEqual(
        Object.keys(addon.ports as object).sort(),
      );
    },
  );

  it('has its documents, images and AppArmor profile', () => {
    for (const file of ['DOCS.md', 'README.md', 'CHANGELOG.md', 'apparmor.txt']) {
      expect(existsSync(join(REPO_ROOT, 'ha-addon', file)), file).toBe(true);
    }
    const size = (file: string) => {
      const png = readFileSync(join(REPO_ROOT, 'ha-addon', file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size('icon.png')).toEqual([128, 128]);
    expect(size('logo.png')).toEqual([250, 100]);
    expect(read('ha-addon/apparmor.txt')).toMatch(new RegExp(`profile ${String(addon.slug)} `));
    expect(read('Dockerfile')).toMatch(/^ARG BUILD_FROM=ghcr\.io\/home-assistant\/base-debian:/m);
  });
});
