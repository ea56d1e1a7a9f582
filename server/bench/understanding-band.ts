// The asking band: how far below the acceptance rule a sentence that is not sensitive is asked
// back ("Turn on the kitchen light?") rather than rejected. Chosen on the calibration split as
// the widest band in which out-of-grammar speech is asked back no more often than it may be
// acted on (2 %): a question is not an action, but a house that keeps asking about things nobody
// said is not trusted either.
import { type Scored, type Thresholds, tabulate } from './understanding.js';

/** Band widths tried, in units of fit below the rule. */
export const BAND_WIDTHS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20];

interface BandRow {
  readonly ask: number;
  readonly correct: number;
  readonly askedBackRight: number;
  readonly askedBackWrong: number;
  readonly commands: number;
  readonly oogActed: number;
  readonly oogAskedBack: number;
  readonly oog: number;
}

export function bandRows(scored: readonly Scored[], t: Thresholds): BandRow[] {
  return BAND_WIDTHS.map((ask) => {
    const rows = tabulate(scored, { ...t, ask });
    const cmd = rows.find((r) => r.kind === 'command');
    const oog = rows.find((r) => r.kind === 'out-of-grammar (all)');
    return {
      ask,
      correct: cmd?.correct ?? 0,
      askedBackRight: cmd?.askedBackRight ?? 0,
      askedBackWrong: cmd?.askedBackWrong ?? 0,
      commands: cmd?.count ?? 0,
      oogActed: (oog?.correct ?? 0) + (oog?.wrong ?? 0),
      oogAskedBack: (oog?.askedBackRight ?? 0) + (oog?.askedBackWrong ?? 0),
      oog: oog?.count ?? 0,
    };
  });
}

/** The widest band asking back at most `maxOutOfGrammar` of the out-of-grammar speech. */
export function calibrateBand(
  scored: readonly Scored[],
  t: Thresholds,
  maxOutOfGrammar = 0.02,
): number {
  const allowed = bandRows(scored, t).filter((r) => r.oogAskedBack <= maxOutOfGrammar * r.oog);
  return Math.max(0, ...allowed.map((r) => r.ask));
}

export function formatBand(scored: readonly Scored[], t: Thresholds): string {
  const lines = [
    '| band below the rule | commands acted correctly without asking | asked back, then right on yes | asked back, wrong on yes | out-of-grammar acted | out-of-grammar asked back |',
    '|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of bandRows(scored, t)) {
    lines.push(
      `| ${r.ask} | ${r.correct}/${r.commands} | ${r.askedBackRight} | ${r.askedBackWrong} | ` +
        `${r.oogActed}/${r.oog} | ${r.oogAskedBack}/${r.oog} |`,
    );
  }
  return lines.join('\n');
}
