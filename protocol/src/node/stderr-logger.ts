import { escapeForLog, type Logger } from '../logger.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** A namespaced logger writing one `time level namespace message` line per call to stderr. */
export function createStderrLogger(namespace: string, level: LogLevel = 'info'): Logger {
  const threshold = LEVELS.indexOf(level);
  const write =
    (at: LogLevel) =>
    (message: string, ...details: unknown[]) => {
      if (LEVELS.indexOf(at) < threshold) return;
      const extra = details.length > 0 ? ` ${details.map(format).join(' ')}` : '';
      // One call, one line: whatever a peer put in the message stays on it.
      const text = escapeForLog(`${message}${extra}`);
      process.stderr.write(
        `${new Date().toISOString()} ${at.toUpperCase()} ${namespace} ${text}\n`,
      );
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function format(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? detail.message;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
}
