// One room's styles; its state colour comes from the theme's state variables.
import { css } from 'lit';

export const roomStyles = css`
  :host {
    display: block;
    --jarvis-state-color: var(--state-inactive-color, var(--disabled-text-color));
  }
  section {
    height: 100%;
    box-sizing: border-box;
    padding: 12px;
    border: 1px solid var(--divider-color);
    border-radius: var(--ha-border-radius-lg, 12px);
    background: color-mix(in srgb, var(--jarvis-state-color) 8%, transparent);
  }
  section.listening {
    --jarvis-state-color: var(--info-color, var(--primary-color));
  }
  section.thinking {
    --jarvis-state-color: var(--warning-color);
  }
  section.speaking {
    --jarvis-state-color: var(--success-color);
  }
  section.offline {
    border-style: dashed;
    background: transparent;
    color: var(--disabled-text-color);
  }
  .head {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  h3 {
    flex: 1;
    margin: 0;
    font-size: var(--ha-font-size-l, 16px);
    font-weight: 500;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .dot {
    width: 12px;
    height: 12px;
    border-radius: 50%;
    flex: none;
    background: var(--jarvis-state-color);
  }
  .listening .dot,
  .speaking .dot {
    box-shadow: 0 0 0 4px color-mix(in srgb, var(--jarvis-state-color) 30%, transparent);
  }
  .activity {
    font-size: var(--ha-font-size-s, 12px);
    font-weight: 500;
    padding: 2px 8px;
    border-radius: var(--ha-border-radius-pill, 999px);
    color: var(--jarvis-state-color);
    background: color-mix(in srgb, var(--jarvis-state-color) 16%, transparent);
  }
  .offline .activity {
    color: var(--disabled-text-color);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 10px;
    align-items: center;
  }
  button {
    padding: 6px 10px;
  }
  button[aria-pressed='true'] {
    background: color-mix(in srgb, var(--error-color) 16%, transparent);
    border-color: var(--error-color);
    color: var(--error-color);
  }
  select {
    padding: 5px 8px;
  }
  .icon {
    width: 18px;
    height: 18px;
  }
  dl {
    margin: 10px 0 0;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 8px;
  }
  dt {
    color: var(--secondary-text-color);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  time,
  .note {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
  }
`;
