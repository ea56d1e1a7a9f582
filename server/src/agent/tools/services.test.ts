import { describe, expect, it } from 'vitest';
import { checkService } from './services.js';

describe('checkService: the allow-list', () => {
  const allowed: [string, string, unknown, string, Record<string, unknown>][] = [
    ['light', 'turn_on', undefined, 'turn_on', {}],
    [
      'light',
      'turn_on',
      { brightness_pct: 50, color_temp_kelvin: 2700 },
      'turn_on',
      { brightness_pct: 50, color_temp_kelvin: 2700 },
    ],
    ['light', 'turn_on', { brightness_pct: '40' }, 'turn_on', { brightness_pct: 40 }],
    ['light', 'toggle', {}, 'toggle', {}],
    ['switch', 'turn_off', null, 'turn_off', {}],
    ['cover', 'open', {}, 'open_cover', {}],
    ['cover', 'set_position', { position: 30 }, 'set_cover_position', { position: 30 }],
    ['climate', 'set_temperature', { temperature: 21.5 }, 'set_temperature', { temperature: 21.5 }],
    ['climate', 'set_hvac_mode', { hvac_mode: 'heat' }, 'set_hvac_mode', { hvac_mode: 'heat' }],
    ['media_player', 'pause', {}, 'media_pause', {}],
    ['media_player', 'volume_set', { volume_level: 0.4 }, 'volume_set', { volume_level: 0.4 }],
    ['lock', 'unlock', {}, 'unlock', {}],
    ['alarm_control_panel', 'disarm', { code: '1234' }, 'alarm_disarm', { code: '1234' }],
    ['fan', 'set_percentage', { percentage: 50 }, 'set_percentage', { percentage: 50 }],
    ['scene', 'turn_on', {}, 'turn_on', {}],
  ];
  it.each(allowed)('allows %s.%s %j', (domain, service, data, name, expected) => {
    expect(checkService(domain, service, data)).toEqual({
      ok: true,
      value: { service: name, data: expected },
    });
  });

  const refused: [string, string, unknown, RegExp][] = [
    ['homeassistant', 'restart', {}, /domain "homeassistant" cannot be controlled/],
    ['shell_command', 'run', {}, /cannot be controlled/],
    ['light', 'delete', {}, /service light.delete is not allowed; light services: turn_on/],
    ['light', 'turn_on', { brightness_pct: 150 }, /"data.brightness_pct" must be at most 100/],
    [
      'light',
      'turn_on',
      { effect: 'disco' },
      /light.turn_on does not take "effect"; allowed: brightness_pct/,
    ],
    [
      'switch',
      'turn_on',
      { brightness_pct: 50 },
      /does not take "brightness_pct"; it takes no data/,
    ],
    ['light', 'turn_on', 'bright', /"data" must be an object/],
    ['cover', 'set_cover_position', {}, /needs data.position/],
    [
      'climate',
      'set_temperature',
      { hvac_mode: 'heat' },
      /needs data.temperature or data.target_temp_low/,
    ],
    ['media_player', 'volume_set', { volume_level: 40 }, /at most 1/],
  ];
  it.each(refused)('refuses %s.%s %j', (domain, service, data, error) => {
    const checked = checkService(domain, service, data);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(error);
  });
});
