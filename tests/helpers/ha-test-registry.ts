// The registries of the Home Assistant test server: areas, devices and entity entries, in the
// shapes Home Assistant's websocket API returns them (config/*_registry/list, get_entries).
import { randomBytes } from 'node:crypto';

export type Json = Record<string, unknown>;
export type RegistryEntry = Json & { entity_id: string };

export interface HaAreaSeed {
  readonly area_id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly floor_id?: string | null;
}
export interface HaDeviceSeed {
  readonly id: string;
  readonly name: string;
  readonly area_id?: string | null;
  readonly name_by_user?: string | null;
  readonly manufacturer?: string | null;
  readonly model?: string | null;
}
export interface HaEntitySeed {
  readonly entity_id: string;
  readonly platform?: string;
  readonly name?: string | null;
  readonly original_name?: string | null;
  readonly aliases?: readonly string[];
  readonly area_id?: string | null;
  readonly device_id?: string | null;
  readonly disabled_by?: string | null;
  readonly hidden_by?: string | null;
  readonly entity_category?: string | null;
  readonly device_class?: string | null;
  readonly original_device_class?: string | null;
  readonly has_entity_name?: boolean;
}
export const USER_ID = '7a1d0c5bd2fa4b5e9b7e3d4f6a8c9e01';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A context id shaped like Home Assistant's (a 26-character ULID). */
export function ulid(): string {
  return [...randomBytes(26)].map((b) => CROCKFORD[b % 32]).join('');
}

/** Python's `datetime.isoformat()` for UTC: microseconds and `+00:00`. */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('Z', '000+00:00');
}

/** Home Assistant's timestamps in registry entries: seconds since the epoch. */
export const now = (): number => Date.now() / 1000;

export function areaEntry(seed: HaAreaSeed): Json {
  const t = now();
  return {
    aliases: [...(seed.aliases ?? [])].sort(),
    area_id: seed.area_id,
    floor_id: seed.floor_id ?? null,
    humidity_entity_id: null,
    icon: null,
    labels: [],
    name: seed.name,
    picture: null,
    temperature_entity_id: null,
    created_at: t,
    modified_at: t,
  };
}

export function deviceEntry(seed: HaDeviceSeed): Json {
  const t = now();
  return {
    area_id: seed.area_id ?? null,
    configuration_url: null,
    config_entries: ['01JCONFIGENTRY0000000000001'],
    config_entries_subentries: { '01JCONFIGENTRY0000000000001': [null] },
    connections: [],
    created_at: t,
    disabled_by: null,
    entry_type: null,
    hw_version: null,
    id: seed.id,
    identifiers: [['demo', seed.id]],
    labels: [],
    manufacturer: seed.manufacturer ?? null,
    model: seed.model ?? null,
    model_id: null,
    modified_at: t,
    name_by_user: seed.name_by_user ?? null,
    name: seed.name,
    primary_config_entry: '01JCONFIGENTRY0000000000001',
    serial_number: null,
    sw_version: null,
    via_device_id: null,
  };
}

export function entityEntry(seed: HaEntitySeed): RegistryEntry {
  const t = now();
  return {
    aliases: [...(seed.aliases ?? [])],
    area_id: seed.area_id ?? null,
    capabilities: null,
    categories: {},
    config_entry_id: '01JCONFIGENTRY0000000000001',
    config_subentry_id: null,
    created_at: t,
    device_class: seed.device_class ?? null,
    device_id: seed.device_id ?? null,
    disabled_by: seed.disabled_by ?? null,
    entity_category: seed.entity_category ?? null,
    entity_id: seed.entity_id,
    has_entity_name: seed.has_entity_name ?? false,
    hidden_by: seed.hidden_by ?? null,
    icon: null,
    id: randomBytes(16).toString('hex'),
    labels: [],
    modified_at: t,
    name: seed.name ?? null,
    options: {},
    original_device_class: seed.original_device_class ?? null,
    original_icon: null,
    original_name: seed.original_name ?? null,
    platform: seed.platform ?? 'demo',
    translation_key: null,
    unique_id: seed.entity_id.replace('.', '_'),
  };
}

/** The keys of `config/entity_registry/list` entries (the extended ones add aliases etc.). */
export const PARTIAL_KEYS = [
  'area_id',
  'categories',
  'config_entry_id',
  'config_subentry_id',
  'created_at',
  'device_id',
  'disabled_by',
  'entity_category',
  'entity_id',
  'has_entity_name',
  'hidden_by',
  'icon',
  'id',
  'labels',
  'modified_at',
  'name',
  'options',
  'original_name',
  'platform',
  'translation_key',
  'unique_id',
] as const;
