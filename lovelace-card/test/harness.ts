// A page shaped like a Home Assistant dashboard for the built card, in Debian's chromium:
// the theme's variables (light or dark), a minimal `ha-card` (HA's own is a themed block),
// a `hass` object with states, callService (recorded), locale, themes, and HA's way of
// creating a card: createElement, setConfig (an error card when it throws), hass, attach.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import type { HassEntities } from '../src/hass.js';
import { CARD_FILE } from '../scripts/build.js';

export const CHROMIUM = '/usr/bin/chromium';

const THEMES = {
  light: `--primary-color:#03a9f4;--text-primary-color:#fff;--primary-text-color:#212121;
    --secondary-text-color:#727272;--disabled-text-color:#bdbdbd;--divider-color:rgba(0,0,0,.12);
    --primary-background-color:#fafafa;--secondary-background-color:#e5e5e5;
    --card-background-color:#fff;--ha-card-background:#fff;--error-color:#db4437;
    --warning-color:#ffa600;--success-color:#43a047;--info-color:#039be5;
    --state-inactive-color:#9e9e9e;`,
  dark: `--primary-color:#03a9f4;--text-primary-color:#fff;--primary-text-color:#e1e1e1;
    --secondary-text-color:#9b9b9b;--disabled-text-color:#6f6f6f;--divider-color:rgba(225,225,225,.12);
    --primary-background-color:#111;--secondary-background-color:#202020;
    --card-background-color:#1c1c1c;--ha-card-background:#1c1c1c;--error-color:#ef5350;
    --warning-color:#ffa600;--success-color:#43a047;--info-color:#039be5;
    --state-inactive-color:#6f6f6f;`,
};

export type Theme = keyof typeof THEMES;

const PAGE = (theme: Theme) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Jarvis card</title>
<style>
  html { ${THEMES[theme]} }
  body { margin: 0; padding: 16px; background: var(--primary-background-color);
    font-family: Roboto, 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 14px; }
  #cards { display: grid; gap: 16px; max-width: 860px; }
</style></head>
<body><div id="cards"></div>
<script>
  customElements.define('ha-card', class extends HTMLElement {
    connectedCallback() {
      Object.assign(this.style, { display: 'block', background: 'var(--ha-card-background)',
        borderRadius: '12px', border: '1px solid var(--divider-color)' });
    }
  });
  window.calls = [];
  window.makeHass = (states, options = {}) => ({
    states,
    language: options.language ?? 'en',
    locale: { language: options.language ?? 'en', number_format: 'language', time_format: '24',
      date_format: 'language', first_weekday: 'language', time_zone: 'local' },
    themes: { darkMode: options.dark ?? false, theme: 'default', themes: {} },
    config: { time_zone: 'UTC' },
    callService(domain, service, data, target) {
      window.calls.push({ domain, service, data, target });
      return Promise.resolve({ context: { id: 'c' + window.calls.length } });
    },
  });
  // What Home Assistant's hui-card does: an error card when setConfig throws.
  window.createCard = (tag, config, hass) => {
    let card = document.createElement(tag);
    try {
      card.setConfig(config);
      card.hass = hass;
    } catch (error) {
      card = document.createElement('div');
      card.className = 'error-card';
      card.setAttribute('role', 'alert');
      card.textContent = error.name + ': ' + error.message;
    }
    document.getElementById('cards').append(card);
    return card;
  };
</script></body></html>`;

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run \`node scripts/setup.mjs test\` (installs chromium)`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'jarvis-card-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 900, height: 900 },
    timezoneId: 'UTC',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface CardPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[];
}

/** The dashboard's origin: served by the test through routing, never from the network. */
export const ORIGIN = 'http://jarvis.test';
export const CARD_URL = `${ORIGIN}/hacsfiles/jarvis/jarvis-card.js`;

/**
 * A new page of the dashboard with the built card loaded, as Home Assistant loads a module
 * resource. Its origin's storage is cleared unless `keepStorage` (a page opened again).
 */
export async function openPage(
  browser: Browser,
  theme: Theme = 'light',
  keepStorage = false,
): Promise<CardPage> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const card = await readFile(CARD_FILE);
  await page.route(`${ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/') return route.fulfill({ contentType: 'text/html', body: PAGE(theme) });
    if (pathname === new URL(CARD_URL).pathname) {
      return route.fulfill({ contentType: 'text/javascript', body: card });
    }
    return route.fulfill({ status: 204 });
  });
  await page.goto(`${ORIGIN}/`);
  if (!keepStorage) await page.evaluate(() => localStorage.clear());
  await page.addScriptTag({ url: `${CARD_URL}?hacstag=1`, type: 'module' });
  await page.waitForFunction(() => customElements.get('jarvis-card') !== undefined);
  return { page, errors };
}

interface HassOptions {
  language?: string;
  dark?: boolean;
}

/** The home's states in the page (each card created after gets them). */
export async function setHome(page: Page, states: HassEntities, options: HassOptions = {}) {
  await page.evaluate(
    ([states, options]) => {
      Object.assign(window, { home: states, homeOptions: options });
    },
    [states, options] as const,
  );
}

/** Creates a card in the page as a dashboard would, with the home's states. */
export async function addCard(page: Page, tag: string, config: unknown): Promise<void> {
  await page.evaluate(
    ([tag, config]) => {
      const w = window as unknown as {
        home: unknown;
        homeOptions: unknown;
        makeHass(s: unknown, o: unknown): unknown;
        createCard(t: string, c: unknown, h: unknown): HTMLElement;
      };
      w.createCard(tag as string, config, w.makeHass(w.home, w.homeOptions));
    },
    [tag, config] as const,
  );
}

/**
 * A state change, as Home Assistant delivers it: a new `hass` and a new states object in which
 * only the changed entities are new objects, given to every card.
 */
export async function changeStates(
  page: Page,
  changes: HassEntities,
  options?: HassOptions,
): Promise<void> {
  await page.evaluate(
    ([changes, options]) => {
      const w = window as unknown as {
        home: Record<string, unknown>;
        homeOptions: unknown;
        makeHass(s: unknown, o: unknown): unknown;
      };
      w.home = { ...w.home, ...changes };
      if (options) w.homeOptions = options;
      const hass = w.makeHass(w.home, w.homeOptions);
      for (const card of document.querySelectorAll('#cards > *')) {
        if ('setConfig' in card) (card as unknown as { hass: unknown }).hass = hass;
      }
    },
    [changes, options ?? null] as const,
  );
}

export interface ServiceCallRecord {
  domain: string;
  service: string;
  data: Record<string, unknown>;
  target: { entity_id: string };
}

export const serviceCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { calls: ServiceCallRecord[] }).calls);
