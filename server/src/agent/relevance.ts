// The devices a request is probably about, for the prompt: scored by the words they share with
// it (names, aliases, areas, kinds of device in English and French), the satellite's room
// first, and, when an embedder is given, by meaning too. Never the whole house.
import type { Logger } from 'wyoming-ts';
import type { HomeArea, HomeEntity } from '../home/home.js';
import type { Embedder } from '../memory/embedder.js';
import { foldedWords } from './tools/resolve.js';

/** Words that name a kind of device (folded, singular). */
const DOMAIN_WORDS: Readonly<Record<string, readonly string[]>> = {
  light: [
    'light',
    'lamp',
    'lumiere',
    'lampe',
    'eclairage',
    'plafonnier',
    'bright',
    'dim',
    'luminosite',
    'allume',
    'eteins',
  ],
  switch: ['switch', 'plug', 'prise', 'interrupteur'],
  fan: ['fan', 'ventilateur', 'ventilation'],
  cover: [
    'blind',
    'shutter',
    'curtain',
    'cover',
    'volet',
    'store',
    'rideau',
    'garage',
    'gate',
    'portail',
  ],
  climate: [
    'thermostat',
    'heating',
    'heat',
    'temperature',
    'chauffage',
    'clim',
    'warm',
    'cold',
    'chaud',
    'froid',
  ],
  lock: ['lock', 'door', 'unlock', 'serrure', 'porte', 'verrou', 'verrouille', 'deverrouille'],
  media_player: [
    'tv',
    'television',
    'tele',
    'music',
    'musique',
    'volume',
    'speaker',
    'enceinte',
    'play',
    'pause',
  ],
  sensor: [
    'temperature',
    'humidity',
    'humidite',
    'sensor',
    'capteur',
    'warm',
    'cold',
    'chaud',
    'froid',
  ],
  alarm_control_panel: ['alarm', 'alarme'],
  scene: ['scene', 'ambiance', 'mood'],
  vacuum: ['vacuum', 'aspirateur', 'robot'],
};

/** Function words of English and French (folded): they say nothing about which device. */
const IGNORED = new Set(
  [
    'the and for with what who is are how you can could please turn set make my your our this that',
    'of in on at to it its me all any some there here',
    'le la les un une des de du au aux et ou dans sur pour avec est sont que qui quoi',
    'mon ma me mes ton ta te tes ce cette il elle je tu nous vous met plu moin peu tout',
  ]
    .join(' ')
    .split(' '),
);

/** Folded words, plurals reduced ("lumières" → "lumiere"), short and filler words dropped. */
export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of foldedWords(text)) {
    const stem = word.length > 3 ? word.replace(/(?<=[^s])[sx]$/, '') : word;
    if (word.length < 2 || IGNORED.has(word) || IGNORED.has(stem)) continue;
    out.add(stem);
  }
  return out;
}

const overlap = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  [...a].filter((w) => b.has(w)).length;

/** Word-overlap score of one entity for a request (0: unrelated). Pure. */
export function scoreEntity(
  request: ReadonlySet<string>,
  entity: HomeEntity,
  area: HomeArea | undefined,
  here: string | undefined,
): number {
  const kind = keywords((DOMAIN_WORDS[entity.domain] ?? [entity.domain]).join(' '));
  const named = keywords(
    [entity.name, ...entity.aliases, entity.entity_id.split('.')[1] ?? ''].join(' '),
  );
  // "Light" in "Kitchen light" says what it is, not which one: it counts as the kind.
  const names = new Set([...named].filter((word) => !kind.has(word)));
  const areaWords = area
    ? keywords([area.name, ...area.aliases, area.area_id].join(' '))
    : new Set<string>();
  const byName = overlap(request, names);
  const byArea = overlap(request, areaWords);
  const byKind = overlap(request, kind) > 0 ? 1 : 0;
  if (!byName && !byKind) return 0;
  return 3 * byName + 2 * byKind + 2 * byArea + (entity.area_id && entity.area_id === here ? 1 : 0);
}

export interface RelevanceOptions {
  /** Scores meaning as well as words. */
  readonly embedder?: Embedder;
  /** The least similarity for a device to count as related by meaning alone (default 0.08). */
  readonly minSimilarity?: number;
  /** At most this many devices (default 12). */
  readonly limit?: number;
  readonly logger?: Logger;
}

export class DeviceRetriever {
  readonly #vectors = new Map<string, Float32Array>();

  constructor(private readonly options: RelevanceOptions = {}) {}

  /** The devices most related to `text`, best first. */
  async select(
    text: string,
    entities: readonly HomeEntity[],
    areas: readonly HomeArea[],
    here: string | undefined,
    signal?: AbortSignal,
  ): Promise<HomeEntity[]> {
    const words = keywords(text);
    const areaOf = new Map(areas.map((area) => [area.area_id, area]));
    const scores = entities.map((entity) =>
      scoreEntity(words, entity, entity.area_id ? areaOf.get(entity.area_id) : undefined, here),
    );
    const meaning = await this.#similarities(text, entities, areaOf, signal);
    const floor = this.options.minSimilarity ?? 0.08;
    const ranked = entities
      .map((entity, i) => ({ entity, score: scores[i]! + meaningBonus(meaning, i, floor) }))
      .filter(({ score }) => score >= 2)
      .sort((a, b) => b.score - a.score);
    return ranked.slice(0, this.options.limit ?? 12).map(({ entity }) => entity);
  }

  /** Cosine similarity of each device's description with the request, when an embedder is set. */
  async #similarities(
    text: string,
    entities: readonly HomeEntity[],
    areaOf: ReadonlyMap<string, HomeArea>,
    signal?: AbortSignal,
  ): Promise<number[]> {
    const { embedder } = this.options;
    if (!embedder || entities.length === 0) return [];
    const descriptions = entities.map((e) =>
      [e.name, ...e.aliases, e.domain, e.area_id ? areaOf.get(e.area_id)?.name : ''].join(' '),
    );
    try {
      const missing = [...new Set(descriptions.filter((d) => !this.#vectors.has(d)))];
      const [query, ...fresh] = await embedder.embed([text, ...missing], signal);
      if (this.#vectors.size + fresh.length > 5000) this.#vectors.clear();
      missing.forEach((description, i) => this.#vectors.set(description, fresh[i]!));
      return descriptions.map((d) => dot(query!, this.#vectors.get(d)));
    } catch (error) {
      if (signal?.aborted) throw error;
      this.options.logger?.debug(
        `device retrieval without embeddings: ${(error as Error).message}`,
      );
      return [];
    }
  }
}

/**
 * What meaning adds to device `i`'s score: enough to count on its own (2), more the closer, when
 * its similarity stands out from the others' (above their mean by 1.5 standard deviations, so
 * it works whatever the embedder's usual level) and reaches `floor`.
 */
export function meaningBonus(similarities: readonly number[], i: number, floor: number): number {
  const similarity = similarities[i];
  if (similarity === undefined || similarity < floor) return 0;
  const mean = similarities.reduce((sum, s) => sum + s, 0) / similarities.length;
  const variance = similarities.reduce((sum, s) => sum + (s - mean) ** 2, 0) / similarities.length;
  return similarity >= mean + 1.5 * Math.sqrt(variance) ? 2 + 2 * similarity : 0;
}

function dot(a: Float32Array, b: Float32Array | undefined): number {
  if (!b || a.length !== b.length) return 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
