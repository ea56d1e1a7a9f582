// The latency meter: one turn's wait against the project's target, as a bar with the target
// marked at its middle. The card's rooms and the web UI's chart both measure against it.
import { css, html } from 'lit';
import { ms } from './format.js';

/** The answer should start within this of the end of speech (the project's latency target). */
export const LATENCY_TARGET_MS = 500;

/** `label`: the meter's name; `text`: what it says above the bar. */
export function latencyMeter(value: number, label: string, text: string) {
  const width = Math.min(value / (2 * LATENCY_TARGET_MS), 1) * 100;
  const slow = value > LATENCY_TARGET_MS;
  return html`<div class="latency">
    ${label}: ${text}
    <div
      class="bar ${slow ? 'slow' : ''}"
      role="meter"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax=${2 * LATENCY_TARGET_MS}
      aria-valuenow=${Math.round(value)}
      title=${`${ms(value)} ms`}
    >
      <span style="width: ${width}%"></span><i style="left: 50%"></i>
    </div>
  </div>`;
}

export const latencyStyles = css`
  .latency {
    margin-top: 10px;
    font-size: var(--ha-font-size-s, 12px);
    color: var(--secondary-text-color);
  }
  .bar {
    position: relative;
    height: 6px;
    margin-top: 4px;
    border-radius: 3px;
    background: var(--divider-color);
  }
  .bar span {
    position: absolute;
    inset: 0 auto 0 0;
    border-radius: 3px;
    background: var(--success-color);
  }
  .bar.slow span {
    background: var(--warning-color);
  }
  .bar i {
    position: absolute;
    top: -3px;
    bottom: -3px;
    width: 2px;
    background: var(--primary-text-color);
  }
`;
