// What the phrase engine answers for a sentence heard: acted on, asked back ("Turn on the kitchen
// light?") or rejected, by the grammar's confidence and, when a second recogniser heard the same
// speech, by how far its transcript agrees (second-opinion.ts). Pure.
import type { Logger } from 'wyoming-ts';
import { fillerScore } from './filler-check.js';
import type { Calibration, PhraseResult } from './phrase-engine-types.js';
import { type SecondOpinionRule, weigh } from './second-opinion.js';
import type { Transcription } from './stt.js';

export interface DecisionOptions {
  readonly calibration: Calibration;
  readonly minConfidence: number;
  readonly askConfidence: number;
  /** The second opinion's rule, used when the result carries a second opinion. */
  readonly rule?: SecondOpinionRule;
  readonly logger: Logger;
}

/** The score (in units of fit) at which the engine's confidence is `confidence`. */
const scoreAt = (confidence: number, scale: number) =>
  scale * Math.log(confidence / Math.max(1e-9, 1 - confidence));

export function decide(heard: PhraseResult, options: DecisionOptions): Transcription {
  const { text, confidence, language, engine, rejected, fit, slot, filler, second } = heard;
  const { calibration, minConfidence, askConfidence, logger } = options;
  if (rejected) return { text: '', confidence, language, engine, rejected };
  const agreement = second && { agreement: second.agreement.sentence };
  const rejection = {
    text: '',
    confidence,
    language,
    engine,
    rejected: 'not-understood' as const,
    ...agreement,
  };
  // A name or value that fits far worse than free phones is one the grammar does not have.
  const fillerMargin = filler && fillerScore(filler, calibration.fillerRelative);
  if (fillerMargin !== undefined && fillerMargin < (calibration.fillerMargin ?? -Infinity)) {
    logger.debug(`phrase: rejected "${text}" (filler margin ${fillerMargin.toFixed(1)})`);
    return rejection;
  }
  const slotsClear = !slot || slot.slotMargin >= (calibration.slotMargin ?? -Infinity);
  if (second && options.rule) {
    const rule = scoreAt(minConfidence, calibration.scale);
    const askBand = rule - scoreAt(askConfidence, calibration.scale);
    const verdict = weigh(heard.score - rule, second.agreement, options.rule, askBand);
    const { sentence, run } = second.agreement;
    logger.debug(
      `phrase: "${text}" ${verdict} (fit ${fit.toFixed(1)}, agreement ${sentence.toFixed(2)}` +
        `${run === undefined ? '' : `, run ${run.toFixed(2)}`}; heard also "${second.transcript}")`,
    );
    // Acted on below the grammar's own rule: at its least confidence, never sure enough to open.
    const sure = Math.max(confidence, minConfidence);
    if (verdict === 'accept' && slotsClear)
      return { text, confidence: sure, language, engine, ...agreement };
    return verdict === 'reject' ? rejection : { ...rejection, unsure: text };
  }
  if (confidence >= minConfidence && slotsClear) return { text, confidence, language, engine };
  logger.debug(`phrase: rejected "${text}" (fit ${fit.toFixed(1)}, slots ${slotsClear})`);
  // A sentence whose slots are in doubt is asked back ("Set the light to eighty percent?").
  const ask = confidence >= askConfidence || (!slotsClear && confidence >= minConfidence);
  return ask ? { ...rejection, unsure: text } : rejection;
}
