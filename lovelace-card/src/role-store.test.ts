import { describe, expect, it } from 'vitest';
import { storageRoleStore } from './role-store.js';

/** Storage with the browser's interface, over a map. */
function storage(initial: Record<string, string> = {}, full = false) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('storageRoleStore', () => {
  it('saves and loads the remembered roles', () => {
    const s = storage();
    const memory = new Map([
      ['sensor.kitchen', ['assist_state', 'kitchen'] as const],
      ['sensor.jarvis_commands', ['commands', null] as const],
    ]);
    storageRoleStore(s).save(memory);
    expect(storageRoleStore(s).load()).toEqual(memory);
  });

  it('ignores what it cannot read or write', () => {
    expect(storageRoleStore(storage({ 'jarvis-card:roles': '{not json' })).load()).toEqual(
      new Map(),
    );
    const mixed = JSON.stringify([['a', 'mute', 'k'], ['b', 3, null], 'c', ['d', 'ask', null]]);
    expect([
      ...storageRoleStore(storage({ 'jarvis-card:roles': mixed }))
        .load()
        .keys(),
    ]).toEqual(['a', 'd']);
    expect(() => storageRoleStore(storage({}, true)).save(new Map())).not.toThrow();
    expect(storageRoleStore(undefined).load()).toEqual(new Map());
  });
});
