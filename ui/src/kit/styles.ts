// Buttons and fields for the card and the web UI: Home Assistant's theme variables only, so light,
// dark and user themes apply (the web UI's page defines the same variables).
import { css } from 'lit';

/** Buttons and fields, in the cards and in each room. */
export const controlStyles = css`
  button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 8px 12px;
    border: 1px solid var(--divider-color);
    border-radius: var(--ha-border-radius-pill, 999px);
    background: transparent;
    color: var(--primary-text-color);
    font: inherit;
    cursor: pointer;
  }
  input[type='text'],
  select {
    padding: 8px 10px;
    border: 1px solid var(--divider-color);
    border-radius: var(--ha-border-radius-sm, 4px);
    background: var(--secondary-background-color, transparent);
    color: var(--primary-text-color);
    font: inherit;
  }
  button.primary {
    background: var(--primary-color);
    border-color: var(--primary-color);
    color: var(--text-primary-color);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
`;
