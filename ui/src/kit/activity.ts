// A satellite's activity as the card and the web UI name it, from Home Assistant's assist states
// (the server's session phases have the same names), plus offline and unknown. Pure.

export type Activity = 'idle' | 'listening' | 'thinking' | 'speaking' | 'offline' | 'unknown';

const ACTIVITIES: Readonly<Record<string, Activity>> = {
  idle: 'idle',
  listening: 'listening',
  processing: 'thinking',
  responding: 'speaking',
  unavailable: 'offline',
};

/** `undefined` (no state at all) is offline; a state nobody knows is `unknown`. */
export function activityOf(state: string | undefined): Activity {
  return state === undefined ? 'offline' : (ACTIVITIES[state] ?? 'unknown');
}
