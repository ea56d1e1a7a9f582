// `npm run bench -w server -- understanding pick FILE...`: from the JSON of `understanding warps`,
// what choosing a warp per utterance would act on, for several ways of choosing, each with the
// rule calibrated on the file's split (use it on the calibration split only).
import { readFileSync } from 'node:fs';
import { calibrate, type Scored, tabulate } from './understanding.js';

type Pick = (candidates: readonly Scored[]) => Scored;

const rank =
  (key: (s: Scored) => number): Pick =>
  (candidates) =>
    candidates.reduce((best, s) => (key(s) > key(best) ? s : best));

const valid = (s: Scored) => !s.rejected && Number.isFinite(s.fit);
const grammarPerFrame = (s: Scored) => (valid(s) ? s.fit + (s.free ?? 0) : -Infinity);

/** A candidate the other warps agree with: its score lowered unless `need` warps heard it. */
const agreeing =
  (need: number, inner: Pick): Pick =>
  (candidates) => {
    const chosen = inner(candidates);
    const votes = candidates.filter((s) => valid(s) && s.heard === chosen.heard).length;
    return votes >= need ? chosen : { ...chosen, rejected: 'disagreement' };
  };

interface WarpsFile {
  warps: number[];
  byWarp: Record<string, Scored[]>;
  split: string;
}

/** `files`: runs of `understanding warps` on one split, merged. */
export function runPick(files: readonly string[], only?: readonly number[]): void {
  const runs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as WarpsFile);
  const data: WarpsFile = {
    split: runs[0]!.split,
    warps: runs.flatMap((run) => run.warps).sort((a, b) => a - b),
    byWarp: Object.assign({}, ...runs.map((run) => run.byWarp)) as WarpsFile['byWarp'],
  };
  const warps = (only ?? data.warps).map(String);
  const count = data.byWarp[warps[0]!]!.length;
  const candidatesOf = (i: number) => warps.map((w) => data.byWarp[w]![i]!);
  const methods: [string, Pick][] = [
    ...warps.map((w): [string, Pick] => [`warp ${w} only`, (c) => c[warps.indexOf(w)]!]),
    ['best free phones per frame', rank((s) => (valid(s) ? (s.free ?? -Infinity) : -Infinity))],
    ['best grammar per frame', rank(grammarPerFrame)],
    ['best fit', rank((s) => (valid(s) ? s.fit : -Infinity))],
    [
      'best free, 2 warps agree',
      agreeing(
        2,
        rank((s) => (valid(s) ? (s.free ?? -1e9) : -1e9)),
      ),
    ],
    ['best grammar, 2 agree', agreeing(2, rank(grammarPerFrame))],
    ['best grammar, 3 agree', agreeing(3, rank(grammarPerFrame))],
  ];
  console.log(`\n${data.split} split, warps ${warps.join(', ')}; rule calibrated per method\n`);
  console.log('| method | rule | commands acted correctly | out-of-grammar acted | asked |');
  console.log('|---|---|---:|---:|---:|');
  for (const [name, pick] of methods) {
    const chosen = Array.from({ length: count }, (_, i) => pick(candidatesOf(i)));
    const { rule, sensitive } = calibrate(chosen);
    const rows = tabulate(chosen, { rule, sensitive });
    const cmd = rows.find((r) => r.kind === 'command')!;
    const oog = rows.find((r) => r.kind === 'out-of-grammar (all)')!;
    console.log(
      `| ${name} | fit ≥ ${rule.fit}, word ≥ ${rule.worstWord}, deficit ≥ ${rule.worstDeficit}, loop ≥ ${rule.wordLoop}, sens +${sensitive} | ` +
        `${cmd.correct}/${cmd.count} | ${oog.correct + oog.wrong}/${oog.count} | ${oog.asked} |`,
    );
  }
}
