import { describe, expect, it } from 'vitest';
import { SECTIONS } from './config.js';
import { houseForm, roomForm } from './editor.js';

describe('getConfigForm', () => {
  it('edits the house card: title, satellites, compact, sections', () => {
    const form = houseForm();
    expect(form.schema.map((field) => field.name)).toEqual([
      'title',
      'satellites',
      'compact',
      'sections',
    ]);
    const sections = form.schema[3]!.selector as { select: { options: { value: string }[] } };
    expect(sections.select.options.map((o) => o.value)).toEqual([...SECTIONS]);
    expect(form.computeLabel({ name: 'satellites' })).toBe('Satellites to show (none: all)');
    expect(() => form.assertConfig({ type: 'custom:jarvis-card', sections: ['x'] })).toThrow(
      'sections[0]',
    );
    expect(() => form.assertConfig({ type: 'custom:jarvis-card' })).not.toThrow();
  });

  it('edits the room card: a satellite, required, and compact', () => {
    const form = roomForm();
    expect(form.schema).toMatchObject([{ name: 'satellite', required: true }, { name: 'compact' }]);
    expect(() => form.assertConfig({ type: 'custom:jarvis-room-card' })).toThrow('satellite');
  });
});
