import { ProtocolError } from '../errors.js';

export type WyomingAddress =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'unix'; readonly path: string };

/**
 * Parses `tcp://host:port` (IPv6 hosts in brackets) and `unix://path` URIs, the forms the
 * reference accepts: `unix:///run/x.sock` is the absolute path `/run/x.sock`.
 */
export function parseUri(uri: string): WyomingAddress {
  if (uri.startsWith('unix://')) {
    const path = uri.slice('unix://'.length);
    if (!path) throw new ProtocolError(`'${uri}': a unix URI needs a path`, 'bad-uri');
    return { kind: 'unix', path };
  }
  if (!uri.startsWith('tcp://')) {
    throw new ProtocolError(
      `'${uri}': unsupported URI, expected tcp://host:port or unix://path`,
      'bad-uri',
    );
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new ProtocolError(`'${uri}': not a valid URI`, 'bad-uri');
  }
  const port = Number(url.port);
  if (!url.port || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ProtocolError(`'${uri}': a tcp URI needs a port (tcp://host:port)`, 'bad-uri');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new ProtocolError(`'${uri}': a tcp URI needs a host`, 'bad-uri');
  return { kind: 'tcp', host, port };
}

export function formatUri(address: WyomingAddress): string {
  if (address.kind === 'unix') return `unix://${address.path}`;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `tcp://${host}:${address.port}`;
}
