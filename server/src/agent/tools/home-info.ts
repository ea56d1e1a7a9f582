// Reading the home: `get_states` (devices with their state), `list_areas`, `list_devices`.
// Only what the home exposes to Jarvis.
import type { HomeEntity } from '../../home/home.js';
import { summarize } from './describe.js';
import { areaName, resolveArea, resolveEntity } from './resolve.js';
import { type AgentTool, type ToolContext, type ToolOutcome, refusal, result } from './tool.js';

const MAX_STATES = 25;
const MAX_DEVICES = 60;

/** Entities by area and domain; the satellite's area when neither is given. */
function filtered(args: Record<string, unknown>, context: ToolContext): HomeEntity[] | string {
  const { home } = context;
  let entities = [...home.entities()];
  const areaSaid = args['area'] as string | undefined;
  if (areaSaid) {
    const area = resolveArea(home, areaSaid);
    if (!area.ok) return area.error;
    entities = entities.filter((entity) => entity.area_id === area.value.area_id);
  }
  const domain = args['domain'] as string | undefined;
  if (domain) entities = entities.filter((entity) => entity.domain === domain.trim().toLowerCase());
  return entities;
}

export const getStates: AgentTool = {
  name: 'get_states',
  description:
    'Current state of devices (on/off, brightness, temperature, position, volume...). Give ' +
    'entity ids or names, or an area and/or a domain; with nothing, the devices of the ' +
    "user's room.",
  parameters: {
    type: 'object',
    properties: {
      entity_id: { type: 'array', items: { type: 'string' }, description: 'Entity ids or names' },
      area: { type: 'string', description: 'An area id or name' },
      domain: { type: 'string', description: 'A domain, e.g. light, sensor, climate' },
    },
  },
  async run(args, context): Promise<ToolOutcome> {
    const { home, request } = context;
    const named = (args['entity_id'] as string[] | undefined) ?? [];
    let entities: HomeEntity[] = [];
    for (const said of named) {
      const found = resolveEntity(home, said);
      if (!found.ok) return refusal(found.error);
      entities.push(found.value);
    }
    if (!named.length) {
      const scoped =
        !args['area'] && !args['domain'] && request.area ? { area: request.area } : args;
      const picked = filtered(scoped, context);
      if (typeof picked === 'string') return refusal(picked);
      entities = picked;
    }
    const shown = entities.slice(0, MAX_STATES).map((e) => summarize(e, areaName(home, e.area_id)));
    const more = entities.length - shown.length;
    return result({ entities: shown, ...(more > 0 ? { not_shown: more } : {}) });
  },
};

export const listAreas: AgentTool = {
  name: 'list_areas',
  description: 'The areas (rooms) of the home, with their names and how many devices each has.',
  parameters: { type: 'object', properties: {} },
  async run(_args, { home, request }): Promise<ToolOutcome> {
    const entities = home.entities();
    const areas = home.areas().map((area) => ({
      area_id: area.area_id,
      name: area.name,
      ...(area.aliases.length ? { aliases: area.aliases } : {}),
      devices: entities.filter((entity) => entity.area_id === area.area_id).length,
      ...(area.area_id === request.area ? { user_is_here: true } : {}),
    }));
    return result({ areas });
  },
};

export const listDevices: AgentTool = {
  name: 'list_devices',
  description:
    'The devices Jarvis can use (entity id, name, domain, area), optionally in one area or of one domain.',
  parameters: {
    type: 'object',
    properties: {
      area: { type: 'string', description: 'An area id or name' },
      domain: { type: 'string', description: 'A domain, e.g. light, switch, cover' },
    },
  },
  async run(args, context): Promise<ToolOutcome> {
    const picked = filtered(args, context);
    if (typeof picked === 'string') return refusal(picked);
    const devices = picked.slice(0, MAX_DEVICES).map((entity) => ({
      entity_id: entity.entity_id,
      name: entity.name,
      domain: entity.domain,
      ...(entity.area_id ? { area: areaName(context.home, entity.area_id) } : {}),
    }));
    const more = picked.length - devices.length;
    return result({ devices, ...(more > 0 ? { not_shown: more } : {}) });
  },
};
