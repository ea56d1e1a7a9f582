// Preloaded (`--import`) into a child process by tests that must show nothing goes to the network:
// every connection, name lookup and fetch fails, and is reported on stderr.
import dns from 'node:dns';
import net from 'node:net';

const refuse = (what: string) => {
  process.stderr.write(`network attempt: ${what}\n`);
  return new Error('no network in this process');
};

net.Socket.prototype.connect = function (...args: unknown[]) {
  throw refuse(`connect ${JSON.stringify(args[0])}`);
} as typeof net.Socket.prototype.connect;
dns.lookup = ((host: string) => {
  throw refuse(`lookup ${host}`);
}) as unknown as typeof dns.lookup;
dns.promises.lookup = (async (host: string) => {
  throw refuse(`lookup ${host}`);
}) as typeof dns.promises.lookup;
globalThis.fetch = (async (input: unknown) => {
  throw refuse(`fetch ${String(input)}`);
}) as typeof fetch;
