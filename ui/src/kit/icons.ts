// Small inline icons (drawn for the card and the web UI), so neither needs Home Assistant's
// internal elements. Decorative: every control carries its own accessible name.
import { svg } from 'lit';

const icon = (body: ReturnType<typeof svg>) =>
  svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;

export const micIcon = icon(svg`
  <rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor" />
  <path d="M6 11a6 6 0 0 0 12 0M12 17v4M8 21h8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`);

export const micOffIcon = icon(svg`
  <rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor" opacity="0.45" />
  <path d="M6 11a6 6 0 0 0 12 0M12 17v4M8 21h8M4 4l16 16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`);

export const listenIcon = icon(svg`
  <circle cx="12" cy="12" r="3" fill="currentColor" />
  <path d="M7.5 7.5a6.4 6.4 0 0 0 0 9M16.5 7.5a6.4 6.4 0 0 1 0 9M4.6 4.6a10.5 10.5 0 0 0 0 14.8M19.4 4.6a10.5 10.5 0 0 1 0 14.8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`);

export const timerIcon = icon(svg`
  <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" stroke-width="2" />
  <path d="M12 13V9M10 2h4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`);

export const sendIcon = icon(svg`
  <path d="M3 20l18-8L3 4v6l12 2-12 2z" fill="currentColor" />`);
