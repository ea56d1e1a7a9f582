// The HTTP API's token when the config sets none: generated on first start and kept in the data
// dir, readable by its owner only, so a fresh `npm start` has a usable and protected API. The
// start-up summary says where the file is; the token itself is never logged.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Logger, silentLogger } from 'wyoming-ts';
import { ConfigError } from '../errors.js';

export const TOKEN_FILE = 'http-token';

export interface ApiToken {
  readonly token: string;
  /** The file it is kept in; undefined when it came from the config. */
  readonly file?: string;
  /** Whether this start generated it. */
  readonly generated: boolean;
}

/** `configured` when set, else the token kept in `dataDir`, generated there when missing. */
export async function resolveApiToken(
  configured: string | undefined,
  dataDir: string,
  logger: Logger = silentLogger,
): Promise<ApiToken> {
  if (configured) return { token: configured, generated: false };
  const file = join(dataDir, TOKEN_FILE);
  const kept = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read ${file}: ${error.message}`, 'http.token');
  });
  if (kept === undefined) {
    const token = randomBytes(32).toString('base64url');
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
    return { token, file, generated: true };
  }
  const token = kept.trim();
  if (token.length < 16)
    throw new ConfigError(`${file} holds no usable token (16 characters or more)`, 'http.token');
  if (((await stat(file)).mode & 0o077) !== 0) {
    logger.warn(`${file} was readable by others; made it readable by its owner only`);
    await chmod(file, 0o600);
  }
  return { token, file, generated: false };
}
