// The cards' styles: Home Assistant's theme variables only, so light, dark and user themes apply
// (buttons and fields: controlStyles in @jarvis/ui/kit/styles).
import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
  }
  ha-card {
    display: block;
    overflow: hidden;
    padding: var(--ha-space-4, 16px);
    color: var(--primary-text-color);
  }
  .header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    margin: 0 0 12px;
  }
  h2 {
    margin: 0;
    font-size: var(--ha-card-header-font-size, var(--ha-font-size-xl, 20px));
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--ha-card-header-color, var(--primary-text-color));
  }
  .muted-text,
  .subtitle {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
  }
  .rooms {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
    align-items: start;
    gap: 12px;
  }
  .warning {
    color: var(--error-color);
  }
  .line {
    margin: 12px 0 0;
    color: var(--secondary-text-color);
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin-top: 12px;
  }
  form label {
    flex-basis: 100%;
    font-weight: 500;
  }
  input[type='text'],
  select {
    flex: 1 1 160px;
    min-width: 0;
  }
  .icon {
    width: 20px;
    height: 20px;
    flex: none;
  }
  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 20px;
    margin: 16px 0 0;
    padding-top: 12px;
    border-top: 1px solid var(--divider-color);
  }
  .stats div {
    display: flex;
    flex-direction: column;
  }
  .stats dt {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 12px);
  }
  .stats dd {
    margin: 0;
    font-size: var(--ha-font-size-l, 16px);
  }
  .ok {
    color: var(--success-color);
  }
  .bad {
    color: var(--error-color);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
