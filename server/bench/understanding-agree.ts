// `npm run bench -w server -- understanding lvcsr FILE`: does the general English decode
// (understanding-lvcsr.ts; FILE is the understanding run it was made from) agree with the
// grammar's sentence on its name or value run? Per class at the shipped rule: the share whose
// slot words the transcript has (anywhere), and quantiles of the phone agreement at the same frames.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { slotPositions } from '../src/engines/stt/slot-neighbours.js';
import {
  type Agreement,
  phoneAgreement,
  readDictionary,
  slotAgreement,
} from './general-agreement.js';
import type { GeneralRun } from './understanding-lvcsr.js';
import { type Scored, verdictOf } from './understanding.js';
import { shippedThresholds } from './understanding-run.js';

const CMUDICT = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

type Group =
  | 'command correct'
  | 'command wrong'
  | 'command asked back'
  | 'near miss acted'
  | 'other OOG acted'
  | 'OOG asked back';

function groupOf(s: Scored): Group | undefined {
  const v = verdictOf(s, shippedThresholds());
  const command = s.item.kind === 'command';
  if (command && v === 'correct') return 'command correct';
  if (command && (v === 'wrong' || v === 'asked')) return 'command wrong';
  if (command && v.startsWith('asked back')) return 'command asked back';
  if (!command && (v === 'wrong' || v === 'asked' || v === 'correct'))
    return s.item.kind.startsWith('near-miss') ? 'near miss acted' : 'other OOG acted';
  if (!command && v.startsWith('asked back')) return 'OOG asked back';
  return undefined;
}

export function runAgreement(file: string): void {
  const scored = (JSON.parse(readFileSync(file, 'utf8')) as { utterances: Scored[] }).utterances;
  // Every part decoded (`-lvcsr-FROM.json`), merged.
  const base = basename(file).replace(/\.json$/, '-lvcsr-');
  const parts = readdirSync(dirname(file))
    .filter((name) => name.startsWith(base))
    .map((name) => JSON.parse(readFileSync(join(dirname(file), name), 'utf8')) as GeneralRun);
  const general = { ...parts[0]!, decodes: parts.flatMap((part) => part.decodes) };
  const cmu = readDictionary(readFileSync(CMUDICT, 'utf8'));
  const grammarPhones = new Map(
    Object.entries(general.pronunciations).map(([w, ps]) => [w, ps.map((p) => p.split(' '))]),
  );
  const lookup = (w: string) => grammarPhones.get(w) ?? cmu.get(w) ?? [];
  const sentences = general.sentences.map((spoken) => spoken.split(' '));
  const vocabulary = new Set(sentences.flat());
  const byGroup = new Map<Group, Agreement[]>();
  const examples: string[] = [];
  // Every slot position (any word a neighbour replaces) on its own, the rest as the carrier.
  const perWord = new Map<Group, boolean[][]>();
  const THRESHOLDS = [0, 0.5, 0.7, 0.8, 0.9, 1];
  for (const decode of general.decodes) {
    const s = scored[decode.index]!;
    const group = groupOf(s);
    if (!group) continue;
    const a = s.segments && slotAgreement(s.segments, decode.segments, sentences, lookup);
    if (!a) continue;
    byGroup.set(group, [...(byGroup.get(group) ?? []), a]);
    const words = s.segments.filter((w) => !/^[<([]/.test(w.word));
    const spoken = decode.segments.filter((w) => !/^[<([]/.test(w.word));
    const slots = slotPositions(
      words.map((w) => w.word),
      sentences,
    );
    const rest = words.filter((_, i) => !slots.has(i));
    const carrier = rest.length > 0 ? phoneAgreement(rest, spoken, lookup).phones : 0;
    const strangeAt = [...slots].some((i) =>
      phoneAgreement([words[i]!], spoken, lookup).said.some((w) => !vocabulary.has(w)),
    );
    perWord.set(group, [
      ...(perWord.get(group) ?? []),
      THRESHOLDS.map((c) => strangeAt && carrier >= c),
    ]);
    const strange = a.said.some((word) => !sentences.some((words) => words.includes(word)));
    if (group !== 'command correct' || ((a.carrier ?? 0) >= 0.9 && strange))
      examples.push(
        `- ${group}: "${s.item.text}" -> "${s.heard}" (${s.item.source}); general: ` +
          `"${decode.words.join(' ')}"; slot [${a.run.join(' ')}] vs [${a.said.join(' ')}] ${a.phones.toFixed(2)}, carrier ${a.carrier?.toFixed(2)}`,
      );
  }
  const cpu = general.decodes
    .map((d) => d.cpuMs)
    .filter((ms) => ms > 0)
    .sort((a, b) => a - b);
  const wall = general.decodes
    .map((d) => d.ms)
    .filter((ms) => ms > 0)
    .sort((a, b) => a - b);
  const at = (xs: number[], q: number) => xs[Math.floor(q * (xs.length - 1))]!.toFixed(0);
  console.log(
    `general decode per utterance: CPU p50 ${at(cpu, 0.5)} ms, p95 ${at(cpu, 0.95)} ms, ` +
      `mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(0)} ms; wall p50 ${at(wall, 0.5)} ms`,
  );
  console.log(
    '\n| shipped rule, class | with a slot run | slot words in the transcript | phone agreement p5 / p25 / p50 |',
  );
  console.log('|---|---:|---:|---|');
  for (const [group, list] of byGroup) {
    const found = list.filter((a) => a.found).length;
    const q = [...list.map((a) => a.phones)].sort((a, b) => a - b);
    const p = (x: number) => q[Math.floor(x * (q.length - 1))]!.toFixed(2);
    console.log(
      `| ${group} | ${list.length} | ${found} (${((100 * found) / list.length).toFixed(0)} %) | ${p(0.05)} / ${p(0.25)} / ${p(0.5)} |`,
    );
  }
  const score = {
    run: (a: Agreement) => a.phones,
    'run - carrier': (a: Agreement) => a.phones - (a.carrier ?? 1),
  };
  for (const [name, of] of Object.entries(score)) {
    const steps = [-1, -0.6, -0.4, -0.3, -0.2, -0.1, 0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1];
    sweep(`rejected below ${name}`, steps, byGroup, (a, t) => of(a) >= t);
  }
  // A word the grammar does not have heard at the run's frames, the other words heard alike.
  const strange = (a: Agreement) => a.said.some((word) => !vocabulary.has(word));
  sweep(
    'rejected: a word not in the grammar at the run, carrier ≥',
    THRESHOLDS,
    byGroup,
    (a, c) => !((a.carrier ?? 0) >= c && strange(a)),
  );
  const label = 'rejected: a word not in the grammar at any slot word, other words ≥';
  sweep(label, THRESHOLDS, perWord, (flags, _, k) => !flags[k]);
  console.log(`\n${examples.join('\n')}`);
}

/** One table: per threshold, how many of each group `kept` keeps. */
function sweep<T>(
  title: string,
  thresholds: readonly number[],
  byGroup: ReadonlyMap<Group, readonly T[]>,
  kept: (item: T, threshold: number, index: number) => boolean,
): void {
  const groups: Group[] = [
    'command correct',
    'command wrong',
    'near miss acted',
    'other OOG acted',
  ];
  console.log(`\n| ${title} | ${groups.map((g) => `${g} kept`).join(' | ')} |`);
  console.log(`|---:|${groups.map(() => '---:|').join('')}`);
  for (const [k, t] of thresholds.entries()) {
    const cells = groups.map((g) => {
      const list = byGroup.get(g) ?? [];
      return `${list.filter((item) => kept(item, t, k)).length}/${list.length}`;
    });
    console.log(`| ${t} | ${cells.join(' | ')} |`);
  }
}
