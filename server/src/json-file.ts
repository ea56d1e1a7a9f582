// A JSON file under the data dir that survives a crash: written atomically (a temporary file
// renamed over the old one), one write at a time, so a crash leaves either the old content or
// the new one, never half of either; and the last save is what stays.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from './errors.js';

export class JsonFile<T> {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  /** The content; undefined when the file does not exist yet. Bad content names the file. */
  async load(): Promise<T | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new ConfigError(`cannot read it: ${(error as Error).message}`, this.file);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(
        `not valid JSON (${(error as Error).message}); fix or remove it`,
        this.file,
      );
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError(
        `${issue.path.join('.') || '(top)'}: ${issue.message}; fix or remove it`,
        this.file,
      );
    }
    return parsed.data;
  }

  /** Replaces the content; writes are queued so the last call's value is what stays. */
  save(value: T): Promise<void> {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    const write = this.writing.then(() => this.write(text));
    this.writing = write.catch(() => {});
    return write;
  }

  private async write(text: string): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, this.file);
  }
}
