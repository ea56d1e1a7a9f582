// What may only happen after a spoken "yes", for the local intents and the agent alike:
// unlocking or opening a lock, arming or disarming an alarm, moving a garage door, gate or door
// cover (whatever the verb: "turn on the garage door" opens it), and anything in a domain the
// user listed (`agent.sensitive_domains`). Pure.
import type { HomeEntity, ServiceCall } from './home.js';

export const SENSITIVE_COVER_CLASSES: readonly string[] = ['garage', 'gate', 'door'];

/** Whether calling `domain.service` on `entity` needs the user's confirmation first. */
export function isSensitive(
  domain: string,
  service: string,
  entity: HomeEntity | undefined,
  extraDomains: readonly string[] = [],
): boolean {
  if (extraDomains.includes(domain)) return true;
  switch (domain) {
    case 'lock':
      return service === 'unlock' || service === 'open';
    case 'alarm_control_panel':
      return service.startsWith('alarm_');
    case 'cover': {
      const deviceClass = entity?.attributes['device_class'];
      return (
        typeof deviceClass === 'string' &&
        SENSITIVE_COVER_CLASSES.includes(deviceClass) &&
        service !== 'stop_cover'
      );
    }
    default:
      return false;
  }
}

/** Whether any of these calls, on these entities, needs a confirmation. */
export function needsConfirmation(
  calls: readonly ServiceCall[],
  entityOf: (entityId: string) => HomeEntity | undefined,
  extraDomains: readonly string[] = [],
): boolean {
  return calls.some((call) => {
    const list = call.target?.entity_id ?? [];
    if (list.length === 0) return isSensitive(call.domain, call.service, undefined, extraDomains);
    return list.some((id) => isSensitive(call.domain, call.service, entityOf(id), extraDomains));
  });
}
