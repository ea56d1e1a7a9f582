import { describe, expect, it } from 'vitest';
import type { PendingAction } from '../conversation/store.js';
import type { HomeEntity } from '../home/home.js';
import { CONFIRMATION_TIMEOUT_MS, decidePending, isSensitive } from './confirm.js';
import { AgentLanguages } from './languages.js';

function entity(entityId: string, attributes: Record<string, unknown> = {}): HomeEntity {
  const domain = entityId.split('.')[0]!;
  return { entity_id: entityId, domain, name: entityId, aliases: [], state: 'off', attributes };
}

describe('isSensitive', () => {
  const table: [string, string, HomeEntity | undefined, string[], boolean][] = [
    ['lock', 'unlock', entity('lock.front'), [], true],
    ['lock', 'open', entity('lock.front'), [], true],
    ['lock', 'lock', entity('lock.front'), [], false],
    ['alarm_control_panel', 'alarm_disarm', entity('alarm_control_panel.home'), [], true],
    ['alarm_control_panel', 'alarm_arm_away', entity('alarm_control_panel.home'), [], true],
    ['cover', 'open_cover', entity('cover.garage', { device_class: 'garage' }), [], true],
    ['cover', 'close_cover', entity('cover.gate', { device_class: 'gate' }), [], true],
    ['cover', 'open_cover', entity('cover.back', { device_class: 'door' }), [], true],
    ['cover', 'stop_cover', entity('cover.garage', { device_class: 'garage' }), [], false],
    ['cover', 'open_cover', entity('cover.blinds', { device_class: 'blind' }), [], false],
    ['cover', 'open_cover', entity('cover.unknown'), [], false],
    ['light', 'turn_on', entity('light.kitchen'), [], false],
    ['switch', 'turn_on', entity('switch.heater'), ['switch'], true],
    ['light', 'turn_on', entity('light.kitchen'), ['switch'], false],
  ];
  it.each(table)('%s.%s on %j with %j → %s', (domain, service, target, extra, expected) => {
    expect(isSensitive(domain, service, target, extra)).toBe(expected);
  });
});

describe('decidePending', () => {
  const action: PendingAction = {
    tool: 'ha_call_service',
    arguments: { domain: 'lock', service: 'unlock', entity_id: ['lock.front_door'] },
    question: 'Do you want me to unlock the front door?',
    language: 'en',
    at: 0,
  };
  const languages = new AgentLanguages();
  const table: [string, string, 'run' | 'cancel' | 'ignore'][] = [
    ['yes', 'en', 'run'],
    ['Yes please', 'en', 'run'],
    ['sure', 'en', 'run'],
    ['do it', 'en', 'run'],
    ['go ahead', 'en', 'run'],
    ['oui', 'fr', 'run'],
    ['Oui, vas-y', 'fr', 'run'],
    ["d'accord", 'fr', 'run'],
    ['no', 'en', 'cancel'],
    ['no thanks', 'en', 'cancel'],
    ['never mind', 'en', 'cancel'],
    ['non', 'fr', 'cancel'],
    ['laisse tomber', 'fr', 'cancel'],
    ['what time is it?', 'en', 'ignore'],
    ['yes, and turn on the light', 'en', 'ignore'],
    ['quelle heure est-il ?', 'fr', 'ignore'],
  ];
  it.each(table)('"%s" (%s) → %s', (text, language, expected) => {
    const answer = languages.answer(text, action.language, language);
    expect(decidePending(action, answer).kind).toBe(expected);
  });

  it('takes an answer only from the peer that was asked, within the timeout', () => {
    const asked = { ...action, peer: 'wyoming:192.168.1.20', at: 1000 };
    const at = (seconds: number) => 1000 + seconds * 1000;
    expect(decidePending(asked, 'yes', { peer: 'wyoming:192.168.1.20', now: at(5) }).kind).toBe(
      'run',
    );
    expect(decidePending(asked, 'yes', { peer: 'wyoming:192.168.1.66', now: at(5) }).kind).toBe(
      'ignore',
    );
    expect(decidePending(asked, 'yes', { now: at(5) }).kind).toBe('ignore');
    const late = at(CONFIRMATION_TIMEOUT_MS / 1000 + 1);
    expect(decidePending(asked, 'yes', { peer: 'wyoming:192.168.1.20', now: late }).kind).toBe(
      'ignore',
    );
  });

  it('ignores any answer when nothing waits', () => {
    expect(decidePending(undefined, 'yes')).toEqual({ kind: 'ignore' });
  });
});
