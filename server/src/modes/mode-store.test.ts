import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../speech/clock.js';
import { ModeStore } from './mode-store.js';

const START = Date.parse('2026-03-10T22:00:00Z');
const HOUR = 3_600_000;
const dirs: string[] = [];

function fileIn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jarvis-modes-'));
  dirs.push(dir);
  return join(dir, 'modes.json');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ModeStore', () => {
  it('is normal everywhere until told otherwise', () => {
    const store = new ModeStore({ clock: new ManualClock(START) });
    expect(store.modeOf()).toBe('normal');
    expect(store.modeOf('kitchen')).toBe('normal');
  });

  it("a satellite's own mode wins over the house's; setting the house drops them", () => {
    const store = new ModeStore({ clock: new ManualClock(START) });
    store.set('night');
    store.set('silent', { satellite: 'kitchen' });
    expect(store.modeOf('kitchen')).toBe('silent');
    expect(store.modeOf('bedroom')).toBe('night');
    expect(store.settingOf('kitchen').scope).toBe('satellite');
    store.set('dnd');
    expect(store.modeOf('kitchen')).toBe('dnd');
    expect(store.snapshot()).toEqual({ house: { mode: 'dnd' }, satellites: {} });
  });

  it('a mode with an end goes back when it ends, and says so', () => {
    const clock = new ManualClock(START);
    const store = new ModeStore({ clock });
    const changes: string[] = [];
    store.onChange(() => changes.push(`${store.modeOf()}/${store.modeOf('kitchen')}`));
    store.set('night', { until: START + 9 * HOUR });
    store.set('dnd', { satellite: 'kitchen', until: START + HOUR });
    clock.advance(HOUR);
    expect(store.modeOf('kitchen')).toBe('night');
    clock.advance(8 * HOUR);
    expect(store.modeOf('kitchen')).toBe('normal');
    expect(changes).toEqual(['night/night', 'night/dnd', 'night/night', 'normal/normal']);
    expect(clock.pending).toBe(0);
  });

  it('refuses an end in the past', () => {
    const store = new ModeStore({ clock: new ManualClock(START) });
    expect(() => store.set('night', { until: START - 1 })).toThrow(/passed/);
  });

  it('writes a mode set just before it stops (a restart loses nothing)', async () => {
    const file = fileIn();
    const store = new ModeStore({ clock: new ManualClock(START), file });
    store.set('night', { satellite: 'kitchen' });
    await store.stop();
    expect(JSON.parse(readFileSync(file, 'utf8')).satellites).toEqual({
      kitchen: { mode: 'night' },
    });
  });

  it('keeps the modes across a restart, dropping those that ended meanwhile', async () => {
    const file = fileIn();
    const clock = new ManualClock(START);
    const first = new ModeStore({ clock, file });
    first.set('night', { until: START + 9 * HOUR });
    first.set('silent', { satellite: 'kitchen', until: START + HOUR });
    first.set('dnd', { satellite: 'office' });
    await first.flush();
    await first.stop();
    expect(JSON.parse(readFileSync(file, 'utf8')).house).toEqual({
      mode: 'night',
      until: '2026-03-11T07:00:00.000Z',
    });
    const later = new ManualClock(START + 2 * HOUR);
    const second = new ModeStore({ clock: later, file });
    await second.load();
    expect(second.modeOf('kitchen')).toBe('night');
    expect(second.modeOf('office')).toBe('dnd');
    later.advance(7 * HOUR);
    expect(second.modeOf('bedroom')).toBe('normal');
    await second.stop();
  });

  it('a damaged file names itself', async () => {
    const file = fileIn();
    writeFileSync(file, JSON.stringify({ version: 1, house: { mode: 'loud' }, satellites: {} }));
    const store = new ModeStore({ clock: new ManualClock(START), file });
    await expect(store.load()).rejects.toThrow(/modes\.json/);
  });
});
