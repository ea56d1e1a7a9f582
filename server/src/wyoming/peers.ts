// Who may talk to the Wyoming endpoint: a list of networks in CIDR notation. The default is the
// machine itself and the private ranges a house uses, so a peer on the internet side of a
// forwarded port, or anywhere else, is refused before it can ask for anything.
import { BlockList, isIP } from 'node:net';

/** Loopback, the private IPv4 ranges, link-local, and IPv6 unique-local and link-local. */
export const PRIVATE_NETWORKS: readonly string[] = [
  '127.0.0.0/8',
  '::1/128',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
  'fc00::/7',
  'fe80::/10',
];

export interface Cidr {
  readonly address: string;
  readonly prefix: number;
  readonly family: 'ipv4' | 'ipv6';
}

/** Parses `10.0.0.0/8` or `fd00::/8` (a bare address is one host); throws with the reason. */
export function parseCidr(text: string): Cidr {
  const [address = '', prefixText, extra] = text.trim().split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) throw new Error(`'${text}' is not an IP network`);
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? String(max)) || prefix > max)
    throw new Error(`'${text}': the prefix length must be 0 to ${max}`);
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/**
 * The endpoint's admission check: undefined for a peer inside `networks` (or on a unix socket,
 * which only local users reach), else why it is refused.
 */
export function allowPeers(
  networks: readonly string[],
): (address: string | undefined) => string | undefined {
  const allowed = new BlockList();
  for (const network of networks) {
    const cidr = parseCidr(network);
    allowed.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return (address) => {
    if (address === undefined) return undefined;
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (allowed.check(address, family)) return undefined;
    return 'this address is not in wyoming.allowed_peers';
  };
}
