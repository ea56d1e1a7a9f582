// `ha_call_service`: acts on the home. Only the entities exposed to Jarvis (named by id, name or
// alias, or every one of a domain in an area) and only allow-listed services; anything else is
// refused with a message the model can act on. Sensitive actions are held for a confirmation.
import type { HomeEntity, ServiceCall } from '../../home/home.js';
import { isSensitive } from '../confirm.js';
import { actionPhrase } from '../phrases.js';
import { resolveArea, resolveEntity } from './resolve.js';
import { checkService } from './services.js';
import { type AgentTool, type ToolContext, type ToolOutcome, refusal, result } from './tool.js';
import type { Checked } from './schema.js';

const NAME = 'ha_call_service';

export const haCallService: AgentTool = {
  name: NAME,
  description:
    'Control a device of the home through Home Assistant: turn lights on or off, dim them, set ' +
    'the thermostat, open covers, pause music... Target devices by entity_id (or exact name), ' +
    'or every device of the domain in an area. Only the devices of this home can be used.',
  parameters: {
    type: 'object',
    required: ['domain', 'service'],
    properties: {
      domain: {
        type: 'string',
        description:
          'Home Assistant domain, e.g. light, switch, cover, climate, media_player, lock',
      },
      service: {
        type: 'string',
        description:
          'Service of the domain, e.g. turn_on, turn_off, open_cover, set_temperature, volume_set',
      },
      entity_id: {
        type: 'array',
        items: { type: 'string' },
        description: 'Entity ids (or names) of the devices, e.g. ["light.kitchen"]',
      },
      area: {
        type: 'string',
        description:
          'An area id or name: every device of the domain there. Leave out when entity_id is given.',
      },
      data: {
        type: 'object',
        description:
          'Service data, e.g. {"brightness_pct": 50, "color_temp_kelvin": 2700}, {"temperature": 21}, {"volume_level": 0.4}',
      },
    },
  },
  run: (args, context) => callService(args, context),
};

/** The exposed entities the arguments name, all of the call's domain. */
export function targetsOf(
  args: Readonly<Record<string, unknown>>,
  domain: string,
  context: ToolContext,
): Checked<HomeEntity[]> {
  const { home } = context;
  const found = new Map<string, HomeEntity>();
  for (const said of (args['entity_id'] as string[] | undefined) ?? []) {
    const entity = resolveEntity(home, said, domain);
    if (!entity.ok) return entity;
    found.set(entity.value.entity_id, entity.value);
  }
  const areaSaid = args['area'] as string | undefined;
  if (areaSaid) {
    const area = resolveArea(home, areaSaid);
    if (!area.ok) return area;
    const inArea = home
      .entities()
      .filter((e) => e.area_id === area.value.area_id && e.domain === domain);
    if (inArea.length === 0)
      return { ok: false, error: `no ${domain} device is exposed in ${area.value.name}` };
    for (const entity of inArea) found.set(entity.entity_id, entity);
  }
  if (found.size === 0) return { ok: false, error: 'name the devices: entity_id or area' };
  const wrong = [...found.values()].filter((entity) => entity.domain !== domain);
  if (wrong.length) {
    const ids = wrong.map((entity) => entity.entity_id).join(', ');
    return { ok: false, error: `${ids} is not a ${domain}; call a service of its own domain` };
  }
  return { ok: true, value: [...found.values()] };
}

async function callService(
  args: Record<string, unknown>,
  context: ToolContext,
): Promise<ToolOutcome> {
  const domain = String(args['domain']).trim().toLowerCase();
  const checked = checkService(domain, String(args['service']).trim().toLowerCase(), args['data']);
  if (!checked.ok) return refusal(checked.error);
  const { service, data } = checked.value;
  const targets = targetsOf(args, domain, context);
  if (!targets.ok) return refusal(targets.error);
  const entities = targets.value;
  const entityIds = entities.map((entity) => entity.entity_id);
  const sensitive = entities.some((e) => isSensitive(domain, service, e, context.sensitiveDomains));
  if (sensitive && !context.confirmed) {
    const target = context.languages.targetOf(entities, context.language);
    return {
      content: JSON.stringify({ ok: false, needs_confirmation: true }),
      confirm: {
        arguments: { domain, service, entity_id: entityIds, data },
        question: actionPhrase('confirm', service, target, context.language),
      },
    };
  }
  const call: ServiceCall = {
    domain,
    service,
    target: { entity_id: entityIds },
    ...(Object.keys(data).length ? { data } : {}),
  };
  try {
    await context.home.callService(call, context.signal);
  } catch (error) {
    if (context.signal.aborted) throw error;
    return refusal(`Home Assistant could not do it: ${(error as Error).message}`);
  }
  return result(
    { called: `${domain}.${service}`, entities: entityIds, ...(call.data ? { data } : {}) },
    { calls: [call] },
  );
}
