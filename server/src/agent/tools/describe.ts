// Devices as the model sees them: id, name, aliases, area, state and the few attributes that
// answer questions ("how bright", "how warm", "how loud"). Pure.
import type { HomeEntity } from '../../home/home.js';

/** Attributes worth showing, in this order. */
const USEFUL = [
  'device_class',
  'unit_of_measurement',
  'brightness',
  'color_temp_kelvin',
  'current_temperature',
  'temperature',
  'target_temp_low',
  'target_temp_high',
  'hvac_modes',
  'hvac_action',
  'current_position',
  'percentage',
  'volume_level',
  'is_volume_muted',
  'media_title',
  'source',
  'preset_mode',
] as const;

export interface EntitySummary {
  readonly entity_id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly area?: string;
  readonly state: string;
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** The attributes worth showing; brightness as a percentage, the way people say it. */
export function usefulAttributes(entity: HomeEntity): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of USEFUL) {
    const value = entity.attributes[name];
    if (value === undefined || value === null || value === '') continue;
    if (name === 'brightness' && typeof value === 'number') {
      picked['brightness_pct'] = Math.round((value / 255) * 100);
    } else {
      picked[name] = value;
    }
  }
  return picked;
}

export function summarize(entity: HomeEntity, areaName: string | undefined): EntitySummary {
  const attributes = usefulAttributes(entity);
  return {
    entity_id: entity.entity_id,
    name: entity.name,
    ...(entity.aliases.length ? { aliases: entity.aliases } : {}),
    ...(areaName ? { area: areaName } : {}),
    state: entity.state,
    ...(Object.keys(attributes).length ? { attributes } : {}),
  };
}

/** One line for the prompt: `light.hue_lamp_1 "Hue lamp 1" (Lampe Hue 1) in Living room: on, brightness_pct 50`. */
export function describeLine(entity: HomeEntity, areaName: string | undefined): string {
  const aliases = entity.aliases.length
    ? ` (also ${entity.aliases.map((a) => `"${a}"`).join(', ')})`
    : '';
  const where = areaName ? ` in ${areaName}` : '';
  const details = Object.entries(usefulAttributes(entity))
    .map(([name, value]) => `${name} ${Array.isArray(value) ? value.join('/') : String(value)}`)
    .join(', ');
  return `- ${entity.entity_id} "${entity.name}"${aliases}${where}: ${entity.state}${details ? `, ${details}` : ''}`;
}
