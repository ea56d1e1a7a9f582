// The wake word benchmark's accuracy tables: each option's setting chosen on the calibration
// voices with its held-out results per condition, and the personal verifier (one held-out voice
// enrolled) on that voice's clips against everyone else's.
import { PERSONAL_VOICE } from './wake-enrol.js';
import {
  describe,
  type heldOut,
  type Measured,
  measure,
  pct,
  type Scored,
  type Setting,
  TARGET_FA_PER_HOUR,
} from './wake-eval.js';

export interface AccuracyRow {
  readonly option: string;
  readonly setting: Setting;
  readonly metTarget: boolean;
  readonly calibration?: Measured;
  /** Empty when the held-out voices were not looked at (`--calibration-only`). */
  readonly heldOut: ReturnType<typeof heldOut>;
}

export function printAccuracy(rows: readonly AccuracyRow[]): void {
  const held = rows.some((r) => r.heldOut.length > 0);
  console.log(
    `\n${held ? 'held-out voices; settings' : 'calibration voices only: settings'} chosen on the calibration voices (target <= ${TARGET_FA_PER_HOUR} false accepts/h on ordinary speech)\n`,
  );
  console.log(
    '| option | setting | audio | false rejects | FA/h ordinary speech | near-miss FA (per h) |',
  );
  console.log('|---|---|---|---:|---:|---:|');
  for (const r of rows) {
    const c = r.calibration;
    if (c) {
      console.log(
        `| ${r.option}: on calibration | ${describe(r.setting)} | all | ${pct(c.falseRejectRate)} | ${c.ordinaryPerHour.toFixed(2)} | ${c.nearMissFalseAccepts} (${c.nearMissPerHour.toFixed(1)}) |`,
      );
    }
    for (const { condition, measured: m } of r.heldOut) {
      const label = `${r.option}${r.metTarget || r.option === 'default' ? '' : ' (aim not met on calibration)'}`;
      console.log(
        `| ${label} | ${describe(r.setting)} | ${condition} | ${pct(m.falseRejectRate)} | ` +
          `${m.ordinaryPerHour.toFixed(2)} | ${m.nearMissFalseAccepts} (${m.nearMissPerHour.toFixed(1)}) |`,
      );
    }
  }
}

/**
 * The personal verifier at `setting` (an option's, chosen with the household verifier): one
 * voice enrolled, its held-out clips against everyone else's, with and without it.
 */
export function personal(s: Scored, option: string, setting: Setting) {
  const mine = (x: { voice: string }) => x.voice === PERSONAL_VOICE;
  const rows: { option: string; who: string; verifier: string; measured: Measured }[] = [];
  for (const withVerifier of [false, true]) {
    const use: Setting = withVerifier
      ? { ...setting, verifierName: 'personal' }
      : { ...setting, verifier: 0 };
    const label = withVerifier ? `personal, ${setting.verifier}` : 'none';
    rows.push({ option, who: PERSONAL_VOICE, verifier: label, measured: measure(s, use, mine) });
    rows.push({
      option,
      who: 'the 12 others',
      verifier: label,
      measured: measure(s, use, (x) => !mine(x)),
    });
  }
  const { verifier: _, ...rest } = setting;
  console.log(
    `\npersonal verifier: ${PERSONAL_VOICE} enrolled alone (6 clips + 12 sentences), ${option}: ${describe({ ...rest, verifier: 0 })}\n`,
  );
  console.log('| whose clips | verifier | positives | rejected | FA/h ordinary | near-miss FA |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of rows) {
    const m = r.measured;
    const fa = m.negativeHours > 0 ? m.ordinaryPerHour.toFixed(2) : 'none run';
    const near = m.negativeHours > 0 ? String(m.nearMissFalseAccepts) : 'none run';
    console.log(
      `| ${r.who} | ${r.verifier} | ${m.positives} | ${pct(m.falseRejectRate)} | ${fa} | ${near} |`,
    );
  }
  return rows;
}
