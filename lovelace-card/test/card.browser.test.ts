// The built card in Debian's chromium, created as a dashboard creates it, fed a `hass` shaped
// like Home Assistant's.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHANGED, bridgeEntities, entity, house } from './home.js';
import {
  type Browser,
  type CardPage,
  CARD_URL,
  type Theme,
  addCard,
  changeStates,
  launch,
  openPage,
  serviceCalls,
  setHome,
} from './harness.js';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench-results');

/** Waiting for a condition on a loaded machine: a safety net, not a measurement. */
const POLL = { timeout: 30_000 };

let browser: Browser;
let current: CardPage | undefined;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  const errors = current?.errors ?? [];
  await current?.page.close();
  current = undefined;
  expect(errors).toEqual([]);
});

async function open(theme: Theme = 'light', keepStorage = false): Promise<Page> {
  current = await openPage(browser, theme, keepStorage);
  return current.page;
}

/** A card created while every room was online; then the bedroom goes offline. */
async function addCardSeenOnline(page: Page, tag: string, config: unknown, now: number) {
  await setHome(page, house(now, 'idle'));
  await addCard(page, tag, config);
  await page.locator(tag).first().locator('section[data-room="bedroom"]').waitFor();
  await changeStates(page, house(now));
}

const room = (page: Page, id: string, card = 'jarvis-card') =>
  page.locator(card).locator(`section[data-room="${id}"]`);

/** Each room's render count, by satellite id. */
const renders = (page: Page) =>
  page.evaluate(() => {
    const card = document.querySelector('jarvis-card') as HTMLElement & { renders: number };
    const rooms = [...card.shadowRoot!.querySelectorAll('jarvis-room')] as (HTMLElement & {
      renders: number;
      satellite: { id: string };
    })[];
    return {
      card: card.renders,
      ...Object.fromEntries(rooms.map((r) => [r.satellite.id, r.renders])),
    } as Record<string, number>;
  });

describe('jarvis-card in chromium', () => {
  it('registers both cards once, even loaded twice, and lists them in the picker', async () => {
    const page = await open();
    // A second resource URL (HACS adds ?hacstag=): the module runs again, defines nothing twice.
    await page.addScriptTag({ url: `${CARD_URL}?hacstag=2`, type: 'module' });
    const cards = await page.evaluate(() =>
      (window as unknown as { customCards: { type: string; preview: boolean }[] }).customCards.map(
        (c) => [c.type, c.preview],
      ),
    );
    expect(cards).toEqual([
      ['jarvis-card', true],
      ['jarvis-room-card', true],
    ]);
  });

  it('renders every room: state, what was heard and said, timers, latency, offline', async () => {
    const page = await open();
    await addCardSeenOnline(page, 'jarvis-card', { type: 'custom:jarvis-card' }, Date.now());
    await expect.poll(() => page.locator('jarvis-card jarvis-room').count(), POLL).toBe(4);
    const kitchen = room(page, 'kitchen');
    await kitchen.locator('.activity', { hasText: 'Speaking' }).waitFor();
    await kitchen.getByText('set a timer for ten minutes').waitFor();
    await kitchen.getByText('Timer set for 10 minutes.').waitFor();
    await kitchen.locator('.timers li', { hasText: 'pasta' }).waitFor();
    expect(await kitchen.getByRole('meter').getAttribute('aria-valuenow')).toBe('412');
    await room(page, 'tcp://10.0.0.7:10700')
      .locator('.activity', { hasText: 'Listening' })
      .waitFor();
    await room(page, 'tcp://10.0.0.7:10700').getByText('Muted on the device').waitFor();
    await room(page, 'bedroom').locator('.activity', { hasText: 'Offline' }).waitFor();
    expect(await room(page, 'bedroom').getByRole('button').count()).toBe(0);
    await room(page, 'assist_satellite.office_voice')
      .getByText('Driven by Home Assistant')
      .waitFor();
    const card = page.locator('jarvis-card');
    await card.getByText('Heard in 2 rooms, Kitchen answered').waitFor();
    await card.locator('.stats').getByText('128').waitFor();
    await card.locator('.stats').getByText('413 ms').waitFor();
    await card.locator('.stats .bad', { hasText: 'Failing' }).waitFor();
  });

  it('re-renders the room whose entity changed, and nothing for another entity', async () => {
    const page = await open();
    await setHome(page, house(Date.now()));
    await addCard(page, 'jarvis-card', { type: 'custom:jarvis-card' });
    await room(page, 'kitchen').locator('.activity', { hasText: 'Speaking' }).waitFor();
    const before = await renders(page);

    await changeStates(page, { 'light.kitchen': entity('light.kitchen', 'off') });
    const kitchenState = house()['sensor.kitchen_assist_state']!;
    await changeStates(page, {
      'sensor.kitchen_assist_state': { ...kitchenState, state: 'idle', last_changed: CHANGED },
    });
    await room(page, 'kitchen').locator('.activity', { hasText: 'Idle' }).waitFor();
    const after = await renders(page);
    expect(after).toEqual({ ...before, card: before.card! + 1, kitchen: before.kitchen! + 1 });
  });

  it('calls the right service on the right entity for each action', async () => {
    const page = await open();
    await setHome(page, house(Date.now()));
    await addCard(page, 'jarvis-card', { type: 'custom:jarvis-card' });
    const kitchen = room(page, 'kitchen');
    const living = room(page, 'tcp://10.0.0.7:10700');
    await kitchen.getByRole('button', { name: 'Mute microphone' }).click();
    await living.getByRole('button', { name: 'Mute microphone', pressed: true }).click();
    await kitchen.getByRole('button', { name: 'Start listening' }).click();
    await living.getByRole('combobox', { name: 'Mode' }).selectOption('silent');
    const card = page.locator('jarvis-card');
    const ask = card.locator('form.ask');
    await ask.getByRole('textbox', { name: 'Ask Jarvis' }).fill('is the garage door closed');
    await ask.getByRole('button', { name: 'Ask Jarvis: Send' }).click();
    await ask.getByRole('combobox', { name: 'Ask in' }).selectOption({ label: 'Kitchen' });
    await ask.getByRole('textbox', { name: 'Ask Jarvis' }).fill('what time is it');
    await ask.getByRole('textbox', { name: 'Ask Jarvis' }).press('Enter');
    const announce = card.locator('form.announce');
    await announce.getByRole('textbox', { name: 'Announce everywhere' }).fill('Dinner is ready');
    await announce.getByRole('button', { name: 'Announce everywhere: Send' }).click();

    await expect.poll(async () => (await serviceCalls(page)).length, POLL).toBe(7);
    expect(await serviceCalls(page)).toEqual([
      {
        domain: 'switch',
        service: 'turn_on',
        data: {},
        target: { entity_id: 'switch.kitchen_mute' },
      },
      {
        domain: 'switch',
        service: 'turn_off',
        data: {},
        target: { entity_id: 'switch.salon_mic' },
      },
      {
        domain: 'button',
        service: 'press',
        data: {},
        target: { entity_id: 'button.kitchen_listen' },
      },
      {
        domain: 'select',
        service: 'select_option',
        data: { option: 'silent' },
        target: { entity_id: 'select.living_room_mode' },
      },
      {
        domain: 'text',
        service: 'set_value',
        data: { value: 'is the garage door closed' },
        target: { entity_id: 'text.jarvis_ask' },
      },
      {
        domain: 'text',
        service: 'set_value',
        data: { value: 'what time is it' },
        target: { entity_id: 'text.kitchen_ask' },
      },
      {
        domain: 'notify',
        service: 'send_message',
        data: { message: 'Dinner is ready' },
        target: { entity_id: 'notify.jarvis_announce_all' },
      },
    ]);
    expect(await ask.getByRole('textbox').inputValue()).toBe('');
  });

  it('works from the keyboard', async () => {
    const page = await open();
    await setHome(page, house(Date.now()));
    await addCard(page, 'jarvis-room-card', {
      type: 'custom:jarvis-room-card',
      satellite: 'kitchen',
    });
    const mute = page.locator('jarvis-room-card').getByRole('button', { name: 'Mute microphone' });
    await mute.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => mute.evaluate((el) => el.matches(':focus-visible')), POLL).toBe(true);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await serviceCalls(page)).map((c) => c.target.entity_id))
      .toEqual(['switch.kitchen_mute', 'button.kitchen_listen']);
  });

  it('shows an error card for a bad config, with the key at fault', async () => {
    const page = await open();
    await setHome(page, house(Date.now()));
    await addCard(page, 'jarvis-card', { type: 'custom:jarvis-card', satellites: [''] });
    await addCard(page, 'jarvis-room-card', { type: 'custom:jarvis-room-card' });
    const errors = page.getByRole('alert');
    await expect
      .poll(() => errors.allTextContents())
      .toEqual([
        'ConfigError: satellites[0]: expected a non-empty string',
        'ConfigError: satellite: required (a satellite id or one of its entities)',
      ]);
  });

  it('renders from the stub configs, and a room card for a satellite that is gone', async () => {
    const page = await open();
    const states = house(Date.now());
    await setHome(page, states);
    const stubs = await page.evaluate((states) => {
      type Card = { getStubConfig(h: unknown): unknown };
      const get = (tag: string) => customElements.get(tag) as unknown as Card;
      const hass = { states };
      return [get('jarvis-card').getStubConfig(hass), get('jarvis-room-card').getStubConfig(hass)];
    }, states);
    expect(stubs).toEqual([
      { type: 'custom:jarvis-card' },
      { type: 'custom:jarvis-room-card', satellite: 'sensor.kitchen_assist_state' },
    ]);
    await addCard(page, 'jarvis-card', stubs[0]);
    await addCard(page, 'jarvis-room-card', stubs[1]);
    await addCard(page, 'jarvis-room-card', {
      type: 'custom:jarvis-room-card',
      satellite: 'attic',
    });
    await expect.poll(() => page.locator('jarvis-card jarvis-room').count(), POLL).toBe(3);
    await room(page, 'kitchen', 'jarvis-room-card').getByText('Speaking').waitFor();
    await page.locator('jarvis-room-card').getByText('Satellite attic not found').waitFor();
  });

  it('shows a room that is offline when the dashboard opens, and a stopped server', async () => {
    const seen = await open();
    await setHome(seen, house(Date.now(), 'idle'));
    await addCard(seen, 'jarvis-card', { type: 'custom:jarvis-card' });
    await room(seen, 'bedroom').getByText('Idle').waitFor();
    expect(current!.errors).toEqual([]);
    await seen.close();

    const page = await open('light', true);
    const stopped = Object.fromEntries(bridgeEntities(false).map((e) => [e.entity_id, e]));
    await setHome(page, { ...house(Date.now()), ...stopped });
    await addCard(page, 'jarvis-card', { type: 'custom:jarvis-card' });
    await room(page, 'bedroom').getByText('Offline').waitFor();
    await page.locator('jarvis-card').getByText('The Jarvis server is offline').waitFor();
    expect(await page.locator('jarvis-card .stats').count()).toBe(1);
  });

  it('shows only the sections asked for, and one line per room when compact', async () => {
    const page = await open();
    await setHome(page, house(Date.now()));
    await addCard(page, 'jarvis-card', {
      type: 'custom:jarvis-card',
      compact: true,
      sections: ['ask'],
      satellites: ['sensor.salon_voice', 'kitchen'],
    });
    const card = page.locator('jarvis-card');
    await expect
      .poll(() => card.locator('section h3').allTextContents(), POLL)
      .toEqual(['Living room', 'Kitchen']);
    expect(await card.locator('form.ask').count()).toBe(1);
    expect(await card.locator('form.announce, .stats, .arbitration').count()).toBe(0);
    expect(await card.locator('section dl, section .timers, section select').count()).toBe(0);
    await room(page, 'kitchen').getByRole('button', { name: 'Mute microphone' }).waitFor();
  });

  it('speaks French when Home Assistant does, and follows a new locale', async () => {
    const page = await open();
    await setHome(page, house(Date.now()), { language: 'fr' });
    await addCard(page, 'jarvis-card', { type: 'custom:jarvis-card' });
    const card = page.locator('jarvis-card');
    await room(page, 'kitchen').locator('.activity', { hasText: 'Parle' }).waitFor();
    await card.getByText('Entendu dans 2 pièces, Kitchen a répondu').waitFor();
    await card.getByRole('button', { name: 'Annoncer partout: Envoyer' }).waitFor();
    await changeStates(page, {}, { language: 'en' });
    await room(page, 'kitchen').locator('.activity', { hasText: 'Speaking' }).waitFor();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`writes a ${theme} screenshot for review`, async () => {
      const page = await open(theme);
      const now = Date.now();
      await addCardSeenOnline(page, 'jarvis-card', { type: 'custom:jarvis-card' }, now);
      await addCard(page, 'jarvis-room-card', {
        type: 'custom:jarvis-room-card',
        satellite: 'sensor.salon_voice',
      });
      await room(page, 'kitchen').locator('.timers li').waitFor();
      await room(page, 'tcp://10.0.0.7:10700', 'jarvis-room-card').waitFor();
      await mkdir(BENCH, { recursive: true });
      const path = join(BENCH, `lovelace-card-${theme}.png`);
      await page.locator('#cards').screenshot({ path, animations: 'disabled' });
    });
  }
});
