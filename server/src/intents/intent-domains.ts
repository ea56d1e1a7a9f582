// The domains a recognized request would touch, for the modes' gate (night mode acts on lights,
// locks and timers only): Home Assistant's domains of the entities named, else of the kind of
// target, and Jarvis's own (`timer`, `reminder`, `query`, `nevermind`) for the rest.
import type { IntentName, TargetKind } from './languages/language.js';
import { domainsOf } from './domains.js';
import type { Captures } from './match.js';
import type { SlotValue } from './slots.js';

const OWN: Partial<Record<IntentName, readonly string[]>> = {
  HassStartTimer: ['timer'],
  HassCancelTimer: ['timer'],
  HassTimerStatus: ['timer'],
  HassGetState: ['query'],
  HassClimateGetTemperature: ['query'],
  HassGetCurrentTime: ['query'],
  HassGetCurrentDate: ['query'],
  HassNevermind: ['nevermind'],
  JarvisReminderSet: ['reminder'],
  JarvisReminderList: ['reminder'],
  JarvisReminderCancel: ['reminder'],
  JarvisReminderAck: ['reminder'],
};

export function intentDomains(
  intent: IntentName,
  target: TargetKind | undefined,
  captures: Captures<SlotValue>,
): readonly string[] {
  const own = OWN[intent];
  if (own) return own;
  const name = captures.name;
  if (name?.kind === 'entities') return [...new Set(name.matches.map((m) => m.entity.domain))];
  return domainsOf(target) ?? ['any'];
}
