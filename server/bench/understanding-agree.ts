// `npm run bench -w server -- understanding lvcsr FILE`: does the general English decode
// (understanding-lvcsr.ts; FILE is the understanding run it was made from) agree with the
// grammar's sentence on its name or value run? Per class at the shipped rule: the share whose
// slot words the transcript has (anywhere), and quantiles of the phone agreement at the same frames.
import { readFileSync } from 'node:fs';
import {
  type Agreement,
  readDictionary,
  slotAgreement,
} from '../src/engines/stt/general-agreement.js';
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
  const general = JSON.parse(
    readFileSync(file.replace(/\.json$/, '-lvcsr.json'), 'utf8'),
  ) as GeneralRun;
  const cmu = readDictionary(readFileSync(CMUDICT, 'utf8'));
  const grammarPhones = new Map(
    Object.entries(general.pronunciations).map(([w, ps]) => [w, ps.map((p) => p.split(' '))]),
  );
  const lookup = (w: string) => grammarPhones.get(w) ?? cmu.get(w) ?? [];
  const sentences = general.sentences.map((spoken) => spoken.split(' '));
  const byGroup = new Map<Group, Agreement[]>();
  const examples: string[] = [];
  for (const decode of general.decodes) {
    const s = scored[decode.index]!;
    const group = groupOf(s);
    if (!group) continue;
    const a = s.segments && slotAgreement(s.segments, decode.segments, sentences, lookup);
    if (!a) continue;
    byGroup.set(group, [...(byGroup.get(group) ?? []), a]);
    if (group !== 'command correct' || examples.length < 12)
      examples.push(
        `- ${group}: "${s.item.text}" -> "${s.heard}" (${s.item.source}); general: ` +
          `"${decode.words.join(' ')}"; slot [${a.run.join(' ')}] vs [${a.said.join(' ')}] ${a.phones.toFixed(2)}`,
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
  console.log(
    '\n| rejected below phone agreement | commands correct kept | commands wrong kept | near misses acted kept | other OOG acted kept |',
  );
  console.log('|---:|---:|---:|---:|---:|');
  for (const t of [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]) {
    const kept = (g: Group) => (byGroup.get(g) ?? []).filter((a) => a.phones >= t).length;
    const of = (g: Group) => (byGroup.get(g) ?? []).length;
    console.log(
      `| ${t} | ${kept('command correct')}/${of('command correct')} | ${kept('command wrong')}/${of('command wrong')} | ` +
        `${kept('near miss acted')}/${of('near miss acted')} | ${kept('other OOG acted')}/${of('other OOG acted')} |`,
    );
  }
  console.log(`\n${examples.join('\n')}`);
}
