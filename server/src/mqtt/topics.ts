// Where the bridge publishes and listens, from `mqtt.base_topic` and `mqtt.discovery_prefix`.

export interface BridgeTopics {
  readonly prefix: string;
  readonly base: string;
}

/** A satellite's id (a URI or a name) as a topic level and an id part: `kitchen`, `10_0_0_5_10700`. */
export function satelliteKey(id: string): string {
  const key = id
    .replace(/^[a-z+]+:\/\//i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return key || 'satellite';
}

export const bridgeState = (t: BridgeTopics) => `${t.base}/bridge/state`;
export const bridgeStats = (t: BridgeTopics) => `${t.base}/bridge/stats`;
export const bridgeCommand = (t: BridgeTopics, role: string) => `${t.base}/bridge/${role}/set`;
export const satelliteState = (t: BridgeTopics, key: string) => `${t.base}/satellites/${key}`;
export const satelliteAvailability = (t: BridgeTopics, key: string) =>
  `${t.base}/satellites/${key}/availability`;
export const satelliteEvent = (t: BridgeTopics, key: string) => `${t.base}/satellites/${key}/event`;
export const satelliteCommand = (t: BridgeTopics, key: string, role: string) =>
  `${t.base}/satellites/${key}/${role}/set`;
/** Home Assistant's birth and last will. */
export const haStatus = (t: BridgeTopics) => `${t.prefix}/status`;
/** A device-based discovery config. */
export const deviceConfig = (t: BridgeTopics, objectId: string) =>
  `${t.prefix}/device/${objectId}/config`;

/** Every command topic the bridge handles. */
export const commandFilters = (t: BridgeTopics) => [
  `${t.base}/satellites/+/+/set`,
  `${t.base}/bridge/+/set`,
];

/** Parses a command topic: the satellite key (none for the bridge) and the role. */
export function parseCommandTopic(
  t: BridgeTopics,
  topic: string,
): { key?: string; role: string } | undefined {
  const rest = topic.startsWith(`${t.base}/`) ? topic.slice(t.base.length + 1) : undefined;
  const parts = rest?.split('/') ?? [];
  if (parts.length === 3 && parts[0] === 'bridge' && parts[2] === 'set') return { role: parts[1]! };
  if (parts.length === 4 && parts[0] === 'satellites' && parts[3] === 'set')
    return { key: parts[1]!, role: parts[2]! };
  return undefined;
}
