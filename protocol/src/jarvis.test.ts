import { describe, expect, it } from 'vitest';
import { eventClassFor } from './registry.js';
import { SatelliteMute, SatelliteSounds } from './jarvis.js';

describe("Jarvis's events beside Wyoming 1.9", () => {
  it('satellite-mute round-trips, and is no Wyoming registry type (other peers ignore it)', () => {
    const mute = new SatelliteMute({ muted: true, local: true });
    const event = mute.toEvent();
    expect(event).toMatchObject({ type: 'satellite-mute', data: { muted: true, local: true } });
    expect(SatelliteMute.fromEvent(event)).toEqual(mute);
    expect(SatelliteMute.fromEvent({ type: 'satellite-mute', data: { muted: false } })).toEqual(
      new SatelliteMute({ muted: false, local: false }),
    );
    expect(eventClassFor('satellite-mute')).toBeUndefined();
    expect(() => SatelliteMute.fromEvent({ type: 'satellite-mute', data: {} })).toThrow(/muted/);
  });

  it('satellite-mute carries mic only when the capture switch is off', () => {
    const card = new SatelliteMute({ muted: true, local: true, mic: true });
    expect(card.toEvent().data).toEqual({ muted: true, local: true, mic: true });
    expect(SatelliteMute.fromEvent(card.toEvent())).toEqual(card);
    expect(new SatelliteMute({ muted: true, local: true }).toEvent().data).toEqual({
      muted: true,
      local: true,
    });
  });
});

describe('satellite-sounds', () => {
  it('round-trips, and needs its field', () => {
    for (const chimes of [true, false]) {
      const sounds = new SatelliteSounds({ chimes });
      expect(sounds.toEvent()).toEqual({ type: 'satellite-sounds', data: { chimes } });
      expect(SatelliteSounds.fromEvent(sounds.toEvent())).toEqual(sounds);
    }
    expect(() => SatelliteSounds.fromEvent({ type: 'satellite-sounds', data: {} })).toThrow(
      /chimes/,
    );
  });

  it('carries the volume of the satellite’s own sounds only when lowered; absent is 100', () => {
    const night = new SatelliteSounds({ chimes: true, volume: 40 });
    expect(night.toEvent().data).toEqual({ chimes: true, volume: 40 });
    expect(SatelliteSounds.fromEvent(night.toEvent())).toEqual(night);
    expect(new SatelliteSounds({ chimes: true, volume: 100 }).toEvent().data).toEqual({
      chimes: true,
    });
    expect(
      SatelliteSounds.fromEvent({ type: 'satellite-sounds', data: { chimes: true } }).volume,
    ).toBe(100);
    expect(new SatelliteSounds({ chimes: false, volume: 250 }).volume).toBe(100);
    expect(() =>
      SatelliteSounds.fromEvent({
        type: 'satellite-sounds',
        data: { chimes: true, volume: 'low' },
      }),
    ).toThrow(/volume/);
  });
});
