import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { allowPeers, parseCidr, PRIVATE_NETWORKS } from './peers.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

describe('allowed peers', () => {
  const local = allowPeers(PRIVATE_NETWORKS);

  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['192.168.1.20', true],
    ['::ffff:192.168.1.20', true],
    ['10.1.2.3', true],
    ['172.30.32.1', true], // the Home Assistant add-on network
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['8.8.8.8', false],
    ['::ffff:8.8.8.8', false],
    ['172.32.0.1', false],
    ['2001:db8::1', false],
  ])('%s is admitted by default: %s', (address, admitted) => {
    expect(local(address) === undefined).toBe(admitted);
  });

  it('admits a unix-socket peer, which only local users reach', () => {
    expect(local(undefined)).toBeUndefined();
  });

  it('says why a peer is refused', () => {
    expect(allowPeers(['10.0.0.0/8'])('127.0.0.1')).toMatch(/wyoming\.allowed_peers/);
  });

  it('reads a bare address as one host and refuses what is not a network', () => {
    expect(parseCidr('192.168.1.5')).toEqual({
      address: '192.168.1.5',
      prefix: 32,
      family: 'ipv4',
    });
    for (const bad of ['kitchen', '10.0.0.0/33', '10.0.0.0/8/1', '::/129', '10.0.0.0/x', ''])
      expect(() => parseCidr(bad), bad).toThrow();
  });

  it('refuses a config whose allowed_peers has something else, naming the key', () => {
    const file = join(tempDir('jarvis-peers-'), 'config.yaml');
    writeFileSync(file, 'wyoming:\n  allowed_peers: [127.0.0.0/8, the-kitchen]\n');
    expect(() => loadConfig({ file, env: {} })).toThrow(/wyoming\.allowed_peers\.1: 'the-kitchen'/);
  });
});
