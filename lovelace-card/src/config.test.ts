import { describe, expect, it } from 'vitest';
import { ConfigError, SECTIONS, parseCardConfig, parseRoomCardConfig } from './config.js';

describe('parseCardConfig', () => {
  it('fills the defaults: every satellite, not compact, every section', () => {
    expect(parseCardConfig({ type: 'custom:jarvis-card' })).toEqual({
      type: 'custom:jarvis-card',
      compact: false,
      sections: [...SECTIONS],
    });
  });

  it('keeps what is given, a single satellite as a list', () => {
    expect(
      parseCardConfig({
        type: 'custom:jarvis-card',
        title: 'Maison',
        satellites: 'kitchen',
        compact: true,
        sections: ['ask'],
        grid_options: { columns: 6 },
      }),
    ).toEqual({
      type: 'custom:jarvis-card',
      title: 'Maison',
      satellites: ['kitchen'],
      compact: true,
      sections: ['ask'],
    });
  });

  it.each([
    [null, 'config: expected an object'],
    [[], 'config: expected an object'],
    [{ type: 'x', compact: 'yes' }, 'compact: expected true or false'],
    [{ type: 'x', satellites: {} }, 'satellites: expected a list'],
    [{ type: 'x', satellites: ['kitchen', ''] }, 'satellites[1]: expected a non-empty string'],
    [{ type: 'x', satellites: [3] }, 'satellites[0]: expected a non-empty string'],
    [{ type: 'x', sections: ['ask', 'weather'] }, 'sections[1]: expected one of'],
    [{ type: 'x', title: 7 }, 'title: expected a string'],
    [{ type: 'x', entity: 'sensor.kitchen' }, 'entity: unknown option'],
  ])('%j is refused: %s', (config, message) => {
    expect(() => parseCardConfig(config)).toThrow(ConfigError);
    expect(() => parseCardConfig(config)).toThrow(message);
  });
});

describe('parseRoomCardConfig', () => {
  it('takes a satellite and compact', () => {
    expect(parseRoomCardConfig({ type: 't', satellite: 'sensor.salon_voice' })).toEqual({
      type: 't',
      satellite: 'sensor.salon_voice',
      compact: false,
    });
  });

  it.each([
    [{ type: 't' }, 'satellite: required'],
    [{ type: 't', satellite: ' ' }, 'satellite: required'],
    [{ type: 't', satellite: ['a'] }, 'satellite: expected a string'],
    [{ type: 't', satellite: 'a', sections: [] }, 'sections: unknown option'],
  ])('%j is refused: %s', (config, message) => {
    expect(() => parseRoomCardConfig(config)).toThrow(message);
  });
});
