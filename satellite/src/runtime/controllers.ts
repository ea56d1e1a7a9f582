// Who controls the satellite. As in wyoming-satellite, the first connection that sends anything
// but `describe` becomes the controller, and it keeps the satellite until its connection closes:
// a second controller (a Jarvis server that found the satellite while Home Assistant drives it)
// is refused with an `error` and closed, and the satellite logs who tried. `--allow-takeover`
// restores "the newest connection wins". Home Assistant reconnecting after a drop is accepted
// because its old connection closed first; a controller whose connection is half-open (its
// host restarted and never closed it) is pinged when someone else knocks and dropped when it
// stays silent, so the next try gets in.
import { type Logger, Ping, silentLogger, WyomingError } from 'wyoming-ts';
import type { ServerLink } from './satellite.js';

/** The `error` code a refused controller receives. */
export const SATELLITE_BUSY = 'satellite-busy';

/** What to do with an event from `link` that is not a `describe`. */
export type Admission = 'owner' | 'claim' | 'takeover' | 'refuse';

export function admission(
  owner: ServerLink | undefined,
  link: ServerLink,
  allowTakeover: boolean,
): Admission {
  if (owner === link) return 'owner';
  if (!owner) return 'claim';
  return allowTakeover ? 'takeover' : 'refuse';
}

export interface ControllerGuardOptions {
  /** How long a controller may stay silent after the ping sent when another one knocks. */
  ownerTimeoutMs: number;
  /** Drops a controller that did not answer (detach it and close its connection). */
  dropOwner: (owner: ServerLink) => void;
  logger?: Logger;
}

/** Hosts remembered for "already warned"; past this the memory starts again. */
const MAX_WARNED_HOSTS = 256;

/** Refuses contenders once each, logs who tried, and checks the controller is still there. */
export class ControllerGuard {
  private readonly refused = new WeakSet<ServerLink>();
  private readonly warned = new Set<string>();
  private probe: { owner: ServerLink; timer: ReturnType<typeof setTimeout> } | undefined;
  private readonly logger: Logger;

  constructor(private readonly options: ControllerGuardOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /** A refused connection, being closed: nothing it sends counts any more. */
  isRefused(link: ServerLink): boolean {
    return this.refused.has(link);
  }

  /** The controller sent something: it is alive. */
  heard(link: ServerLink): void {
    if (this.probe?.owner !== link) return;
    clearTimeout(this.probe.timer);
    this.probe = undefined;
  }

  /** The controller is gone (closed, replaced, dropped). */
  released(link: ServerLink): void {
    this.heard(link);
  }

  /** `contender` wants the satellite while `owner` has it: an `error`, then closed. */
  refuse(contender: ServerLink, owner: ServerLink): void {
    if (this.refused.has(contender)) return;
    this.refused.add(contender);
    const host = hostOf(contender.id);
    const line = `refused a second controller from ${contender.id}: ${owner.id} controls this satellite (--allow-takeover lets the newest connection take over)`;
    if (this.warned.has(host)) {
      this.logger.debug(line);
    } else {
      if (this.warned.size >= MAX_WARNED_HOSTS) this.warned.clear();
      this.warned.add(host);
      this.logger.warn(line);
    }
    const error = new WyomingError({
      text: 'this satellite is controlled by another server',
      code: SATELLITE_BUSY,
    });
    void contender
      .send(error)
      .catch(() => {})
      .finally(() => contender.close());
    this.checkOwner(owner);
  }

  stop(): void {
    if (this.probe) clearTimeout(this.probe.timer);
    this.probe = undefined;
  }

  private checkOwner(owner: ServerLink): void {
    if (this.probe) return;
    const timeoutMs = this.options.ownerTimeoutMs;
    const timer = setTimeout(() => {
      this.probe = undefined;
      this.logger.warn(`${owner.id} did not answer a ping within ${timeoutMs} ms; dropping it`);
      this.options.dropOwner(owner);
    }, timeoutMs);
    this.probe = { owner, timer };
    void owner.send(new Ping({ text: 'controller-check' })).catch(() => {});
  }
}

/** `10.0.0.5:41234` -> `10.0.0.5` (a reconnecting peer keeps its host, not its port). */
function hostOf(id: string): string {
  const match = /^(.*):\d+$/.exec(id);
  return match ? match[1]! : id;
}
