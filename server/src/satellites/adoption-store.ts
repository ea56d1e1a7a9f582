// The adopted satellites, kept in `<data_dir>/satellites.json` so adoption survives a restart.
// Written atomically (a temporary file renamed over the old one), one write at a time, so a
// crash leaves either the old list or the new one, never half of either.
import { z } from 'zod';
import { JsonFile } from '../json-file.js';
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
  private readonly json: JsonFile<z.infer<typeof FileSchema>>;

  constructor(readonly file: string) {
    this.json = new JsonFile(file, FileSchema);
  }

  /** What was adopted; nothing when the file does not exist yet. */
  async load(): Promise<Adoption[]> {
    return (await this.json.load())?.adopted ?? [];
  }

  /** Replaces the stored list; writes are queued so the last call's list is what stays. */
  save(adoptions: readonly Adoption[]): Promise<void> {
    return this.json.save({ version: 1, adopted: [...adoptions] });
  }
}
