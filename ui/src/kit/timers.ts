// Running timers with their countdown, for a card's room and the web UI's satellites. The
// element that renders it ticks `now` once a second while one runs.
import { css, html, nothing } from 'lit';
import { countdown } from './format.js';
import { timerIcon } from './icons.js';

export interface RunningTimer {
  readonly name?: string | null;
  /** Epoch milliseconds. */
  readonly endsAt: number;
}

/** The timers not yet ended; nothing when none runs. `unnamed`: what a timer without a name says. */
export function timerList(
  timers: readonly RunningTimer[],
  now: number,
  label: string,
  unnamed: string,
) {
  const running = timers.filter((timer) => timer.endsAt > now);
  if (running.length === 0) return nothing;
  return html`<ul class="timers" aria-label=${label}>
    ${running.map(
      (timer) =>
        html`<li>
          ${timerIcon}<span>${timer.name ?? unnamed}</span>
          <span class="left">${countdown(timer.endsAt, now)}</span>
        </li>`,
    )}
  </ul>`;
}

export const timerStyles = css`
  ul.timers {
    list-style: none;
    margin: 10px 0 0;
    padding: 0;
  }
  ul.timers li {
    display: flex;
    align-items: center;
    gap: 6px;
    font-variant-numeric: tabular-nums;
  }
`;
