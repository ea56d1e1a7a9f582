// Which satellites the server may drive, as data. A satellite found on the network is only
// listed until the user adopts it; then the server dials it (`dialed`). A satellite that
// connects in (`--server`) is adopted by name and address the first time it comes, and another
// connection claiming that name from another address is refused until the user re-adopts it.
// Pure functions: the fleet (`fleet.ts`) keeps the list, persists it and acts on the verdicts.

export interface DialedAdoption {
  readonly kind: 'dialed';
  /** Where the server connects to it. */
  readonly uri: string;
  /** Its name and area when it was adopted (what zeroconf and its `info` said). */
  readonly name?: string;
  readonly area?: string;
  readonly adopted_at: string;
}

export interface ConnectedInAdoption {
  readonly kind: 'connected-in';
  readonly name: string;
  /** The host it connects from (no port: each connection has a new one). */
  readonly address: string;
  readonly adopted_at: string;
}

export type Adoption = DialedAdoption | ConnectedInAdoption;

/** Satellite names compare without case or surrounding blanks ("Kitchen" is "kitchen"). */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** `10.0.0.5:41234` -> `10.0.0.5`; `::ffff:10.0.0.5:41234` -> `10.0.0.5`; `::1:5000` -> `::1`. */
export function hostOf(remote: string): string {
  return remote.replace(/:\d+$/, '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}

export type ClaimVerdict =
  /** Adopted at this address already. */
  | { readonly verdict: 'accept' }
  /** Nobody has this name yet: adopted now, at this address. */
  | { readonly verdict: 'adopt'; readonly adoption: ConnectedInAdoption }
  /** Adopted at another address: refused until the user re-adopts it. */
  | { readonly verdict: 'refuse'; readonly adoptedAddress: string };

/** A connection from `address` says it is the satellite `name`. */
export function judgeClaim(
  adoptions: readonly Adoption[],
  name: string,
  address: string,
  now: string,
): ClaimVerdict {
  const adopted = connectedIn(adoptions, name);
  if (!adopted)
    return { verdict: 'adopt', adoption: { kind: 'connected-in', name, address, adopted_at: now } };
  if (adopted.address === address) return { verdict: 'accept' };
  return { verdict: 'refuse', adoptedAddress: adopted.address };
}

export function connectedIn(
  adoptions: readonly Adoption[],
  name: string,
): ConnectedInAdoption | undefined {
  return adoptions.find(
    (a): a is ConnectedInAdoption => a.kind === 'connected-in' && sameName(a.name, name),
  );
}

export function dialed(adoptions: readonly Adoption[], uri: string): DialedAdoption | undefined {
  return adoptions.find((a): a is DialedAdoption => a.kind === 'dialed' && a.uri === uri);
}

/** The list with `adoption` in it, replacing one for the same satellite. */
export function withAdoption(adoptions: readonly Adoption[], adoption: Adoption): Adoption[] {
  return [...withoutAdoption(adoptions, adoption), adoption];
}

/** The list without the adoption of the same satellite as `adoption`. */
export function withoutAdoption(adoptions: readonly Adoption[], adoption: Adoption): Adoption[] {
  return adoptions.filter((a) => !sameSatellite(a, adoption));
}

function sameSatellite(a: Adoption, b: Adoption): boolean {
  if (a.kind === 'dialed' && b.kind === 'dialed') return a.uri === b.uri;
  if (a.kind === 'connected-in' && b.kind === 'connected-in') return sameName(a.name, b.name);
  return false;
}
