import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../config/load.js';
import { secondOpinionRule } from '../index.js';
import { NEIGHBOURS_RUN_RULE, VALUE_RUNS_RULE, WORST_RUNS_RULE } from './second-opinion.js';

const ruleOf = (agreement: Record<string, unknown>) =>
  secondOpinionRule(validateConfig({ stt: { phrase: { agreement } } }));

// -1, as the configuration writes "no contrast", judges as none (`secondVerdict`).
const NO_CONTRAST = { contrast: -1 };

describe('the second opinion rule a configuration gives', () => {
  it('is the neighbours rule by default', () => {
    expect(ruleOf({})).toEqual({ ...NEIGHBOURS_RUN_RULE, ...NO_CONTRAST });
  });

  it('is the rule measured for the runs chosen when only runs is set', () => {
    expect(ruleOf({ runs: 'worst' })).toEqual(WORST_RUNS_RULE);
    expect(ruleOf({ runs: 'values' })).toEqual({ ...VALUE_RUNS_RULE, ...NO_CONTRAST });
  });

  it('keeps the runs rule for every need not set', () => {
    const rule = ruleOf({ runs: 'worst', run: 0.6, ask_sentence: 0.9 });
    expect(rule.strict).toEqual({ sentence: WORST_RUNS_RULE.strict.sentence, run: 0.6 });
    expect(rule.ask).toEqual({ sentence: 0.9, run: WORST_RUNS_RULE.ask.run });
    expect(rule.loose).toEqual(WORST_RUNS_RULE.loose);
    expect(rule.looseBand).toBe(WORST_RUNS_RULE.looseBand);
    expect(rule.contrast).toBe(0);
  });
});
