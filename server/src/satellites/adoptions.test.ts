import { describe, expect, it } from 'vitest';
import { type Adoption, hostOf, judgeClaim, withAdoption, withoutAdoption } from './adoptions.js';

const NOW = '2025-01-01T00:00:00.000Z';
const kitchen: Adoption = {
  kind: 'connected-in',
  name: 'kitchen',
  address: '10.0.0.5',
  adopted_at: NOW,
};
const porch: Adoption = { kind: 'dialed', uri: 'tcp://10.0.0.9:10700', adopted_at: NOW };

describe('a connection claiming a satellite name', () => {
  const cases: Array<[string, Adoption[], string, string, ReturnType<typeof judgeClaim>]> = [
    [
      'a new name is adopted at its address',
      [porch],
      'bedroom',
      '10.0.0.7',
      {
        verdict: 'adopt',
        adoption: { kind: 'connected-in', name: 'bedroom', address: '10.0.0.7', adopted_at: NOW },
      },
    ],
    ['the adopted address is accepted', [kitchen], 'kitchen', '10.0.0.5', { verdict: 'accept' }],
    ['names compare without case', [kitchen], ' Kitchen', '10.0.0.5', { verdict: 'accept' }],
    [
      'another address is refused',
      [kitchen],
      'KITCHEN',
      '10.0.0.66',
      { verdict: 'refuse', adoptedAddress: '10.0.0.5' },
    ],
  ];
  for (const [name, adoptions, claimed, address, verdict] of cases) {
    it(name, () => expect(judgeClaim(adoptions, claimed, address, NOW)).toEqual(verdict));
  }
});

describe('the adoption list', () => {
  it('replaces the adoption of the same satellite, and removes it', () => {
    const moved: Adoption = { ...kitchen, name: 'Kitchen', address: '10.0.0.6' };
    expect(withAdoption([kitchen, porch], moved)).toEqual([porch, moved]);
    expect(withoutAdoption([kitchen, porch], { ...porch, name: 'porch' })).toEqual([kitchen]);
  });

  it('keeps the host of a remote address, not its port', () => {
    expect(hostOf('10.0.0.5:41234')).toBe('10.0.0.5');
    expect(hostOf('::ffff:10.0.0.5:41234')).toBe('10.0.0.5');
    expect(hostOf('::1:5000')).toBe('::1');
    expect(hostOf('unix-peer')).toBe('unix-peer');
  });
});
