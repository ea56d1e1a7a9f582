// A network namespace with only loopback, and what processes run inside it tried on the network,
// from strace: for the test that nothing leaves the house.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Why the namespace test cannot run here (not root, no `ip`, no `strace`), or undefined. */
export function netnsUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to create a network namespace';
  for (const [tool, pkg] of [
    ['ip', 'iproute2'],
    ['strace', 'strace'],
  ]) {
    if (spawnSync(tool!, ['-V'], { stdio: 'ignore' }).error)
      return `needs ${tool} (Debian package ${pkg})`;
  }
  return undefined;
}

/** A namespace with `lo` up and nothing else; `remove()` deletes it. */
export function createNetns(name: string): { name: string; remove(): void } {
  execFileSync('ip', ['netns', 'add', name]);
  execFileSync('ip', ['netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up']);
  return { name, remove: () => execFileSync('ip', ['netns', 'delete', name]) };
}

/** A wrapper that runs a command in `netns`, its network calls traced into `traceFile`. */
export function tracedIn(netns: string, traceFile: string): string[] {
  return [
    ...['ip', 'netns', 'exec', netns],
    ...['strace', '-f', '-qq', '-o', traceFile],
    ...['-e', 'trace=connect,sendto,sendmsg,sendmmsg', '-e', 'signal=none'],
  ];
}

/** Where a traced call went: an IPv4/IPv6 address and port (other families are not network). */
export interface NetworkAttempt {
  call: string;
  address: string;
  port: number;
  line: string;
}

const CALL = /^\d+ +(connect|sendto|sendmsg|sendmmsg)\(/;
const INET = /sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/g;
const INET6 = /sin6_port=htons\((\d+)\).*?inet_pton\(AF_INET6, "([^"]+)"/g;
/** A name lookup through a local daemon (nscd, systemd-resolved) instead of port 53. */
const RESOLVER_SOCKET = /sun_path="([^"]*(?:nscd|resolve)[^"]*)"/g;

/**
 * Every IPv4/IPv6 destination in an strace file, and name-resolver sockets (port 53, as
 * `unix:PATH`); other `AF_UNIX` sockets and netlink are left out.
 */
export function networkAttempts(traceFile: string): NetworkAttempt[] {
  const attempts: NetworkAttempt[] = [];
  for (const line of readFileSync(traceFile, 'utf8').split('\n')) {
    const call = CALL.exec(line)?.[1];
    if (!call) continue;
    for (const pattern of [INET, INET6]) {
      for (const [, port, address] of line.matchAll(pattern)) {
        attempts.push({ call, address: address!, port: Number(port), line });
      }
    }
    for (const [, path] of line.matchAll(RESOLVER_SOCKET)) {
      attempts.push({ call, address: `unix:${path}`, port: 53, line });
    }
  }
  return attempts;
}

/** mDNS, the one thing zeroconf may send beyond loopback. */
export const MDNS = [
  { address: '224.0.0.251', port: 5353 },
  { address: 'ff02::fb', port: 5353 },
];

export function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address);
}

/** The attempts outside loopback (and DNS even on loopback), but for `allowed` destinations. */
export function leaks(
  attempts: NetworkAttempt[],
  allowed: { address: string; port: number }[] = [],
): NetworkAttempt[] {
  return attempts.filter(
    (a) =>
      a.port === 53 ||
      (!isLoopback(a.address) &&
        !allowed.some((ok) => ok.address === a.address && ok.port === a.port)),
  );
}
