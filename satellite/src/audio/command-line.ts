import { ConfigError } from '../errors.js';

/**
 * Splits a command line the way a POSIX shell (and Python's shlex.split) would, without
 * running a shell: whitespace separates words, quotes group them, backslash escapes.
 */
export function splitCommand(command: string, flag = 'command'): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < command.length; i++) {
    const char = command[i]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (char === '\\' && i + 1 < command.length && quote !== '"') {
      word += command[++i];
      inWord = true;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && '"\\$`'.includes(command[i + 1] ?? '')) word += command[++i];
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) throw new ConfigError(`unterminated ${quote} quote in '${command}'`, flag);
  if (inWord) words.push(word);
  if (words.length === 0) throw new ConfigError('empty command', flag);
  return words;
}
