// Ports for tests. Servers we start listen on port 0 and report the port they got; a port found
// free and bound later can be taken in between (by a server on port 0, or as the local port of
// any outgoing connection) and fails with EADDRINUSE on a busy machine. Two cases remain:

/**
 * An address where nothing listens, for "the service is down": the discard port, below 1024
 * where no test binds and outside the kernel's ephemeral range, so a connection is refused.
 */
export const CLOSED_PORT = 9;

// Linux gives port 0 and outgoing connections ports from 32768-60999 (ip_local_port_range).
const QUIET_FIRST = 20_000;
const QUIET_COUNT = 12_000;

/**
 * A port for a program that cannot listen on port 0 (redis-server): a random one below the
 * ephemeral range, which only another such pick can take; retry with another on EADDRINUSE.
 */
export function quietPort(): number {
  return QUIET_FIRST + Math.floor(Math.random() * QUIET_COUNT);
}
