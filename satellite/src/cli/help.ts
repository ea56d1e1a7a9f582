import type { z } from 'zod';
import { optionInfo } from './option-kinds.js';
import { OPTION_GROUPS } from './schema.js';

/** `--help` text, grouped, generated from the options schema. */
export function usage(): string {
  const lines = [
    'Usage: jarvis-satellite [options]',
    '       jarvis-satellite detect [--wake-word NAME]... [--threshold X] FILE.wav...',
    '',
    'Every option can also be a key of the --config file (its name without the dashes).',
    'A yes/no option NAME is turned off by --no-NAME (over the config file or its default).',
  ];
  for (const [group, object] of Object.entries(OPTION_GROUPS)) {
    lines.push('', `${group}:`);
    for (const [name, schema] of Object.entries(object.shape)) {
      const info = optionInfo(schema as z.ZodTypeAny);
      const value = info.kind === 'boolean' ? '' : info.kind === 'number' ? ' N' : ' VALUE';
      const notes: string[] = [];
      if (info.min !== undefined && info.max !== undefined) notes.push(`${info.min}..${info.max}`);
      if (info.fallback !== undefined && info.fallback !== false) {
        notes.push(`default: ${String(info.fallback)}`);
      }
      const suffix = notes.length > 0 ? ` (${notes.join(', ')})` : '';
      lines.push(`  --${name}${value}`.padEnd(34) + info.help + suffix);
    }
  }
  return lines.join('\n');
}
