// Running a routine's actions in order, each on its own: an action that fails (an entity that no
// longer exists or is not exposed to Jarvis, Home Assistant refusing) is noted and the next one
// still runs. The answer is the routine's own words, then what could not be done.
import type { Home, ServiceCall } from '../home/home.js';
import { type RoutineAction, textIn } from './schema.js';

export interface ActionFailure {
  /** What failed, as people know it: the entity's name, else its id, else the service. */
  readonly what: string;
  readonly reason: 'missing' | 'refused';
  /** Home Assistant's message, for the log. */
  readonly detail?: string;
}

export interface RoutineRun {
  readonly calls: readonly ServiceCall[];
  readonly said: readonly string[];
  readonly failures: readonly ActionFailure[];
}

/** The service call an action makes; none for `say`. */
export function callOf(action: RoutineAction): ServiceCall | undefined {
  if ('scene' in action) return entityCall('scene', 'turn_on', action.scene);
  if ('script' in action) return entityCall('script', 'turn_on', action.script);
  if (!('service' in action)) return undefined;
  const [domain = '', service = ''] = action.service.split('.');
  const target = action.target && {
    ...(action.target.entity_id && { entity_id: action.target.entity_id }),
    ...(action.target.area_id && { area_id: action.target.area_id }),
  };
  return { domain, service, ...(target && { target }), ...(action.data && { data: action.data }) };
}

function entityCall(domain: string, service: string, entityId: string): ServiceCall {
  return { domain, service, target: { entity_id: [entityId] } };
}

export async function runActions(
  actions: readonly RoutineAction[],
  home: Home,
  language: string,
  signal?: AbortSignal,
): Promise<RoutineRun> {
  const calls: ServiceCall[] = [];
  const said: string[] = [];
  const failures: ActionFailure[] = [];
  for (const action of actions) {
    if ('say' in action) {
      said.push(textIn(action.say, language));
      continue;
    }
    const call = callOf(action)!;
    const ids = call.target?.entity_id ?? [];
    const missing = ids.filter((id) => !home.entity(id));
    for (const id of missing) failures.push({ what: id, reason: 'missing' });
    const present = ids.filter((id) => home.entity(id));
    if (ids.length > 0 && present.length === 0 && !call.target?.area_id?.length) continue;
    const made: ServiceCall =
      missing.length === 0 ? call : { ...call, target: { ...call.target, entity_id: present } };
    try {
      await home.callService(made, signal);
      calls.push(made);
    } catch (error) {
      if (signal?.aborted) throw error;
      const what = present.map((id) => home.entity(id)?.name ?? id).join(', ') || call.domain;
      failures.push({ what, reason: 'refused', detail: (error as Error).message });
    }
  }
  return { calls, said, failures };
}
