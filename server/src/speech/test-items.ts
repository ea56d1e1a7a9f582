// Builders the speech schedule's tests share.
import type { RoomMode, SpeechItem, Surroundings } from './schedule.js';

export const MIN = 60_000;

export const item = (id: string, at: number, extra: Partial<SpeechItem> = {}): SpeechItem => ({
  id,
  at,
  kind: 'reminder',
  text: id,
  ...extra,
});

export const rooms = (
  modes: Record<string, RoomMode>,
  lastHeard?: Surroundings['lastHeard'],
): Surroundings => ({
  satellites: Object.entries(modes).map(([name, mode]) => ({ name, mode })),
  ...(lastHeard && { lastHeard }),
});
