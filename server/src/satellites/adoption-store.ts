// The adopted satellites, kept in `<data_dir>/satellites.json` so adoption survives a restart.
// Written atomically (a temporary file renamed over the old one), one write at a time, so a
// crash leaves either the old list or the new one, never half of either.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { Adoption } from './adoptions.js';

const AdoptionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('dialed'),
      uri: z.string().regex(/^(tcp:\/\/[^\s:]+:\d+|unix:\/\/\S+)$/),
      name: z.string().optional(),
      area: z.string().optional(),
      adopted_at: z.string(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('connected-in'),
      name: z.string().min(1),
      address: z.string().min(1),
      adopted_at: z.string(),
    })
    .strict(),
]);

const FileSchema = z.object({ version: z.literal(1), adopted: z.array(AdoptionSchema) }).strict();

export class AdoptionStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** What was adopted; nothing when the file does not exist yet. */
  async load(): Promise<Adoption[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
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
    const parsed = FileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError(
        `${issue.path.join('.') || '(top)'}: ${issue.message}; fix or remove it`,
        this.file,
      );
    }
    return parsed.data.adopted;
  }

  /** Replaces the stored list; writes are queued so the last call's list is what stays. */
  save(adoptions: readonly Adoption[]): Promise<void> {
    const text = `${JSON.stringify({ version: 1, adopted: adoptions }, null, 2)}\n`;
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
