// The memory benchmark's later sets are written as tables, one fact per line:
// category | kind | fact in English | fact in French | questions (; separated).
import type { MemoryKind } from '../src/memory/memory.js';
import { seeded } from '@jarvis/satellite/seeded';
import type { BenchFact, BenchQuestion } from './memory-corpus.js';

/** The tables' short category names, as the benchmark reports them. */
const CATEGORIES: Record<string, string> = {
  preference: 'preferences',
  episode: 'episodes',
  reminder: 'reminders',
};

/** The language of a fact's `index`-th question. */
export type QuestionLanguage = (text: string, index: number) => 'en' | 'fr';

/** A table's facts and questions, deterministic for a seed (35 % of facts stored in French). */
export function parseFactTable(
  table: string,
  prefix: string,
  seed: number,
  questionLanguage: QuestionLanguage,
): { facts: BenchFact[]; questions: BenchQuestion[] } {
  const rng = seeded(seed);
  const facts: BenchFact[] = [];
  const questions: BenchQuestion[] = [];
  for (const line of table.trim().split('\n')) {
    const [category, kind, en, fr, qs] = line.split('|') as [
      string,
      MemoryKind,
      string,
      string,
      string,
    ];
    const lang = rng() < 0.35 ? 'fr' : 'en';
    const key = `${prefix}:${en}`;
    facts.push({
      key,
      category: CATEGORIES[category] ?? category,
      kind,
      text: lang === 'fr' ? fr : en,
      lang,
    });
    qs.split(';').forEach((text, i) => {
      questions.push({ factKey: key, text, lang: questionLanguage(text, i) });
    });
  }
  return { facts, questions };
}
