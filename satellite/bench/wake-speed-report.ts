// The wake word benchmark's tables about speed: false rejects per speaking speed, and the
// speed variants' pre-threshold against the wake threshold on the calibration voices.
import { SPEEDS } from './wake-corpus.js';
import { describe, inSplit, measure, pct, type Scored, type Setting } from './wake-eval.js';
import type { FrontEnd } from './wake-score.js';
import { PRE_THRESHOLDS } from './wake-variants.js';

/** Held-out false rejects per speed of `rows`' settings. */
export function perSpeed(s: Scored, rows: { option: string; setting: Setting }[]) {
  console.log('\nheld-out voices, all conditions: false rejects per speed\n');
  console.log(`| option | setting | ${SPEEDS.map((x) => `${x}x`).join(' | ')} |`);
  console.log(`|---|---|${SPEEDS.map(() => '---:').join('|')}|`);
  const out = [];
  for (const r of rows) {
    const rates = SPEEDS.map((speed) => {
      const keep = (x: { voice: string; condition: string; speed?: number }) =>
        inSplit('held-out')(x) && x.speed === speed;
      return measure(s, r.setting, keep).falseRejectRate;
    });
    out.push({ option: r.option, setting: r.setting, rates });
    console.log(`| ${r.option} | ${describe(r.setting)} | ${rates.map(pct).join(' | ')} |`);
  }
  return out;
}

const SWEEP_WAKE = [0.2, 0.3, 0.5, 0.7, 0.9];

/** On the calibration voices: each pre-threshold (0 = no speed variants) with some wake thresholds. */
export function speedSweep(s: Scored, frontEnds: readonly FrontEnd[]) {
  console.log('\ncalibration voices, all conditions: speed variants (pre-threshold 0: off)\n');
  console.log(
    '| front end | wake | pre-threshold | false rejects | 1.3x false rejects | FA/h ordinary | ordinary FA | near-miss FA/h |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const rows = [];
  for (const frontEnd of frontEnds) {
    for (const wake of SWEEP_WAKE) {
      for (const slowed of [0, ...PRE_THRESHOLDS]) {
        const setting: Setting = { frontEnd, wake, gate: 0, verifier: 0, slowed };
        const m = measure(s, setting, inSplit('calibration'));
        const fast = measure(
          s,
          setting,
          (x: { voice: string; condition: string; speed?: number }) =>
            inSplit('calibration')(x) && x.speed === SPEEDS.at(-1),
        );
        rows.push({ setting, measured: m, fastFalseRejectRate: fast.falseRejectRate });
        console.log(
          `| ${frontEnd} | ${wake} | ${slowed} | ${pct(m.falseRejectRate)} | ${pct(fast.falseRejectRate)} | ` +
            `${m.ordinaryPerHour.toFixed(2)} | ${m.ordinaryFalseAccepts} | ${m.nearMissPerHour.toFixed(1)} |`,
        );
      }
    }
  }
  return rows;
}
