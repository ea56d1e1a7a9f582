import { describe, expect, it } from 'vitest';
import { intentDomains } from './intent-domains.js';
import type { IntentName } from './languages/language.js';
import { TEST_ENTITIES } from './test-home.js';

const named = (...ids: string[]) => ({
  name: {
    kind: 'entities' as const,
    matches: ids.map((id) => ({
      entity: TEST_ENTITIES.find((e) => e.entity_id === id)!,
      said: id,
    })),
  },
});

describe('the domains a request touches', () => {
  it('the entities named, else the kind of target, else Jarvis’s own', () => {
    expect(intentDomains('HassTurnOn', 'onoff', named('switch.coffee_maker'))).toEqual(['switch']);
    expect(intentDomains('HassTurnOff', 'onoff', named('light.kitchen', 'light.hallway'))).toEqual([
      'light',
    ]);
    expect(intentDomains('HassTurnOn', 'light', {})).toEqual(['light']);
    expect(intentDomains('HassTurnOff', 'everything', {})).toEqual(['light', 'switch', 'fan']);
    expect(intentDomains('HassStartTimer', undefined, {})).toEqual(['timer']);
    expect(intentDomains('HassGetCurrentTime', undefined, {})).toEqual(['query']);
    expect(intentDomains('HassNevermind', undefined, {})).toEqual(['nevermind']);
    expect(intentDomains('JarvisReminderSet' as IntentName, undefined, {})).toEqual(['reminder']);
    expect(intentDomains('HassGetState', 'any', {})).toEqual(['query']);
  });
});
