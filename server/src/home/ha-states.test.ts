import { describe, expect, it } from 'vitest';
import { applyEntitiesEvent, type HaState } from './ha-states.js';

// Events as Home Assistant's subscribe_entities sends them (websocket_api/messages.py).
describe('applyEntitiesEvent', () => {
  it('adds compressed states, applies diffs and removals', () => {
    const states = new Map<string, HaState>();
    expect(
      applyEntitiesEvent(states, {
        a: {
          'light.kitchen': { s: 'off', a: { friendly_name: 'Kitchen', brightness: null } },
          'sun.sun': { s: 'above_horizon', a: {} },
        },
      }),
    ).toEqual(['light.kitchen', 'sun.sun']);
    expect(
      applyEntitiesEvent(states, {
        c: {
          'light.kitchen': {
            '+': { s: 'on', a: { brightness: 255 } },
            '-': { a: ['friendly_name'] },
          },
        },
      }),
    ).toEqual(['light.kitchen']);
    expect(states.get('light.kitchen')).toEqual({
      entity_id: 'light.kitchen',
      state: 'on',
      attributes: { brightness: 255 },
    });
    expect(
      applyEntitiesEvent(states, { c: { 'light.kitchen': { '+': { a: { x: 1 } } } } }),
    ).toEqual(['light.kitchen']);
    expect(states.get('light.kitchen')?.state).toBe('on');
    expect(applyEntitiesEvent(states, { r: ['sun.sun', 'sun.unknown'] })).toEqual(['sun.sun']);
    expect([...states.keys()]).toEqual(['light.kitchen']);
  });

  it('ignores diffs for entities it does not know and leaves the old state objects alone', () => {
    const states = new Map<string, HaState>();
    applyEntitiesEvent(states, { a: { 'switch.a': { s: 'off', a: { x: 1 } } } });
    const before = states.get('switch.a');
    expect(applyEntitiesEvent(states, { c: { 'switch.b': { '+': { s: 'on' } } } })).toEqual([]);
    applyEntitiesEvent(states, { c: { 'switch.a': { '+': { s: 'on', a: { x: 2 } } } } });
    expect(before).toEqual({ entity_id: 'switch.a', state: 'off', attributes: { x: 1 } });
  });
});
