import { describe, expect, it } from 'vitest';
import { AudioChunk, type Event } from 'wyoming-ts';
import { EventBus } from '../event-bus.js';
import { ModeStore } from '../modes/mode-store.js';
import { ManualClock } from '../speech/clock.js';
import { SatelliteControls } from './controls.js';

function setup() {
  const bus = new EventBus();
  const changed: string[] = [];
  bus.on((event) => {
    if (event.type === 'satellite-settings') changed.push(event.satellite);
  });
  const modes = new ModeStore({ clock: new ManualClock(0) });
  const controls = new SatelliteControls({ bus, modes, nightVolume: 25 });
  const sent: Event[] = [];
  const link = controls.wrap('kitchen', {
    send: (event) => {
      sent.push('toEvent' in event ? event.toEvent() : event);
      return Promise.resolve();
    },
  });
  return { modes, controls, changed, sent, link };
}

const chunk = (sample: number) => {
  const audio = new Uint8Array(2);
  new DataView(audio.buffer).setInt16(0, sample, true);
  return new AudioChunk({ rate: 16000, width: 2, channels: 1, audio });
};
const sampleOf = (event: Event | undefined) =>
  new DataView(AudioChunk.fromEvent(event!).audio.buffer).getInt16(0, true);

describe('satellite controls with the mode store', () => {
  it("the mode select sets and shows the satellite's mode in the store", () => {
    const { modes, controls, changed } = setup();
    controls.setMode('kitchen', 'do not disturb');
    expect(modes.modeOf('kitchen')).toBe('dnd');
    expect(modes.modeOf('bedroom')).toBe('normal');
    expect(controls.get('kitchen').mode).toBe('do not disturb');
    expect(changed).toContain('kitchen');
  });

  it('a house-wide mode shows on every satellite and is announced for each', () => {
    const { modes, controls, changed } = setup();
    controls.setVolume('hall', 80);
    changed.length = 0;
    modes.set('night');
    expect(controls.get('kitchen').mode).toBe('night');
    expect(controls.get('hall').mode).toBe('night');
    expect(changed.sort()).toEqual(['hall', 'kitchen']);
  });

  it('at night the audio is played at the night volume', async () => {
    const { modes, sent, link } = setup();
    await link.send(chunk(1000));
    modes.set('night');
    await link.send(chunk(1000));
    modes.set('silent', { satellite: 'kitchen' });
    await link.send(chunk(1000));
    const audio = sent.filter((e) => e.type === 'audio-chunk');
    expect(audio.map(sampleOf)).toEqual([1000, 250, 1000]);
  });

  it('tells the satellite to play its chimes or not: on connecting, and when its mode changes', async () => {
    const { modes, controls, sent } = setup();
    const sounds = () => sent.filter((e) => e.type === 'satellite-sounds').map((e) => e.data);
    expect(controls.opening('kitchen').map((e) => e.toEvent())).toContainEqual({
      type: 'satellite-sounds',
      data: { chimes: true },
    });
    for (const mode of ['silent', 'night', 'normal', 'dnd', 'silent'] as const)
      modes.set(mode, { satellite: 'kitchen' });
    await Promise.resolve();
    // Only changes are sent: normal (told on connecting) -> silent, night (on, the night
    // volume), normal (the volume back), dnd (off).
    expect(sounds()).toEqual([
      { chimes: false },
      { chimes: true, volume: 25 },
      { chimes: true },
      { chimes: false },
    ]);
  });

  it('in night mode its own sounds (a ringing timer) are told the volume its answers play at', async () => {
    const { modes, controls, sent } = setup();
    const sounds = () => sent.filter((e) => e.type === 'satellite-sounds').map((e) => e.data);
    controls.setVolume('kitchen', 80);
    await Promise.resolve();
    expect(sounds()).toEqual([{ chimes: true, volume: 80 }]);
    modes.set('night');
    await Promise.resolve();
    expect(sounds().at(-1)).toEqual({ chimes: true, volume: 20 });
    expect(controls.opening('kitchen').map((e) => e.toEvent())).toContainEqual({
      type: 'satellite-sounds',
      data: { chimes: true, volume: 20 },
    });
    controls.setVolume('kitchen', 80);
    modes.set('normal');
    await Promise.resolve();
    expect(sounds()).toEqual([
      { chimes: true, volume: 80 },
      { chimes: true, volume: 20 },
      { chimes: true, volume: 80 },
    ]);
  });
});
