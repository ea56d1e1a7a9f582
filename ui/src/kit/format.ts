// Durations for display, shared by the card and the web UI. Pure.

/** What is left until `endsAt`, as `1:02:03` or `4:05`; `0:00` once it is past. */
export function countdown(endsAt: number, now: number): string {
  const total = Math.max(0, Math.ceil((endsAt - now) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** Milliseconds rounded for display. */
export const ms = (value: number): string => String(Math.round(value));
