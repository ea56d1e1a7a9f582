import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Event, SatelliteMute } from 'wyoming-ts';
import { EventBus } from '../event-bus.js';
import { SatelliteControls } from './controls.js';
import { SettingsStore } from './settings-store.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const file = () => join(tempDir('jarvis-controls-'), 'satellite-settings.json');

async function controlsOn(path: string) {
  const bus = new EventBus();
  const changed: string[] = [];
  bus.on((event) => {
    if (event.type === 'satellite-settings') changed.push(event.satellite);
  });
  const controls = new SatelliteControls({ bus, store: new SettingsStore(path) });
  await controls.load();
  return { controls, changed };
}

/** A link that keeps what the server sends the satellite. */
function link() {
  const sent: Event[] = [];
  return {
    sent,
    link: {
      send: (event: Event | { toEvent(): Event }) => {
        sent.push('toEvent' in event ? event.toEvent() : event);
        return Promise.resolve();
      },
    },
  };
}

describe('satellite controls', () => {
  it('keep mute, volume, wake word and mode across a restart, and open with them', async () => {
    const path = file();
    const first = await controlsOn(path);
    await first.controls.setMuted('kitchen', true);
    first.controls.setVolume('kitchen', 42.4);
    await first.controls.setWakeWord('kitchen', 'alexa');
    first.controls.setMode('kitchen', 'night');
    await until(() => existsSync(path) && readFileSync(path, 'utf8').includes('night'));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: 1,
      satellites: { kitchen: { muted: true, volume: 42, wake_word: 'alexa', mode: 'night' } },
    });

    const again = await controlsOn(path);
    expect(again.controls.get('kitchen')).toMatchObject({
      muted: true,
      volume: 42,
      wakeWord: 'alexa',
      mode: 'night',
    });
    expect(again.controls.get('hall')).toMatchObject({ muted: false, volume: 100 });
    const opening = again.controls.opening('kitchen').map((e) => e.toEvent());
    expect(opening).toEqual([
      { type: 'pause-satellite', data: {} },
      { type: 'detect', data: { names: ['alexa'] } },
    ]);
  });

  it('have written the last change once flushed (the server awaits it when it stops)', async () => {
    const path = file();
    const { controls } = await controlsOn(path);
    controls.setVolume('kitchen', 30);
    controls.setVolume('kitchen', 40);
    await controls.flush();
    expect(JSON.parse(readFileSync(path, 'utf8')).satellites.kitchen.volume).toBe(40);
  });

  it('refuse a kept file that is not theirs, naming it', async () => {
    const path = file();
    writeFileSync(
      path,
      JSON.stringify({ version: 1, satellites: { kitchen: { volume: 'loud' } } }),
    );
    await expect(controlsOn(path)).rejects.toThrow(/satellites\.kitchen\.volume/);
  });

  it("show the satellite's own mute report over what was asked, until it disconnects", async () => {
    const { controls, changed } = await controlsOn(file());
    const { link: kitchenLink, sent } = link();
    const wrapped = controls.wrap('kitchen', kitchenLink);
    expect(controls.muted('kitchen')).toBe(false);
    // Muted with a button on the satellite: the server asked nothing, the switch shows ON.
    controls.observe('kitchen', new SatelliteMute({ muted: true, local: true }).toEvent());
    expect(controls.muted('kitchen')).toBe(true);
    expect(controls.get('kitchen').reported).toEqual({ muted: true, local: true });
    expect(changed).toEqual(['kitchen']);
    // Asked to unmute: run-satellite goes out, but it stays muted until it says otherwise.
    await controls.setMuted('kitchen', false);
    expect(sent.map((e) => e.type)).toEqual(['run-satellite']);
    expect(controls.muted('kitchen')).toBe(true);
    controls.observe('kitchen', new SatelliteMute({ muted: false, local: false }).toEvent());
    expect(controls.muted('kitchen')).toBe(false);
    // Gone: what was asked again.
    controls.release('kitchen', kitchenLink);
    expect(controls.get('kitchen').reported).toBeUndefined();
    expect(wrapped).toBeDefined();
  });
});

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 10));
}
